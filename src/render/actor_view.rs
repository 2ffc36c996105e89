//! The actor view: what a picture shows when there are too many statements
//! to read. One node per actor (and one for narration), one edge per actor
//! pair and relation kind, labelled with a count ("2 denials") and as wide as
//! the count; the actors in two camps side by side (chosen so that most
//! supports fall inside a camp and most disputes and denials across), and
//! only the actors with the most relations, so the picture stays readable
//! whatever the corpus: at most [`MAX_ACTORS`] nodes and `--max-nodes`, the
//! actors with fewer relations drawn together as one node, "others".

use super::palette::{NARRATION_FILL, assign_colors};
use super::picture::{Arrangement, Cluster, PEdge, PNode, Picture, PictureOptions, Shape, count, relation_count};
use crate::analysis::Analysis;
use crate::graph::ClaimGraph;
use crate::model::RelationType;
use std::collections::{BTreeMap, BTreeSet};

/// Nodes drawn at most (fewer when `--max-nodes` is smaller); the actors
/// with fewer relations are drawn together as one node, "others".
pub const MAX_ACTORS: usize = 16;
/// Edges drawn at most (the heaviest); the others are counted in the caption.
pub const MAX_EDGES: usize = 40;

/// (from actor, to actor, kind) → (relations, summed confidence).
type Weights = BTreeMap<(usize, usize, RelationType), (usize, f64)>;

/// Index of narration among actor slots.
const NARRATION: usize = usize::MAX;
/// Index of the node that stands for the actors not drawn one by one.
const OTHERS: usize = usize::MAX - 1;

