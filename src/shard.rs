//! Shards: what extraction makes of a part of a crawl, before linking, as
//! JSON Lines (one article per line), so a crawl can be extracted in pieces
//! (on several machines, by GNU parallel or a batch queue) and linked in one
//! step into the statement file one run over everything would have written.
//!
//! A line holds an article's [`Extraction`]: its statements, the relations
//! extraction found inside it, the actors it refers to, and what linking
//! needs to know of each statement that the statement file does not say
//! (language, contrast marker, actors mentioned, co-sources, reciprocity).

use crate::error::{Diagnostic, Error, Result};
use crate::extract::{Extraction, Meta};
use crate::lexicon::Language;
use crate::model::{Actor, ArticleRef, Relation, Statement};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The first line of every shard file.
pub const HEADER: &str = "{\"format\":\"claimgraph-shard/1\"}";

/// One line: one article's extraction.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    article: Option<ArticleRef>,
    statements: Vec<Statement>,
    #[serde(default)]
    relations: Vec<Relation>,
    #[serde(default)]
    actors: Vec<Actor>,
    meta: Vec<LineMeta>,
}

/// [`Meta`] as a shard writes it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LineMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contrast: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mentioned: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    co_sources: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    reciprocal: bool,
}

/// Writes extractions as a shard: the header line, then one line per article.
pub fn write(extractions: &[Extraction], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{HEADER}")?;
    write_lines(extractions, out)
}

/// Writes the lines of extractions (a shard's [`HEADER`] line goes first).
pub fn write_lines(extractions: &[Extraction], out: &mut dyn Write) -> std::io::Result<()> {
    for e in extractions {
        let line = Line {
            article: e.article.clone(),
            statements: e.statements.clone(),
            relations: e.relations.clone(),
            actors: e.actors.values().cloned().collect(),
            meta: e
                .meta
                .iter()
                .map(|m| LineMeta {
                    language: m.language.map(|l| l.code().to_string()),
                    contrast: m.contrast.clone(),
                    mentioned: m.mentioned.clone(),
                    co_sources: m.co_sources.clone(),
                    reciprocal: m.reciprocal,
                })
                .collect(),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Reads a shard written by [`write()`]; every problem names the file and line.
pub fn read(path: &Path, text: &str) -> Result<Vec<Extraction>> {
    let mut lines = text.lines().enumerate();
    let at = |n: usize, message: String| Error::input(Diagnostic::at(path, Some((n + 1, 1)), message));
    match lines.next() {
        Some((_, first)) if first.trim() == HEADER => {}
        _ => {
            return Err(Error::input(Diagnostic::file(
                path,
                format!(
                    "not a claimgraph shard (its first line is not {HEADER}; write shards with `claimgraph extract --format shard`)"
                ),
            )));
        }
    }
    let mut out = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(line).map_err(|e| {
            at(
                n,
                format!("invalid shard line: {}", crate::lexicon::strip_position(&e.to_string())),
            )
        })?;
        if l.meta.len() != l.statements.len() {
            return Err(at(
                n,
                format!("{} statements but {} meta entries", l.statements.len(), l.meta.len()),
            ));
        }
        let mut meta = Vec::with_capacity(l.meta.len());
        for m in l.meta {
            let language = match m.language.as_deref() {
                None => None,
                Some(code) => Some(Language::parse(code).ok_or_else(|| at(n, format!("unknown language \"{code}\"")))?),
            };
            meta.push(Meta {
                language,
                contrast: m.contrast,
                mentioned: m.mentioned,
                co_sources: m.co_sources,
                reciprocal: m.reciprocal,
            });
        }
        out.push(Extraction {
            article: l.article,
            statements: l.statements,
            meta,
            relations: l.relations,
            actors: l.actors.into_iter().map(|a| (a.id.clone(), a)).collect(),
        });
    }
    Ok(out)
}

/// Gives the articles of shards read one after another the ids one run over
/// all their files would have given (a file stem met again becomes
/// `STEM-2`, …), renaming their statements and relations to match.
pub fn renumber(extractions: &mut [Extraction]) {
    let mut taken = std::collections::HashSet::new();
    for e in extractions {
        let Some(article) = &mut e.article else { continue };
        let path = article.path.clone().unwrap_or_else(|| article.id.clone());
        let id = crate::article_id(Path::new(&path), &mut taken);
        if id == article.id {
            continue;
        }
        let old = std::mem::replace(&mut article.id, id.clone());
        let rename = |s: &mut String| {
            if let Some(rest) = s.strip_prefix(old.as_str())
                && rest.starts_with('/')
            {
                *s = format!("{id}{rest}");
            }
        };
        for s in &mut e.statements {
            rename(&mut s.id);
            if s.article.as_deref() == Some(old.as_str()) {
                s.article = Some(id.clone());
            }
        }
        for r in &mut e.relations {
            rename(&mut r.from);
            rename(&mut r.to);
        }
    }
}
