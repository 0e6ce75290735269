//! Turning a parsed query and filters into tantivy queries.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};

use super::schema::{Fields, Flat};
use super::syntax::ParsedQuery;
use super::tokenizer::words;

const TITLE_BOOST: f32 = 3.0;

/// Matches articles whose text contains `term` (compacted) verbatim, in title or body.
fn exact_in(field: Field, term: &str) -> Box<dyn Query> {
    let chars: Vec<char> = term.chars().collect();
    match chars.as_slice() {
        [] => Box::new(EmptyQuery),
        [c] => {
            let pattern = format!("{}.?", regex_syntax_escape(*c));
            match RegexQuery::from_pattern(&pattern, field) {
                Ok(q) => Box::new(q),
                Err(_) => Box::new(EmptyQuery),
            }
        }
        _ => {
            // Bigrams at every other position, plus the last, cover every character: fewer
            // posting lists to intersect than all overlapping bigrams, same matches.
            let last = chars.len() - 2;
            let terms: Vec<(usize, Term)> = (0..=last)
                .filter(|p| p % 2 == 0 || *p == last)
                .map(|p| {
                    let gram: String = chars[p..p + 2].iter().collect();
                    (p, Term::from_field_text(field, &gram))
                })
                .collect();
            if let [(_, only)] = terms.as_slice() {
                Box::new(TermQuery::new(only.clone(), IndexRecordOption::WithFreqs))
            } else {
                Box::new(PhraseQuery::new_with_offset(terms))
            }
        }
    }
}

fn regex_syntax_escape(c: char) -> String {
    if c.is_alphanumeric() {
        c.to_string()
    } else {
        format!("\\{c}")
    }
}

/// The text is present verbatim in the title or the body.
fn exact(fields: &Fields, term: &str) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(
                exact_in(fields.title_grams, term),
                TITLE_BOOST,
            )),
        ),
        (Occur::Should, exact_in(fields.body_grams, term)),
    ]))
}

/// BM25 over jieba words of the term in the title: ranks, does not filter (the body is scored
/// by its bigram phrase in `exact`).
fn ranking(fields: &Fields, term: &str) -> Vec<(Occur, Box<dyn Query>)> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for token in words(term, true) {
        if !seen.insert(token.text.clone()) {
            continue;
        }
        let q = TermQuery::new(
            Term::from_field_text(fields.title, &token.text),
            IndexRecordOption::WithFreqs,
        );
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(q), TITLE_BOOST)),
        ));
    }
    clauses
}

/// One required term: present verbatim, scored by its words.
fn term_query(fields: &Fields, term: &str) -> Box<dyn Query> {
    let mut clauses = vec![(Occur::Must, exact(fields, term))];
    clauses.extend(ranking(fields, term));
    Box::new(BooleanQuery::new(clauses))
}

/// The words a term falls back to when it is not found as written: jieba's words, with a
/// compound split into its parts when they cover it (人才政策 → 人才, 政策).
pub fn fallback_words(term: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(term, false) {
        let len = word.text.chars().count();
        let parts: Vec<_> = words(&word.text, true)
            .into_iter()
            .filter(|t| t.text.chars().count() < len)
            .collect();
        let mut covered = vec![false; len];
        for p in &parts {
            for c in covered
                .iter_mut()
                .skip(p.position)
                .take(p.text.chars().count())
            {
                *c = true;
            }
        }
        if !parts.is_empty() && covered.iter().all(|c| *c) {
            out.extend(parts.into_iter().map(|p| p.text));
        } else {
            out.push(word.text);
        }
    }
    if out.iter().any(|w| w.chars().count() > 1) {
        out.retain(|w| w.chars().count() > 1);
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|w| seen.insert(w.clone()));
    out
}

