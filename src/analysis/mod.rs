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

pub use contradictions::{
    Contradiction, ContradictionKind, DERIVED_COUNT_CAP, DERIVED_LIMIT, DERIVED_WORK_BUDGET, DerivedListing,
    DerivedSummary, DirectSummary, LIST_LIMIT, LIST_TOTAL, Listing, MAX_SUPPORT_CHAIN,
};
pub use sides::{Camp, Inconsistency, InconsistencySummary, SideGroup, Sides};
pub use stances::{ActorStance, Contested, StanceCount};

use crate::graph::ClaimGraph;

/// Everything the reports show.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub summary: Summary,
    pub contradictions: Vec<Contradiction>,
    /// Dispute groups whose derived contradictions were not all listed.
    pub derived_summaries: Vec<DerivedSummary>,
    /// Dispute groups whose direct contradictions were not all listed.
    pub direct_summaries: Vec<DirectSummary>,
    pub sides: Vec<SideGroup>,
    /// The most contested statements (at most [`Listing::total`]).
    pub contested: Vec<Contested>,
    pub actors: Vec<ActorStance>,
    pub inconsistencies: Vec<Inconsistency>,
    /// Dispute groups whose inconsistencies were not all listed.
    pub inconsistency_summaries: Vec<InconsistencySummary>,
    /// What was listed in full and what only counted.
    pub listing: Listing,
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
    /// Derived contradictions counted but not listed (see
    /// [`Analysis::derived_summaries`]).
    pub derived_not_listed: usize,
    /// Direct contradictions (and self-contradictions found directly)
    /// counted but not listed (see [`Analysis::direct_summaries`]).
    pub direct_not_listed: usize,
    /// Inconsistent relations counted but not listed.
    pub inconsistencies_not_listed: usize,
    /// Contested statements counted but not listed.
    pub contested_not_listed: usize,
}

/// Runs every analysis on the graph, listing at most [`DERIVED_LIMIT`]
/// derived contradictions per dispute group.
pub fn analyze(graph: &ClaimGraph) -> Analysis {
    analyze_with(graph, DerivedListing::default())
}

/// Runs every analysis on the graph, listing derived contradictions as
/// `listing` says (and the rest within the default bounds).
pub fn analyze_with(graph: &ClaimGraph, listing: DerivedListing) -> Analysis {
    analyze_listing(graph, Listing::with_derived(listing))
}

/// Runs every analysis on the graph, listing as `listing` says: what is
/// left out is counted (in [`Summary`]) and summarised per dispute group.
pub fn analyze_listing(graph: &ClaimGraph, listing: Listing) -> Analysis {
    let sides = sides::compute(graph, listing);
    let contradictions::Found {
        contradictions,
        derived_summaries,
        direct_summaries,
    } = contradictions::find(graph, &sides, listing);
    let mut contested = stances::contested(graph);
    let contested_all = contested.len();
    if let Some(n) = listing.total {
        contested.truncate(n);
    }
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
    summary.derived_not_listed = derived_summaries.iter().map(|s| s.count - s.listed).sum();
    summary.direct_not_listed = direct_summaries.iter().map(|s| s.count - s.listed).sum();
    summary.inconsistencies_not_listed = sides.inconsistency_summaries.iter().map(|s| s.count - s.listed).sum();
    summary.contested_not_listed = contested_all - contested.len();
    Analysis {
        summary,
        contradictions,
        derived_summaries,
        direct_summaries,
        sides: sides.groups,
        contested,
        actors,
        inconsistencies: sides.inconsistencies,
        inconsistency_summaries: sides.inconsistency_summaries,
        listing,
    }
}
