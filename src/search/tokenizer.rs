//! The two analyzers of the index: jieba words for ranking, character bigrams for recall.
//!
//! Both fold the script first (Traditional and Simplified find each other) and report offsets
//! in the original text, so highlights land on the text as written.

use tantivy::Index;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use super::dictionary::jieba;
use crate::fold::{fold_char, is_word_char};

/// Name of the jieba analyzer used for ranking.
pub const WORDS: &str = "rencai_words";
/// Name of the character-bigram analyzer used for exact-substring recall.
pub const GRAMS: &str = "rencai_grams";

/// Registers both analyzers on an index; call wherever an index is opened.
pub fn register(index: &Index) {
    index
        .tokenizers()
        .register(WORDS, TextAnalyzer::from(WordTokenizer));
    index
        .tokenizers()
        .register(GRAMS, TextAnalyzer::from(GramTokenizer));
}

/// A token stream over tokens computed up front.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let at = self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[at]
    }
}

impl VecTokenStream {
    fn new(mut tokens: Vec<Token>) -> VecTokenStream {
        // `token()` must be callable on an empty stream; it is never read after `advance` fails.
        if tokens.is_empty() {
            tokens.push(Token::default());
            return VecTokenStream { tokens, next: 1 };
        }
        VecTokenStream { tokens, next: 0 }
    }
}

/// Folded text plus the byte offset in the original of every character (and the end).
fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() / 2 + 1);
    for (at, c) in text.char_indices() {
        offsets.push(at);
        folded.push(fold_char(c));
    }
    offsets.push(text.len());
    (folded, offsets)
}

/// Jieba segmentation in search mode over folded text (one shared dictionary per process).
///
/// tantivy-jieba's own tokenizer keeps its `Jieba` by value, so every analyzer clone would copy
/// the dictionary; this one borrows the process-wide instance.
#[derive(Clone, Copy, Default)]
pub struct WordTokenizer;

/// Segments folded text into words (search mode), with char positions and original offsets.
pub fn words(text: &str, search_mode: bool) -> Vec<Token> {
    let (folded, offsets) = fold_with_offsets(text);
    let mode = if search_mode {
        tantivy_jieba::jieba_rs::TokenizeMode::Search
    } else {
        tantivy_jieba::jieba_rs::TokenizeMode::Default
    };
    jieba()
        .tokenize(&folded, mode, true)
        .into_iter()
        .filter(|t| t.word.chars().any(is_word_char))
        .filter_map(|t| {
            Some(Token {
                offset_from: *offsets.get(t.start)?,
                offset_to: *offsets.get(t.end)?,
                position: t.start,
                text: t.word.to_string(),
                position_length: 1,
            })
        })
        .collect()
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream::new(words(text, true))
    }
}

/// Overlapping character bigrams over the folded word characters of a text; the last
/// character also stands alone, so that every single character can be found.
#[derive(Clone, Copy, Default)]
pub struct GramTokenizer;

/// The bigram tokens of a text, positions counted in word characters.
pub fn grams(text: &str) -> Vec<Token> {
    let chars: Vec<(char, usize, usize)> = text
        .char_indices()
        .map(|(at, c)| (fold_char(c), at, at + c.len_utf8()))
        .filter(|(c, _, _)| is_word_char(*c))
        .collect();
    let mut tokens = Vec::with_capacity(chars.len());
    for (i, &(c, from, to)) in chars.iter().enumerate() {
        let mut token = Token {
            offset_from: from,
            offset_to: to,
            position: i,
            text: c.to_string(),
            position_length: 1,
        };
        if let Some(&(next, _, next_to)) = chars.get(i + 1) {
            token.text.push(next);
            token.offset_to = next_to;
        }
        tokens.push(token);
    }
    tokens
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream::new(grams(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn grams_skip_punctuation_and_fold() {
        let tokens = grams("創新，NO.7");
        assert_eq!(texts(&tokens), ["创新", "新n", "no", "o7", "7"]);
        assert_eq!(tokens[0].offset_from, 0);
        assert_eq!(tokens[1].position, 1);
    }

    #[test]
    fn words_report_original_offsets_for_traditional_text() {
        let text = "人才創新高地";
        let tokens = words(text, false);
        assert!(texts(&tokens).contains(&"创新"));
        for t in &tokens {
            assert_eq!(crate::fold::fold(&text[t.offset_from..t.offset_to]), t.text);
        }
    }

    #[test]
    fn empty_text_gives_no_tokens() {
        let mut stream = GramTokenizer.token_stream("，。 ");
        assert!(!stream.advance());
        let mut stream = WordTokenizer.token_stream("");
        assert!(!stream.advance());
    }
}
