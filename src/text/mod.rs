//! Text: normalisation with a map back to the original (normalize.rs),
//! sentences (sentences.rs), language detection (language.rs) and the small
//! word-level helpers every later stage uses.

pub mod language;
pub mod normalize;
pub mod sentences;

pub use language::{detect_language, detect_language_by_folded_words, detect_language_by_words};
pub use normalize::{Text, normalize};
pub use sentences::{Openers, Sentence, split_sentences, split_sentences_with};

/// Lower-cases `s` character by character, keeping a character as it is when
/// its lower case would have another byte length, so byte offsets in the
/// folded string are offsets in `s`.
pub fn fold_case(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let table = fold_table();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(&l) = table.get(c as usize) {
            out.push(l);
        } else {
            out.push(fold_char(c));
        }
    }
    out
}

/// One character as [`fold_case`] folds it.
fn fold_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// [`fold_char`] of every character below U+2000 (Latin, Greek, Cyrillic
/// and Vietnamese's Latin Extended Additional), looked up instead of
/// searched in the Unicode tables: case folding is done on every text
/// several times.
fn fold_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x2000u32)
            .map(|u| char::from_u32(u).map_or('\0', fold_char))
            .collect()
    })
}

/// A word of a sentence: a byte range in the sentence text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// A letter, digit or combining mark; fast for ASCII and the Latin blocks
/// Vietnamese uses.
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x300..=0x36F => true,
        0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c),
    }
}

/// Splits text into words: runs of letters, digits and combining marks, with
/// an inner apostrophe, hyphen or full stop joining two runs (don't,
/// Nagorno-Karabakh, U.S, TP.HCM, 4.400).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut start: Option<usize> = None;
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            let joins = matches!(c, '\'' | '-' | '.' | ',' | ':' | '/')
                && chars.peek().is_some_and(|&(_, n)| is_word_char(n))
                && {
                    let prev = text[..i].chars().next_back().unwrap_or(' ');
                    let next = chars.peek().map(|&(_, n)| n).unwrap_or(' ');
                    match c {
                        // 4.400, 1,1 triệu, 2:30, 13/9: digits on both sides.
                        ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                        // U.S, TP.HCM, 14.7: digits or capitals on both sides.
                        '.' => {
                            (prev.is_ascii_digit() && next.is_ascii_digit())
                                || (prev.is_uppercase() && next.is_uppercase())
                        }
                        _ => true,
                    }
                };
            if joins {
                continue;
            }
            out.push(Word { start: s, end: i });
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// True when the first character is upper case.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(t: &str) -> Vec<&str> {
        words(t).iter().map(|w| &t[w.start..w.end]).collect()
    }

    #[test]
    fn words_keep_numbers_abbreviations_and_names() {
        assert_eq!(
            ws("Có 4.400 người, 1,1 triệu USD lúc 2:30 ngày 13/9."),
            [
                "Có", "4.400", "người", "1,1", "triệu", "USD", "lúc", "2:30", "ngày", "13/9"
            ]
        );
        assert_eq!(
            ws("U.S. officials don't see Nagorno-Karabakh"),
            ["U.S", "officials", "don't", "see", "Nagorno-Karabakh"]
        );
        assert_eq!(ws("TP.HCM, 14.7 độ"), ["TP.HCM", "14.7", "độ"]);
    }

    #[test]
    fn the_fold_table_folds_as_the_unicode_tables_do() {
        for u in 0..0x2000u32 {
            if let Some(c) = char::from_u32(u) {
                let s = c.to_string();
                let slow: String = s.chars().map(fold_char).collect();
                assert_eq!(fold_case(&s), slow, "U+{u:04X}");
            }
        }
        assert_eq!(fold_case("ĐIỆN BIÊN PHỦ Ơ Ư ẞ"), "điện biên phủ ơ ư ẞ");
    }

    #[test]
    fn fold_case_keeps_offsets() {
        let s = "ĐIỆN Kremlin İstanbul";
        let f = fold_case(s);
        assert_eq!(f.len(), s.len());
        assert!(f.starts_with("điện kremlin"));
    }
}
