//! Contradictions: direct (a disputes or denies relation), derived (a
//! statement backed, through at most [`MAX_SUPPORT_CHAIN`] supports, by or to
//! one end of a negative relation) and self-contradictions (either of those
//! between two statements of the same source).

use super::sides::Sides;
use crate::graph::ClaimGraph;
use crate::model::RelationType;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// How many support relations a derivation may chain.
pub const MAX_SUPPORT_CHAIN: usize = 3;

/// How a contradiction was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContradictionKind {
    /// A disputes or denies relation.
    Direct,
    /// Support chain + a negative relation.
    Derived,
    /// Both statements have the same source.
    SelfContradiction,
}

impl ContradictionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContradictionKind::Direct => "direct",
            ContradictionKind::Derived => "derived",
            ContradictionKind::SelfContradiction => "self",
        }
    }
}

/// Two statements that cannot both be held.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    /// Statement index of the first end (the `from` of a direct relation; the
    /// backer in a derived one).
    pub a: usize,
    /// Statement index of the other end.
    pub b: usize,
    pub kind: ContradictionKind,
    /// True when found by derivation (also for self-contradictions).
    pub derived: bool,
    /// The negative relation at the core.
    pub relation: RelationType,
    /// Relation indices walked from `a` to `b`.
    pub path: Vec<usize>,
    /// Product of the confidences on the path.
    pub confidence: f64,
    /// The side group both statements belong to.
    pub group: Option<usize>,
}

/// Derived contradictions listed one by one in each dispute group, by
/// default; the rest are counted in a [`DerivedSummary`].
pub const DERIVED_LIMIT: usize = 100;

/// Distinct derived pairs counted in one dispute group before the count
/// stops (the summary then says "more than").
pub const DERIVED_COUNT_CAP: usize = 100_000;

/// Support edges a dispute group's searches may scan before the count stops.
pub const DERIVED_WORK_BUDGET: usize = 2_000_000;

/// How many derived contradictions to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DerivedListing {
    /// At most this many per dispute group; the others are counted (up to
    /// [`DERIVED_COUNT_CAP`] per group) and summarised.
    AtMost(usize),
    /// Every one (`--all-derived`): time and memory grow with their number,
    /// which a dense dispute makes quadratic.
    All,
}

impl Default for DerivedListing {
    fn default() -> Self {
        DerivedListing::AtMost(DERIVED_LIMIT)
    }
}

/// Direct contradictions (and self-contradictions found directly) listed one
/// by one in each dispute group, by default; the rest are counted in a
/// [`DirectSummary`].
pub const LIST_LIMIT: usize = 100;

/// Each list that grows with the input (direct, derived, inconsistencies,
/// contested statements, the statements of the camps) holds at most this
/// many items in all, by default, except that every dispute group keeps its
/// first one as an example.
pub const LIST_TOTAL: usize = 1_000;

/// How much of what grows with the input an analysis lists; the rest is
/// counted and summarised per dispute group (camp A against camp B).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    /// Derived contradictions: as many per dispute group (and, unless
    /// [`DerivedListing::All`], at most `total` in all).
    pub derived: DerivedListing,
    /// Direct contradictions, inconsistencies and the statements of a camp:
    /// at most this many per dispute group (None: all, `--list-all`).
    pub per_group: Option<usize>,
    /// Each list: at most this many in all, each group's first one always
    /// listed (None: no bound, `--list-all`).
    pub total: Option<usize>,
}

impl Default for Listing {
    fn default() -> Self {
        Listing {
            derived: DerivedListing::default(),
            per_group: Some(LIST_LIMIT),
            total: Some(LIST_TOTAL),
        }
    }
}

impl Listing {
    /// Everything listed (`--list-all`): time, memory and the report grow with
    /// the input (quadratically with a dense dispute's derived pairs).
    pub fn all() -> Self {
        Listing {
            derived: DerivedListing::All,
            per_group: None,
            total: None,
        }
    }

    /// The default bounds with derived contradictions listed as `derived` says.
    pub fn with_derived(derived: DerivedListing) -> Self {
        Listing {
            derived,
            ..Listing::default()
        }
    }

    /// Whether the next item of a group is listed, given how many of the
    /// group's and of the whole list's are listed already.
    pub fn lists(&self, in_group: usize, in_all: usize) -> bool {
        in_group == 0 || (self.per_group.is_none_or(|n| in_group < n) && self.total.is_none_or(|n| in_all < n))
    }
}

