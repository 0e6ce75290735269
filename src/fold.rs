//! Script and width folding shared by ingest and search.
//!
//! Folding maps every character to exactly one character, so positions in folded text are
//! positions in the original: highlights found in folded text land on the text as written.

use std::sync::LazyLock;

use zhconv::{Variant, zhconv};

/// The ideograph blocks that have Traditional forms: CJK Extension A and Unified Ideographs
/// (contiguous), and the Compatibility Ideographs.
const HAN: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;
const COMPAT: std::ops::RangeInclusive<u32> = 0xF900..=0xFAFF;

// Traditional → Simplified for single characters, derived once from the OpenCC tables, as a
// dense table over the ideograph blocks: folding runs on every character indexed or searched,
// and an array index is many times cheaper than a hash look-up.
static T2S: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut table = Vec::with_capacity(HAN.clone().count() + COMPAT.clone().count());
    let mut buf = [0u8; 4];
    for c in HAN.chain(COMPAT).filter_map(char::from_u32) {
        let converted = zhconv(c.encode_utf8(&mut buf), Variant::ZhHans);
        let mut chars = converted.chars();
        table.push(match (chars.next(), chars.next()) {
            (Some(s), None) => s,
            _ => c,
        });
    }
    table
});

fn simplified(c: char) -> char {
    let code = c as u32;
    let slot = if HAN.contains(&code) {
        code - HAN.start()
    } else if COMPAT.contains(&code) {
        code - COMPAT.start() + (HAN.end() - HAN.start() + 1)
    } else {
        return c;
    };
    T2S.get(slot as usize).copied().unwrap_or(c)
}

/// Loads the conversion table now rather than on the first query.
pub fn warm() {
    LazyLock::force(&T2S);
}

/// Folds one character: Traditional to Simplified, full-width to ASCII, ASCII to lower case.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase())
        }
        '\u{3000}' => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => simplified(c),
    }
}

/// Folds a whole string character by character.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Whether a (folded) character carries meaning for matching: letters, digits and ideographs.
pub fn is_word_char(c: char) -> bool {
    // The common cases first: the general test walks Unicode tables for every ideograph.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    c.is_alphanumeric()
}

/// Folds and drops everything but word characters: the form in which text is compared.
pub fn compact(text: &str) -> String {
    text.chars()
        .map(fold_char)
        .filter(|c| is_word_char(*c))
        .collect()
}

/// Converts text to Traditional script for display (phrase-aware OpenCC conversion).
pub fn to_traditional(text: &str) -> String {
    zhconv(text, Variant::ZhHant)
}

/// Converts text to Simplified script for display (phrase-aware OpenCC conversion).
pub fn to_simplified(text: &str) -> String {
    zhconv(text, Variant::ZhHans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dense_table_folds_every_ideograph_as_a_conversion_of_that_character_alone() {
        // Ids and duplicate keys are computed on folded text: the table must give exactly what
        // converting each character by itself gives, and leave everything else alone.
        let mut buf = [0u8; 4];
        for c in (0x3000u32..=0xFFFF).filter_map(char::from_u32) {
            let converted = zhconv(c.encode_utf8(&mut buf), Variant::ZhHans);
            let mut chars = converted.chars();
            let single = match (chars.next(), chars.next()) {
                (Some(s), None) if HAN.contains(&(c as u32)) || COMPAT.contains(&(c as u32)) => s,
                _ => c,
            };
            let expected = match c {
                '\u{FF01}'..='\u{FF5E}' | '\u{3000}' => continue,
                _ => single,
            };
            assert_eq!(simplified(c), expected, "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folds_traditional_to_simplified_one_to_one() {
        let text = "人才創新高地，發揮企業作用";
        let folded = fold(text);
        assert_eq!(folded, "人才创新高地,发挥企业作用");
        assert_eq!(folded.chars().count(), text.chars().count());
    }

    #[test]
    fn folds_width_and_case() {
        assert_eq!(fold("ＮＯ．７ Abc"), "no.7 abc");
        assert_eq!(compact("山西智创城NO.7，创新！"), "山西智创城no7创新");
    }
}
