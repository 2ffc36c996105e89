//! claimgraph: who claims what, who backs whom and who denies what, from news
//! coverage of a dispute.
//!
//! The pipeline, one module per stage, one data type between stages:
//!
//! ```text
//! files ─input─▶ [Input] ─┬─ articles ─text─▶ Text + [Sentence] ─extract─▶ Extraction ─┐
//!                         └─ statement files ─statement_file──────────────────────────┴▶ StatementSet
//!       ─link─▶ StatementSet + relations ─graph─▶ ClaimGraph ─analysis─▶ Analysis ─report─▶ text | Markdown | JSON
//! ```
//!
//! The library never prints and never exits; the binary (`src/main.rs`) parses
//! arguments, calls [`load`], [`run_analyze`] and friends, and prints.
//!
//! # Example
//!
//! Extract the statements of an article held in memory, analyse them and
//! print the contradictions:
//!
//! ```
//! use claimgraph::{ClaimGraph, Options, analyze, extract_all, extractor};
//! use std::path::PathBuf;
//!
//! let text = "Northland said the dam was breached by southern artillery. \
//!             Southland denied that its forces shelled the dam.";
//! let ex = extractor(&Options::default())?;
//! let set = extract_all(&ex, &[(PathBuf::from("dam.txt"), text.to_string())], None);
//! for s in &set.statements {
//!     // Every statement carries its evidence: the source as named, the cue, the sentence.
//!     println!("{} {:?} ({:?}) {}: {}", s.id, s.source, s.source_mention, s.kind, s.text);
//! }
//! for r in &set.relations {
//!     // A relation's type is `kind` in Rust, "type" in statement files.
//!     println!("{} {} {}: {:?}", r.from, r.kind, r.to, r.reason);
//! }
//! let graph = ClaimGraph::build(set);
//! let analysis = analyze(&graph);
//! for c in &analysis.contradictions {
//!     let (a, b) = (&graph.statements()[c.a], &graph.statements()[c.b]);
//!     println!("{} contradiction: {} / {}", c.kind.as_str(), a.text, b.text);
//! }
//! # Ok::<(), claimgraph::Error>(())
//! ```
//!
//! # Features
//!
//! - `cli` (default): the `claimgraph` binary (clap, indicatif, ctrlc,
//!   clap_complete, clap_mangen, anyhow). Without it the library builds
//!   without any of them: `claimgraph = { version = "0.1", default-features = false }`.
//! - `render` (default, needed by `cli`): the `render` module
//!   (graphviz-rust, resvg).

pub mod actors;
pub mod analysis;
pub mod corrections;
pub mod error;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod output;
#[cfg(feature = "render")]
pub mod render;
pub mod report;
pub mod shard;
pub mod statement_file;
pub mod text;

pub use analysis::{Analysis, analyze};
pub use error::{Diagnostic, Error, Result};
pub use graph::ClaimGraph;
pub use model::{Actor, ArticleRef, Kind, Relation, RelationType, Statement, StatementSet};

use extract::{ArticleInput, Extractor};
use input::InputKind;
use lexicon::Language;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Called once per article extracted (from any thread): (done, total).
pub type Progress = std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>;

/// How inputs are read.
#[derive(Clone, Default)]
pub struct Options {
    /// The language of every article (None: detect per article).
    pub language: Option<Language>,
    /// Replace invalid UTF-8 in articles (with a warning) instead of failing.
    pub lossy: bool,
    /// Extra lexicon files (--lexicon).
    pub lexicons: Vec<PathBuf>,
    /// Extra actor files (--actors).
    pub actors: Vec<PathBuf>,
    /// Told of every article extracted (the binary draws a progress bar).
    pub progress: Option<Progress>,
    /// List every derived contradiction (`--all-derived`) instead of at most
    /// [`analysis::DERIVED_LIMIT`] per dispute group.
    pub all_derived: bool,
    /// List everything (`--list-all`): every contradiction, inconsistency,
    /// contested statement and statement of a camp, instead of the bounds of
    /// [`analysis::Listing::default`].
    pub list_all: bool,
    /// What the input path `-` stands for (the binary reads standard input
    /// into it): a statement file when it starts with `{`, an article otherwise.
    pub stdin: Option<std::sync::Arc<[u8]>>,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("language", &self.language)
            .field("lossy", &self.lossy)
            .field("lexicons", &self.lexicons)
            .field("actors", &self.actors)
            .field("progress", &self.progress.is_some())
            .field("all_derived", &self.all_derived)
            .field("list_all", &self.list_all)
            .field("stdin", &self.stdin.as_ref().map(|b| b.len()))
            .finish()
    }
}

