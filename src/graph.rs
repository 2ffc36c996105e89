//! The claim graph: statements as nodes, relations as edges (petgraph
//! `StableDiGraph`, so that merging statements never invalidates indices), and
//! the actors every statement resolves to.

use crate::model::{Actor, Relation, RelationType, Statement, StatementSet};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// A node: one statement of the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeData {
    /// Index into [`ClaimGraph::statements`].
    pub statement: usize,
}

/// An edge: one relation of the set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeData {
    /// Index into [`ClaimGraph::relations`].
    pub relation: usize,
    pub kind: RelationType,
    pub confidence: f64,
}

/// Statements, relations and actors, linked.
#[derive(Debug, Clone)]
pub struct ClaimGraph {
    set: StatementSet,
    graph: StableDiGraph<NodeData, EdgeData>,
    nodes: Vec<NodeIndex>,
    by_id: HashMap<String, usize>,
    actors: Vec<Actor>,
    statement_actor: Vec<Option<usize>>,
    relation_ends: Vec<Option<(usize, usize)>>,
}

/// Folds a name for matching: NFC, lower case, single spaces.
pub fn fold_name(name: &str) -> String {
    let lower: String = name.nfc().flat_map(char::to_lowercase).collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An id made from a name: lower case, words joined by '-'.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.nfc().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "actor".to_string() } else { out }
}

impl ClaimGraph {
    /// Builds the graph from a validated set. Relations whose ends are unknown,
    /// or that relate a statement to itself, are skipped (the loaders reject
    /// them before this point).
    pub fn build(set: StatementSet) -> ClaimGraph {
        let mut graph = StableDiGraph::with_capacity(set.statements.len(), set.relations.len());
        let mut by_id = HashMap::with_capacity(set.statements.len());
        let mut nodes = Vec::with_capacity(set.statements.len());
        for (i, s) in set.statements.iter().enumerate() {
            nodes.push(graph.add_node(NodeData { statement: i }));
            by_id.entry(s.id.clone()).or_insert(i);
        }
        let mut relation_ends = vec![None; set.relations.len()];
        for (i, r) in set.relations.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (by_id.get(&r.from), by_id.get(&r.to))
                && a != b
            {
                relation_ends[i] = Some((a, b));
                graph.add_edge(
                    nodes[a],
                    nodes[b],
                    EdgeData {
                        relation: i,
                        kind: r.kind,
                        confidence: r.confidence_or_default(),
                    },
                );
            }
        }
        let (actors, statement_actor) = resolve_actors(&set);
        ClaimGraph {
            set,
            graph,
            nodes,
            by_id,
            actors,
            statement_actor,
            relation_ends,
        }
    }

    /// The statement indices (from, to) of a relation in the graph.
    pub fn relation_ends(&self, relation: usize) -> Option<(usize, usize)> {
        self.relation_ends[relation]
    }

    /// The set the graph was built from.
    pub fn set(&self) -> &StatementSet {
        &self.set
    }

    /// Consumes the graph, giving back its set.
    pub fn into_set(self) -> StatementSet {
        self.set
    }

    pub fn statements(&self) -> &[Statement] {
        &self.set.statements
    }

    pub fn relations(&self) -> &[Relation] {
        &self.set.relations
    }

    /// Every actor: those of the set, then one for each source name that
    /// matched none of them.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The petgraph graph itself.
    pub fn petgraph(&self) -> &StableDiGraph<NodeData, EdgeData> {
        &self.graph
    }

    /// The statement index of an id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The node of a statement index.
    pub fn node(&self, statement: usize) -> NodeIndex {
        self.nodes[statement]
    }

    /// The actor index a statement's source resolves to (None for narration).
    pub fn actor_of(&self, statement: usize) -> Option<usize> {
        self.statement_actor[statement]
    }

    /// The display name of a statement's source ("narration" for none).
    pub fn source_name(&self, statement: usize) -> &str {
        match self.actor_of(statement) {
            Some(a) => &self.actors[a].name,
            None => "narration",
        }
    }

    /// Every edge as (from statement, to statement, data), in relation order.
    pub fn edges(&self) -> Vec<(usize, usize, EdgeData)> {
        let mut out: Vec<_> = (&self.graph)
            .edge_references()
            .map(|e| {
                (
                    self.graph[e.source()].statement,
                    self.graph[e.target()].statement,
                    *e.weight(),
                )
            })
            .collect();
        out.sort_by_key(|e| e.2.relation);
        out
    }

    pub fn statement_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }
}

/// Matches every statement source to an actor of the set (by id, name or
/// alias, folded), creating actors for names that match none.
fn resolve_actors(set: &StatementSet) -> (Vec<Actor>, Vec<Option<usize>>) {
    let mut actors = set.actors.clone();
    let mut lookup: HashMap<String, usize> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        lookup.entry(a.id.clone()).or_insert(i);
        for name in std::iter::once(&a.name).chain(&a.aliases) {
            lookup.entry(fold_name(name)).or_insert(i);
        }
    }
    let mut ids: HashMap<String, usize> = actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    let mut per_statement = Vec::with_capacity(set.statements.len());
    for s in &set.statements {
        let Some(src) = s.source.as_deref() else {
            per_statement.push(None);
            continue;
        };
        let found = lookup.get(src).or_else(|| lookup.get(&fold_name(src))).copied();
        let index = match found {
            Some(i) => i,
            None => {
                let base = slug(src);
                let mut id = base.clone();
                let mut n = 2;
                while ids.contains_key(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                let i = actors.len();
                actors.push(Actor {
                    id: id.clone(),
                    name: src.trim().to_string(),
                    aliases: Vec::new(),
                    kind: None,
                });
                ids.insert(id, i);
                lookup.insert(fold_name(src), i);
                i
            }
        };
        per_statement.push(Some(index));
    }
    (actors, per_statement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    fn set() -> StatementSet {
        let mut s = StatementSet::default();
        s.actors.push(Actor {
            id: "az".into(),
            name: "Azerbaijan".into(),
            aliases: vec!["Baku".into()],
            kind: Some("country".into()),
        });
        s.statements = vec![
            Statement::new("a", Some("az".into()), "x"),
            Statement::new("b", Some("baku".into()), "y"),
            Statement::new("c", Some("Hội đồng Bảo an".into()), "z"),
            Statement::new("d", None, "w"),
        ];
        s.relations = vec![Relation {
            from: "c".into(),
            to: "a".into(),
            kind: RelationType::Denies,
            confidence: Some(0.5),
            reason: None,
        }];
        s
    }

    #[test]
    fn actors_resolve_by_id_alias_or_new_name() {
        let g = ClaimGraph::build(set());
        assert_eq!(g.actor_of(0), Some(0));
        assert_eq!(g.actor_of(1), Some(0));
        assert_eq!(g.actors()[g.actor_of(2).unwrap()].id, "hội-đồng-bảo-an");
        assert_eq!(g.actor_of(3), None);
        assert_eq!(g.source_name(3), "narration");
    }

    #[test]
    fn edges_follow_relations() {
        let g = ClaimGraph::build(set());
        let e = g.edges();
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].0, e[0].1), (2, 0));
        assert_eq!(e[0].2.confidence, 0.5);
    }

    #[test]
    fn slug_is_stable() {
        assert_eq!(slug("  The Guardian! "), "the-guardian");
        assert_eq!(slug("..."), "actor");
    }
}
