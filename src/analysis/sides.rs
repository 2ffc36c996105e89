//! Sides: each connected part of the graph split into two camps so that
//! supports fall inside a camp and disputes/denies across it (structural
//! balance of a signed graph).
//!
//! A union-find with parity takes the relations strongest first (confidence,
//! then file order); a relation that contradicts the camps the stronger ones
//! already fixed is an [`Inconsistency`], explained by the chain of accepted
//! relations that fixed them.

use super::Listing;
use crate::graph::ClaimGraph;
use std::collections::{HashMap, VecDeque};

/// One of the two camps of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Camp {
    A,
    B,
}

impl Camp {
    pub fn as_str(self) -> &'static str {
        match self {
            Camp::A => "A",
            Camp::B => "B",
        }
    }
}

/// A connected part of the graph that holds at least one dispute or denial,
/// with its two camps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideGroup {
    /// 1-based, in order of each group's first statement.
    pub id: usize,
    /// Statement indices of camp A (holds the group's first statement), sorted.
    pub camp_a: Vec<usize>,
    /// Statement indices of camp B, sorted.
    pub camp_b: Vec<usize>,
    /// Actor indices in camp A with their statement counts, most first.
    pub actors_a: Vec<(usize, usize)>,
    /// Actor indices in camp B with their statement counts, most first.
    pub actors_b: Vec<(usize, usize)>,
}

/// A relation that no split into two camps can satisfy.
#[derive(Debug, Clone, PartialEq)]
pub struct Inconsistency {
    /// The relation index.
    pub relation: usize,
    /// Relation indices of the stronger chain that put its ends where they are.
    pub chain: Vec<usize>,
    /// The camp-group it belongs to.
    pub group: usize,
}

/// The inconsistencies of one dispute group when they were not all listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InconsistencySummary {
    pub group: usize,
    /// Relations of the group no split can satisfy.
    pub count: usize,
    /// How many of them are listed.
    pub listed: usize,
}

/// The result of the split.
#[derive(Debug, Clone, PartialEq)]
pub struct Sides {
    pub groups: Vec<SideGroup>,
    /// The inconsistencies listed (see [`Listing`]), in relation order.
    pub inconsistencies: Vec<Inconsistency>,
    /// Groups whose inconsistencies were not all listed.
    pub inconsistency_summaries: Vec<InconsistencySummary>,
    /// Per statement: (group id, camp), None for statements outside any group.
    pub placement: Vec<Option<(usize, Camp)>>,
}

impl Sides {
    /// True when both statements are in the same camp of the same group.
    pub fn same_camp(&self, a: usize, b: usize) -> bool {
        matches!((self.placement[a], self.placement[b]), (Some(x), Some(y)) if x == y)
    }

    /// The group of a statement.
    pub fn group_of(&self, s: usize) -> Option<usize> {
        self.placement[s].map(|p| p.0)
    }
}

struct ParityUnionFind {
    parent: Vec<usize>,
    /// Parity to the parent.
    parity: Vec<u8>,
    rank: Vec<u8>,
}

impl ParityUnionFind {
    fn new(n: usize) -> Self {
        ParityUnionFind {
            parent: (0..n).collect(),
            parity: vec![0; n],
            rank: vec![0; n],
        }
    }

    /// (root, parity of x relative to the root), with path compression.
    fn find(&mut self, x: usize) -> (usize, u8) {
        let mut path = Vec::new();
        let mut cur = x;
        while self.parent[cur] != cur {
            path.push(cur);
            cur = self.parent[cur];
        }
        let root = cur;
        // Walk back from the node nearest the root, accumulating parity.
        let mut acc = 0u8;
        for &node in path.iter().rev() {
            acc ^= self.parity[node];
            self.parity[node] = acc;
            self.parent[node] = root;
        }
        (root, if x == root { 0 } else { self.parity[x] })
    }

