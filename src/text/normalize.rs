//! Normalisation: NFC (NFD input gives the same text), one kind of quote,
//! dash and space, no invisible characters, LF line ends, and glued sentences
//! pulled apart, with a map from every normalised position back to the
//! character offset in the original text (so spans point into the file).

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalised text with its map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The normalised text.
    pub text: String,
    /// Byte offset in `text` of each normalised character, plus `text.len()`.
    starts: Vec<u32>,
    /// Character offset in the original of each normalised character, plus
    /// the original's character count.
    origin: Vec<u32>,
}

impl Text {
    /// The character offset in the original text of a byte offset of the
    /// normalised text (the start of the character it falls in).
    pub fn original_offset(&self, byte: usize) -> usize {
        let i = match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        self.origin[i.min(self.origin.len() - 1)] as usize
    }

    /// `[start, end)` character offsets in the original of a normalised byte range.
    pub fn original_span(&self, start: usize, end: usize) -> [usize; 2] {
        let s = self.original_offset(start);
        let e = if end >= self.text.len() {
            *self.origin.last().unwrap_or(&0) as usize
        } else {
            self.original_offset(end)
        };
        [s, e.max(s)]
    }
}

/// What a character becomes.
enum Map {
    Keep,
    Drop,
    To(char),
}

fn unify(c: char) -> Map {
    match c {
        '\u{200B}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Map::Drop,
        '\u{00A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\t'
        | '\u{000B}'
        | '\u{000C}' => Map::To(' '),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' | '\u{FF02}' => {
            Map::To('"')
        }
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => Map::To('\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => Map::To('-'),
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Map::To('\n'),
        c if c.is_control() && c != '\n' && c != '\r' => Map::To(' '),
        _ => Map::Keep,
    }
}

struct Builder {
    text: String,
    starts: Vec<u32>,
    origin: Vec<u32>,
}

impl Builder {
    fn push(&mut self, c: char, origin: usize) {
        // Collapse runs of spaces; no space at a line start.
        if c == ' ' && matches!(self.text.chars().next_back(), None | Some(' ') | Some('\n')) {
            return;
        }
        if c == '\n' && self.text.ends_with(' ') {
            self.text.pop();
            self.starts.pop();
            self.origin.pop();
        }
        self.starts.push(self.text.len() as u32);
        self.origin.push(origin as u32);
        self.text.push(c);
    }

    fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// The word the text ends with (letters only).
    fn trailing_word(&self) -> &str {
        let start = self
            .text
            .char_indices()
            .rev()
            .find(|(_, c)| !crate::text::is_word_char(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        &self.text[start..]
    }
}

/// Normalises a text. `NFD` input gives the same text as `NFC` input.
pub fn normalize(original: &str) -> Text {
    let chars: Vec<char> = original.chars().collect();
    let needs_nfc = is_nfc_quick(original.chars()) != IsNormalized::Yes;
    let mut b = Builder {
        text: String::with_capacity(original.len()),
        starts: Vec::with_capacity(original.len()),
        origin: Vec::with_capacity(original.len()),
    };
    let mut i = 0;
    while i < chars.len() {
        // A cluster: one character and the combining marks after it.
        let mut j = i + 1;
        if needs_nfc {
            while j < chars.len() && canonical_combining_class(chars[j]) != 0 {
                j += 1;
            }
        }
        // Two apostrophes (or backticks) as a quotation mark: ''like this''.
        if matches!(chars[i], '\'' | '`') && chars.get(i + 1) == Some(&chars[i]) && j == i + 1 {
            b.push('"', i);
            i += 2;
            continue;
        }
        // Only a cluster with combining marks needs composing.
        let single = [chars[i]];
        let composed_buf: Vec<char>;
        let composed: &[char] = if j - i == 1 {
            &single
        } else {
            composed_buf = chars[i..j].iter().copied().nfc().collect();
            &composed_buf
        };
        for &c in composed {
            match c {
                '\r' => {
                    if chars.get(j) != Some(&'\n') {
                        b.push('\n', i);
                    }
                }
                c => match unify(c) {
                    Map::Drop => {}
                    Map::To(t) => b.push(t, i),
                    Map::Keep => {
                        glue_repair(&mut b, c, chars.get(j).copied(), i);
                        b.push(c, i);
                    }
                },
            }
        }
        i = j;
    }
    while b.text.ends_with([' ', '\n']) {
        b.text.pop();
        b.starts.pop();
        b.origin.pop();
    }
    b.starts.push(b.text.len() as u32);
    b.origin.push(chars.len() as u32);
    Text {
        text: b.text,
        starts: b.starts,
        origin: b.origin,
    }
}

/// Before pushing `c`: pulls glued sentences apart.
/// - "…biên giớiArmenia và…": a lower-case word of two letters or more glued
///   to a capitalised word (capital then lower case) → a line break.
/// - "…hai nước này.Theo đài RT…": a sentence stop glued to a capitalised
///   word after a lower-case word → a space.
fn glue_repair(b: &mut Builder, c: char, next: Option<char>, origin: usize) {
    if !c.is_uppercase() || !next.is_some_and(char::is_lowercase) {
        return;
    }
    match b.last() {
        Some(p) if p.is_lowercase() => {
            let w = b.trailing_word();
            if w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_lowercase) {
                b.push('\n', origin);
            }
        }
        Some(stop @ ('.' | '!' | '?' | '…')) => {
            let before = &b.text[..b.text.len() - stop.len_utf8()];
            let prev_word_start = before
                .char_indices()
                .rev()
                .find(|(_, c)| !crate::text::is_word_char(*c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let w = &before[prev_word_start..];
            if w.chars().count() >= 2 && w.chars().all(char::is_lowercase) {
                b.push(' ', origin);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_nfc_give_the_same_text() {
        let nfc = "Bộ Quốc phòng Armenia tuyên bố";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(normalize(nfc).text, normalize(&nfd).text);
        assert_eq!(normalize(&nfd).text, nfc);
    }

    #[test]
    fn quotes_dashes_spaces_and_invisibles() {
        let t = normalize("\u{feff}Ông nói:\u{a0}“xin\u{200b} chào” – ‘ok’\r\nhết\u{ad}");
        assert_eq!(t.text, "Ông nói: \"xin chào\" - 'ok'\nhết");
    }

    #[test]
    fn doubled_apostrophes_are_a_quote() {
        assert_eq!(normalize("''Yes,'' he said. ``No''").text, "\"Yes,\" he said. \"No\"");
    }

    #[test]
    fn offsets_point_into_the_original() {
        let original = "\u{feff}A\u{a0}\u{a0}“bé”\r\nC";
        let t = normalize(original);
        assert_eq!(t.text, "A \"bé\"\nC");
        let orig_chars: Vec<char> = original.chars().collect();
        let b = t.text.find('b').unwrap();
        assert_eq!(orig_chars[t.original_offset(b)], 'b');
        let c = t.text.find('C').unwrap();
        assert_eq!(orig_chars[t.original_offset(c)], 'C');
        assert_eq!(t.original_span(0, t.text.len()), [1, orig_chars.len()]);
    }

    #[test]
    fn nfd_offsets_count_original_characters() {
        let original: String = "é x".nfd().collect(); // e + combining acute, space, x
        let t = normalize(&original);
        assert_eq!(t.text, "é x");
        assert_eq!(t.original_offset(t.text.find('x').unwrap()), 3);
    }

    #[test]
    fn glued_sentences_are_pulled_apart() {
        assert_eq!(
            normalize("đọ súng dọc biên giớiArmenia và Azerbaijan").text,
            "đọ súng dọc biên giới\nArmenia và Azerbaijan"
        );
        assert_eq!(
            normalize("của hai nước này.Theo đài RT").text,
            "của hai nước này. Theo đài RT"
        );
        // A multi-byte stop (regression: "…" is three bytes).
        assert_eq!(normalize("mà nó nói…Ông ấy").text, "mà nó nói… Ông ấy");
        // Not names like iPhone, McDonald, YouTube, macOS, nor TP.Hồ.
        for keep in ["iPhone", "McDonald", "YouTube", "macOS", "TP.Hồ Chí Minh", "U.S.Army"] {
            assert_eq!(normalize(keep).text, keep);
        }
    }
}
