//! Typed errors of the library.
//!
//! Bad input (a file the user gave that cannot be used) is [`Error::Input`],
//! carrying one [`Diagnostic`] per problem so that several problems in one run
//! are reported together. Everything else (a write that fails, a missing
//! external tool) has its own variant. The binary maps input errors to exit
//! code 2 and the rest to 1.

use std::fmt;
use std::path::PathBuf;

/// One problem in one input file, with its position where known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column in characters, where known.
    pub column: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    /// A problem with the whole file (no position).
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A problem at a position.
    pub fn at(file: impl Into<PathBuf>, pos: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
            message: message.into(),
        }
    }

    /// `file:line:column` (or as much of it as is known).
    pub fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file.display()),
            (Some(l), None) => format!("{}:{l}", self.file.display()),
            _ => self.file.display().to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote the input (keys, ids, paths): shown escaped, so no
        // input can send control sequences to the terminal.
        write!(f, "{}: {}", visible(&self.place()), visible(&self.message))
    }
}

/// True for characters that must never reach a terminal or a document raw:
/// control characters (C0, DEL, C1) and the invisible direction and
/// formatting controls that can reorder or hide text (bidi embeddings,
/// overrides and isolates, marks, zero-width joiners and spaces, BOM…).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `text` with every [`is_hidden_control`] character shown as an escape
/// (`\u{1b}`, `\n`, `\t`…), so it prints as what it is: one line, no
/// terminal control sequence, no reordering.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hidden_control(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The library's error type.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is unusable; one diagnostic per problem.
    #[error("{}", join(.0))]
    Input(Vec<Diagnostic>),
    /// An output could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An external program needed for the job is missing or failed.
    #[error("{0}")]
    Tool(String),
}

fn join(d: &[Diagnostic]) -> String {
    d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

impl Error {
    /// True when the user's input is at fault (exit code 2).
    pub fn is_input_error(&self) -> bool {
        matches!(self, Error::Input(_))
    }

    /// A single input problem.
    pub fn input(d: Diagnostic) -> Self {
        Error::Input(vec![d])
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// 1-based (line, column) of a byte offset in `text`; the column counts
/// characters, and a line ends at `\n`, `\r\n` or a lone `\r`. For many
/// positions in one text, build a [`LineIndex`] once instead.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Where the lines of a text start, and how many characters come before
/// every `STEP`th byte (1,024): turns byte offsets into (line, column)
/// in O(log lines + STEP), however many positions are asked and however
/// long the lines.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of each line's start (the first is 0).
    starts: Vec<usize>,
    /// Characters before byte `i * STEP` (rounded down to a character).
    chars_before: Vec<usize>,
}

impl LineIndex {
    const STEP: usize = 1024;

    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        let mut chars_before = Vec::with_capacity(bytes.len() / Self::STEP + 1);
        let mut count = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if i % Self::STEP == 0 {
                chars_before.push(count);
            }
            // Every byte but a UTF-8 continuation byte starts a character.
            count += usize::from(b & 0xC0 != 0x80);
        }
        LineIndex { starts, chars_before }
    }

    /// Characters in `text[..offset]` (offset on a character boundary).
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let block = offset / Self::STEP;
        let Some(&before) = self.chars_before.get(block) else {
            return text[..offset].chars().count();
        };
        before
            + text.as_bytes()[block * Self::STEP..offset]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count()
    }

    /// 1-based (line, column) of a byte offset (clamped to the text; inside
    /// a character, that character's position).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.chars_to(text, offset) - self.chars_to(text, start) + 1)
    }
}

/// The 1-based (line, column) of a serde_json error in `text`, with columns
/// in characters (serde_json counts bytes, and only `\n` as a line end), a
/// trailing comma placed on the comma (serde_json points past it) and a
/// control character in a string placed on that character.
pub fn json_position(text: &str, e: &serde_json::Error) -> Option<(usize, usize)> {
    if e.line() == 0 {
        return None;
    }
    let line_start = text
        .split_inclusive('\n')
        .take(e.line() - 1)
        .map(str::len)
        .sum::<usize>();
    let message = e.to_string();
    let mut offset = (line_start + e.column()).min(text.len());
    if message.starts_with("control character") {
        // serde_json reports the column after the character it rejected
        // (column 0 of the next line for a raw newline).
        offset = offset.saturating_sub(1);
    } else if message.starts_with("trailing comma") {
        // It points at the closing bracket: walk back to the comma.
        offset = text[..offset.saturating_sub(1)].rfind(',').unwrap_or(offset);
    } else {
        offset = offset.saturating_sub(1);
    }
    Some(LineIndex::new(text).line_col(text, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\ncđ e";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        // 'đ' is two bytes; 'e' is the 4th character of line 2.
        assert_eq!(line_col(t, t.find('e').unwrap()), (2, 4));
        assert_eq!(line_col(t, 999), (2, 5));
    }

    #[test]
    fn controls_are_shown_escaped() {
        assert_eq!(visible("plain Việt"), "plain Việt");
        assert_eq!(visible("a\u{1b}[2Jb\nc\u{202e}d"), "a\\u{1b}[2Jb\\nc\\u{202e}d");
        let d = Diagnostic::at("f\u{7}.json", Some((1, 2)), "unknown field \"\u{1b}]0;title\u{7}\"");
        assert_eq!(
            d.to_string(),
            "f\\u{7}.json:1:2: unknown field \"\\u{1b}]0;title\\u{7}\""
        );
    }

    #[test]
    fn lone_cr_and_crlf_end_lines() {
        let t = "a\rb\r\nc\nđd";
        assert_eq!(line_col(t, t.find('b').unwrap()), (2, 1));
        assert_eq!(line_col(t, t.find('c').unwrap()), (3, 1));
        assert_eq!(line_col(t, t.find('d').unwrap()), (4, 2));
    }

    #[test]
    fn line_index_agrees_with_a_scan_on_long_lines() {
        let t = format!("{}\n{}x", "é".repeat(3000), "ư".repeat(2500));
        let idx = LineIndex::new(&t);
        assert_eq!(idx.line_col(&t, t.find('x').unwrap()), (2, 2501));
        assert_eq!(idx.line_col(&t, 2 * 2999), (1, 3000));
        assert_eq!(idx.line_col(&t, 2 * 2999 + 1), (1, 3000), "inside a character");
    }

    fn json_err(text: &str) -> (usize, usize) {
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        json_position(text, &e).unwrap()
    }

    #[test]
    fn json_positions_are_exact() {
        // The trailing comma itself, not the bracket after it.
        assert_eq!(json_err("{\"a\": [1,\n 2,\n ]}"), (2, 3));
        assert_eq!(json_err("{\"a\": 1,}"), (1, 8));
        // A raw newline in a string: where the newline is.
        assert_eq!(json_err("{\"a\": \"xy\nz\"}"), (1, 10));
        // Columns in characters; a lone CR ends a line.
        assert_eq!(json_err("{\"đđ\": tru}"), (1, 11));
        assert_eq!(json_err("{\r\"a\":\r x}"), (3, 2));
    }

    #[test]
    fn diagnostic_place() {
        let d = Diagnostic::at("f.json", Some((3, 7)), "bad");
        assert_eq!(d.to_string(), "f.json:3:7: bad");
        assert_eq!(Diagnostic::file("f.json", "empty").to_string(), "f.json: empty");
    }
}