    /// Joins a and b with the wanted relative parity; false if that
    /// contradicts what is already joined.
    fn union(&mut self, a: usize, b: usize, want: u8) -> bool {
        let (ra, pa) = self.find(a);
        let (rb, pb) = self.find(b);
        if ra == rb {
            return pa ^ pb == want;
        }
        let p = pa ^ pb ^ want;
        let (hi, lo) = if self.rank[ra] >= self.rank[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[lo] = hi;
        self.parity[lo] = p;
        if self.rank[hi] == self.rank[lo] {
            self.rank[hi] += 1;
        }
        true
    }
}

/// Splits the graph into sides, listing inconsistencies (with the chain
/// that explains each) as `listing` says.
pub fn compute(graph: &ClaimGraph, listing: Listing) -> Sides {
    let n = graph.statements().len();
    let mut edges = graph.edges();
    edges.sort_by(|x, y| {
        y.2.confidence
            .total_cmp(&x.2.confidence)
            .then(x.2.relation.cmp(&y.2.relation))
    });
    let mut uf = ParityUnionFind::new(n);
    // Accepted relations form a spanning forest; kept for explanations.
    let mut tree: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut rejected = Vec::new();
    let mut has_negative = vec![false; n];
    for &(a, b, e) in &edges {
        let want = u8::from(e.kind.is_negative());
        let (ra, _) = uf.find(a);
        let (rb, _) = uf.find(b);
        if uf.union(a, b, want) {
            if ra != rb {
                tree[a].push((b, e.relation));
                tree[b].push((a, e.relation));
            }
        } else {
            rejected.push((a, b, e.relation));
        }
    }
    for &(a, _, e) in &edges {
        if e.kind.is_negative() {
            let (r, _) = uf.find(a);
            has_negative[r] = true;
        }
    }
    // Number the groups by their first statement; orient camp A to hold it.
    let mut group_of_root: Vec<Option<(usize, u8)>> = vec![None; n];
    let mut groups: Vec<SideGroup> = Vec::new();
    let mut placement = vec![None; n];
    for (s, place) in placement.iter_mut().enumerate() {
        let (root, parity) = uf.find(s);
        if !has_negative[root] {
            continue;
        }
        let (gid, flip) = *group_of_root[root].get_or_insert_with(|| {
            groups.push(SideGroup {
                id: groups.len() + 1,
                camp_a: Vec::new(),
                camp_b: Vec::new(),
                actors_a: Vec::new(),
                actors_b: Vec::new(),
            });
            (groups.len(), parity)
        });
        let camp = if parity == flip { Camp::A } else { Camp::B };
        let g = &mut groups[gid - 1];
        match camp {
            Camp::A => g.camp_a.push(s),
            Camp::B => g.camp_b.push(s),
        }
        *place = Some((gid, camp));
    }
    for g in &mut groups {
        g.actors_a = count_actors(graph, &g.camp_a);
        g.actors_b = count_actors(graph, &g.camp_b);
    }
    let forest = Forest::new(&tree);
    // In relation order; only the listed ones get their chain.
    rejected.sort_by_key(|r| r.2);
    let mut found = vec![0usize; groups.len() + 1];
    let mut listed = vec![0usize; groups.len() + 1];
    let mut inconsistencies = Vec::new();
    for (a, b, relation) in rejected {
        let group = placement[a].map_or(0, |p: (usize, Camp)| p.0);
        found[group] += 1;
        if listing.lists(listed[group], inconsistencies.len()) {
            listed[group] += 1;
            inconsistencies.push(Inconsistency {
                relation,
                chain: forest.path(a, b),
                group,
            });
        }
    }
    let inconsistency_summaries = (0..found.len())
        .filter(|&g| listed[g] < found[g])
        .map(|g| InconsistencySummary {
            group: g,
            count: found[g],
            listed: listed[g],
        })
        .collect();
    Sides {
        groups,
        inconsistencies,
        inconsistency_summaries,
        placement,
    }
}

fn count_actors(graph: &ClaimGraph, statements: &[usize]) -> Vec<(usize, usize)> {
    let mut by_actor: HashMap<usize, usize> = HashMap::new();
    for &s in statements {
        if let Some(a) = graph.actor_of(s) {
            *by_actor.entry(a).or_default() += 1;
        }
    }
    let mut counts: Vec<(usize, usize)> = by_actor.into_iter().collect();
    counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    counts
}

/// A rooted spanning forest of the accepted relations: the chain of
/// relations between two statements of a tree is found by climbing from both
/// to their lowest common ancestor (O(chain length) per query).
struct Forest {
    parent: Vec<(usize, usize)>,
    depth: Vec<usize>,
}

impl Forest {
    fn new(tree: &[Vec<(usize, usize)>]) -> Self {
        let n = tree.len();
        let mut parent = vec![(usize::MAX, usize::MAX); n];
        let mut depth = vec![0; n];
        let mut seen = vec![false; n];
        let mut queue = VecDeque::new();
        for root in 0..n {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            queue.push_back(root);
            while let Some(x) = queue.pop_front() {
                for &(y, r) in &tree[x] {
                    if !seen[y] {
                        seen[y] = true;
                        parent[y] = (x, r);
                        depth[y] = depth[x] + 1;
                        queue.push_back(y);
                    }
                }
            }
        }
        Forest { parent, depth }
    }

