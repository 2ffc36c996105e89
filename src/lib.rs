//! claimgraph: who claims what, who backs whom and who denies what, from news
//! coverage of a dispute.
//!
//! The pipeline, one module per stage, one data type between stages:
//!
//! ```text
//! files ─input─▶ [Input] ─statement_file─▶ StatementSet ─graph─▶ ClaimGraph
//!       ─analysis─▶ Analysis ─report─▶ text | Markdown | JSON
//! ```
//!
//! The library never prints and never exits; the binary (`src/main.rs`) parses
//! arguments, calls [`run_analyze`] and friends, and prints.

pub mod analysis;
pub mod error;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod report;
pub mod statement_file;
pub mod text;

pub use analysis::{Analysis, analyze};
pub use error::{Diagnostic, Error, Result};
pub use graph::ClaimGraph;
pub use model::{Actor, ArticleRef, Kind, Relation, RelationType, Statement, StatementSet};

use input::InputKind;
use std::path::PathBuf;

/// Loads every input (statement files; directories expanded) into one set.
/// All problems in all files are reported together.
pub fn load_inputs(paths: &[PathBuf]) -> Result<StatementSet> {
    let inputs = input::expand(paths)?;
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for i in &inputs {
        match i.kind {
            InputKind::Statements => match statement_file::load(&i.path) {
                Ok(f) => parsed.push(f),
                Err(Error::Input(mut d)) => problems.append(&mut d),
                Err(e) => return Err(e),
            },
            InputKind::Article => problems.push(Diagnostic::file(
                &i.path,
                "not a statement file (.json); reading articles is not supported by this build",
            )),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }
    statement_file::merge(&parsed)
}

/// Loads the inputs, builds the graph and analyses it.
pub fn run_analyze(paths: &[PathBuf]) -> Result<(ClaimGraph, Analysis)> {
    let set = load_inputs(paths)?;
    let graph = ClaimGraph::build(set);
    let analysis = analyze(&graph);
    Ok((graph, analysis))
}
