//! Citations: the documents a text refers to by 《title》 or number, other than itself, and
//! those it repeals (a citation with that role, listed apart).

use serde::Serialize;

use super::repeals::{Reference, references_in, repeals, sentences, title_key, title_keys};

/// A document a text cites, resolved to an archived article when one matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The title as cited (without 《》).
    pub title: Option<String>,
    /// The number as cited, normalised.
    pub doc_number: Option<String>,
    /// The archived article it names, if any.
    pub id: Option<String>,
}

impl From<Reference> for Citation {
    /// A reference not yet resolved to an archived article.
    fn from(r: Reference) -> Citation {
        Citation {
            title: r.title,
            doc_number: r.doc_number,
            id: None,
        }
    }
}

/// An archived article citing another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedBy {
    /// Its permalink id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// The documents a text cites, outside the sentences that repeal them, never itself (its
/// own numbers or titles, or the document a notice issues).
pub fn cited(title: &str, own_numbers: &[String], paragraphs: &[&str]) -> Vec<Reference> {
    let own_keys = title_keys(title);
    let mut out: Vec<Reference> = Vec::new();
    for r in sentences(paragraphs)
        .filter(|s| !repeals(s))
        .flat_map(references_in)
    {
        let own_number = r
            .doc_number
            .as_ref()
            .is_some_and(|n| own_numbers.contains(n));
        let own_title = r
            .title
            .as_deref()
            .is_some_and(|t| own_keys.contains(&title_key(t)));
        if !own_number && !own_title && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cited;

    #[test]
    fn citations_leave_out_the_document_itself_and_what_it_repeals() {
        let refs = cited(
            "济南市人民政府办公厅关于印发济南市高层次人才分类认定办法的通知",
            &["济政办发〔2021〕8号".to_string()],
            &[
                "《济南市高层次人才分类认定办法》已经市政府同意，现印发给你们。",
                "根据《山东省高层次人才分类认定办法》（鲁人社发〔2019〕15号），制定本办法。",
                "《济南市人才认定办法》（济政办发〔2017〕5号）同时废止。",
            ],
        );
        assert_eq!(refs.len(), 1, "{refs:?}");
        assert_eq!(refs[0].doc_number.as_deref(), Some("鲁人社发〔2019〕15号"));
    }
}
