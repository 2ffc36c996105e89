//! The default picture's clusters: the analysis' sides as camps side by
//! side (one block per dispute), the parts with supports only as
//! "agreement" blocks, and the grid of statements outside any relation.

use super::picture::Cluster;
use crate::analysis::{Analysis, Camp};
use crate::graph::ClaimGraph;
use std::collections::{BTreeMap, BTreeSet};

/// The names of a camp: its actors, most statements first ("A, B +3").
pub fn camp_label(graph: &ClaimGraph, actors: &[(usize, usize)], narration: bool) -> String {
    let names: Vec<&str> = actors.iter().map(|&(a, _)| graph.actors()[a].name.as_str()).collect();
    let mut label = names.iter().take(3).copied().collect::<Vec<_>>().join(", ");
    if names.len() > 3 {
        label.push_str(&format!(" +{} more", names.len() - 3));
    }
    if label.is_empty() {
        label = if narration {
            "narration".into()
        } else {
            "(no source)".into()
        };
    }
    label
}

/// The clusters of the camps arrangement: per dispute group, camp A (left)
/// and camp B (right); then each connected part without a dispute (only
/// supports) as a block of one cluster; then, with `--all`, a grid of the
/// statements outside any relation.
pub fn camp_clusters(
    graph: &ClaimGraph,
    analysis: &Analysis,
    keep: &[usize],
    related: &[bool],
) -> (Vec<Cluster>, BTreeMap<usize, usize>) {
    let kept: BTreeSet<usize> = keep.iter().copied().collect();
    let mut clusters = Vec::new();
    let mut of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut block = 0;
    for g in &analysis.sides {
        let mut any = false;
        for (camp, members, actors) in [(Camp::A, &g.camp_a, &g.actors_a), (Camp::B, &g.camp_b, &g.actors_b)] {
            let members: Vec<usize> = members.iter().copied().filter(|s| kept.contains(s)).collect();
            if members.is_empty() {
                continue;
            }
            let narration = members.iter().any(|&s| graph.actor_of(s).is_none());
            clusters.push(Cluster {
                label: camp_label(graph, actors, narration),
                block,
                right: camp == Camp::B,
                grid: false,
            });
            for s in members {
                of.insert(s, clusters.len() - 1);
            }
            any = true;
        }
        if any {
            block += 1;
        }
    }
    // Parts with supports only: connected components of what is left.
    let rest: Vec<usize> = keep
        .iter()
        .copied()
        .filter(|s| related[*s] && !of.contains_key(s))
        .collect();
    if !rest.is_empty() {
        let index: BTreeMap<usize, usize> = rest.iter().enumerate().map(|(k, &s)| (s, k)).collect();
        let mut parent: Vec<usize> = (0..rest.len()).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for (a, b, _) in graph.edges() {
            if let (Some(&x), Some(&y)) = (index.get(&a), index.get(&b)) {
                let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
                parent[rx.max(ry)] = rx.min(ry);
            }
        }
        let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (k, &s) in rest.iter().enumerate() {
            parts.entry(find(&mut parent, k)).or_default().push(s);
        }
        for members in parts.values() {
            let mut per_actor: BTreeMap<usize, usize> = BTreeMap::new();
            for &s in members {
                if let Some(a) = graph.actor_of(s) {
                    *per_actor.entry(a).or_default() += 1;
                }
            }
            let mut actors: Vec<(usize, usize)> = per_actor.into_iter().collect();
            actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let narration = members.iter().any(|&s| graph.actor_of(s).is_none());
            clusters.push(Cluster {
                label: format!("agreement: {}", camp_label(graph, &actors, narration)),
                block,
                right: false,
                grid: false,
            });
            for &s in members {
                of.insert(s, clusters.len() - 1);
            }
            block += 1;
        }
    }
    let loose: Vec<usize> = keep.iter().copied().filter(|s| !related[*s]).collect();
    if !loose.is_empty() {
        clusters.push(Cluster {
            label: "outside any relation".into(),
            block,
            right: false,
            grid: true,
        });
        for s in loose {
            of.insert(s, clusters.len() - 1);
        }
    }
    (clusters, of)
}
