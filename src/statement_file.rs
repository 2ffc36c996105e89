//! Loading, validating, merging and saving statement files (`claimgraph/1`).
//!
//! Loading is two-phase so that every problem in a file is reported at once:
//! 1. [`parse`] checks one file: UTF-8, JSON syntax, nesting depth, the shape
//!    of every object (unknown fields with a suggestion, missing fields, wrong
//!    types, unknown kinds and relation types).
//! 2. [`merge`] joins several parsed files and checks what only the union can
//!    tell: duplicate ids (naming both places), relations to unknown ids and
//!    statements related to themselves.
//!
//! Positions (line:column) are worked out only when there is something to
//! report, from a JSON syntax tree of the file, so the happy path is a single
//! `serde_json` parse.

use crate::error::{Diagnostic, Error, LineIndex, Result, line_col};
use crate::model::{Actor, FORMAT, Kind, RelationType, StatementSet};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

/// A statement file that passed the per-file checks, with what is needed to
/// locate problems found later by [`merge`].
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub path: PathBuf,
    text: Source,
    pub set: StatementSet,
}

/// Where a parsed file's text is, for locating problems after parsing.
#[derive(Debug, Clone)]
enum Source {
    /// Held (a file given as text, standard input).
    Held(String),
    /// Read again from `path` when a position is wanted: a large statement
    /// file is not held in memory twice (as text and as statements) while it
    /// is merged and analysed. Positions are needed only for problems and
    /// corrections' notes.
    OnDisk,
}

/// Reads and checks one statement file.
pub fn load(path: &Path) -> Result<ParsedFile> {
    let bytes = std::fs::read(path).map_err(|e| Error::input(read_error(path, &e)))?;
    // The file is on disk: its text is read again only if a position is wanted.
    parse_with(path, utf8(path, &bytes)?, false)
}

/// A diagnostic for a file that cannot be read.
pub fn read_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let what = if path.is_dir() {
        "is a directory, not a file".to_string()
    } else if e.kind() == std::io::ErrorKind::NotFound {
        "no such file".to_string()
    } else {
        format!("cannot read: {e}")
    };
    Diagnostic::file(path, what)
}

/// Checks the bytes of one statement file; `path` names it in messages.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<ParsedFile> {
    parse(path, utf8(path, bytes)?)
}

/// The bytes as text, or an error naming the first invalid byte.
fn utf8<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let pos = line_col(valid, valid.len());
        Error::input(Diagnostic::at(
            path,
            Some(pos),
            format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        ))
    })
}

/// Checks the text of one statement file; `path` names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<ParsedFile> {
    parse_with(path, text, true)
}

/// [`parse`]; `keep_text` false when the text can be read again from `path`.
fn parse_with(path: &Path, text: &str, keep_text: bool) -> Result<ParsedFile> {
    let held = |text: &str| {
        if keep_text {
            Source::Held(text.to_string())
        } else {
            Source::OnDisk
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::input(Diagnostic::file(
            path,
            "the file is empty (a statement file is a JSON object with a \"statements\" list)",
        )));
    }
    // Fast path: a typed parse plus the checks serde cannot express. Only when
    // something is wrong does the slower Value-based check run, to report every
    // problem with its position.
    if let Ok(set) = serde_json::from_str::<StatementSet>(text)
        && quick_check(&set)
    {
        return Ok(ParsedFile {
            path: path.to_path_buf(),
            text: held(text),
            set,
        });
    }
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err(Error::input(json_error(path, text, &e))),
    };
    let mut problems = Vec::new();
    match &value {
        Value::Object(map) => check_object(map, &TOP, &mut Vec::new(), &mut problems),
        other => problems.push(Problem {
            path: Vec::new(),
            message: format!(
                "the top level is {}, but a statement file is a JSON object with a \"statements\" list",
                describe(other)
            ),
        }),
    }
    if let Some(Value::String(f)) = value.get("format")
        && f != FORMAT
    {
        problems.push(Problem {
            path: vec![Seg::Key("format".into())],
            message: format!("unsupported format \"{f}\" (this version reads \"{FORMAT}\")"),
        });
    }
    if problems.is_empty() {
        check_duplicates_within(&value, &mut problems);
    }
    // A JSON object with a key twice would silently lose the first value
    // (serde_json keeps the last): name every repeated key where it is.
    let locator = Locator::new(text);
    let mut diagnostics: Vec<Diagnostic> = problems.iter().map(|p| locator.diagnostic(path, p)).collect();
    if let Some(ast) = &locator.ast {
        repeated_keys(ast, &locator, path, &mut diagnostics);
    }
    if !diagnostics.is_empty() {
        return Err(Error::Input(diagnostics));
    }
    let set: StatementSet = serde_json::from_value(value.take())
        .map_err(|e| Error::input(Diagnostic::file(path, format!("invalid statement file: {e}"))))?;
    Ok(ParsedFile {
        path: path.to_path_buf(),
        text: held(text),
        set,
    })
}