/// The actor view of the statements `keep`.
pub fn actor_view(graph: &ClaimGraph, analysis: &Analysis, keep: &[usize], options: &PictureOptions) -> Picture {
    let _ = analysis;
    let kept: BTreeSet<usize> = keep.iter().copied().collect();
    let actor_of = |s: usize| graph.actor_of(s).unwrap_or(NARRATION);
    let mut statements: BTreeMap<usize, usize> = BTreeMap::new();
    for &s in keep {
        *statements.entry(actor_of(s)).or_default() += 1;
    }
    // Relations per (from actor, to actor, kind).
    let mut weights: Weights = BTreeMap::new();
    let mut involvement: BTreeMap<usize, usize> = BTreeMap::new();
    let mut within = 0usize;
    let mut narration_supports = 0usize;
    for (a, b, e) in graph.edges() {
        if !kept.contains(&a) || !kept.contains(&b) {
            continue;
        }
        let (x, y) = (actor_of(a), actor_of(b));
        if x == y {
            if e.kind.is_negative() {
                within += 1;
            }
            continue;
        }
        // Agreeing with the articles' own narration says little about who
        // sides with whom, and in a corpus it makes narration a hub.
        if (x == NARRATION || y == NARRATION) && !e.kind.is_negative() {
            narration_supports += 1;
            continue;
        }
        let w = weights.entry((x, y, e.kind)).or_default();
        w.0 += 1;
        w.1 += e.confidence;
        *involvement.entry(x).or_default() += 1;
        *involvement.entry(y).or_default() += 1;
    }
    // The actors drawn: most relations first, then most statements
    // (narration only when it disputes or is disputed).
    let mut ranked: Vec<usize> = statements
        .keys()
        .copied()
        .filter(|&a| a != NARRATION || involvement.contains_key(&a))
        .collect();
    ranked.sort_by(|a, b| {
        let key = |x: &usize| (involvement.get(x).copied().unwrap_or(0), statements[x]);
        key(b).cmp(&key(a)).then(a.cmp(b))
    });
    // Too many: the actors with fewer relations become one node, "others"
    // (narration, when drawn, stays itself).
    let budget = MAX_ACTORS.min(options.max_nodes.max(2));
    let mut folded: BTreeSet<usize> = BTreeSet::new();
    let mut among_others = 0usize;
    if ranked.len() > budget {
        let narration_late = ranked[budget - 1..].contains(&NARRATION);
        let mut rest = ranked.split_off(budget - 1 - usize::from(narration_late));
        if narration_late {
            rest.retain(|&a| a != NARRATION);
            ranked.push(NARRATION);
        }
        folded = rest.into_iter().collect();
        ranked.push(OTHERS);
        let n = folded.iter().map(|a| statements[a]).sum();
        statements.insert(OTHERS, n);
        let fold = |a: usize| if folded.contains(&a) { OTHERS } else { a };
        let mut merged: Weights = BTreeMap::new();
        involvement.clear();
        for ((x, y, kind), (n, conf)) in std::mem::take(&mut weights) {
            let (x, y) = (fold(x), fold(y));
            if x == y {
                among_others += n;
                continue;
            }
            let w = merged.entry((x, y, kind)).or_default();
            w.0 += n;
            w.1 += conf;
            *involvement.entry(x).or_default() += n;
            *involvement.entry(y).or_default() += n;
        }
        weights = merged;
    }
    let side = split(&ranked, &weights);
    let colors = assign_colors(
        &ranked
            .iter()
            .filter(|a| **a < OTHERS)
            .map(|&a| (graph.actors()[a].id.clone(), statements[&a]))
            .collect::<Vec<_>>(),
    );
    let name = |a: usize| {
        if a == NARRATION {
            "narration".to_string()
        } else if a == OTHERS {
            count(folded.len(), "other actor", "other actors")
        } else {
            graph.actors()[a].name.clone()
        }
    };
    // Clusters named by their actors.
    let mut clusters = Vec::new();
    let mut cluster_of = [usize::MAX; 2];
    for right in [false, true] {
        let members: Vec<String> = ranked.iter().filter(|a| side[*a] == right).map(|&a| name(a)).collect();
        if members.is_empty() {
            continue;
        }
        let mut label = members.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        if members.len() > 3 {
            label.push_str(&format!(" +{} more", members.len() - 3));
        }
        cluster_of[usize::from(right)] = clusters.len();
        clusters.push(Cluster {
            label,
            block: 0,
            right,
            grid: false,
        });
    }
    let mut node_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut nodes = Vec::new();
    let mut order = ranked.clone();
    order.sort_by_key(|a| (side[a], ranked.iter().position(|x| x == a)));
    for a in order {
        let n = statements[&a];
        let (key, fill) = if a == NARRATION {
            ("narration".to_string(), NARRATION_FILL)
        } else if a == OTHERS {
            ("others".to_string(), NARRATION_FILL)
        } else {
            let id = graph.actors()[a].id.clone();
            let fill = colors[&id];
            (id, fill)
        };
        let rels = involvement.get(&a).copied().unwrap_or(0);
        node_of.insert(a, nodes.len());
        nodes.push(PNode {
            id: format!("a{}", nodes.len() + 1),
            key,
            title: name(a),
            text: count(n, "statement", "statements"),
            tooltip: format!(
                "{}: {}, {} with other actors",
                name(a),
                count(n, "statement", "statements"),
                count(rels, "relation", "relations")
            ),
            shape: Shape::Actor,
            fill,
            dashed: false,
            group: Some(cluster_of[usize::from(side[&a])]),
        });
    }
    let mut edges = Vec::new();
    // The heaviest edges (ties: first in order).
    let kept: Vec<_> = weights.into_iter().collect();
    let mut by_weight: Vec<usize> = (0..kept.len()).collect();
    by_weight.sort_by(|&a, &b| kept[b].1.0.cmp(&kept[a].1.0).then(a.cmp(&b)));
    let mut light = 0usize;
    let mut light_relations = 0usize;
    for &k in by_weight.iter().skip(MAX_EDGES) {
        light += 1;
        light_relations += kept[k].1.0;
    }
    let heavy: BTreeSet<usize> = by_weight.into_iter().take(MAX_EDGES).collect();
    for (k, ((x, y, kind), (n, conf))) in kept.into_iter().enumerate() {
        if !heavy.contains(&k) {
            continue;
        }
        let label = relation_count(kind, n);
        edges.push(PEdge {
            from: node_of[&x],
            to: node_of[&y],
            kind,
            tooltip: format!("{} → {}: {label}", name(x), name(y)),
            label,
            confidence: conf / n as f64,
            weight: n,
        });
    }
    let mut caption = vec![format!(
        "one node per actor: {} are too many to read one by one (--max-nodes {})",
        count(keep.len(), "statement", "statements"),
        options.max_nodes
    )];
    if !folded.is_empty() {
        caption.push(format!(
            "{} with fewer relations drawn as one node, \"others\" ({} among them not drawn)",
            count(folded.len(), "actor", "actors"),
            count(among_others, "relation", "relations")
        ));
    }
    if light > 0 {
        caption.push(format!(
            "{} between the actors drawn not shown ({}), only the {MAX_EDGES} heaviest",
            count(light, "lighter link", "lighter links"),
            count(light_relations, "relation", "relations")
        ));
    }
    if narration_supports > 0 {
        caption.push(format!(
            "{} between actors and the articles' narration not drawn",
            count(narration_supports, "support", "supports")
        ));
    }
    if within > 0 {
        caption.push(format!(
            "{} between statements of one actor not drawn",
            count(within, "dispute or denial", "disputes and denials")
        ));
    }
    Picture {
        nodes,
        edges,
        clusters,
        arrangement: Arrangement::Camps,
        summary: true,
        title: format!(
            "{} in the graph, {} drawn",
            count(graph.statements().len(), "statement", "statements"),
            count(ranked.len(), "actor", "actors")
        ),
        caption,
        statements_total: graph.statements().len(),
        folded_actors: folded.len(),
    }
}