    /// The relations on the forest path from a to b (empty if unconnected).
    fn path(&self, mut a: usize, mut b: usize) -> Vec<usize> {
        let (mut up, mut down) = (Vec::new(), Vec::new());
        while self.depth[a] > self.depth[b] {
            up.push(self.parent[a].1);
            a = self.parent[a].0;
        }
        while self.depth[b] > self.depth[a] {
            down.push(self.parent[b].1);
            b = self.parent[b].0;
        }
        while a != b {
            if self.parent[a].0 == usize::MAX || self.parent[b].0 == usize::MAX {
                return Vec::new();
            }
            up.push(self.parent[a].1);
            a = self.parent[a].0;
            down.push(self.parent[b].1);
            b = self.parent[b].0;
        }
        down.reverse();
        up.extend(down);
        up
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relation, RelationType, Statement, StatementSet};

    pub(crate) fn graph(n: usize, rels: &[(usize, usize, RelationType, f64)]) -> ClaimGraph {
        let mut set = StatementSet::default();
        for i in 0..n {
            set.statements.push(Statement::new(
                format!("s{i}"),
                Some(format!("actor{}", i % 3)),
                format!("t{i}"),
            ));
        }
        for &(a, b, t, c) in rels {
            set.relations.push(Relation {
                from: format!("s{a}"),
                to: format!("s{b}"),
                kind: t,
                confidence: Some(c),
                reason: Some("test".into()),
            });
        }
        ClaimGraph::build(set)
    }

    use RelationType::*;

    #[test]
    fn balanced_graph_splits_in_two() {
        let g = graph(4, &[(0, 1, Supports, 1.0), (2, 0, Denies, 1.0), (3, 2, Supports, 1.0)]);
        let s = compute(&g, Listing::default());
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.groups[0].camp_a, vec![0, 1]);
        assert_eq!(s.groups[0].camp_b, vec![2, 3]);
        assert!(s.inconsistencies.is_empty());
    }

    #[test]
    fn weakest_conflicting_relation_is_the_inconsistency() {
        // 0 supports 1, 1 supports 2, but 2 disputes 0 (weakly).
        let g = graph(
            3,
            &[(0, 1, Supports, 0.9), (1, 2, Supports, 0.9), (2, 0, Disputes, 0.3)],
        );
        let s = compute(&g, Listing::default());
        assert_eq!(s.inconsistencies.len(), 1);
        assert_eq!(s.inconsistencies[0].relation, 2);
        assert_eq!(s.inconsistencies[0].chain, vec![1, 0]);
    }

    #[test]
    fn support_only_parts_are_not_groups() {
        let g = graph(3, &[(0, 1, Supports, 1.0)]);
        assert!(compute(&g, Listing::default()).groups.is_empty());
    }
}
