//! Who backs and contests whom: actor stances, and the statements that are
//! most contested (with both supporters and opponents).

use crate::graph::ClaimGraph;
use crate::model::RelationType;
use std::collections::BTreeMap;

/// How often one actor's statements relate to another actor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StanceCount {
    pub supports: usize,
    pub disputes: usize,
    pub denies: usize,
}

impl StanceCount {
    fn add(&mut self, t: RelationType) {
        match t {
            RelationType::Supports => self.supports += 1,
            RelationType::Disputes => self.disputes += 1,
            RelationType::Denies => self.denies += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.supports + self.disputes + self.denies
    }
}

/// One actor: how much it says, and its stance towards each other actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorStance {
    /// Actor index.
    pub actor: usize,
    /// Statements with this actor as source.
    pub statements: usize,
    /// (other actor index, counts), by actor index.
    pub towards: Vec<(usize, StanceCount)>,
}

/// A statement with both supporters and opponents.
#[derive(Debug, Clone, PartialEq)]
pub struct Contested {
    pub statement: usize,
    /// Statements that agree with it (supports either way), sorted.
    pub supporters: Vec<usize>,
    /// Statements that dispute or deny it, sorted.
    pub opponents: Vec<usize>,
    /// min(supporters, opponents) weighted by confidence: higher = more contested.
    pub score: f64,
}

/// Stances of every actor that is the source of a statement, in actor order.
pub fn actor_stances(graph: &ClaimGraph) -> Vec<ActorStance> {
    let mut statements = vec![0usize; graph.actors().len()];
    for s in 0..graph.statements().len() {
        if let Some(a) = graph.actor_of(s) {
            statements[a] += 1;
        }
    }
    let mut towards: Vec<BTreeMap<usize, StanceCount>> = vec![BTreeMap::new(); graph.actors().len()];
    for (from, to, e) in graph.edges() {
        if let (Some(a), Some(b)) = (graph.actor_of(from), graph.actor_of(to))
            && a != b
        {
            towards[a].entry(b).or_default().add(e.kind);
        }
    }
    towards
        .into_iter()
        .enumerate()
        .filter(|(a, t)| statements[*a] > 0 || !t.is_empty())
        .map(|(actor, t)| ActorStance {
            actor,
            statements: statements[actor],
            towards: t.into_iter().collect(),
        })
        .collect()
}

/// Statements with both supporters and opponents, most contested first.
pub fn contested(graph: &ClaimGraph) -> Vec<Contested> {
    let n = graph.statements().len();
    let mut sup: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut opp: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (from, to, e) in graph.edges() {
        if e.kind.is_negative() {
            opp[to].push((from, e.confidence));
        } else {
            sup[to].push((from, e.confidence));
            sup[from].push((to, e.confidence));
        }
    }
    let mut out = Vec::new();
    for s in 0..n {
        if sup[s].is_empty() || opp[s].is_empty() {
            continue;
        }
        let weight = |v: &[(usize, f64)]| v.iter().map(|x| x.1).sum::<f64>();
        let score = weight(&sup[s]).min(weight(&opp[s]));
        let ids = |v: &[(usize, f64)]| {
            let mut ids: Vec<usize> = v.iter().map(|x| x.0).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        out.push(Contested {
            statement: s,
            supporters: ids(&sup[s]),
            opponents: ids(&opp[s]),
            score,
        });
    }
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((y.supporters.len() + y.opponents.len()).cmp(&(x.supporters.len() + x.opponents.len())))
            .then(x.statement.cmp(&y.statement))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relation, Statement, StatementSet};

    fn g() -> ClaimGraph {
        let mut set = StatementSet::default();
        for (i, src) in ["A", "B", "C", "A"].iter().enumerate() {
            set.statements
                .push(Statement::new(format!("s{i}"), Some(src.to_string()), "t"));
        }
        for (a, b, t) in [
            (1, 0, RelationType::Denies),
            (2, 0, RelationType::Supports),
            (3, 1, RelationType::Disputes),
        ] {
            set.relations.push(Relation {
                from: format!("s{a}"),
                to: format!("s{b}"),
                kind: t,
                confidence: None,
                reason: None,
            });
        }
        ClaimGraph::build(set)
    }

    #[test]
    fn stances_count_per_actor_pair() {
        let st = actor_stances(&g());
        assert_eq!(st.len(), 3);
        assert_eq!(st[0].statements, 2);
        assert_eq!(
            st[0].towards,
            vec![(
                1,
                StanceCount {
                    supports: 0,
                    disputes: 1,
                    denies: 0
                }
            )]
        );
        assert_eq!(st[1].towards[0].1.denies, 1);
    }

    #[test]
    fn contested_needs_both_sides() {
        let c = contested(&g());
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].statement, 0);
        assert_eq!(c[0].supporters, vec![2]);
        assert_eq!(c[0].opponents, vec![1]);
    }
}
