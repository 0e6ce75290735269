//! Snippets and highlights: the best passage of a text with every match marked, as runs of
//! plain and marked text that templates escape (and `to_html` for the API and feeds).
//!
//! Matching runs on folded word characters, so a Simplified query marks Traditional text and a
//! match that spans punctuation is still found; the marks are placed on the text as written.

use crate::fold::{fold_char, is_word_char};

/// Byte ranges in `text` where any of the (compacted) terms occurs.
pub fn find_matches(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let chars: Vec<(char, usize, usize)> = text
        .char_indices()
        .map(|(at, c)| (fold_char(c), at, at + c.len_utf8()))
        .filter(|(c, _, _)| is_word_char(*c))
        .collect();
    let mut ranges = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > chars.len() {
            continue;
        }
        for start in 0..=(chars.len() - needle.len()) {
            if chars[start..start + needle.len()]
                .iter()
                .zip(&needle)
                .all(|((c, _, _), n)| c == n)
            {
                ranges.push((chars[start].1, chars[start + needle.len() - 1].2));
            }
        }
    }
    ranges.sort_unstable();
    // Merge overlaps so marks never nest.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// A run of text, marked when it matches the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text as written (not escaped).
    pub text: String,
    /// Whether it matches a query term.
    pub marked: bool,
}

/// Text as runs of plain and marked segments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked(pub Vec<Segment>);

impl Marked {
    fn push(&mut self, text: &str, marked: bool) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(text),
            _ => self.0.push(Segment {
                text: text.to_string(),
                marked,
            }),
        }
    }

    /// Characters `from..to` of the text, keeping their marks.
    pub fn cut(&self, from: usize, to: usize) -> Marked {
        let mut out = Marked::default();
        let mut at = 0;
        for s in &self.0 {
            let len = s.text.chars().count();
            let (a, b) = (from.max(at), to.min(at + len));
            if a < b {
                let piece: String = s.text.chars().skip(a - at).take(b - a).collect();
                out.push(&piece, s.marked);
            }
            at += len;
        }
        out
    }

    /// The segments, for templates.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// HTML with every match in `<mark>`, everything else escaped (for the API and feeds).
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        for s in &self.0 {
            if s.marked {
                out.push_str("<mark>");
                out.push_str(&escape(&s.text));
                out.push_str("</mark>");
            } else {
                out.push_str(&escape(&s.text));
            }
        }
        out
    }
}

impl serde::Serialize for Marked {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_html())
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole text with every match marked.
pub fn highlight(text: &str, terms: &[String]) -> Marked {
    let mut out = Marked::default();
    render(&mut out, text, 0, text.len(), &find_matches(text, terms));
    out
}

fn render(out: &mut Marked, text: &str, from: usize, to: usize, matches: &[(usize, usize)]) {
    let mut at = from;
    for &(m_from, m_to) in matches {
        if m_to <= from || m_from >= to {
            continue;
        }
        let (m_from, m_to) = (m_from.max(at), m_to.min(to));
        out.push(&text[at..m_from], false);
        out.push(&text[m_from..m_to], true);
        at = m_to;
    }
    out.push(&text[at..to], false);
}

/// Moves a byte offset back to the nearest char boundary.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The passage of about `max_chars` characters holding the most matches, marked; the opening
/// of the text when nothing matches.
pub fn snippet(text: &str, terms: &[String], max_chars: usize) -> Marked {
    let text = text.trim();
    let matches = find_matches(text, terms);
    let window = max_chars * 3;
    let best = matches
        .iter()
        .enumerate()
        .max_by_key(|(i, (from, _))| {
            let inside = matches[*i..]
                .iter()
                .take_while(|(f, _)| *f < from + window)
                .count();
            (inside, std::cmp::Reverse(*from))
        })
        .map(|(_, m)| m.0);
    let Some(first) = best else {
        let end = text
            .char_indices()
            .nth(max_chars)
            .map_or(text.len(), |(at, _)| at);
        let mut out = Marked::default();
        out.push(&text[..end], false);
        if end < text.len() {
            out.push("…", false);
        }
        return out;
    };
    // Start a little before the first match: after the nearest sentence or clause break, and
    // never on punctuation that closes something begun before the snippet.
    let lead = text[..first].chars().rev().take(30).collect::<Vec<_>>();
    let back = lead
        .iter()
        .position(|c| matches!(c, '。' | '！' | '？' | '\n' | '；' | '，' | '：' | ','))
        .unwrap_or(lead.len().min(12));
    let mut from = floor_boundary(
        text,
        first - lead.iter().take(back).map(|c| c.len_utf8()).sum::<usize>(),
    );
    while let Some(c) = text[from..first].chars().next() {
        if from == 0 || !(c.is_whitespace() || "”’」』）)】》，。、；：！？,.;:!?".contains(c))
        {
            break;
        }
        from += c.len_utf8();
    }
    let to = text[from..]
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(at, _)| from + at);
    let mut out = Marked::default();
    if from > 0 {
        out.push("…", false);
    }
    render(&mut out, text, from, to, &matches);
    if to < text.len() {
        out.push("…", false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_cut_keeps_the_marks_it_crosses() {
        let marked = highlight("给予安家补贴。每月补贴", &terms(&["补贴"]));
        let first = marked.cut(0, 7);
        let second = marked.cut(7, 11);
        let text = |m: &Marked| {
            m.segments()
                .iter()
                .map(|s| s.text.clone())
                .collect::<String>()
        };
        assert_eq!(text(&first), "给予安家补贴。");
        assert_eq!(text(&second), "每月补贴");
        assert!(
            first
                .segments()
                .iter()
                .any(|s| s.marked && s.text == "补贴")
        );
        let across = marked.cut(5, 9);
        assert_eq!(text(&across), "贴。每月");
        assert!(
            across.segments()[0].marked,
            "the half of a mark inside the cut stays marked"
        );
    }

    #[test]
    fn marks_traditional_text_for_simplified_terms() {
        let html = highlight("打造人才創新高地", &terms(&["创新"])).to_html();
        assert_eq!(html, "打造人才<mark>創新</mark>高地");
    }

    #[test]
    fn matches_across_punctuation_and_merges_overlaps() {
        let html = highlight("山西智创城NO.7，好", &terms(&["智创城no7", "城n"])).to_html();
        assert_eq!(html, "山西<mark>智创城NO.7</mark>，好");
    }

    #[test]
    fn escapes_markup() {
        let marked = snippet("<b>人才</b> & 政策", &terms(&["人才"]), 50);
        assert_eq!(
            marked.to_html(),
            "&lt;b&gt;<mark>人才</mark>&lt;/b&gt; &amp; 政策"
        );
        assert_eq!(
            marked.segments()[0].text,
            "<b>",
            "segments hold the text as written"
        );
    }

    #[test]
    fn snippet_centres_on_matches_and_never_splits_chars() {
        let text = format!("{}。人才公寓建设{}", "前文".repeat(200), "后文".repeat(200));
        let html = snippet(&text, &terms(&["人才公寓"]), 40).to_html();
        assert!(html.contains("<mark>人才公寓</mark>"), "{html}");
        assert!(html.starts_with('…') && html.ends_with('…'));
        let html = snippet(
            "他说“加快发展”，特别是人才引进工作。",
            &terms(&["人才"]),
            40,
        )
        .to_html();
        assert!(html.starts_with("…特别是"), "{html}");
        assert!(snippet("", &terms(&["人才"]), 10).is_empty());
    }
}