/// The per-file checks of the Value path that a typed parse does not make.
fn quick_check(set: &StatementSet) -> bool {
    let blank = |s: &str| s.trim().is_empty();
    set.format == FORMAT
        && set
            .statements
            .iter()
            .all(|s| !blank(&s.id) && !blank(&s.text) && s.span.is_none_or(|[a, b]| a <= b))
        && set
            .relations
            .iter()
            .all(|r| !blank(&r.from) && !blank(&r.to) && r.confidence.is_none_or(|c| (0.0..=1.0).contains(&c)))
        && set.actors.iter().all(|a| !blank(&a.id) && !blank(&a.name))
        && set.articles.iter().all(|a| !blank(&a.id))
        && set.remove.iter().all(|r| {
            [&r.statement, &r.from, &r.to]
                .into_iter()
                .all(|x| x.as_deref().is_none_or(|x| !blank(x)))
        })
        && unique(set.actors.iter().map(|a| a.id.as_str()))
        && unique(set.articles.iter().map(|a| a.id.as_str()))
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>) -> bool {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter().all(|id| seen.insert(id))
}

fn json_error(path: &Path, text: &str, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    let mut message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    if message.contains("recursion limit exceeded") {
        message = "the JSON is nested too deeply (more than 128 levels)".to_string();
    } else {
        message = format!("invalid JSON: {message}");
    }
    let pos = crate::error::json_position(text, e);
    Diagnostic::at(path, pos, message)
}

/// Merges parsed files into one set, each file applied over the files before
/// it (see [`crate::corrections`]): a statement id given twice in one file is
/// an error, a statement with the id of one loaded before replaces it.
/// Relations may point into any of the files. Actors and articles with the same
/// id are merged (aliases united, the first name kept).
pub fn merge(files: &[ParsedFile]) -> Result<StatementSet> {
    merge_with(files, &[])
}

/// Like [`merge`], with statements that are already known (for instance
/// extracted from articles): statement files apply over them.
pub fn merge_with(files: &[ParsedFile], known: &[&StatementSet]) -> Result<StatementSet> {
    crate::corrections::merge(files, known).map(|m| m.set)
}

impl ParsedFile {
    /// Where items of this file are, for messages: each wanted item is
    /// (section, index, field), a section being `statements`, `relations` or
    /// `remove`. One syntax tree serves the whole batch.
    pub fn positions(&self, wanted: &[(&str, usize, &str)]) -> Vec<Option<(usize, usize)>> {
        if wanted.is_empty() {
            return Vec::new();
        }
        let reread;
        let text = match &self.text {
            Source::Held(t) => t.as_str(),
            Source::OnDisk => {
                // The same bytes parse() saw, unless the file changed since:
                // then positions may be off, or missing (the file is named).
                reread = std::fs::read(&self.path).map(|b| String::from_utf8_lossy(&b).into_owned());
                match &reread {
                    Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
                    Err(_) => return vec![None; wanted.len()],
                }
            }
        };
        let locator = Locator::new(text);
        wanted
            .iter()
            .map(|&(section, index, field)| {
                locator.locate(&[
                    Seg::Key(section.to_string()),
                    Seg::Index(index),
                    Seg::Key(field.to_string()),
                ])
            })
            .collect()
    }
}

