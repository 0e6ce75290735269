// TEMPORARY placeholder.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DecodeError {
    #[error("empty")]
    Empty,
}
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((String::from_utf8_lossy(bytes).into_owned(), "UTF-8"))
}
