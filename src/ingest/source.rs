//! Reading a file as units to ingest: a whole page, or a crawler dump streamed line by line
//! in bounded memory, each line a unit with its own raw bytes.

use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_8};

use super::walk::SourceFile;
use super::{decode, extract};

/// Largest single-article file read whole; a dump of JSON lines has no limit.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// Largest line of a dump: a record this long is not an article.
pub const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;
/// How much of a file is read to tell a dump from a page and to detect its encoding.
const SNIFF_BYTES: usize = 256 * 1024;
/// Read buffer of a dump.
const READ_BUFFER: usize = 1024 * 1024;

/// How a unit's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A whole file: format and encoding detected from its bytes.
    File,
    /// One line of a JSON-lines dump, in the dump's encoding.
    Record(&'static Encoding),
}

/// One thing to ingest with its own raw bytes.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The file's name.
    pub name: Arc<str>,
    /// 0 for a whole file; the 1-based line number of a dump's record.
    pub record: usize,
    /// The bytes as read (a record without its line end).
    pub bytes: Vec<u8>,
    /// How to read them.
    pub kind: UnitKind,
}

impl Unit {
    /// A whole file held in memory.
    pub fn file(name: &str, bytes: Vec<u8>) -> Unit {
        Unit {
            name: Arc::from(name),
            record: 0,
            bytes,
            kind: UnitKind::File,
        }
    }
}

/// Why a file, or a line of it, could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The line, for a dump's record.
    pub record: Option<usize>,
    /// What went wrong.
    pub reason: String,
}

impl ReadError {
    fn file(reason: impl ToString) -> ReadError {
        ReadError {
            record: None,
            reason: reason.to_string(),
        }
    }
}

/// The encoding of a dump whose head is `head`, or None when the file is not a JSON-lines
/// dump that can be split on line ends (UTF-16 cannot).
fn dump_encoding(name: &str, head: &[u8], whole: bool) -> Option<&'static Encoding> {
    if let Some((enc, _)) = Encoding::for_bom(head)
        && enc != UTF_8
    {
        return None;
    }
    let by_name = matches!(
        name.rsplit('.')
            .next()
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("jsonl" | "ndjson")
    );
    let first = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if !by_name && first != Some(&b'{') {
        return None;
    }
    // Judge whole lines only: the head may end inside a record.
    let lines = match head.iter().rposition(|&b| b == b'\n') {
        Some(end) if !whole => &head[..end],
        _ => head,
    };
    let (text, enc) = match std::str::from_utf8(lines) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), UTF_8),
        Err(_) => {
            let (text, name) = decode::decode(lines).ok()?;
            (
                std::borrow::Cow::Owned(text),
                Encoding::for_label(name.as_bytes())?,
            )
        }
    };
    (by_name || extract::looks_like_json_lines(&text)).then_some(enc)
}

