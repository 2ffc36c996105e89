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

pub mod actors;
pub mod analysis;
pub mod error;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
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
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("language", &self.language)
            .field("lossy", &self.lossy)
            .field("lexicons", &self.lexicons)
            .field("actors", &self.actors)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// What loading produced: the set, and warnings for the user.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub set: StatementSet,
    pub warnings: Vec<Diagnostic>,
}

/// Builds the extractor: bundled lexicons and gazetteer plus the user's files.
pub fn extractor(options: &Options) -> Result<Extractor> {
    let mut lexicons = lexicon::Lexicons::bundled();
    for p in &options.lexicons {
        lexicons.extend_from_file(p)?;
    }
    let mut gazetteer = actors::Gazetteer::bundled();
    for p in &options.actors {
        gazetteer.extend_from_file(p)?;
    }
    Ok(Extractor::new(lexicons, gazetteer))
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
fn article_id(path: &Path, taken: &mut std::collections::HashSet<String>) -> String {
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

/// Loads every input: articles are extracted (in parallel, in input order),
/// statement files are parsed, and everything is merged and linked. All input
/// problems are reported together.
pub fn load(paths: &[PathBuf], options: &Options) -> Result<Loaded> {
    let (inputs, mut problems) = input::expand_all(paths);
    let mut warnings = Vec::new();
    let mut articles: Vec<(PathBuf, String)> = Vec::new();
    let mut files = Vec::new();
    for i in &inputs {
        match i.kind {
            InputKind::Statements => match statement_file::load(&i.path) {
                Ok(f) => files.push(f),
                Err(Error::Input(mut d)) => problems.append(&mut d),
                Err(e) => return Err(e),
            },
            InputKind::Article => {
                let bytes = match std::fs::read(&i.path) {
                    Ok(b) => b,
                    Err(e) => {
                        problems.push(statement_file::read_error(&i.path, &e));
                        continue;
                    }
                };
                match read_article(&i.path, &bytes, options.lossy, &mut warnings) {
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
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    let extracted = if articles.is_empty() {
        StatementSet::default()
    } else {
        let ex = extractor(options)?;
        extract_all_with(&ex, &articles, options.language, options.progress.as_ref())
    };
    let set = statement_file::merge_with(&files, &[&extracted])?;
    Ok(Loaded { set, warnings })
}

/// Extracts and links articles given as (path, text).
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
    let mut taken = std::collections::HashSet::new();
    let ids: Vec<String> = articles.iter().map(|(p, _)| article_id(p, &mut taken)).collect();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Results are collected in input order, whatever thread did which article.
    let results: Vec<extract::Extraction> = articles
        .par_iter()
        .zip(ids.par_iter())
        .map(|((path, text), id)| {
            let e = ex.extract(&ArticleInput {
                id: id.clone(),
                path: Some(path.to_string_lossy().into_owned()),
                text,
                language,
            });
            if let Some(p) = progress {
                p(
                    done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                    articles.len(),
                );
            }
            e
        })
        .collect();
    link::link(ex, results)
}

/// Loads the inputs, builds the graph and analyses it.
pub fn run_analyze(paths: &[PathBuf], options: &Options) -> Result<(ClaimGraph, Analysis, Vec<Diagnostic>)> {
    let loaded = load(paths, options)?;
    let graph = ClaimGraph::build(loaded.set);
    let analysis = analyze(&graph);
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
