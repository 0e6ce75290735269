//! Sentences of a paragraph with what benefit extraction looks at in each: the phrases that
//! name a benefit, the amounts, and the clauses (between commas) they stand in. Positions are
//! in characters, within the sentence unless said otherwise.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::amount::{self, Amount};
use super::catalogue::{
    BenefitKind, NOT_A_BENEFIT, NOT_AFTER, PHRASES, PREMISES, RENT_PHRASES, SPLIT_PHRASES,
};
use super::duration;
use super::{Benefit, Period, Recipients};

/// Characters that end a sentence (kept with it); a line break ends the item of a list
/// written one per line.
const ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '\n'];
/// Characters that end a sentence that goes on in the next (a list of cases).
const CONTINUES: &[char] = &['；', ';'];
/// Characters between the clauses of a sentence.
pub(super) const CLAUSE_BREAKS: &[char] = &['，', ',', '：', ':', '（', '）', '(', ')'];

/// Longest sentence read as one: a longer run without a full stop (a flattened table) is cut
/// at a clause break, so that reading it stays linear in its length.
const MAX_SENTENCE_CHARS: usize = 300;
/// Farthest a benefit's name may stand after its amount in one clause ("2000元的生活补贴").
pub const FOLLOWING_KIND_REACH: usize = 8;
/// Farthest a benefit's name may stand before its amount to be read as its label
/// ("生活补贴每人每月2000元").
pub const PRECEDING_KIND_REACH: usize = 4;
/// Longest stretch from one amount of a list to the next, the recipient between them included
/// ("、硕士研究生每人每年").
pub const LIST_ITEM_REACH: usize = 12;

static PHRASE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(PHRASES.iter().map(|(p, _)| p))
        .expect("valid phrases")
});

static SPLIT: LazyLock<Vec<(Regex, BenefitKind)>> = LazyLock::new(|| {
    SPLIT_PHRASES
        .iter()
        .map(|(p, k)| (Regex::new(p).expect("valid regex"), *k))
        .collect()
});

/// The kind of the first benefit a short text names, as a table's heading does ("生活补贴（按月）",
/// "奖励标准"): its words after the name do not make it a rule there.
pub fn kind_named(text: &str) -> Option<(BenefitKind, &str)> {
    if NOT_A_BENEFIT.iter().any(|w| text.contains(w)) {
        return None;
    }
    PHRASE_FINDER
        .find(text)
        .map(|m| (PHRASES[m.pattern().as_usize()].1, &text[m.start()..m.end()]))
}

/// A phrase naming a benefit.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First character.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// The kind it names.
    pub kind: BenefitKind,
    /// As written.
    pub phrase: String,
}

/// One sentence and what stands in it.
pub struct Sentence {
    /// Its text.
    pub text: String,
    chars: Vec<char>,
    /// Its first character in the paragraphs joined with "\n".
    pub start: usize,
    /// Whether it ends with ；, a case of a list the next sentence goes on with.
    pub continues: bool,
    /// The phrases that name a benefit.
    pub mentions: Vec<Mention>,
    /// The amounts.
    pub amounts: Vec<Amount>,
    /// The sentence before, when it ended with ； (a list this one goes on): who it names
    /// applies here too unless this one names others.
    pub carry: String,
    /// The first sentence of the list this one goes on (when the one before it is not),
    /// which often names whom the whole list is for ("高层次人才享受以下待遇：1.…；2.…").
    pub lead: String,
}

/// Whether a paragraph names any benefit at all: most do not, and need no closer reading.
pub fn names_a_benefit(paragraph: &str) -> bool {
    PHRASE_FINDER.is_match(paragraph) || SPLIT.iter().any(|(re, _)| re.is_match(paragraph))
}

