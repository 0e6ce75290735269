//! One Aho-Corasick pass over a text, yielding place-name and self-reference hits.

use std::cmp::Reverse;

use aho_corasick::{AhoCorasick, MatchKind};

use super::gazetteer::{Gazetteer, Place};
use super::names::{BLOCKERS, FEATURE_WORDS, INSTITUTION_WORDS, SUFFIX_WORDS, SURNAMES, words};

/// The level a self-reference such as 我市 points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Province,
    City,
    County,
    /// 我区/全区: a district, or the whole of an autonomous region.
    District,
}

const SELF_REFS: &[(&str, Scope)] = &[
    ("我省", Scope::Province),
    ("本省", Scope::Province),
    ("全省", Scope::Province),
    ("我市", Scope::City),
    ("本市", Scope::City),
    ("全市", Scope::City),
    ("我州", Scope::City),
    ("本州", Scope::City),
    ("全州", Scope::City),
    ("我盟", Scope::City),
    ("全盟", Scope::City),
    ("我县", Scope::County),
    ("本县", Scope::County),
    ("全县", Scope::County),
    ("我区", Scope::District),
    ("本区", Scope::District),
    ("全区", Scope::District),
];

#[derive(Debug, Clone, Copy)]
enum Token {
    Name(usize),
    SelfRef(Scope),
    Blocker,
}

/// What a scan finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    /// A gazetteer key (index into `Gazetteer::keys`).
    Name(usize),
    SelfRef(Scope),
}

/// The compiled automaton over all names, self-references and blockers.
pub(crate) struct Matcher {
    ac: AhoCorasick,
    tokens: Vec<Token>,
}

impl Matcher {
    /// A matcher that finds nothing (a placeholder while the gazetteer is assembled).
    pub(crate) fn empty() -> Matcher {
        Matcher::compile(Vec::new(), Vec::new())
    }

    // The patterns are the bundled gazetteer and word lists: an automaton that cannot be
    // built is a defect of this build, and attribution must not go quietly missing.
    fn compile(patterns: Vec<&str>, tokens: Vec<Token>) -> Matcher {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("the bundled place names compile into an automaton");
        Matcher { ac, tokens }
    }

    /// Compiles the gazetteer keys (in key order) with the fixed word lists.
    pub(crate) fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Matcher {
        let mut patterns: Vec<&str> = Vec::new();
        let mut tokens = Vec::new();
        for (i, k) in keys.enumerate() {
            patterns.push(k);
            tokens.push(Token::Name(i));
        }
        for &(p, scope) in SELF_REFS {
            patterns.push(p);
            tokens.push(Token::SelfRef(scope));
        }
        for b in words(BLOCKERS) {
            patterns.push(b);
            tokens.push(Token::Blocker);
        }
        Matcher::compile(patterns, tokens)
    }
}

/// Segmentation priority: tier (blockers first), length (longer first), level, position.
type Rank = (u8, Reverse<usize>, u8, usize);

struct Raw {
    token: Token,
    start: usize,
    end: usize,
}

impl Gazetteer {
    /// All hits in `text`, after discarding institutions, streets and personal names.
    pub(crate) fn scan(&self, text: &str) -> Vec<Hit> {
        let raws = self.segment(&self.matcher.ac, text);
        let mut hits = Vec::new();
        for (i, r) in raws.iter().enumerate() {
            match r.token {
                Token::Blocker => {}
                Token::SelfRef(s) => hits.push(Hit::SelfRef(s)),
                Token::Name(key) => {
                    let next_start = raws.get(i + 1).map_or(text.len(), |n| n.start);
                    let prev_end = i.checked_sub(1).and_then(|j| raws.get(j)).map(|p| p.end);
                    let Some(key) = self.unglued(key, text, r.end) else {
                        continue;
                    };
                    if self.keeps(key, text, r, next_start, prev_end) {
                        hits.push(Hit::Name(key));
                    }
                }
            }
        }
        hits
    }

