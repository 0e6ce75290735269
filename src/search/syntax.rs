//! The query language a reader types: words (AND), "quoted phrases", -exclusions, OR.

use crate::fold::compact;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Every group must match; a group matches when any of its alternatives does.
    pub must: Vec<Vec<String>>,
    /// No article may contain any of these.
    pub must_not: Vec<String>,
    /// Terms left out beyond [`MAX_TERMS`].
    pub dropped: usize,
}

/// Most terms (words, phrases, alternatives and exclusions) a query uses: each is a clause
/// every candidate article is checked against, and a dozen already pin a query down.
pub const MAX_TERMS: usize = 12;

impl ParsedQuery {
    /// Whether the query asks for nothing (lists every article).
    pub fn is_empty(&self) -> bool {
        self.must.is_empty()
    }

    /// Every positive term, for highlighting.
    pub fn positive_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = self.must.iter().flatten().cloned().collect();
        terms.sort();
        terms.dedup();
        terms
    }
}

#[derive(Debug, PartialEq)]
enum Lexeme {
    Word { text: String, negated: bool },
    Or,
}

const OPEN_QUOTES: [char; 5] = ['"', '“', '「', '『', '＂'];

fn closing_quote(open: char) -> char {
    match open {
        '“' => '”',
        '「' => '」',
        '『' => '』',
        other => other,
    }
}

fn lex(input: &str) -> Vec<Lexeme> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' || c == '－' {
            chars.next();
            negated = true;
        }
        let mut text = String::new();
        match chars.peek() {
            Some(&q) if OPEN_QUOTES.contains(&q) => {
                chars.next();
                let close = closing_quote(q);
                // An unclosed quote runs to the end of the input.
                for c in chars.by_ref() {
                    if c == close || (close == '"' && c == '”') {
                        break;
                    }
                    text.push(c);
                }
            }
            _ => {
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() {
                        break;
                    }
                    text.push(c);
                    chars.next();
                }
            }
        }
        if !negated && (text == "OR" || text == "|" || text == "｜") {
            out.push(Lexeme::Or);
        } else {
            out.push(Lexeme::Word { text, negated });
        }
    }
    out
}

/// Parses a query string; whatever cannot be understood is dropped, never an error.
pub fn parse(input: &str) -> ParsedQuery {
    let mut parsed = ParsedQuery::default();
    let mut join_next = false;
    for lexeme in lex(input) {
        match lexeme {
            Lexeme::Or => join_next = !parsed.must.is_empty(),
            Lexeme::Word { text, negated } => {
                let term = compact(&text);
                if term.is_empty() {
                    continue;
                }
                let used: usize =
                    parsed.must.iter().map(Vec::len).sum::<usize>() + parsed.must_not.len();
                if used >= MAX_TERMS {
                    parsed.dropped += 1;
                    continue;
                }
                if negated {
                    parsed.must_not.push(term);
                    join_next = false;
                } else if join_next {
                    if let Some(group) = parsed.must.last_mut() {
                        group.push(term);
                    }
                    join_next = false;
                } else {
                    parsed.must.push(vec![term]);
                }
            }
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(q: &str) -> Vec<Vec<String>> {
        parse(q).must
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        assert_eq!(groups("智创城"), [["智创城"]]);
        assert_eq!(groups("人才 阳泉"), [["人才"], ["阳泉"]]);
        assert_eq!(groups("\"人才 政策\""), [["人才政策"]]);
        assert_eq!(
            groups("运城 OR 阳泉 人才"),
            [vec!["运城", "阳泉"], vec!["人才"]]
        );
        let p = parse("人才 -运城");
        assert_eq!(p.must, [["人才"]]);
        assert_eq!(p.must_not, ["运城"]);
    }

    #[test]
    fn folds_script_and_drops_noise() {
        assert_eq!(groups("創新"), [["创新"]]);
        assert_eq!(groups("，。 OR -"), Vec::<Vec<String>>::new());
        assert_eq!(groups("\"unclosed 人才"), [["unclosed人才"]]);
        assert_eq!(groups("OR 人才"), [["人才"]]);
        assert!(parse("-人才").is_empty());
    }

    #[test]
    fn terms_beyond_the_cap_are_dropped_and_counted() {
        let many: Vec<String> = (0..MAX_TERMS + 3).map(|i| format!("词{i}")).collect();
        let p = parse(&many.join(" "));
        assert_eq!(p.must.len(), MAX_TERMS);
        assert_eq!(p.dropped, 3);
        assert_eq!(p.must[0], ["词0"]);
    }
}
