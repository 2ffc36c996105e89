//! Which files to read: expands directories and sorts inputs into statement
//! files and articles. This is the only stage that looks at the file system
//! for inputs (besides reading the files it names).

use crate::error::{Diagnostic, Error, Result};
use std::path::{Path, PathBuf};

/// What an input file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// A statement file (`.json`).
    Statements,
    /// A news article (plain text: `.txt`, `.md`, or anything else named explicitly).
    Article,
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub kind: InputKind,
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// Extensions picked up when a directory is given.
pub const DIRECTORY_EXTENSIONS: [&str; 3] = ["txt", "md", "json"];

fn kind_of(path: &Path) -> InputKind {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => InputKind::Statements,
        _ => InputKind::Article,
    }
}

/// Expands the paths the user gave: a directory stands for every `.txt`,
/// `.md` and `.json` file in it (recursively, sorted by path); a missing path
/// is an error. The order of explicit files is kept.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let (out, problems) = expand_all(paths);
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Input(problems))
    }
}

/// Like [`expand`], returning the inputs that exist together with the
/// problems of those that do not (so every problem can be reported at once).
pub fn expand_all(paths: &[PathBuf]) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.as_os_str() == STDIN {
            // Read by the caller (`load` takes the bytes from `Options::stdin`).
            out.push(Input {
                path: p.clone(),
                kind: InputKind::Article,
            });
        } else if p.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(p, &mut found) {
                problems.push(Diagnostic::file(p, format!("cannot read the directory: {e}")));
            }
            if found.is_empty() {
                problems.push(Diagnostic::file(p, "the directory holds no .txt, .md or .json file"));
            }
            found.sort();
            out.extend(found.into_iter().map(|path| Input {
                kind: kind_of(&path),
                path,
            }));
        } else if p.exists() {
            out.push(Input {
                path: p.clone(),
                kind: kind_of(p),
            });
        } else {
            problems.push(Diagnostic::file(p, "no such file or directory"));
        }
    }
    (out, problems)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DIRECTORY_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_expands_sorted_and_classified() {
        let d = tempfile::tempdir().unwrap();
        for f in ["b.txt", "a.json", "c.md", "skip.png"] {
            std::fs::write(d.path().join(f), "x").unwrap();
        }
        let got = expand(&[d.path().to_path_buf()]).unwrap();
        let names: Vec<_> = got
            .iter()
            .map(|i| i.path.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["a.json", "b.txt", "c.md"]);
        assert_eq!(got[0].kind, InputKind::Statements);
        assert_eq!(got[1].kind, InputKind::Article);
    }

    #[test]
    fn missing_path_is_named() {
        let e = expand(&[PathBuf::from("/no/such/file.json")]).unwrap_err();
        assert!(e.to_string().contains("/no/such/file.json: no such file"));
    }
}