/// The direct contradictions of one dispute group when they were not all
/// listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectSummary {
    /// The dispute group (None for statements outside any group).
    pub group: Option<usize>,
    /// Pairs of statements related by a dispute or a denial.
    pub count: usize,
    /// How many of them are in the contradiction list.
    pub listed: usize,
    /// Index in the contradiction list of an example (the group's first).
    pub example: Option<usize>,
}

/// The derived contradictions of one dispute group (between its two camps)
/// when they were not all listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedSummary {
    /// The dispute group (None for statements outside any group).
    pub group: Option<usize>,
    /// Distinct pairs found (a lower bound when `complete` is false).
    pub count: usize,
    /// False when counting stopped at [`DERIVED_COUNT_CAP`] pairs or
    /// [`DERIVED_WORK_BUDGET`] scanned edges.
    pub complete: bool,
    /// How many of them are in the contradiction list.
    pub listed: usize,
    /// Index in the contradiction list of an example (the first listed).
    pub example: Option<usize>,
}

/// Reusable breadth-first search over support edges, bounded in depth.
struct SupportSearch {
    adj: Vec<Vec<(usize, usize)>>,
    stamp: Vec<u32>,
    epoch: u32,
    prev: Vec<(usize, usize)>,
    depth: Vec<u8>,
    order: Vec<usize>,
}

impl SupportSearch {
    fn new(graph: &ClaimGraph) -> Self {
        let n = graph.statements().len();
        let mut adj = vec![Vec::new(); n];
        for (a, b, e) in graph.edges() {
            if e.kind == RelationType::Supports {
                adj[a].push((b, e.relation));
                adj[b].push((a, e.relation));
            }
        }
        for list in &mut adj {
            list.sort_unstable();
        }
        SupportSearch {
            adj,
            stamp: vec![0; n],
            epoch: 0,
            prev: vec![(0, 0); n],
            depth: vec![0; n],
            order: Vec::new(),
        }
    }

    /// Visits everything within [`MAX_SUPPORT_CHAIN`] supports of `start`,
    /// never passing through `avoid`. Fills `order` (start excluded). Scans
    /// at most `budget` support edges, counted in `work`; returns false when
    /// it stopped early.
    fn run(&mut self, start: usize, avoid: usize, budget: usize, work: &mut usize) -> bool {
        self.epoch += 1;
        self.order.clear();
        self.stamp[start] = self.epoch;
        self.depth[start] = 0;
        self.stamp[avoid] = self.epoch;
        let mut head = 0;
        let mut frontier = vec![start];
        while head < frontier.len() {
            let x = frontier[head];
            head += 1;
            if usize::from(self.depth[x]) >= MAX_SUPPORT_CHAIN {
                continue;
            }
            for i in 0..self.adj[x].len() {
                *work += 1;
                if *work > budget {
                    return false;
                }
                let (y, r) = self.adj[x][i];
                if self.stamp[y] != self.epoch {
                    self.stamp[y] = self.epoch;
                    self.prev[y] = (x, r);
                    self.depth[y] = self.depth[x] + 1;
                    frontier.push(y);
                    self.order.push(y);
                }
            }
        }
        true
    }

    /// Relations from `x` back to the search's start.
    fn path_to_start(&self, mut x: usize, start: usize) -> Vec<usize> {
        let mut out = Vec::new();
        while x != start {
            let (p, r) = self.prev[x];
            out.push(r);
            x = p;
        }
        out
    }
}

/// A derived pair's place: in the list, or only counted.
const NOT_LISTED: usize = usize::MAX;

