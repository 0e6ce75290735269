//! Finding and reading the files to ingest.

use std::path::{Path, PathBuf};

/// Largest file read whole.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// A file to ingest: where it is and the name it is stored under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path on disk.
    pub path: PathBuf,
    /// Name kept with the article: relative to the directory given, or the file name.
    pub name: String,
}

/// A path that could not be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The path as given or found.
    pub name: String,
    /// Why.
    pub reason: String,
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<SourceFile>, bad: &mut Vec<Unreadable>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            bad.push(Unreadable {
                name: prefix.to_string(),
                reason: e.to_string(),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if is_hidden(&path) {
            continue;
        }
        let name = format!(
            "{prefix}/{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        if path.is_dir() {
            walk(&path, &name, out, bad);
        } else {
            out.push(SourceFile { path, name });
        }
    }
}

/// Expands files and directories (recursively, skipping hidden entries) in a stable order.
pub fn collect(paths: &[PathBuf]) -> (Vec<SourceFile>, Vec<Unreadable>) {
    let (mut out, mut bad) = (Vec::new(), Vec::new());
    for path in paths {
        let base = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.display().to_string());
        if path.is_dir() {
            walk(path, &base, &mut out, &mut bad);
        } else if path.exists() {
            out.push(SourceFile {
                path: path.clone(),
                name: base,
            });
        } else {
            bad.push(Unreadable {
                name: path.display().to_string(),
                reason: "no such file or directory".to_string(),
            });
        }
    }
    (out, bad)
}

/// Reads a file whole, refusing ones too large to hold in memory.
pub fn read(file: &SourceFile) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(&file.path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file too large ({} MiB; at most {} MiB)",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(&file.path).map_err(|e| e.to_string())
}