/// Appends `from` to `into`, merging actors and articles by id (looked up
/// in maps: 100k actors are not compared with each other).
pub fn append(into: &mut StatementSet, from: &StatementSet) {
    let mut articles: std::collections::HashSet<String> = into.articles.iter().map(|a| a.id.clone()).collect();
    for a in &from.articles {
        if articles.insert(a.id.clone()) {
            into.articles.push(a.clone());
        }
    }
    let mut actors: HashMap<String, usize> = into.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    for a in &from.actors {
        merge_actor(&mut into.actors, &mut actors, a);
    }
    into.statements.extend(from.statements.iter().cloned());
    into.relations.extend(from.relations.iter().cloned());
}

fn merge_actor(actors: &mut Vec<Actor>, index: &mut HashMap<String, usize>, a: &Actor) {
    match index.get(&a.id).map(|&i| &mut actors[i]) {
        Some(existing) => {
            for alias in std::iter::once(&a.name).chain(&a.aliases) {
                if *alias != existing.name && !existing.aliases.contains(alias) {
                    existing.aliases.push(alias.clone());
                }
            }
            if existing.kind.is_none() {
                existing.kind = a.kind.clone();
            }
        }
        None => {
            index.insert(a.id.clone(), actors.len());
            actors.push(a.clone());
        }
    }
}

/// Writes a statement file atomically.
pub fn save(set: &StatementSet, path: &Path) -> Result<()> {
    crate::output::write_atomic(path, set.to_json().as_bytes())
}

// ---------------------------------------------------------------------------
// Shape checking on a serde_json::Value

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

struct Problem {
    path: Vec<Seg>,
    message: String,
}

#[derive(Clone, Copy)]
enum Ty {
    Str,
    NullableStr,
    UInt,
    Confidence,
    Bool,
    StrList,
    Span,
    Kind,
    RelType,
    List(&'static Schema),
}

struct Field {
    name: &'static str,
    ty: Ty,
    required: bool,
    /// Optional fields accept null as "absent".
    nullable: bool,
}

const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: true,
        nullable: false,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
        nullable: true,
    }
}

/// Optional, but null is not accepted (the field has a non-null default).
const fn opt_nn(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
        nullable: false,
    }
}

struct Schema {
    what: &'static str,
    fields: &'static [Field],
}

static ARTICLE: Schema = Schema {
    what: "article",
    fields: &[
        req("id", Ty::Str),
        opt("path", Ty::Str),
        opt("title", Ty::Str),
        opt("language", Ty::Str),
    ],
};

static ACTOR: Schema = Schema {
    what: "actor",
    fields: &[
        req("id", Ty::Str),
        req("name", Ty::Str),
        opt_nn("aliases", Ty::StrList),
        opt("kind", Ty::Str),
    ],
};

static STATEMENT: Schema = Schema {
    what: "statement",
    fields: &[
        req("id", Ty::Str),
        req("text", Ty::Str),
        req("source", Ty::NullableStr),
        opt("article", Ty::Str),
        opt("sentence", Ty::UInt),
        opt("source_mention", Ty::Str),
        opt("cue", Ty::Str),
        opt_nn("kind", Ty::Kind),
        opt("target", Ty::Str),
        opt_nn("via", Ty::StrList),
        opt_nn("co_sources", Ty::StrList),
        opt("quote", Ty::Str),
        opt("span", Ty::Span),
        opt("line", Ty::UInt),
        opt_nn("implicit", Ty::Bool),
        opt_nn("headline", Ty::Bool),
        opt("note", Ty::Str),
    ],
};

static REMOVAL: Schema = Schema {
    what: "removal",
    fields: &[
        opt("statement", Ty::Str),
        opt("from", Ty::Str),
        opt("to", Ty::Str),
        opt("note", Ty::Str),
    ],
};

static RELATION: Schema = Schema {
    what: "relation",
    fields: &[
        req("from", Ty::Str),
        req("to", Ty::Str),
        req("type", Ty::RelType),
        opt("confidence", Ty::Confidence),
        opt("reason", Ty::Str),
    ],
};

