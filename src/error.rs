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
        write!(f, "{}: {}", self.place(), self.message)
    }
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

/// 1-based (line, column) of a byte offset in `text`; the column counts characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut start = offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
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
    fn diagnostic_place() {
        let d = Diagnostic::at("f.json", Some((3, 7)), "bad");
        assert_eq!(d.to_string(), "f.json:3:7: bad");
        assert_eq!(Diagnostic::file("f.json", "empty").to_string(), "f.json: empty");
    }
}
