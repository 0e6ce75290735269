//! Errors told in full: each error's message followed by its causes.

use std::error::Error;

/// "message: cause: cause…", for logs and reports where a cause must not be lost.
pub fn chain(e: &(dyn Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let told = cause.to_string();
        // A wrapper that repeats its cause's message adds nothing to the line.
        if !out.ends_with(&told) {
            out.push_str(": ");
            out.push_str(&told);
        }
        source = cause.source();
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_chain_tells_every_cause_once() {
        let io = std::io::Error::other("disk full");
        let wrapped = crate::store::StoreError::Lock("rencai.db-migrate-lock".into(), io);
        assert_eq!(
            super::chain(&wrapped),
            "lock file rencai.db-migrate-lock: disk full"
        );
    }
}
