//! The process-wide jieba dictionary with rencai's user words.

use std::sync::LazyLock;

use tantivy_jieba::jieba_rs::Jieba;

use crate::region::Gazetteer;

const VOCABULARY: &str = include_str!("vocabulary.txt");

static JIEBA: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    for word in Gazetteer::bundled().place_names() {
        jieba.add_word(&word, None, Some("ns"));
    }
    for word in vocabulary() {
        jieba.add_word(word, None, None);
    }
    jieba
});

/// The talent-policy terms added to jieba's dictionary.
pub fn vocabulary() -> impl Iterator<Item = &'static str> {
    VOCABULARY
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The shared jieba instance: default dictionary, gazetteer place names, policy vocabulary.
pub fn jieba() -> &'static Jieba {
    &JIEBA
}

/// Loads the dictionary now (it takes a moment) rather than on the first query.
pub fn warm() {
    let _ = jieba().cut("人才", false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_words_segment_as_units() {
        let words = jieba().cut("阳泉市推行揭榜挂帅，建设人才公寓", false);
        let words: Vec<&str> = words.iter().map(|t| t.word).collect();
        for w in ["阳泉市", "揭榜挂帅", "人才公寓"] {
            assert!(words.contains(&w), "{w} not in {words:?}");
        }
    }
}
