//! Finding the files to ingest: a lazy walk that never loops and never opens what is not a
//! regular file.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

/// A file to ingest: where it is and the name it is stored under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path on disk.
    pub path: PathBuf,
    /// Name kept with the article: relative to the directory given, or the file name.
    pub name: String,
    /// Size in bytes when listed.
    pub len: u64,
}

/// A path that was found but cannot be ingested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path as given or found.
    pub name: String,
    /// Why.
    pub reason: String,
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

/// What kind of special file a path is, for the report.
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    let _ = file_type;
    "not a regular file"
}

/// The name an entry is stored under: the root's own name, then the path below it.
fn entry_name(root: &Path, base: &str, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => {
            let rel: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
            format!("{base}/{}", rel.join("/"))
        }
        _ => base.to_string(),
    }
}

/// Every file below the paths (symbolic links followed, loops detected), in a stable order,
/// listed lazily: a directory of any size is walked without holding its listing.
pub fn walk(paths: &[PathBuf]) -> impl Iterator<Item = Result<SourceFile, Skipped>> + '_ {
    paths.iter().flat_map(|root| {
        let base = root
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| root.display().to_string());
        WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !is_hidden(e))
            .filter_map(move |entry| match entry {
                Err(e) => {
                    let name = e
                        .path()
                        .map(|p| entry_name(root, &base, p))
                        .unwrap_or_else(|| base.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        "a symbolic link back to a directory above it (skipped)".to_string()
                    } else if let Some(io) = e.io_error() {
                        if io.kind() == std::io::ErrorKind::NotFound {
                            "no such file or directory".to_string()
                        } else {
                            io.to_string()
                        }
                    } else {
                        e.to_string()
                    };
                    Some(Err(Skipped { name, reason }))
                }
                Ok(entry) if entry.file_type().is_dir() => None,
                Ok(entry) => {
                    let name = entry_name(root, &base, entry.path());
                    if !entry.file_type().is_file() {
                        let kind = special_kind(entry.file_type());
                        return Some(Err(Skipped {
                            name,
                            reason: format!("{kind}, not a regular file (skipped)"),
                        }));
                    }
                    let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
                    Some(Ok(SourceFile {
                        path: entry.into_path(),
                        name,
                        len,
                    }))
                }
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_in_order_skipping_hidden_and_naming_relative_paths() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("in");
        std::fs::create_dir_all(root.join("b")).expect("mkdir");
        std::fs::write(root.join("b/2.txt"), "x").expect("write");
        std::fs::write(root.join("a.txt"), "x").expect("write");
        std::fs::write(root.join(".hidden"), "x").expect("write");
        let names: Vec<String> = walk(std::slice::from_ref(&root))
            .map(|r| r.expect("file").name)
            .collect();
        assert_eq!(names, ["in/a.txt", "in/b/2.txt"]);
    }

    #[test]
    fn a_missing_path_is_reported() {
        let missing = PathBuf::from("/nonexistent/rencai-walk");
        let got: Vec<_> = walk(std::slice::from_ref(&missing)).collect();
        assert_eq!(got.len(), 1);
        let skipped = got[0].as_ref().expect_err("missing");
        assert_eq!(skipped.reason, "no such file or directory");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_fifos_are_skipped_with_a_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("tree");
        std::fs::create_dir_all(root.join("sub")).expect("mkdir");
        std::fs::write(root.join("sub/a.txt"), "x").expect("write");
        std::os::unix::fs::symlink(&root, root.join("sub/loop")).expect("symlink");
        let fifo = root.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let got: Vec<_> = walk(std::slice::from_ref(&root)).collect();
        let files: Vec<_> = got.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(files.len(), 1, "{got:?}");
        assert!(got.iter().any(|r| {
            r.as_ref()
                .is_err_and(|s| s.name == "tree/sub/loop" && s.reason.contains("symbolic link"))
        }));
        if made.is_ok_and(|s| s.success()) {
            assert!(got.iter().any(|r| {
                r.as_ref()
                    .is_err_and(|s| s.name == "tree/pipe" && s.reason.contains("FIFO"))
            }));
        }
    }
}