static TOP: Schema = Schema {
    what: "statement file",
    fields: &[
        opt_nn("format", Ty::Str),
        opt_nn("articles", Ty::List(&ARTICLE)),
        opt_nn("actors", Ty::List(&ACTOR)),
        req("statements", Ty::List(&STATEMENT)),
        opt_nn("relations", Ty::List(&RELATION)),
        opt_nn("remove", Ty::List(&REMOVAL)),
    ],
};

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn check_object(map: &Map<String, Value>, schema: &Schema, path: &mut Vec<Seg>, out: &mut Vec<Problem>) {
    for key in map.keys() {
        if !schema.fields.iter().any(|f| f.name == key) {
            let mut p = path.clone();
            p.push(Seg::Key(key.clone()));
            out.push(Problem {
                path: p,
                message: format!(
                    "unknown field \"{key}\" in {} {}{}",
                    article_for(schema.what),
                    schema.what,
                    suggest(key, schema.fields.iter().map(|f| f.name))
                ),
            });
        }
    }
    for field in schema.fields {
        match map.get(field.name) {
            None if field.required => out.push(Problem {
                path: path.clone(),
                message: format!(
                    "{} {} has no \"{}\" field",
                    article_for(schema.what),
                    schema.what,
                    field.name
                ),
            }),
            None => {}
            Some(Value::Null) if field.nullable || matches!(field.ty, Ty::NullableStr) => {}
            Some(v) => {
                path.push(Seg::Key(field.name.to_string()));
                check_value(v, field, path, out);
                path.pop();
            }
        }
    }
}

fn article_for(what: &str) -> &'static str {
    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn check_value(v: &Value, field: &Field, path: &mut Vec<Seg>, out: &mut Vec<Problem>) {
    let name = field.name;
    let mut bad = |expected: &str| {
        out.push(Problem {
            path: path.clone(),
            message: format!("\"{name}\" must be {expected}, not {}", describe(v)),
        })
    };
    match field.ty {
        Ty::Str | Ty::NullableStr => match v.as_str() {
            None => bad(if matches!(field.ty, Ty::NullableStr) {
                "a string or null"
            } else {
                "a string"
            }),
            Some(s) if s.trim().is_empty() && matches!(name, "id" | "text" | "from" | "to" | "name" | "statement") => {
                out.push(Problem {
                    path: path.clone(),
                    message: format!("\"{name}\" must not be empty"),
                })
            }
            Some(_) => {}
        },
        Ty::UInt => {
            if v.as_u64().is_none_or(|n| usize::try_from(n).is_err()) {
                bad("a whole number ≥ 0")
            }
        }
        Ty::Confidence => match v.as_f64() {
            Some(c) if (0.0..=1.0).contains(&c) => {}
            Some(c) => out.push(Problem {
                path: path.clone(),
                message: format!("\"confidence\" must be between 0 and 1, not {c}"),
            }),
            None => bad("a number between 0 and 1"),
        },
        Ty::Bool => {
            if !v.is_boolean() {
                bad("true or false")
            }
        }
        Ty::StrList => match v.as_array() {
            Some(items) if items.iter().all(Value::is_string) => {}
            _ => bad("a list of strings"),
        },
        Ty::Span => match v.as_array().map(|a| a.as_slice()) {
            Some([a, b]) if a.as_u64().is_some() && b.as_u64().is_some() => {
                if a.as_u64() > b.as_u64() {
                    out.push(Problem {
                        path: path.clone(),
                        message: "\"span\" must be [start, end] with start ≤ end".to_string(),
                    })
                }
            }
            _ => bad("a list of two whole numbers [start, end]"),
        },
        Ty::Kind => match v.as_str() {
            Some(k) if Kind::parse(k).is_some() => {}
            Some(k) => out.push(Problem {
                path: path.clone(),
                message: format!(
                    "unknown kind \"{k}\"{} (one of: claim, accusation, denial, condemnation, appeal)",
                    suggest(k, Kind::ALL.iter().map(|k| k.as_str()))
                ),
            }),
            None => bad("a string"),
        },
        Ty::RelType => match v.as_str() {
            Some(t) if RelationType::parse(t).is_some() => {}
            Some(t) => out.push(Problem {
                path: path.clone(),
                message: format!(
                    "unknown relation type \"{t}\"{} (one of: supports, disputes, denies)",
                    suggest(t, RelationType::ALL.iter().map(|k| k.as_str()))
                ),
            }),
            None => bad("a string"),
        },
        Ty::List(schema) => match v.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    match item {
                        Value::Object(m) => check_object(m, schema, path, out),
                        other => out.push(Problem {
                            path: path.clone(),
                            message: format!(
                                "{} {} must be an object, not {}",
                                article_for(schema.what),
                                schema.what,
                                describe(other)
                            ),
                        }),
                    }
                    path.pop();
                }
            }
            None => bad("a list"),
        },
    }
}

