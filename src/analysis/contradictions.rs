//! Contradictions: direct (a disputes or denies relation), derived (a
//! statement backed, through at most [`MAX_SUPPORT_CHAIN`] supports, by or to
//! one end of a negative relation) and self-contradictions (either of those
//! between two statements of the same source).

use super::sides::Sides;
use crate::graph::ClaimGraph;
use crate::model::RelationType;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

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
    /// never passing through `avoid`. Fills `order` (start excluded).
    fn run(&mut self, start: usize, avoid: usize) {
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

/// Finds every contradiction, sorted: direct first (in relation order), then
/// derived (by their core relation, then path length, then ends).
pub fn find(graph: &ClaimGraph, sides: &Sides) -> Vec<Contradiction> {
    let relations = graph.relations();
    let conf = |path: &[usize]| -> f64 { path.iter().map(|&r| relations[r].confidence_or_default()).product() };
    let same_source =
        |a: usize, b: usize| matches!((graph.actor_of(a), graph.actor_of(b)), (Some(x), Some(y)) if x == y);
    let key = |a: usize, b: usize| if a < b { (a, b) } else { (b, a) };

    let edges = graph.edges();
    let mut out: Vec<Contradiction> = Vec::new();
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for &(a, b, e) in edges.iter().filter(|x| x.2.kind.is_negative()) {
        if seen.contains_key(&key(a, b)) {
            continue;
        }
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

    let mut search = SupportSearch::new(graph);
    for &(y, s, e) in edges.iter().filter(|x| x.2.kind.is_negative()) {
        // Backers of the denied statement `s` contradict the denier `y`;
        // backers of the denier `y` contradict `s`.
        for (start, other) in [(s, y), (y, s)] {
            search.run(start, other);
            for i in 0..search.order.len() {
                let x = search.order[i];
                if x == other || sides.same_camp(x, other) {
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
                match seen.entry(key(x, other)) {
                    Entry::Vacant(v) => {
                        v.insert(out.len());
                        out.push(candidate);
                    }
                    Entry::Occupied(o) => {
                        let old = &mut out[*o.get()];
                        if old.derived && candidate.path.len() < old.path.len() {
                            *old = candidate;
                        }
                    }
                }
            }
        }
    }
    out[direct_count..].sort_by(|x, y| {
        let core = |c: &Contradiction| *c.path.last().unwrap_or(&0);
        core(x)
            .cmp(&core(y))
            .then(x.path.len().cmp(&y.path.len()))
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    out
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
        find(g, &sides::compute(g))
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
