//! Normalisation: NFC (NFD input gives the same text), one kind of quote,
//! dash and space, no invisible characters, LF line ends, and glued sentences
//! pulled apart, with a map from every normalised position back to the
//! character offset in the original text (so spans point into the file).

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalised text with its map back to the original.
///
/// The map is sparse: an anchor (normalised byte, original character) starts
/// every run in which normalised characters follow original characters one
/// for one; a run is at most `RUN` characters long, so a lookup scans at
/// most that many characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The normalised text.
    pub text: String,
    anchors: Vec<(u32, u32)>,
    /// Characters in the original.
    original_chars: usize,
}

/// The longest run of one-for-one characters between two anchors.
const RUN: u32 = 4096;

impl Text {
    /// The character offset in the original text of a byte offset of the
    /// normalised text (the start of the character it falls in).
    pub fn original_offset(&self, byte: usize) -> usize {
        if byte >= self.text.len() {
            return self.original_chars;
        }
        let i = match self.anchors.binary_search_by_key(&(byte as u32), |a| a.0) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let Some(&(norm, orig)) = self.anchors.get(i) else {
            return 0;
        };
        let mut start = byte;
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let within = self.text[norm as usize..start.max(norm as usize)].chars().count();
        (orig as usize + within).min(self.original_chars)
    }

    /// `[start, end)` character offsets in the original of a normalised byte range.
    pub fn original_span(&self, start: usize, end: usize) -> [usize; 2] {
        let s = self.original_offset(start);
        let e = self.original_offset(end);
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
    anchors: Vec<(u32, u32)>,
    /// Original index of the last character pushed, and the run's length.
    last_origin: Option<u32>,
    run: u32,
    /// Spaces in a row the text ends with, counting those collapsed.
    spaces: u32,
    /// Whether a quotation opened on the current line is still open.
    quote_open: bool,
}

impl Builder {
    fn push(&mut self, c: char, origin: usize) {
        // Collapse runs of spaces; no space at a line start.
        self.spaces = if c == ' ' { self.spaces + 1 } else { 0 };
        match c {
            '"' => self.quote_open = !self.quote_open,
            '\n' => self.quote_open = false,
            _ => {}
        }
        if c == ' ' && matches!(self.text.chars().next_back(), None | Some(' ') | Some('\n')) {
            return;
        }
        if c == '\n' && self.text.ends_with(' ') {
            self.pop();
        }
        self.append(c, origin);
    }

    /// [`Builder::push`] of a character [`is_plain`] says is plain.
    fn push_plain(&mut self, c: char, origin: usize) {
        self.spaces = 0;
        self.append(c, origin);
    }

    /// Appends `c`, from original character `origin`, keeping the anchors.
    fn append(&mut self, c: char, origin: usize) {
        let origin = origin as u32;
        if self.last_origin.is_some_and(|o| o + 1 == origin) && self.run < RUN {
            self.run += 1;
        } else {
            self.anchors.push((self.text.len() as u32, origin));
            self.run = 1;
        }
        self.last_origin = Some(origin);
        self.text.push(c);
    }

