//! Which files to read: expands directories and sorts inputs into statement
//! files and articles. This is the only stage that looks at the file system
//! for inputs (besides reading the files it names).

use crate::error::{Diagnostic, Error, Result};
use std::collections::{HashMap, HashSet};
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
    let e = expand_checked(paths);
    (e.inputs, e.problems)
}

/// What expanding the inputs found.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The files to read, each once.
    pub inputs: Vec<Input>,
    /// Paths that cannot be read (missing, not a regular file…).
    pub problems: Vec<Diagnostic>,
    /// What was skipped, and why (FIFOs or devices found in a directory, a
    /// file or directory reached twice).
    pub warnings: Vec<Diagnostic>,
}

/// Like [`expand_all`], with the warnings. Only regular files are ever
/// returned, so reading them cannot block (a FIFO) or never end (a device
/// such as `/dev/zero`); a directory reached again through a symbolic link
/// is not walked again (so a link to `.` cannot loop), and a file reached
/// twice (by two names or two links) is read once.
pub fn expand_checked(paths: &[PathBuf]) -> Expanded {
    let mut e = Expanded::default();
    let mut files_seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut keep = |path: PathBuf, e: &mut Expanded| {
        let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        match files_seen.get(&canonical) {
            Some(first) => e.warnings.push(Diagnostic::file(
                &path,
                format!("the same file as {}: read once", first.display()),
            )),
            None => {
                files_seen.insert(canonical, path.clone());
                e.inputs.push(Input {
                    kind: kind_of(&path),
                    path,
                });
            }
        }
    };
    for p in paths {
        if p.as_os_str() == STDIN {
            // Read by the caller (`load` takes the bytes from `Options::stdin`).
            e.inputs.push(Input {
                path: p.clone(),
                kind: InputKind::Article,
            });
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let mut dirs_seen = HashSet::new();
                if let Err(err) = walk(p, &mut found, &mut dirs_seen, &mut e.warnings) {
                    e.problems
                        .push(Diagnostic::file(p, format!("cannot read the directory: {err}")));
                }
                if found.is_empty() {
                    e.problems
                        .push(Diagnostic::file(p, "the directory holds no .txt, .md or .json file"));
                }
                found.sort();
                for path in found {
                    keep(path, &mut e);
                }
            }
            Ok(m) if m.is_file() => keep(p.clone(), &mut e),
            Ok(m) => e.problems.push(Diagnostic::file(
                p,
                format!(
                    "not a regular file ({}): claimgraph reads only regular files",
                    file_kind(&m.file_type())
                ),
            )),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                e.problems.push(Diagnostic::file(p, "no such file or directory"))
            }
            Err(err) => e.problems.push(Diagnostic::file(p, format!("cannot read: {err}"))),
        }
    }
    e
}

/// "a FIFO", "a character device"… for messages.
fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() { "a directory" } else { "not a file" }
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DIRECTORY_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    warnings: &mut Vec<Diagnostic>,
) -> std::io::Result<()> {
    // Each directory is walked once, however many links lead to it.
    if !seen.insert(std::fs::canonicalize(dir)?) {
        warnings.push(Diagnostic::file(
            dir,
            "a directory already read (a link loop?): skipped",
        ));
        return Ok(());
    }
    let mut entries = std::fs::read_dir(dir)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let mut kind = entry.file_type()?;
        if kind.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) => kind = m.file_type(),
                Err(_) if !wanted(&path) => continue,
                Err(e) => {
                    warnings.push(Diagnostic::file(&path, format!("cannot follow the link: {e}: skipped")));
                    continue;
                }
            }
        }
        if kind.is_dir() {
            walk(&path, out, seen, warnings)?;
        } else if wanted(&path) {
            if kind.is_file() {
                out.push(path);
            } else {
                warnings.push(Diagnostic::file(
                    &path,
                    format!("not a regular file ({}): skipped", file_kind(&kind)),
                ));
            }
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

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let ok = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success();
        assert!(ok, "mkfifo");
    }

    #[cfg(unix)]
    #[test]
    fn links_loops_fifos_and_devices_are_not_read() {
        use std::os::unix::fs::symlink;
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        symlink(".", root.join("loop1")).unwrap();
        symlink(".", root.join("loop2")).unwrap();
        symlink("a.txt", root.join("again.txt")).unwrap();
        symlink("/dev/zero", root.join("zero.txt")).unwrap();
        mkfifo(&root.join("pipe.json"));
        let e = expand_checked(&[root.to_path_buf(), root.join("a.txt")]);
        let names: Vec<_> = e.inputs.iter().map(|i| i.path.strip_prefix(root).unwrap()).collect();
        assert_eq!(names, [Path::new("a.txt")], "read once");
        assert!(e.problems.is_empty(), "{:?}", e.problems);
        let w: Vec<String> = e.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            w.iter()
                .any(|w| w.contains("zero.txt: not a regular file (a character device): skipped")),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|w| w.contains("pipe.json: not a regular file (a FIFO): skipped")),
            "{w:?}"
        );
        assert!(w.iter().any(|w| w.contains("again.txt: the same file as")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("loop1: a directory already read")), "{w:?}");

        let e = expand_checked(&[root.join("pipe.json"), PathBuf::from("/dev/zero")]);
        assert!(e.inputs.is_empty());
        let p: Vec<String> = e.problems.iter().map(|w| w.to_string()).collect();
        assert!(
            p[0].ends_with("pipe.json: not a regular file (a FIFO): claimgraph reads only regular files"),
            "{p:?}"
        );
        assert!(
            p[1].contains("/dev/zero: not a regular file (a character device)"),
            "{p:?}"
        );
    }

    #[test]
    fn missing_path_is_named() {
        let e = expand(&[PathBuf::from("/no/such/file.json")]).unwrap_err();
        assert!(e.to_string().contains("/no/such/file.json: no such file"));
    }
}