impl Options {
    /// What the analysis lists, from `all` and `all_derived`.
    pub fn listing(&self) -> analysis::Listing {
        if self.list_all {
            analysis::Listing::all()
        } else if self.all_derived {
            analysis::Listing::with_derived(analysis::DerivedListing::All)
        } else {
            analysis::Listing::default()
        }
    }
}

/// What loading produced: the set, and warnings for the user.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub set: StatementSet,
    pub warnings: Vec<Diagnostic>,
    /// What statement files changed in what was loaded before them
    /// (replaced, removed, added; see [`corrections`]), one note each.
    pub changes: Vec<Diagnostic>,
}

/// Builds the extractor: bundled lexicons and gazetteer plus the user's files.
pub fn extractor(options: &Options) -> Result<Extractor> {
    let mut lexicons = lexicon::Lexicons::bundled();
    for p in &options.lexicons {
        lexicons.extend_from_file(p)?;
    }
    Ok(Extractor::new(lexicons, gazetteer(options)?))
}

/// The bundled gazetteer plus the user's actor files (`--actors`).
pub fn gazetteer(options: &Options) -> Result<actors::Gazetteer> {
    let mut gazetteer = actors::Gazetteer::bundled();
    for p in &options.actors {
        gazetteer.extend_from_file(p)?;
    }
    Ok(gazetteer)
}

/// An article's text, checked: binary files and invalid UTF-8 are errors
/// naming the file (and the byte offset), unless `lossy`.
pub fn read_article(path: &Path, bytes: &[u8], lossy: bool, warnings: &mut Vec<Diagnostic>) -> Result<String> {
    if looks_binary(bytes) {
        return Err(Error::input(Diagnostic::file(
            path,
            "looks like a binary file, not text (an article must be UTF-8 text)",
        )));
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(e) if lossy => {
            warnings.push(Diagnostic::file(
                path,
                format!("invalid UTF-8 at byte {} replaced (--lossy)", e.valid_up_to()),
            ));
            Ok(String::from_utf8_lossy(bytes).into_owned())
        }
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(Error::input(Diagnostic::at(
                path,
                Some(error::line_col(valid, valid.len())),
                format!("invalid UTF-8 at byte {} (use --lossy to replace it)", e.valid_up_to()),
            )))
        }
    }
}

/// NUL bytes, or mostly control characters in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

/// An id for an article from its file name, unique among `taken`.
pub(crate) fn article_id(path: &Path, taken: &mut std::collections::HashSet<String>) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    let base = graph::slug(stem);
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// How standard input (the path `-`) is named in messages and statement files.
pub const STDIN_NAME: &str = "<stdin>";

/// Loads every input: articles are extracted (in parallel, in input order),
/// statement files are parsed, and everything is merged and linked. All input
/// problems are reported together. Statement files apply, in the order
/// given, over the extraction and the files before them ([`corrections`]).
///
/// ```
/// use claimgraph::{Options, load};
/// use std::path::PathBuf;
///
/// let dir = tempfile::tempdir()?;
/// let file = dir.path().join("statements.json");
/// std::fs::write(&file, r#"{"statements": [
///     {"id": "s1", "source": "Northland", "text": "the dam was breached by artillery"},
///     {"id": "s2", "source": "Southland", "kind": "denial", "text": "its forces shelled the dam"}],
///   "relations": [{"from": "s2", "to": "s1", "type": "denies"}]}"#)?;
/// let loaded = load(&[file], &Options::default())?;
/// assert_eq!(loaded.set.statements.len(), 2);
///
/// // Every problem is a diagnostic naming the file, line and column.
/// let bad = dir.path().join("bad.json");
/// std::fs::write(&bad, r#"{"statements": [{"id": "s1", "sorce": "X", "text": "t"}]}"#)?;
/// let err = load(&[bad], &Options::default()).unwrap_err();
/// assert!(err.is_input_error());
/// assert!(err.to_string().contains("bad.json:1:30: unknown field \"sorce\""), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load(paths: &[PathBuf], options: &Options) -> Result<Loaded> {
    let Inputs {
        articles,
        files,
        mut warnings,
    } = read_inputs(paths, options)?;
    let extracted = if articles.is_empty() {
        StatementSet::default()
    } else {
        let ex = extractor(options)?;
        let extractions = extract_articles(&ex, &articles, options.language, options.progress.as_ref());
        // The texts are not needed to link: a crawl's worth of them is freed first.
        drop(articles);
        link::link(&ex, extractions)
    };
    let any_files = !files.is_empty();
    let mut merged = if files.is_empty() {
        // Nothing applies over the extraction: it is the set as it is (a merge
        // would copy every statement and index every id for nothing).
        corrections::Merged {
            set: extracted,
            changes: Vec::new(),
            warnings: Vec::new(),
        }
    } else {
        // By value: one statement file over nothing is moved, not copied.
        corrections::merge_files(files, &[&extracted])?
    };
    warnings.extend(merged.warnings);
    if any_files {
        corrections::resolve_sources(&mut merged.set, &gazetteer(options)?);
    }
    Ok(Loaded {
        set: merged.set,
        warnings,
        changes: merged.changes,
    })
}

