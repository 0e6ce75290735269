//! Turning a file's bytes into text: encoding detection and newline normalisation.

use chardetng::EncodingDetector;
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8};

/// Why a file cannot be read as text.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DecodeError {
    /// The file has no bytes, or only whitespace.
    #[error("empty file")]
    Empty,
    /// The file holds NUL bytes, control characters or a known binary signature.
    #[error("binary file (NUL bytes or control characters)")]
    Binary,
    /// No supported encoding decodes the file cleanly; holds the detector's guess.
    #[error("not decodable as UTF-8, GBK/GB18030 or Big5 (detector guessed {0})")]
    Undecodable(String),
}

/// Signatures of common binary formats that may lack NUL bytes near the start.
const MAGIC: &[&[u8]] = &[
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xFF\xD8\xFF",
    b"PK\x03\x04",
    b"\x1F\x8B",
    b"Rar!",
    b"\x7FELF",
    b"%PDF-",
];

/// Detect and decode bytes: UTF-8 with/without BOM, UTF-16 with BOM, GBK/GB18030, Big5 (chardetng + encoding_rs); normalise CRLF and CR to LF. Returns the text and the encoding name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    // UTF-16 is full of NUL bytes, so a BOM must be honoured before the binary check.
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return finish(&text, encoding.name());
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text, UTF_8.name());
    }
    if mostly_utf8(bytes) {
        return finish(&String::from_utf8_lossy(bytes), UTF_8.name());
    }
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    let mut candidates: Vec<&'static Encoding> = Vec::new();
    if guess == GBK || guess == GB18030 || guess == BIG5 {
        candidates.push(guess);
    }
    for enc in [GBK, GB18030, BIG5] {
        if !candidates.contains(&enc) {
            candidates.push(enc);
        }
    }
    for enc in &candidates {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return finish(&text, enc.name());
        }
    }
    // A few corrupt bytes in an otherwise clean file are common on scraped pages.
    if let Some(enc) = candidates.first() {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if bad * 200 <= text.chars().count() {
            return finish(&text, enc.name());
        }
    }
    Err(DecodeError::Undecodable(guess.name().to_string()))
}

/// Decodes one line of a dump in the dump's encoding, falling back to detection when the line
/// does not decode cleanly in it (dumps concatenated from several sources exist).
pub fn decode_record(
    bytes: &[u8],
    encoding: &'static Encoding,
) -> Result<(String, &'static str), DecodeError> {
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return finish(text, UTF_8.name());
        }
    } else if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        return finish(&text, encoding.name());
    }
    decode(bytes)
}

/// Normalise newlines and reject text that holds nothing.
fn finish(text: &str, name: &'static str) -> Result<(String, &'static str), DecodeError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text.replace("\r\n", "\n").replace('\r', "\n"), name))
}

/// NUL bytes, binary signatures or many control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) || MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    controls * 100 > bytes.len()
}

/// Valid UTF-8 apart from a handful of stray bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte >= 30 && invalid * 200 <= multibyte
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("标题\r\n正文\r第二行".as_bytes());
        assert_eq!(
            decode(&bytes),
            Ok(("标题\n正文\n第二行".to_string(), "UTF-8"))
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "人才政策\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes), Ok(("人才政策\n".to_string(), "UTF-16LE")));
    }

    #[test]
    fn gbk_and_big5() {
        let text = "关于进一步加强高层次人才引进工作的实施意见\n各县区人民政府，市直各有关单位：为深入实施人才强市战略，现提出如下意见。";
        let (gbk, _, _) = GBK.encode(text);
        let (decoded, name) = decode(&gbk).expect("gbk decodes");
        assert_eq!(decoded, text);
        assert!(name == "GBK" || name == "gb18030", "{name}");
        let trad = "臺北市政府公告：為加強人才培育與產業創新，本府訂定補助辦法，請各單位依規定辦理申請事宜。";
        let (big5, _, _) = BIG5.encode(trad);
        assert_eq!(decode(&big5), Ok((trad.to_string(), "Big5")));
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n"), Err(DecodeError::Empty));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert_eq!(decode(png), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n"), Err(DecodeError::Binary));
        assert_eq!(DecodeError::Empty.to_string(), "empty file");
    }

    #[test]
    fn stray_bytes_in_utf8() {
        let mut bytes = "人才是第一资源，创新是第一动力。".repeat(5).into_bytes();
        bytes.push(0xE4);
        let (text, name) = decode(&bytes).expect("mostly utf-8");
        assert_eq!(name, "UTF-8");
        assert!(text.starts_with("人才是第一资源"));
    }
}