/// The sentences of a paragraph that starts at `offset` (characters).
pub fn split(paragraph: &str, offset: usize) -> Vec<Sentence> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = Vec::new();
    let mut from = 0;
    while from < chars.len() {
        // Looked for no further than one sentence can run, so that reading stays linear.
        let window = chars.len().min(from + MAX_SENTENCE_CHARS + 1);
        let mut to = chars[from..window]
            .iter()
            .position(|c| ENDS.contains(c))
            .map_or(window, |p| from + p + 1);
        if to - from > MAX_SENTENCE_CHARS {
            let limit = from + MAX_SENTENCE_CHARS;
            to = chars[from..limit]
                .iter()
                .rposition(|c| CLAUSE_BREAKS.contains(c))
                .map_or(limit, |p| from + p + 1);
        }
        let lead = chars[from..to]
            .iter()
            .take_while(|c| c.is_whitespace())
            .count();
        let piece: Vec<char> = chars[from + lead..to].to_vec();
        if piece.iter().any(|c| !c.is_whitespace()) {
            let mut s = Sentence::new(piece, offset + from + lead);
            if let Some(prev) = out.last().filter(|p: &&Sentence| p.continues) {
                s.carry = prev.text.clone();
                if !prev.carry.is_empty() {
                    s.lead = if prev.lead.is_empty() {
                        prev.carry.clone()
                    } else {
                        prev.lead.clone()
                    };
                }
            }
            out.push(s);
        }
        from = to;
    }
    out
}

impl Sentence {
    /// A line read whole as one sentence (a table's row), starting at `start` (characters).
    pub fn whole(line: &str, start: usize) -> Sentence {
        Sentence::new(line.chars().collect(), start)
    }

    fn new(chars: Vec<char>, start: usize) -> Sentence {
        let text: String = chars.iter().collect();
        let char_at = |byte: usize| text[..byte].chars().count();
        let masked: Vec<(usize, usize)> = NOT_A_BENEFIT
            .iter()
            .flat_map(|w| text.match_indices(w).map(|(b, m)| (b, b + m.len())))
            .collect();
        let mut found: Vec<(usize, usize, BenefitKind)> = PHRASE_FINDER
            .find_iter(&text)
            .map(|m| (m.start(), m.end(), PHRASES[m.pattern().as_usize()].1))
            .collect();
        for (re, kind) in SPLIT.iter() {
            for m in re.find_iter(&text) {
                if !found.iter().any(|(_, _, k)| k == kind) {
                    found.push((m.start(), m.end(), *kind));
                }
            }
        }
        found.sort_by_key(|(s, _, _)| *s);
        // 就业补助资金, 奖励经费, 医疗保障局: a fund, a rule or an office of that name, never the
        // benefit.
        let names_other = |e: usize| NOT_AFTER.iter().any(|w| text[e..].starts_with(w));
        let mentions = found
            .into_iter()
            // A longer phrase that holds a masked one whole names a benefit of its own
            // (先落户后就业 holds 落户后).
            .filter(|(s, e, _)| {
                !masked.iter().any(|(a, b)| {
                    *s < *b && *a < *e && !(*s <= *a && *b <= *e && *e - *s > *b - *a)
                })
            })
            .filter(|(_, e, _)| !names_other(*e))
            .map(|(s, e, kind)| Mention {
                start: char_at(s),
                end: char_at(e),
                kind,
                phrase: text[s..e].to_string(),
            })
            .collect();
        let mut sentence = Sentence {
            continues: chars.last().is_some_and(|c| CONTINUES.contains(c)),
            amounts: amount::amounts(&text),
            mentions,
            text,
            chars,
            start,
            carry: String::new(),
            lead: String::new(),
        };
        // A rent subsidy that does not say what is rented, for business premises: start-up
        // support.
        let premises: Vec<bool> = sentence
            .mentions
            .iter()
            .map(|m| {
                RENT_PHRASES.contains(&m.phrase.as_str())
                    && PREMISES
                        .iter()
                        .any(|w| sentence.segment_text(m.start).contains(w))
            })
            .collect();
        for (m, business) in sentence.mentions.iter_mut().zip(premises) {
            if business {
                m.kind = BenefitKind::Startup;
            }
        }
        sentence
    }

