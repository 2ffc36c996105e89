//! Analysis of a [`ClaimGraph`]: contradictions (direct, derived, self), the
//! sides of each dispute, contested statements, actor stances and the
//! relations no split into sides can satisfy.
//!
//! Everything here refers to statements and relations by their index in the
//! graph's set, so that large analyses stay compact; the reports turn indices
//! into ids and text. Every result is sorted deterministically.
//!
//! Cost: sides are a union-find over the relations sorted by confidence
//! (O(E log E)); derived contradictions are a breadth-first search of depth
//! [`MAX_SUPPORT_CHAIN`] over support edges from each negative relation, so
//! the work is bounded by the neighbourhood of each negative edge, never by
//! the number of statement pairs.

mod contradictions;
mod sides;
mod stances;

pub use contradictions::{Contradiction, ContradictionKind, MAX_SUPPORT_CHAIN};
pub use sides::{Camp, Inconsistency, SideGroup, Sides};
pub use stances::{ActorStance, Contested, StanceCount};

use crate::graph::ClaimGraph;

/// Everything the reports show.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub summary: Summary,
    pub contradictions: Vec<Contradiction>,
    pub sides: Vec<SideGroup>,
    pub contested: Vec<Contested>,
    pub actors: Vec<ActorStance>,
    pub inconsistencies: Vec<Inconsistency>,
}

/// Counts for the report's opening lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub statements: usize,
    pub narration: usize,
    pub implicit: usize,
    pub relations: usize,
    pub supports: usize,
    pub disputes: usize,
    pub denies: usize,
    pub actors: usize,
    pub articles: usize,
    pub direct: usize,
    pub derived: usize,
    pub self_contradictions: usize,
}

/// Runs every analysis on the graph.
pub fn analyze(graph: &ClaimGraph) -> Analysis {
    let sides = sides::compute(graph);
    let contradictions = contradictions::find(graph, &sides);
    let contested = stances::contested(graph);
    let actors = stances::actor_stances(graph);
    let mut summary = Summary {
        statements: graph.statement_count(),
        relations: graph.relation_count(),
        articles: graph.set().articles.len(),
        ..Summary::default()
    };
    for s in graph.statements() {
        summary.narration += usize::from(s.source.is_none());
        summary.implicit += usize::from(s.implicit);
    }
    for (_, _, e) in graph.edges() {
        match e.kind {
            crate::model::RelationType::Supports => summary.supports += 1,
            crate::model::RelationType::Disputes => summary.disputes += 1,
            crate::model::RelationType::Denies => summary.denies += 1,
        }
    }
    summary.actors = actors.iter().filter(|a| a.statements > 0).count();
    for c in &contradictions {
        match c.kind {
            ContradictionKind::Direct => summary.direct += 1,
            ContradictionKind::Derived => summary.derived += 1,
            ContradictionKind::SelfContradiction => summary.self_contradictions += 1,
        }
    }
    Analysis {
        summary,
        contradictions,
        sides: sides.groups,
        contested,
        actors,
        inconsistencies: sides.inconsistencies,
    }
}