/// The text query: each group must match (any alternative), exclusions must not.
/// With `fallback`, every term is loosened to all of its words.
pub fn text_query(fields: &Fields, parsed: &ParsedQuery, fallback: bool) -> Box<dyn Query> {
    if parsed.is_empty() && parsed.must_not.is_empty() {
        return Box::new(AllQuery);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if parsed.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    for group in &parsed.must {
        let alternatives: Vec<(Occur, Box<dyn Query>)> = group
            .iter()
            .map(|term| {
                let q = if fallback {
                    let words: Vec<(Occur, Box<dyn Query>)> = fallback_words(term)
                        .iter()
                        .map(|w| (Occur::Must, term_query(fields, w)))
                        .collect();
                    Box::new(BooleanQuery::new(words)) as Box<dyn Query>
                } else {
                    term_query(fields, term)
                };
                (Occur::Should, or_the_numbered_document(fields, term, q))
            })
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
    }
    for term in &parsed.must_not {
        clauses.push((Occur::MustNot, exact(fields, term)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// How far a document whose own number a query spells ranks above the texts that cite it.
const DOC_NUMBER_BOOST: f32 = 50.0;

/// A term that spells a document number also finds the document with that number, first.
fn or_the_numbered_document(fields: &Fields, term: &str, q: Box<dyn Query>) -> Box<dyn Query> {
    let Some(number) = crate::document::numbers::as_number(term) else {
        return q;
    };
    let own: Box<dyn Query> = Box::new(BoostQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_text(fields.doc_number, &number),
            IndexRecordOption::Basic,
        )),
        DOC_NUMBER_BOOST,
    ));
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, q),
        (Occur::Should, own),
    ]))
}

/// Filters that narrow results without changing their scores.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Region facet paths of which one must match (a city includes its counties); empty for
    /// no region filter.
    pub regions: Vec<Facet>,
    /// Date facet path (/year or /year/month).
    pub when: Option<Facet>,
    /// One-level facet filters (/通知 as kind, /济南市人民政府办公厅 as issuer …).
    pub flat: Vec<(Flat, Facet)>,
    /// Inclusive range of publication seconds.
    pub range: Option<(Option<i64>, Option<i64>)>,
    /// Validity (有效性) on the standing's day.
    pub validity: Option<(crate::document::Validity, super::Standing)>,
}

/// A filter dimension left out of a query, for facet counts that show the alternatives to
/// the current choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Every filter applies.
    Nothing,
    /// The region filter is left out.
    Region,
    /// The date filters are left out.
    When,
    /// The filter of one one-level dimension is left out.
    Flat(Flat),
    /// The validity filter is left out.
    Validity,
}

/// Combines a text query with filters, leaving out one dimension when asked.
pub fn filtered(
    fields: &Fields,
    text: Box<dyn Query>,
    filters: &Filters,
    leave: Leave,
) -> Box<dyn Query> {
    let (skip_region, skip_when) = (leave == Leave::Region, leave == Leave::When);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
    let mut filter = |q: Box<dyn Query>| {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    };
    match (filters.regions.as_slice(), skip_region) {
        (_, true) | ([], _) => {}
        ([one], false) => filter(facet_query(fields.region, one)),
        (several, false) => filter(Box::new(BooleanQuery::new(
            several
                .iter()
                .map(|f| (Occur::Should, facet_query(fields.region, f)))
                .collect(),
        ))),
    }
    for (dim, facet) in &filters.flat {
        if leave != Leave::Flat(*dim) {
            filter(facet_query(fields.flat(*dim), facet));
        }
    }
    if let (Some((wanted, standing)), false) = (&filters.validity, leave == Leave::Validity) {
        filter(standing.query(*wanted));
    }
    if !skip_when {
        if let Some(when) = &filters.when {
            filter(facet_query(fields.when, when));
        }
        if let Some((from, to)) = filters.range {
            let bound = |v: Option<i64>, inclusive: fn(Term) -> Bound<Term>| {
                v.map_or(Bound::Unbounded, |s| {
                    inclusive(Term::from_field_i64(fields.ts, s))
                })
            };
            filter(Box::new(RangeQuery::new(
                bound(from, Bound::Included),
                bound(to, Bound::Included),
            )));
        }
    }
    if clauses.len() == 1 {
        return clauses.remove(0).1;
    }
    Box::new(BooleanQuery::new(clauses))
}

fn facet_query(field: Field, facet: &Facet) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(field, facet),
        IndexRecordOption::Basic,
    ))
}

#[cfg(test)]
mod tests {
    use super::fallback_words;

    #[test]
    fn fallback_splits_compounds_into_their_words() {
        assert_eq!(fallback_words("阳泉人才政策"), ["阳泉", "人才", "政策"]);
        assert_eq!(fallback_words("晋江"), ["晋江"]);
    }
}