    /// Chooses non-overlapping matches: blockers first, then longer names, then higher levels,
    /// so that 美丽江西 reads as 江西 rather than 丽江 and 河南平顶山 as 河南 + 平顶山.
    fn segment(&self, ac: &AhoCorasick, text: &str) -> Vec<Raw> {
        let mut all: Vec<(Raw, Rank)> = ac
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let token = *self.matcher.tokens.get(m.pattern().as_usize())?;
                let len = text.get(m.start()..m.end())?.chars().count();
                let rank = match token {
                    Token::Blocker => (0, Reverse(len), 0, m.start()),
                    Token::Name(k) => (1, Reverse(len), self.level_rank(k), m.start()),
                    Token::SelfRef(_) => (1, Reverse(len), u8::MAX, m.start()),
                };
                let raw = Raw {
                    token,
                    start: m.start(),
                    end: m.end(),
                };
                Some((raw, rank))
            })
            .collect();
        all.sort_by_key(|(_, rank)| *rank);
        let mut taken = vec![false; text.len()];
        let mut chosen: Vec<Raw> = Vec::new();
        for (raw, _) in all {
            let span = raw.start..raw.end;
            if taken
                .get(span.clone())
                .is_some_and(|t| t.iter().all(|x| !x))
            {
                taken[span].fill(true);
                chosen.push(raw);
            }
        }
        chosen.sort_by_key(|r| r.start);
        chosen
    }

    /// Province names outrank city names, which outrank county names; full forms outrank short.
    fn level_rank(&self, key: usize) -> u8 {
        let Some((_, entries)) = self.keys.get(key) else {
            return u8::MAX;
        };
        entries
            .iter()
            .map(|e| {
                let level = match e.place {
                    Place::Province(_) => 0,
                    Place::City(_) => 2,
                    Place::County(_) => 4,
                };
                level + u8::from(!e.full)
            })
            .min()
            .unwrap_or(u8::MAX)
    }

    /// The key to use when a full name's suffix really starts the next word (会同县级 -> 会同).
    fn unglued(&self, key: usize, text: &str, end: usize) -> Option<usize> {
        let (name, entries) = self.keys.get(key)?;
        let next = text.get(end..).and_then(|t| t.chars().next());
        let glued = entries.iter().any(|e| e.full)
            && ['市', '县', '区'].iter().any(|&c| name.ends_with(c))
            && next.is_some_and(|c| SUFFIX_WORDS.contains(&c));
        if !glued {
            return Some(key);
        }
        let stem = name.char_indices().next_back().map(|(i, _)| &name[..i])?;
        self.index.get(stem).copied()
    }

    fn keeps(
        &self,
        key: usize,
        text: &str,
        r: &Raw,
        next_start: usize,
        prev_end: Option<usize>,
    ) -> bool {
        let Some((name, entries)) = self.keys.get(key) else {
            return false;
        };
        let after = text.get(r.end..next_start.max(r.end)).unwrap_or("");
        if names_institution(after) {
            return false;
        }
        if entries.iter().any(|e| e.full) {
            return true;
        }
        // A following place name (运城河津) is not a feature suffix.
        let rest = text.get(r.end..).unwrap_or("");
        if next_start > r.end && FEATURE_WORDS.iter().any(|w| rest.starts_with(w)) {
            return false;
        }
        // A two-character short name right after a surname is usually part of a personal name.
        let before = text.get(..r.start).and_then(|t| t.chars().next_back());
        let glued = prev_end == Some(r.start);
        !(name.chars().count() == 2 && !glued && before.is_some_and(|c| SURNAMES.contains(c)))
    }
}

/// Whether the text right after a place name turns it into an institution's name.
fn names_institution(after: &str) -> bool {
    let window: String = after
        .chars()
        .take_while(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !is_cjk_punct(*c))
        .take(6)
        .collect();
    INSTITUTION_WORDS.iter().any(|w| {
        window.match_indices(w).any(|(i, _)| {
            let tail = &window[i + w.len()..];
            let head = &window[..i];
            let student = *w == "大学" && tail.starts_with('生');
            let academy = *w == "学院" && head.ends_with('科');
            !student && !academy
        })
    })
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}