/// Duplicate actor or article ids inside one file (statement ids are checked by [`merge`]).
fn check_duplicates_within(value: &Value, out: &mut Vec<Problem>) {
    for list in ["actors", "articles"] {
        let Some(items) = value.get(list).and_then(Value::as_array) else {
            continue;
        };
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            if let Some(id) = item.get("id").and_then(Value::as_str)
                && let Some(first) = seen.insert(id, i)
            {
                out.push(Problem {
                    path: vec![Seg::Key(list.into()), Seg::Index(i), Seg::Key("id".into())],
                    message: format!(
                        "duplicate {} id \"{id}\" (also {list} item {})",
                        &list[..list.len() - 1],
                        first + 1
                    ),
                });
            }
        }
    }
}

/// Every key that appears twice in one object, at its second place.
fn repeated_keys(node: &jsonc_parser::ast::Value, locator: &Locator, file: &Path, out: &mut Vec<Diagnostic>) {
    use jsonc_parser::ast::Value as V;
    match node {
        V::Object(obj) => {
            let mut first: HashMap<&str, usize> = HashMap::new();
            for p in &obj.properties {
                let name = p.name.as_str();
                match first.entry(name) {
                    Entry::Vacant(v) => {
                        v.insert(p.range.start);
                    }
                    Entry::Occupied(o) => {
                        let (line, col) = locator.lines.line_col(locator.text, *o.get());
                        out.push(Diagnostic::at(
                            file,
                            Some(locator.lines.line_col(locator.text, p.range.start)),
                            format!("the key \"{name}\" appears twice in one object (first at line {line}, column {col}): remove one"),
                        ));
                    }
                }
                repeated_keys(&p.value, locator, file, out);
            }
        }
        V::Array(arr) => {
            for e in &arr.elements {
                repeated_keys(e, locator, file, out);
            }
        }
        _ => {}
    }
}

/// Ids longer than this get no "did you mean".
const SUGGEST_MAX_LEN: usize = 64;

/// ` (did you mean "x"?)` for the closest candidate, or nothing. Cost is
/// bounded by the candidates' count: callers with many (statement ids) use
/// [`Suggester`].
pub(crate) fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    let len = word.chars().count();
    if len > SUGGEST_MAX_LEN {
        return String::new();
    }
    let limit = (len / 3).max(2);
    candidates
        .filter(|c| c.len() <= 4 * SUGGEST_MAX_LEN && c.chars().count().abs_diff(len) <= limit)
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| format!(" (did you mean \"{c}\"?)"))
        .unwrap_or_default()
}

/// "Did you mean" for unknown statement ids, bounded whatever the number of
/// ids and unknown references: each distinct unknown id is compared once,
/// and comparing stops after [`Suggester::BUDGET`] candidate comparisons
/// (20,000 relations to unknown ids among 20,000 ids would otherwise make
/// 4×10^8 edit distances).
#[derive(Default)]
pub(crate) struct Suggester {
    done: HashMap<String, String>,
    spent: usize,
}

impl Suggester {
    const BUDGET: usize = 2_000_000;

    pub(crate) fn suggest<'a>(&mut self, word: &str, ids: impl ExactSizeIterator<Item = &'a str>) -> String {
        if let Some(s) = self.done.get(word) {
            return s.clone();
        }
        if self.spent + ids.len() > Self::BUDGET {
            return String::new();
        }
        self.spent += ids.len();
        let s = suggest(word, ids);
        self.done.insert(word.to_string(), s.clone());
        s
    }
}