    /// Characters `from..to` as a string.
    pub fn slice(&self, from: usize, to: usize) -> String {
        self.chars[from.min(self.chars.len())..to.min(self.chars.len())]
            .iter()
            .collect()
    }

    /// The index of the clause a position stands in.
    pub fn segment_of(&self, pos: usize) -> usize {
        self.chars[..pos.min(self.chars.len())]
            .iter()
            .filter(|c| CLAUSE_BREAKS.contains(c))
            .count()
    }

    /// The bounds of the clause a position stands in.
    pub fn segment_bounds(&self, pos: usize) -> (usize, usize) {
        let pos = pos.min(self.chars.len());
        let start = self.chars[..pos]
            .iter()
            .rposition(|c| CLAUSE_BREAKS.contains(c))
            .map_or(0, |p| p + 1);
        let end = self.chars[pos..]
            .iter()
            .position(|c| CLAUSE_BREAKS.contains(c))
            .map_or(self.chars.len(), |p| pos + p);
        (start, end)
    }

    /// The clause a position stands in.
    pub fn segment_text(&self, pos: usize) -> String {
        let (a, b) = self.segment_bounds(pos);
        self.slice(a, b)
    }

    /// How often an amount is paid: a period word in its own stretch of the clause (between
    /// its neighbours, up to the benefit named right after it), else earlier in the clause
    /// (said once for a list: 每月分别1000元、1500元), else between it and the benefit named
    /// after a list, else in the benefit's phrase and clause.
    pub fn period(&self, a: &Amount, m: &Mention) -> Option<Period> {
        let (seg_start, seg_end) = self.segment_bounds(a.start);
        let from = self
            .amounts
            .iter()
            .filter(|o| o.end <= a.start && o.end > seg_start)
            .map(|o| o.end)
            .max()
            .unwrap_or(seg_start);
        let next = self
            .amounts
            .iter()
            .filter(|o| o.start >= a.end && o.start < seg_end)
            .map(|o| o.start)
            .min()
            .unwrap_or(seg_end);
        let after = m.start >= a.end && self.segment_of(m.start) == self.segment_of(a.start);
        // Another benefit's name after it starts that benefit's stretch ("购房补贴10万元、生活补贴
        // 每月2000元").
        let next_name = self
            .mentions
            .iter()
            .find(|o| o.start >= a.end)
            .map_or(seg_end, |o| o.start);
        let own_end = if after {
            next.min(m.end)
        } else {
            next.min(next_name)
        };
        let mut windows = vec![self.slice(from, own_end), self.slice(seg_start, a.start)];
        if after {
            windows.push(self.slice(a.end, m.end));
        }
        windows.push(m.phrase.clone());
        if self.segment_of(m.start) != self.segment_of(a.start) {
            windows.push(self.segment_text(m.start));
        }
        windows.iter().find_map(|w| duration::period_in(w))
    }

    /// The years an amount is paid for, stated after it (before `limit`, the next amount).
    pub fn years_after(&self, a: &Amount, limit: Option<usize>) -> Option<u32> {
        duration::years_in(&self.slice(a.end, limit.unwrap_or(self.chars.len())))
    }

    /// A record of a benefit stated in this sentence.
    pub fn record(
        &self,
        kind: BenefitKind,
        phrase: &str,
        (amount_min, amount_max): (Option<i64>, Option<i64>),
        (period, years, value): (Option<Period>, Option<u32>, Option<i64>),
        recipients: Recipients,
    ) -> Benefit {
        Benefit {
            kind,
            phrase: phrase.to_string(),
            amount_min,
            amount_max,
            period,
            years,
            value,
            recipients,
            text: self.text.clone(),
            start: self.start,
            end: self.start + self.chars.len(),
        }
    }
}