/// Reads a file as units, handing each to `emit` (which returns false to stop early).
/// A dump is streamed line by line; any other file is read whole, up to [`MAX_FILE_BYTES`].
pub fn read_units(
    file: &SourceFile,
    emit: &mut dyn FnMut(Result<Unit, ReadError>) -> bool,
) -> Result<(), ReadError> {
    let handle = std::fs::File::open(&file.path).map_err(ReadError::file)?;
    let mut reader = BufReader::with_capacity(READ_BUFFER, handle);
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(ReadError::file)?;
    let whole = head.len() < SNIFF_BYTES;
    let name: Arc<str> = Arc::from(file.name.as_str());
    if let Some(encoding) = dump_encoding(&file.name, &head, whole) {
        return stream_lines(name, head, reader, encoding, emit);
    }
    if file.len > MAX_FILE_BYTES {
        return Err(ReadError::file(format!(
            "file too large ({} MiB; at most {} MiB unless it is a JSON-lines dump)",
            file.len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let mut bytes = head;
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::file)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::file(
            "file grew beyond the size limit while read",
        ));
    }
    emit(Ok(Unit {
        name,
        record: 0,
        bytes,
        kind: UnitKind::File,
    }));
    Ok(())
}

/// Streams the lines of a dump whose first bytes are `head`.
fn stream_lines(
    name: Arc<str>,
    head: Vec<u8>,
    rest: impl BufRead,
    encoding: &'static Encoding,
    emit: &mut dyn FnMut(Result<Unit, ReadError>) -> bool,
) -> Result<(), ReadError> {
    let mut input = std::io::Cursor::new(head).chain(rest);
    let mut line_no = 0usize;
    let mut any = false;
    loop {
        line_no += 1;
        let mut line = Vec::new();
        let read = (&mut input)
            .take(MAX_RECORD_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(ReadError::file)?;
        if read == 0 {
            break;
        }
        if line.len() > MAX_RECORD_BYTES && line.last() != Some(&b'\n') {
            // Skip the rest of the overlong line without holding it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let n = (&mut input)
                    .take(READ_BUFFER as u64)
                    .read_until(b'\n', &mut sink)
                    .map_err(ReadError::file)?;
                if n == 0 || sink.last() == Some(&b'\n') {
                    break;
                }
            }
            any = true;
            let error = ReadError {
                record: Some(line_no),
                reason: format!(
                    "bad record on line {line_no}: longer than {} MiB",
                    MAX_RECORD_BYTES / (1024 * 1024)
                ),
            };
            if !emit(Err(error)) {
                return Ok(());
            }
            continue;
        }
        while matches!(line.last(), Some(b'\n' | b'\r')) {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        let unit = Unit {
            name: name.clone(),
            record: line_no,
            bytes: line,
            kind: UnitKind::Record(encoding),
        };
        if !emit(Ok(unit)) {
            return Ok(());
        }
    }
    if !any {
        emit(Ok(Unit {
            name,
            record: 0,
            bytes: Vec::new(),
            kind: UnitKind::File,
        }));
    }
    Ok(())
}

/// The units of bytes held in memory (a file given whole, such as the bundled sample).
pub fn units_of(name: &str, bytes: &[u8]) -> Vec<Result<Unit, ReadError>> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let whole = bytes.len() <= SNIFF_BYTES;
    let mut out = Vec::new();
    match dump_encoding(name, head, whole) {
        Some(encoding) => {
            let mut emit = |u| {
                out.push(u);
                true
            };
            let result = stream_lines(
                Arc::from(name),
                Vec::new(),
                std::io::Cursor::new(bytes),
                encoding,
                &mut emit,
            );
            if let Err(e) = result {
                out.push(Err(e));
            }
        }
        None => out.push(Ok(Unit::file(name, bytes.to_vec()))),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, SourceFile) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let file = SourceFile {
            path,
            name: name.to_string(),
            len: bytes.len() as u64,
        };
        (dir, file)
    }

    fn read_all(file: &SourceFile) -> Vec<Result<Unit, ReadError>> {
        let mut out = Vec::new();
        read_units(file, &mut |u| {
            out.push(u);
            true
        })
        .expect("read");
        out
    }

    #[test]
    fn a_dump_is_split_into_records_numbered_by_line() {
        let dump = "{\"title\":\"一\"}\r\n\n{\"title\":\"二\"}\n{\"title\":\"三\"}";
        let (_dir, file) = file_with("dump.jsonl", dump.as_bytes());
        let units = read_all(&file);
        let got: Vec<(usize, Vec<u8>)> = units
            .into_iter()
            .map(|u| u.expect("unit"))
            .map(|u| (u.record, u.bytes))
            .collect();
        assert_eq!(
            got,
            [
                (1, "{\"title\":\"一\"}".as_bytes().to_vec()),
                (3, "{\"title\":\"二\"}".as_bytes().to_vec()),
                (4, "{\"title\":\"三\"}".as_bytes().to_vec()),
            ]
        );
        assert_eq!(units_of("dump.jsonl", dump.as_bytes()).len(), 3);
    }

    #[test]
    fn a_page_is_one_unit_and_a_gbk_dump_keeps_its_encoding() {
        let (_dir, file) = file_with("page.html", "<p>人才</p>".as_bytes());
        let units = read_all(&file);
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].as_ref().expect("unit").kind, UnitKind::File);
        let line = "{\"title\":\"关于进一步加强高层次人才引进工作的实施意见\",\"content\":\"为深入实施人才强市战略，现提出如下意见。\"}\n";
        let lines = line.repeat(3);
        let (gbk, _, _) = encoding_rs::GBK.encode(&lines);
        let (_dir, file) = file_with("crawl.txt", &gbk);
        let units = read_all(&file);
        assert_eq!(units.len(), 3);
        let kind = units[0].as_ref().expect("unit").kind;
        assert!(
            matches!(kind, UnitKind::Record(e) if e != UTF_8),
            "{kind:?}"
        );
    }

    #[test]
    fn an_empty_dump_is_one_empty_unit() {
        let units = units_of("empty.jsonl", b"\n\n");
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].as_ref().expect("unit").record, 0);
    }
}