/// The inputs of a run, read and checked: articles (path, text) and
/// statement files, in the order given.
struct Inputs {
    articles: Vec<(PathBuf, String)>,
    files: Vec<statement_file::ParsedFile>,
    warnings: Vec<Diagnostic>,
}

/// Expands and reads every input; all problems are reported together.
fn read_inputs(paths: &[PathBuf], options: &Options) -> Result<Inputs> {
    let input::Expanded {
        inputs,
        mut problems,
        mut warnings,
    } = input::expand_checked(paths);
    let (articles, files) = read_these(&inputs, options, &mut problems, &mut warnings)?;
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    Ok(Inputs {
        articles,
        files,
        warnings,
    })
}

/// Reads expanded inputs: (articles, statement files); their problems and
/// warnings are added to the lists given, in input order.
#[allow(clippy::type_complexity)]
fn read_these(
    inputs: &[input::Input],
    options: &Options,
    problems: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(Vec<(PathBuf, String)>, Vec<statement_file::ParsedFile>)> {
    let mut articles: Vec<(PathBuf, String)> = Vec::new();
    let mut files = Vec::new();
    // Articles are read in parallel (a crawl is thousands of files); their
    // problems and warnings are still reported in input order below.
    let mut contents: Vec<Option<std::io::Result<Vec<u8>>>> = inputs
        .par_iter()
        .map(|i| (i.kind == InputKind::Article && i.path.as_os_str() != input::STDIN).then(|| std::fs::read(&i.path)))
        .collect();
    for (n, i) in inputs.iter().enumerate() {
        if i.path.as_os_str() == input::STDIN {
            let name = Path::new(STDIN_NAME);
            let Some(bytes) = options.stdin.as_deref() else {
                problems.push(Diagnostic::file(name, "no standard input was provided to the library"));
                continue;
            };
            let head = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
            if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
                match statement_file::parse_bytes(name, bytes) {
                    Ok(f) => files.push(f),
                    Err(Error::Input(mut d)) => problems.append(&mut d),
                    Err(e) => return Err(e),
                }
            } else {
                match read_article(name, bytes, options.lossy, warnings) {
                    Ok(t) if t.trim().is_empty() => {
                        warnings.push(Diagnostic::file(name, "empty article: no statements"))
                    }
                    Ok(t) => articles.push((name.to_path_buf(), t)),
                    Err(Error::Input(mut d)) => problems.append(&mut d),
                    Err(e) => return Err(e),
                }
            }
            continue;
        }
        match i.kind {
            InputKind::Statements => match statement_file::load(&i.path) {
                Ok(f) => files.push(f),
                Err(Error::Input(mut d)) => problems.append(&mut d),
                Err(e) => return Err(e),
            },
            InputKind::Article => {
                let read = contents[n].take().unwrap_or_else(|| std::fs::read(&i.path));
                let bytes = match read {
                    Ok(b) => b,
                    Err(e) => {
                        problems.push(statement_file::read_error(&i.path, &e));
                        continue;
                    }
                };
                match read_article(&i.path, &bytes, options.lossy, warnings) {
                    Ok(t) if t.trim().is_empty() => {
                        warnings.push(Diagnostic::file(&i.path, "empty article: no statements"))
                    }
                    Ok(t) => articles.push((i.path.clone(), t)),
                    Err(Error::Input(mut d)) => problems.append(&mut d),
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok((articles, files))
}

/// Articles read and extracted at a time by [`extract_shard_each`]: enough
/// to keep every core busy, few enough that memory holds the chunk, not the crawl.
pub const SHARD_CHUNK: usize = 512;

/// Extracts the articles among the inputs without linking them: a shard
/// ([`shard`]) of a crawl. Statement files are refused (they apply when the
/// shards are linked into a statement file).
pub fn extract_shard(paths: &[PathBuf], options: &Options) -> Result<(Vec<extract::Extraction>, Vec<Diagnostic>)> {
    let mut all = Vec::new();
    let warnings = extract_shard_each(paths, options, &mut |chunk| {
        all.extend(chunk);
        Ok(())
    })?;
    Ok((all, warnings))
}

/// [`extract_shard`] as a stream: the articles are read and extracted
/// [`SHARD_CHUNK`] at a time, and each chunk's extractions, in input order,
/// go to `sink` before the next chunk is read, so memory holds one chunk
/// whatever the size of the crawl. Input problems are still reported together:
/// after the first one nothing more goes to `sink`, the other inputs are only
/// read and checked, and the result is the error (a sink writing to a
/// temporary file then drops it). An error of `sink` stops the run as
/// [`Error::Write`] of "the output".
pub fn extract_shard_each(
    paths: &[PathBuf],
    options: &Options,
    sink: &mut dyn FnMut(Vec<extract::Extraction>) -> std::io::Result<()>,
) -> Result<Vec<Diagnostic>> {
    let input::Expanded {
        inputs,
        mut problems,
        mut warnings,
    } = input::expand_checked(paths);
    let refuse = |path: &Path| {
        Diagnostic::file(
            path,
            "a shard holds articles only: give statement files to `claimgraph analyze` with the linked statement file",
        )
    };
    let (files, inputs): (Vec<input::Input>, Vec<input::Input>) =
        inputs.into_iter().partition(|i| i.kind == InputKind::Statements);
    problems.extend(files.iter().map(|f| refuse(&f.path)));
    let total = inputs.len();
    let mut ex: Option<Extractor> = None;
    let mut taken = std::collections::HashSet::new();
    let mut done = 0;
    for chunk in inputs.chunks(SHARD_CHUNK) {
        let (articles, files) = read_these(chunk, options, &mut problems, &mut warnings)?;
        // Standard input turned out to hold a statement file.
        problems.extend(files.iter().map(|f| refuse(&f.path)));
        if !problems.is_empty() || articles.is_empty() {
            continue;
        }
        let ex = match &mut ex {
            Some(ex) => ex,
            None => ex.insert(extractor(options)?),
        };
        let ids: Vec<String> = articles.iter().map(|(p, _)| article_id(p, &mut taken)).collect();
        let extractions = extract_each(
            ex,
            &articles,
            &ids,
            options.language,
            options.progress.as_ref(),
            (done, total),
        );
        done += articles.len();
        drop(articles);
        sink(extractions).map_err(|source| Error::Write {
            path: PathBuf::from("the output"),
            source,
        })?;
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    Ok(warnings)
}

/// Links shards (read in the order given) into one statement set: the
/// statement file one `extract` over all their articles, in the same order,
/// would have written.
pub fn link_shards(paths: &[PathBuf], options: &Options) -> Result<StatementSet> {
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        let text = match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) => {
                problems.push(statement_file::read_error(p, &e));
                continue;
            }
        };
        match shard::read(p, &text) {
            Ok(mut e) => all.append(&mut e),
            Err(Error::Input(mut d)) => problems.append(&mut d),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    shard::renumber(&mut all);
    let ex = extractor(options)?;
    Ok(link::link(&ex, all))
}

/// Extracts and links articles given as (path, text); the path names the
/// article (its file stem is the article id) and is never read.
///
/// ```
/// use claimgraph::{Kind, Options, extract_all, extractor};
/// use std::path::PathBuf;
///
/// let ex = extractor(&Options::default())?;
/// let text = "Southland denied that its forces shelled the dam.";
/// let set = extract_all(&ex, &[(PathBuf::from("dam.txt"), text.to_string())], None);
/// let denial = set.statements.iter().find(|s| s.kind == Kind::Denial).unwrap();
/// assert_eq!(denial.id, "dam/s1");
/// assert_eq!(denial.cue.as_deref(), Some("denied"));
/// assert_eq!(denial.line, Some(1));
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn extract_all(ex: &Extractor, articles: &[(PathBuf, String)], language: Option<Language>) -> StatementSet {
    extract_all_with(ex, articles, language, None)
}

/// [`extract_all`], telling `progress` of every article done.
pub fn extract_all_with(
    ex: &Extractor,
    articles: &[(PathBuf, String)],
    language: Option<Language>,
    progress: Option<&Progress>,
) -> StatementSet {
    link::link(ex, extract_articles(ex, articles, language, progress))
}

/// Extracts each article (in parallel; the results in input order), without
/// linking; ids are given to articles in input order.
fn extract_articles(
    ex: &Extractor,
    articles: &[(PathBuf, String)],
    language: Option<Language>,
    progress: Option<&Progress>,
) -> Vec<extract::Extraction> {
    let mut taken = std::collections::HashSet::new();
    let ids: Vec<String> = articles.iter().map(|(p, _)| article_id(p, &mut taken)).collect();
    extract_each(ex, articles, &ids, language, progress, (0, articles.len()))
}

/// Extracts each article under its id (in parallel; the results in input
/// order). `progress` is told (articles done before + done here, total).
fn extract_each(
    ex: &Extractor,
    articles: &[(PathBuf, String)],
    ids: &[String],
    language: Option<Language>,
    progress: Option<&Progress>,
    (before, total): (usize, usize),
) -> Vec<extract::Extraction> {
    let done = std::sync::atomic::AtomicUsize::new(before);
    // Results are collected in input order, whatever thread did which article.
    articles
        .par_iter()
        .zip(ids.par_iter())
        .map(|((path, text), id)| {
            let mut e = ex.extract(&ArticleInput {
                id: id.clone(),
                path: Some(path.to_string_lossy().into_owned()),
                text,
                language,
            });
            add_lines(&mut e.statements, text);
            if let Some(p) = progress {
                p(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
            }
            e
        })
        .collect()
}

/// Sets each statement's `line`: the line of the article where its span starts.
fn add_lines(statements: &mut [Statement], text: &str) {
    let mut starts: Vec<(usize, usize)> = statements
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.span.map(|[start, _]| (start, i)))
        .collect();
    starts.sort_unstable();
    let (mut chars, mut at, mut line) = (text.chars(), 0, 1);
    for (start, i) in starts {
        while at < start {
            match chars.next() {
                Some('\n') => line += 1,
                Some(_) => {}
                None => break,
            }
            at += 1;
        }
        statements[i].line = Some(line);
    }
}

/// Loads the inputs, builds the graph and analyses it (the notes of
/// [`Loaded::changes`] are dropped: call [`load`] to see them).
///
/// ```
/// use claimgraph::{Options, report, run_analyze};
/// use std::path::PathBuf;
///
/// let inputs = [PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/examples/armenia-azerbaijan.json")];
/// let (graph, analysis, warnings) = run_analyze(&inputs, &Options::default())?;
/// assert!(warnings.is_empty());
/// assert!(!analysis.contradictions.is_empty());
/// let markdown = report::render(&graph, &analysis, report::Format::Markdown, Default::default());
/// assert!(markdown.starts_with("# Claim graph report"));
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn run_analyze(paths: &[PathBuf], options: &Options) -> Result<(ClaimGraph, Analysis, Vec<Diagnostic>)> {
    let loaded = load(paths, options)?;
    let graph = ClaimGraph::build(loaded.set);
    let analysis = analysis::analyze_listing(&graph, options.listing());
    Ok((graph, analysis, loaded.warnings))
}

/// The 1-based line of each statement's span in its article (by statement
/// index), when the article's file (its `path` in the statement set) can
/// still be read; `None` otherwise. The HTML report shows it. Each article is
/// read once; spans are character offsets, counted as extraction counts them.
pub fn statement_lines(set: &StatementSet) -> Vec<Option<usize>> {
    let paths: std::collections::HashMap<&str, &str> = set
        .articles
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.path.as_deref()?)))
        .collect();
    // Article id → character offsets where lines start (None: unreadable).
    let mut starts: std::collections::HashMap<&str, Option<Vec<usize>>> = std::collections::HashMap::new();
    set.statements
        .iter()
        .map(|s| {
            let article = s.article.as_deref()?;
            let span = s.span?;
            let lines = starts
                .entry(article)
                .or_insert_with(|| {
                    let bytes = std::fs::read(paths.get(article)?).ok()?;
                    let text = String::from_utf8_lossy(&bytes);
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    let mut v = vec![0];
                    v.extend(text.chars().enumerate().filter(|(_, c)| *c == '\n').map(|(i, _)| i + 1));
                    Some(v)
                })
                .as_ref()?;
            Some(lines.partition_point(|&start| start <= span[0]))
        })
        .collect()
}
