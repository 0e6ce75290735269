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
    let mut stream = GramStream::new(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token.clone());
    }
    tokens
}

/// Bigrams computed one at a time into one reused token: bodies are indexed a character at a
/// time, and a string per token would dominate the cost.
pub struct GramStream<'a> {
    chars: std::str::CharIndices<'a>,
    // The next word character: (folded, start, end).
    ahead: Option<(char, usize, usize)>,
    position: usize,
    token: Token,
}

impl<'a> GramStream<'a> {
    fn new(text: &'a str) -> GramStream<'a> {
        let mut chars = text.char_indices();
        let ahead = next_word_char(&mut chars);
        GramStream {
            chars,
            ahead,
            position: 0,
            token: Token::default(),
        }
    }
}

fn next_word_char(chars: &mut std::str::CharIndices<'_>) -> Option<(char, usize, usize)> {
    chars.find_map(|(at, c)| {
        let folded = fold_char(c);
        is_word_char(folded).then(|| (folded, at, at + c.len_utf8()))
    })
}

impl TokenStream for GramStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((c, from, to)) = self.ahead else {
            return false;
        };
        self.ahead = next_word_char(&mut self.chars);
        let token = &mut self.token;
        token.text.clear();
        token.text.push(c);
        token.offset_from = from;
        token.offset_to = to;
        token.position = self.position;
        token.position_length = 1;
        if let Some((next, _, next_to)) = self.ahead {
            token.text.push(next);
            token.offset_to = next_to;
        }
        self.position += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = GramStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream<'a> {
        GramStream::new(text)
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
        let mut grams = GramTokenizer;
        let mut stream = grams.token_stream("，。 ");
        assert!(!stream.advance());
        let mut stream = WordTokenizer.token_stream("");
        assert!(!stream.advance());
    }
}