/// Finds every contradiction, sorted: direct first (in relation order), then
/// derived (by their core relation, then path length, then ends), listing
/// derived ones as `listing` says; groups whose derived contradictions were
/// not all listed get a [`DerivedSummary`] (sorted by group).
pub fn find(graph: &ClaimGraph, sides: &Sides, listing: Listing) -> Found {
    let relations = graph.relations();
    let conf = |path: &[usize]| -> f64 { path.iter().map(|&r| relations[r].confidence_or_default()).product() };
    let same_source =
        |a: usize, b: usize| matches!((graph.actor_of(a), graph.actor_of(b)), (Some(x), Some(y)) if x == y);
    let key = |a: usize, b: usize| if a < b { (a, b) } else { (b, a) };

    let edges = graph.edges();
    let mut out: Vec<Contradiction> = Vec::new();
    // Pair → its place in `out`, or NOT_LISTED when only counted.
    let mut seen: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    // Per group (index: group id, 0 for none): pairs found, pairs listed, first listed.
    let groups = sides.groups.len() + 1;
    let (mut direct_found, mut direct_listed) = (vec![0usize; groups], vec![0usize; groups]);
    let mut direct_example: Vec<Option<usize>> = vec![None; groups];
    for &(a, b, e) in edges.iter().filter(|x| x.2.kind.is_negative()) {
        if seen.contains_key(&key(a, b)) {
            continue;
        }
        let g = sides.group_of(a).unwrap_or(0);
        direct_found[g] += 1;
        if !listing.lists(direct_listed[g], out.len()) {
            seen.insert(key(a, b), NOT_LISTED);
            continue;
        }
        direct_listed[g] += 1;
        direct_example[g].get_or_insert(out.len());
        seen.insert(key(a, b), out.len());
        out.push(Contradiction {
            a,
            b,
            kind: if same_source(a, b) {
                ContradictionKind::SelfContradiction
            } else {
                ContradictionKind::Direct
            },
            derived: false,
            relation: e.kind,
            path: vec![e.relation],
            confidence: e.confidence,
            group: sides.group_of(a),
        });
    }
    let direct_count = out.len();

    // Derived pairs never leave their dispute group (both ends are joined by
    // relations), so each group is searched, counted and bounded on its own,
    // its negative relations in relation order.
    let mut by_group: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, &(a, _, e)) in edges.iter().enumerate() {
        if e.kind.is_negative() {
            by_group.entry(sides.group_of(a)).or_default().push(i);
        }
    }
    let direct_summaries = (0..groups)
        .filter(|&g| direct_listed[g] < direct_found[g])
        .map(|g| DirectSummary {
            group: (g > 0).then_some(g),
            count: direct_found[g],
            listed: direct_listed[g],
            example: direct_example[g],
        })
        .collect();
    let (limit, count_cap, budget, total) = match listing.derived {
        DerivedListing::AtMost(n) => (
            n,
            DERIVED_COUNT_CAP,
            DERIVED_WORK_BUDGET,
            listing.total.unwrap_or(usize::MAX),
        ),
        DerivedListing::All => (usize::MAX, usize::MAX, usize::MAX, usize::MAX),
    };
    let mut derived_listed = 0usize;
    let mut summaries = Vec::new();
    let mut search = SupportSearch::new(graph);
    for (group, negatives) in by_group {
        let mut found: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        let (mut listed, mut work, mut complete) = (0usize, 0usize, true);
        let mut example = None;
        'relations: for &i in &negatives {
            let (y, s, e) = edges[i];
            // Backers of the denied statement `s` contradict the denier `y`;
            // backers of the denier `y` contradict `s`.
            for (start, other) in [(s, y), (y, s)] {
                if !search.run(start, other, budget, &mut work) {
                    complete = false;
                    break 'relations;
                }
                for j in 0..search.order.len() {
                    let x = search.order[j];
                    if x == other || sides.same_camp(x, other) {
                        continue;
                    }
                    let k = key(x, other);
                    let at = match seen.get(&k).or_else(|| found.get(&k)) {
                        Some(&at) => at,
                        None => {
                            if found.len() >= count_cap {
                                complete = false;
                                break 'relations;
                            }
                            let lists = listed == 0 || (listed < limit && derived_listed < total);
                            let at = if lists { out.len() } else { NOT_LISTED };
                            found.insert(k, at);
                            if at == NOT_LISTED {
                                continue;
                            }
                            listed += 1;
                            derived_listed += 1;
                            example.get_or_insert(at);
                            at
                        }
                    };
                    if at == NOT_LISTED {
                        continue;
                    }
                    let len = search.depth[x] as usize + 1;
                    if at < out.len() && (!out[at].derived || out[at].path.len() <= len) {
                        continue;
                    }
                    let mut path = search.path_to_start(x, start);
                    // Walk: x … start, then the negative relation to `other`.
                    path.push(e.relation);
                    let candidate = Contradiction {
                        a: x,
                        b: other,
                        kind: if same_source(x, other) {
                            ContradictionKind::SelfContradiction
                        } else {
                            ContradictionKind::Derived
                        },
                        derived: true,
                        relation: e.kind,
                        confidence: conf(&path),
                        path,
                        group: sides.group_of(x),
                    };
                    if at == out.len() {
                        out.push(candidate);
                    } else {
                        out[at] = candidate;
                    }
                }
            }
        }
        if !complete || listed < found.len() {
            summaries.push(DerivedSummary {
                group,
                count: found.len(),
                complete,
                listed,
                example,
            });
        }
    }
    // Sort the derived ones, keeping the summaries' examples pointing at them.
    let mut order: Vec<usize> = (direct_count..out.len()).collect();
    let core = |c: &Contradiction| *c.path.last().unwrap_or(&0);
    order.sort_by(|&x, &y| {
        let (x, y) = (&out[x], &out[y]);
        core(x)
            .cmp(&core(y))
            .then(x.path.len().cmp(&y.path.len()))
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut new_place = vec![0; out.len()];
    for (place, &old) in order.iter().enumerate() {
        new_place[old] = direct_count + place;
    }
    let mut derived: Vec<Option<Contradiction>> = out.drain(direct_count..).map(Some).collect();
    out.extend(order.iter().filter_map(|&old| derived[old - direct_count].take()));
    for s in &mut summaries {
        s.example = s.example.map(|e| new_place[e]);
    }
    Found {
        contradictions: out,
        derived_summaries: summaries,
        direct_summaries,
    }
}

/// What [`find`] found: the listed contradictions and the summaries of the
/// groups whose contradictions were not all listed.
pub struct Found {
    pub contradictions: Vec<Contradiction>,
    pub derived_summaries: Vec<DerivedSummary>,
    pub direct_summaries: Vec<DirectSummary>,
}

#[cfg(test)]
mod tests {
    use super::super::sides;
    use super::*;
    use crate::model::{Relation, Statement, StatementSet};
    use RelationType::*;

    fn graph(sources: &[&str], rels: &[(usize, usize, RelationType)]) -> ClaimGraph {
        let mut set = StatementSet::default();
        for (i, src) in sources.iter().enumerate() {
            set.statements
                .push(Statement::new(format!("s{i}"), Some(src.to_string()), format!("t{i}")));
        }
        for &(a, b, t) in rels {
            set.relations.push(Relation {
                from: format!("s{a}"),
                to: format!("s{b}"),
                kind: t,
                confidence: Some(0.5),
                reason: Some("test".into()),
            });
        }
        ClaimGraph::build(set)
    }

    fn run(g: &ClaimGraph) -> Vec<Contradiction> {
        find(g, &sides::compute(g, Listing::all()), Listing::all()).contradictions
    }

    #[test]
    fn direct_and_derived_both_directions() {
        // X(0) supports S(1); Y(2) denies S; Z(3) supports Y.
        let g = graph(
            &["X", "S", "Y", "Z"],
            &[(0, 1, Supports), (2, 1, Denies), (3, 2, Supports)],
        );
        let c = run(&g);
        let pairs: Vec<_> = c.iter().map(|c| (c.a, c.b, c.kind)).collect();
        assert_eq!(
            pairs,
            vec![
                (2, 1, ContradictionKind::Direct),
                (0, 2, ContradictionKind::Derived),
                (3, 1, ContradictionKind::Derived)
            ]
        );
        assert_eq!(c[1].path, vec![0, 1]);
        assert!((c[1].confidence - 0.25).abs() < 1e-9);
    }

    #[test]
    fn chain_longer_than_three_supports_is_not_followed() {
        // 0-1-2-3-4 supports chain, 5 denies 4.
        let g = graph(
            &["a", "b", "c", "d", "e", "f"],
            &[
                (0, 1, Supports),
                (1, 2, Supports),
                (2, 3, Supports),
                (3, 4, Supports),
                (5, 4, Denies),
            ],
        );
        let c = run(&g);
        assert!(c.iter().any(|c| c.a == 1 && c.b == 5));
        assert!(!c.iter().any(|c| c.a == 0 && c.b == 5));
    }

    #[test]
    fn same_source_is_self_contradiction() {
        let g = graph(&["A", "A", "B"], &[(0, 1, Disputes), (2, 1, Supports)]);
        let c = run(&g);
        assert_eq!(c[0].kind, ContradictionKind::SelfContradiction);
        assert_eq!(c.len(), 2);
        assert_eq!((c[1].a, c[1].b, c[1].kind), (2, 0, ContradictionKind::Derived));
    }

    #[test]
    fn reported_once_per_pair() {
        // Two negative relations between the same pair → one contradiction.
        let g = graph(&["A", "B"], &[(0, 1, Disputes), (1, 0, Denies)]);
        assert_eq!(run(&g).len(), 1);
    }
}