// ---------------------------------------------------------------------------
// Positions: a JSON path → line:column, through jsonc-parser's syntax tree.

struct Locator<'a> {
    text: &'a str,
    ast: Option<jsonc_parser::ast::Value<'a>>,
    /// Built once: a file with 100,000 problems is not rescanned for each.
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        let options = jsonc_parser::ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
        };
        let ast = jsonc_parser::parse_to_ast(text, &Default::default(), &options)
            .ok()
            .and_then(|r| r.value);
        Locator {
            text,
            ast,
            lines: LineIndex::new(text),
        }
    }

    fn locate(&self, path: &[Seg]) -> Option<(usize, usize)> {
        use jsonc_parser::ast::Value as V;
        use jsonc_parser::common::Ranged;
        let mut node = self.ast.as_ref()?;
        let mut offset = node.start();
        for seg in path {
            match (seg, node) {
                (Seg::Key(k), V::Object(obj)) => {
                    let prop = obj.properties.iter().rev().find(|p| p.name.as_str() == k)?;
                    offset = prop.range.start;
                    node = &prop.value;
                }
                (Seg::Index(i), V::Array(arr)) => {
                    node = arr.elements.get(*i)?;
                    offset = node.start();
                }
                _ => break,
            }
        }
        Some(self.lines.line_col(self.text, offset))
    }

    fn diagnostic(&self, file: &Path, p: &Problem) -> Diagnostic {
        Diagnostic::at(file, self.locate(&p.path), p.message.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse(Path::new("t.json"), text) {
            Err(Error::Input(d)) => d.iter().map(|d| d.to_string()).collect(),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn minimal_file_loads() {
        let f = parse(
            Path::new("t.json"),
            r#"{"statements":[{"id":"a","text":"x","source":null}],"relations":[]}"#,
        )
        .unwrap();
        assert_eq!(f.set.statements.len(), 1);
        assert_eq!(f.set.format, FORMAT);
    }

    #[test]
    fn misspelt_field_is_named_with_suggestion_and_position() {
        let e = errors("{\"statements\": [\n  {\"id\": \"a\", \"text\": \"x\", \"sorce\": null}\n]}");
        assert!(e.iter().any(|m| m.starts_with("t.json:2:")
            && m.contains("unknown field \"sorce\"")
            && m.contains("did you mean \"source\"")));
        assert!(e.iter().any(|m| m.contains("has no \"source\" field")));
    }

    #[test]
    fn several_problems_reported_together() {
        let e = errors(
            r#"{"statements":[{"id":"a","text":"x","source":null,"kind":"claimm"}],
               "relations":[{"from":"a","to":"a","type":"refutes","confidence":2}]}"#,
        );
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].contains("unknown kind \"claimm\"") && e[0].contains("did you mean \"claim\""));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = errors("{\n\"statements\": [,]}");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("t.json:2:"), "{e:?}");
        assert!(e[0].contains("invalid JSON"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let e = errors(&text);
        assert!(e[0].contains("nested too deeply"), "{e:?}");
    }

    #[test]
    fn empty_and_non_object() {
        assert!(errors("  \n")[0].contains("empty"));
        assert!(errors("[1,2]")[0].contains("top level is a list"));
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let e = parse_bytes(Path::new("t.json"), b"{\n\"a\xff\"}").unwrap_err();
        assert!(e.to_string().contains("t.json:2:3: invalid UTF-8 at byte 4"), "{e}");
    }

    #[test]
    fn an_id_given_again_in_a_later_file_replaces_naming_both_places() {
        let a = parse(
            Path::new("a.json"),
            r#"{"statements":[{"id":"s","text":"x","source":null}]}"#,
        )
        .unwrap();
        let b = parse(
            Path::new("b.json"),
            "{\"statements\":[\n{\"id\":\"s\",\"text\":\"y\",\"source\":null}]}",
        )
        .unwrap();
        let m = crate::corrections::merge(&[a, b], &[]).unwrap();
        assert_eq!(m.set.statements.len(), 1);
        assert_eq!(m.set.statements[0].text, "y");
        assert_eq!(
            m.changes[0].to_string(),
            "b.json:2:2: replaces statement \"s\" (given at a.json:1:17)"
        );
    }

    #[test]
    fn relations_to_unknown_ids_and_self() {
        let a = parse(
            Path::new("a.json"),
            r#"{"statements":[{"id":"s1","text":"x","source":null}],
                "relations":[{"from":"s1","to":"s2","type":"supports"},{"from":"s1","to":"s1","type":"denies"}]}"#,
        )
        .unwrap();
        let e = merge(&[a]).unwrap_err().to_string();
        assert!(e.contains("unknown statement \"s2\" (did you mean \"s1\"?)"), "{e}");
        assert!(e.contains("relates statement \"s1\" to itself"), "{e}");
    }

    #[test]
    fn relations_may_point_into_another_file() {
        let a = parse(
            Path::new("a.json"),
            r#"{"statements":[{"id":"s1","text":"x","source":"A"}]}"#,
        )
        .unwrap();
        let b = parse(
            Path::new("b.json"),
            r#"{"statements":[{"id":"s2","text":"y","source":"B"}],"relations":[{"from":"s2","to":"s1","type":"denies"}]}"#,
        )
        .unwrap();
        let set = merge(&[a, b]).unwrap();
        assert_eq!(set.statements.len(), 2);
        assert_eq!(set.relations.len(), 1);
    }

    #[test]
    fn wrong_types_are_named() {
        let e = errors(r#"{"statements":[{"id":3,"text":"x","source":null,"span":[5,1],"via":"AP"}]}"#);
        assert!(
            e.iter().any(|m| m.contains("\"id\" must be a string, not a number")),
            "{e:?}"
        );
        assert!(e.iter().any(|m| m.contains("start ≤ end")), "{e:?}");
        assert!(
            e.iter().any(|m| m.contains("\"via\" must be a list of strings")),
            "{e:?}"
        );
    }

    #[test]
    fn a_key_twice_in_one_object_is_an_error_where_it_is() {
        let e = errors("{\"statements\": [{\"id\":\"a\",\"text\":\"x\",\"source\":null}],\n \"statements\": []}");
        assert_eq!(
            e,
            ["t.json:2:2: the key \"statements\" appears twice in one object (first at line 1, column 2): remove one"]
        );
        let e = errors(r#"{"statements":[{"id":"a","text":"x","text":"y","source":null}]}"#);
        assert!(e[0].starts_with("t.json:1:37: the key \"text\" appears twice"), "{e:?}");
    }

    #[test]
    fn many_errors_are_located_without_rescanning() {
        // 100,000 bad kinds, one per line: every one located (each with a
        // lookup in the line index; scripts/bench-hostile.sh times it).
        let mut text = String::from("{\"statements\": [\n");
        for i in 0..100_000 {
            if i > 0 {
                text.push_str(",\n");
            }
            text.push_str(&format!(r#"{{"id":"s{i}","text":"x","source":null,"kind":"nope"}}"#));
        }
        text.push_str("\n]}");
        let e = errors(&text);
        assert_eq!(e.len(), 100_000);
        assert!(e[99_999].starts_with("t.json:100001:"), "{}", e[99_999]);
    }

    #[test]
    fn did_you_mean_is_bounded_for_many_unknown_ids() {
        let mut st = Vec::new();
        let mut rel = Vec::new();
        for i in 0..20_000 {
            st.push(format!(r#"{{"id":"s{i}","text":"x","source":null}}"#));
            rel.push(format!(r#"{{"from":"s{i}","to":"z{i}","type":"supports"}}"#));
        }
        let text = format!(r#"{{"statements":[{}],"relations":[{}]}}"#, st.join(","), rel.join(","));
        let f = parse(Path::new("t.json"), &text).unwrap();
        let e = merge(&[f]).unwrap_err();
        let Error::Input(d) = e else { panic!() };
        assert_eq!(d.len(), 20_000);
        // The first ones still get a suggestion; comparing stops at the budget.
        assert!(d[0].to_string().contains("did you mean"), "{}", d[0]);
        assert!(!d[19_999].to_string().contains("did you mean"), "{}", d[19_999]);
    }
}