/// Puts each actor on the left (false) or the right (true): greedily, most
/// involved first, on the side that agrees with more of its relations to the
/// actors already placed (supports on the same side, disputes and denials
/// across).
fn split(ranked: &[usize], weights: &Weights) -> BTreeMap<usize, bool> {
    let mut score: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    for (&(x, y, kind), &(n, _)) in weights {
        let s = if kind.is_negative() { -(n as i64) } else { n as i64 };
        *score.entry((x.min(y), x.max(y))).or_default() += s;
    }
    let mut side: BTreeMap<usize, bool> = BTreeMap::new();
    for &a in ranked {
        let mut pull = 0i64; // > 0: the right side agrees more.
        for (&b, &right) in &side {
            let s = score.get(&(a.min(b), a.max(b))).copied().unwrap_or(0);
            pull += if right { s } else { -s };
        }
        // A tie goes to the smaller side.
        let rights = side.values().filter(|r| **r).count();
        let right = pull > 0 || (pull == 0 && rights * 2 < side.len());
        side.insert(a, right);
    }
    side
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opponents_go_to_opposite_sides_and_allies_together() {
        let mut w = BTreeMap::new();
        w.insert((0, 1, RelationType::Denies), (2, 1.0));
        w.insert((2, 0, RelationType::Supports), (1, 1.0));
        w.insert((3, 1, RelationType::Supports), (1, 1.0));
        let s = split(&[0, 1, 2, 3], &w);
        assert_ne!(s[&0], s[&1]);
        assert_eq!(s[&0], s[&2]);
        assert_eq!(s[&1], s[&3]);
    }

    #[test]
    fn an_actor_view_draws_at_most_max_nodes_and_folds_the_rest() {
        use crate::model::{Relation, Statement, StatementSet};
        let mut set = StatementSet::default();
        for i in 0..2000 {
            // Actor i % 500 (actor 0 has the most statements), and narration.
            let source = (i % 7 != 0).then(|| format!("actor{}", if i < 100 { 0 } else { i % 500 }));
            set.statements.push(Statement::new(format!("s{i}"), source, "x"));
        }
        for i in 1..2000 {
            set.relations.push(Relation {
                from: format!("s{i}"),
                to: format!("s{}", i - 1),
                kind: RelationType::Disputes,
                confidence: None,
                reason: None,
            });
        }
        let graph = ClaimGraph::build(set);
        let analysis = crate::analysis::analyze(&graph);
        for (max_nodes, drawn) in [(10, 10), (50, MAX_ACTORS), (2, 2)] {
            let options = PictureOptions {
                max_nodes,
                ..PictureOptions::default()
            };
            let p = Picture::new(&graph, &analysis, &options);
            assert!(p.summary);
            assert_eq!(p.nodes.len(), drawn, "--max-nodes {max_nodes}");
            assert_eq!(p.folded_actors, 500 - (drawn - 2), "--max-nodes {max_nodes}");
            let others: Vec<_> = p.nodes.iter().filter(|n| n.key == "others").collect();
            assert_eq!(others.len(), 1);
            assert_eq!(others[0].title, format!("{} other actors", p.folded_actors));
            assert!(p.nodes.iter().any(|n| n.key == "narration"));
            if drawn > 2 {
                assert!(
                    p.nodes.iter().any(|n| n.title == "actor0"),
                    "the biggest actor is drawn"
                );
            }
            let total: usize = p
                .nodes
                .iter()
                .map(|n| n.text.split(' ').next().unwrap().parse::<usize>().unwrap())
                .sum();
            assert_eq!(total, 2000, "every statement counted once");
            assert!(p.caption.iter().any(|c| c.contains("drawn as one node, \"others\"")));
        }
    }
}