    /// Removes the last character (a trailing space).
    fn pop(&mut self) {
        if self.text.pop().is_none() {
            return;
        }
        if self.anchors.last().is_some_and(|a| a.0 as usize >= self.text.len()) {
            self.anchors.pop();
            // The run before goes on from its own last character: recount it.
            self.run = self
                .anchors
                .last()
                .map_or(0, |a| self.text[a.0 as usize..].chars().count() as u32);
            self.last_origin = self.anchors.last().map(|a| a.1 + self.run.saturating_sub(1));
        } else {
            self.run = self.run.saturating_sub(1);
            self.last_origin = self.last_origin.and_then(|o| o.checked_sub(1));
        }
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

/// A character that is kept as it is, is not a space, a quote or a line end,
/// and cannot start a glue repair (not a capital): lower-case ASCII, digits,
/// ASCII punctuation, and the letters and marks of U+00C0..U+2000 that are
/// not capitals (no character there is unified or dropped).
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || (c.is_ascii_punctuation() && !matches!(c, '"' | '\'' | '`'));
    }
    ('\u{00C0}'..'\u{2000}').contains(&c) && !c.is_uppercase()
}

/// Normalises a text. `NFD` input gives the same text as `NFC` input.
pub fn normalize(original: &str) -> Text {
    let needs_nfc = is_nfc_quick(original.chars()) != IsNormalized::Yes;
    let mut b = Builder {
        text: String::with_capacity(original.len()),
        anchors: Vec::new(),
        last_origin: None,
        run: 0,
        spaces: 0,
        quote_open: false,
    };
    let mut it = original.chars().peekable();
    let mut index = 0usize;
    let mut cluster: Vec<char> = Vec::new();
    let mut composed: Vec<char> = Vec::new();
    while let Some(c) = it.next() {
        let i = index;
        index += 1;
        // Most characters need none of what follows: no composition, no
        // unification, no repair (which only a capital can start).
        if !needs_nfc && is_plain(c) {
            b.push_plain(c, i);
            continue;
        }
        // Two apostrophes (or backticks) as a quotation mark: ''like this''.
        if matches!(c, '\'' | '`') && it.peek() == Some(&c) {
            it.next();
            index += 1;
            b.push('"', i);
            continue;
        }
        // A cluster: one character and the combining marks after it.
        cluster.clear();
        cluster.push(c);
        if needs_nfc {
            while let Some(&m) = it.peek() {
                if canonical_combining_class(m) == 0 {
                    break;
                }
                cluster.push(m);
                it.next();
                index += 1;
            }
        }
        // One character alone (nearly always) needs no composition and no buffer.
        if cluster.len() > 1 {
            composed.clear();
            composed.extend(cluster.iter().copied().nfc());
            std::mem::swap(&mut cluster, &mut composed);
        }
        let next = it.peek().copied();
        for &c in &cluster {
            match c {
                '\r' => {
                    if next != Some('\n') {
                        b.push('\n', i);
                    }
                }
                c => match unify(c) {
                    Map::Drop => {}
                    Map::To(t) => b.push(t, i),
                    Map::Keep => {
                        glue_repair(&mut b, c, next, i);
                        b.push(c, i);
                    }
                },
            }
        }
    }
    while b.text.ends_with([' ', '\n']) {
        b.pop();
    }
    Text {
        text: b.text,
        anchors: b.anchors,
        original_chars: index,
    }
}

/// Before pushing `c`: pulls glued sentences apart.
/// - "…biên giớiArmenia và…": a lower-case word of two letters or more glued
///   to a capitalised word (capital then lower case) → a line break.
/// - "…hai nước này.Theo đài RT…": a sentence stop glued to a capitalised
///   word after a lower-case word → a space.
/// - "…cần làm rõ  Tiếp tục kiểm tra…": two spaces or more between a word
///   and a capitalised word (a subheading or caption whose line break a
///   crawler lost) → a line break.
fn glue_repair(b: &mut Builder, c: char, next: Option<char>, origin: usize) {
    if !c.is_uppercase() || !next.is_some_and(char::is_lowercase) {
        return;
    }
    if b.spaces >= 2 && b.last() == Some(' ') {
        let before = b.text[..b.text.len() - 1].chars().next_back();
        // Not inside a quotation: a caption glued into a quoted passage
        // stays there rather than cutting the quotation in two.
        if before.is_some_and(char::is_alphanumeric) && !b.quote_open {
            b.pop();
            b.push('\n', origin);
        }
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

    #[test]
    fn plain_characters_are_the_ones_the_slow_path_keeps() {
        for c in (0u32..0x3000).filter_map(char::from_u32).filter(|&c| is_plain(c)) {
            assert!(matches!(unify(c), Map::Keep), "{c:?} is unified");
            assert!(
                !c.is_uppercase() && !matches!(c, ' ' | '\n' | '\r' | '"' | '\'' | '`'),
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_subheading_glued_by_two_spaces_is_its_own_line() {
        let t = normalize("Sở cần làm rõ  Tiếp tục kiểm tra, ông nói");
        assert_eq!(t.text, "Sở cần làm rõ\nTiếp tục kiểm tra, ông nói");
        assert_eq!(t.original_offset(t.text.find("Tiếp").unwrap()), 15);
        // One space, a stop before, or a name in capitals after: unchanged.
        for keep in [
            "làm rõ Tiếp tục",
            "năm 2016.  Play",
            "tại  TP HCM",
            "\"Ông nói  Việc này\"",
        ] {
            assert_eq!(normalize(keep).text, keep.replace("  ", " "));
        }
    }
}
