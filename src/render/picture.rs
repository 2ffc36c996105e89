//! What a picture shows: the nodes, edges and clusters chosen from a graph
//! and its analysis (`--only`, `--group-by`, `--max-nodes`), independent of
//! how they are drawn (DOT, the builtin SVG, HTML).

use crate::analysis::{Analysis, Camp};
use crate::graph::ClaimGraph;
use crate::model::{Kind, RelationType};
use std::collections::{BTreeMap, BTreeSet};

/// How statements are grouped into clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    Article,
    Actor,
    Side,
    #[default]
    None,
}

/// Which statements a picture keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Only {
    #[default]
    All,
    /// The statements in contradictions and what supports them.
    Contradictions,
}

/// Options of a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureOptions {
    pub group_by: GroupBy,
    pub only: Only,
    /// Above this many statements, draw one node per actor instead.
    pub max_nodes: usize,
    pub edge_labels: bool,
}

impl Default for PictureOptions {
    fn default() -> Self {
        PictureOptions {
            group_by: GroupBy::None,
            only: Only::All,
            max_nodes: 300,
            edge_labels: false,
        }
    }
}

/// The shape of a node, by the statement's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    Claim,
    Accusation,
    Denial,
    Condemnation,
    Appeal,
    Narration,
    /// A node of the actor summary.
    Actor,
}

impl Shape {
    pub fn of(kind: Kind, narration: bool) -> Shape {
        if narration {
            return Shape::Narration;
        }
        match kind {
            Kind::Claim => Shape::Claim,
            Kind::Accusation => Shape::Accusation,
            Kind::Denial => Shape::Denial,
            Kind::Condemnation => Shape::Condemnation,
            Kind::Appeal => Shape::Appeal,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Shape::Claim => "claim",
            Shape::Accusation => "accusation",
            Shape::Denial => "denial",
            Shape::Condemnation => "condemnation",
            Shape::Appeal => "appeal",
            Shape::Narration => "narration",
            Shape::Actor => "actor",
        }
    }

    pub const LEGEND: [Shape; 6] = [
        Shape::Claim,
        Shape::Accusation,
        Shape::Denial,
        Shape::Condemnation,
        Shape::Appeal,
        Shape::Narration,
    ];
}

/// A fixed palette of fill colours. An actor's colour is the slot its id
/// hashes to; when two actors of one picture hash to the same slot, the one
/// with fewer statements takes the next free slot.
pub const PALETTE: [&str; 20] = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5",
    "#ffed6f", "#a6cee3", "#b2df8a", "#fb9a99", "#e5c494", "#cab2d6", "#66c2a5", "#fc8d62", "#e78ac3", "#a6d854",
];
/// The fill of narration (no source).
pub const NARRATION_FILL: &str = "#ffffff";

/// FNV-1a: stable across runs and platforms (unlike the std hasher).
fn stable_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// The preferred fill colour of an actor id.
pub fn actor_color(actor_id: &str) -> &'static str {
    PALETTE[(stable_hash(actor_id) % PALETTE.len() as u64) as usize]
}

/// Colours for the actors of one picture: (actor id, statements) → colour.
/// The most prolific actors get their preferred colour; a collision moves the
/// lesser actor to the next free slot (while any is free).
pub fn assign_colors(actors: &[(String, usize)]) -> BTreeMap<String, &'static str> {
    let mut order: Vec<&(String, usize)> = actors.iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut used = [false; PALETTE.len()];
    let mut out = BTreeMap::new();
    for (id, _) in order {
        let mut slot = (stable_hash(id) % PALETTE.len() as u64) as usize;
        if used.iter().any(|u| !u) {
            while used[slot] {
                slot = (slot + 1) % PALETTE.len();
            }
        }
        used[slot] = true;
        out.insert(id.clone(), PALETTE[slot]);
    }
    out
}

/// Colour and style of an edge type.
pub fn edge_style(kind: RelationType) -> (&'static str, &'static str, f64) {
    match kind {
        RelationType::Supports => ("#2e8b57", "solid", 1.4),
        RelationType::Disputes => ("#ff8c00", "dashed", 1.6),
        RelationType::Denies => ("#d62728", "bold", 2.6),
    }
}

/// A node to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct PNode {
    /// Generated ASCII id (s1, s2… or a1, a2… for actors).
    pub id: String,
    /// The statement id (or actor id) it stands for.
    pub key: String,
    /// The source's name (first line of the label).
    pub title: String,
    /// The statement's text.
    pub text: String,
    pub shape: Shape,
    pub fill: &'static str,
    /// Implicit statements are drawn dashed.
    pub dashed: bool,
    pub group: Option<usize>,
}

/// An edge to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct PEdge {
    pub from: usize,
    pub to: usize,
    pub kind: RelationType,
    /// The reason (or, in a summary, the count).
    pub label: String,
    pub confidence: f64,
    /// Relations it stands for (1, or more in an actor summary).
    pub weight: usize,
}

/// Everything a picture shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub nodes: Vec<PNode>,
    pub edges: Vec<PEdge>,
    /// Cluster labels, indexed by `PNode::group`.
    pub groups: Vec<String>,
    /// True when this is the per-actor summary of a larger graph.
    pub summary: bool,
    /// How many statements the graph has (the picture may show fewer).
    pub statements_total: usize,
    pub edge_labels: bool,
    /// Actors drawn together as one "others" node (an actor summary shows
    /// at most `max_nodes` nodes).
    pub folded_actors: usize,
}

impl Picture {
    /// Chooses what to draw.
    pub fn new(graph: &ClaimGraph, analysis: &Analysis, options: &PictureOptions) -> Picture {
        let keep = kept_statements(graph, analysis, options.only);
        if keep.len() > options.max_nodes {
            return summary(graph, &keep, options.max_nodes);
        }
        let mut index = vec![usize::MAX; graph.statements().len()];
        let mut nodes = Vec::with_capacity(keep.len());
        let mut groups: Vec<String> = Vec::new();
        let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
        let side_of = sides_by_statement(analysis, graph.statements().len());
        let mut per_actor: BTreeMap<String, usize> = BTreeMap::new();
        for &s in &keep {
            if let Some(a) = graph.actor_of(s) {
                *per_actor.entry(graph.actors()[a].id.clone()).or_default() += 1;
            }
        }
        let colors = assign_colors(&per_actor.into_iter().collect::<Vec<_>>());
        for &s in &keep {
            let st = &graph.statements()[s];
            let group_label = match options.group_by {
                GroupBy::None => None,
                GroupBy::Article => Some(st.article.clone().unwrap_or_else(|| "(no article)".into())),
                GroupBy::Actor => Some(graph.source_name(s).to_string()),
                GroupBy::Side => Some(match side_of[s] {
                    Some((g, c)) => format!("group {g}, camp {}", c.as_str()),
                    None => "outside any dispute".to_string(),
                }),
            };
            let group = group_label.map(|l| {
                *group_of.entry(l.clone()).or_insert_with(|| {
                    groups.push(l);
                    groups.len() - 1
                })
            });
            let fill = match graph.actor_of(s) {
                Some(a) => colors[&graph.actors()[a].id],
                None => NARRATION_FILL,
            };
            index[s] = nodes.len();
            nodes.push(PNode {
                id: format!("s{}", nodes.len() + 1),
                key: st.id.clone(),
                title: graph.source_name(s).to_string(),
                text: st.text.clone(),
                shape: Shape::of(st.kind, st.source.is_none()),
                fill,
                dashed: st.implicit,
                group,
            });
        }
        let mut edges = Vec::new();
        for (a, b, e) in graph.edges() {
            if index[a] != usize::MAX && index[b] != usize::MAX {
                edges.push(PEdge {
                    from: index[a],
                    to: index[b],
                    kind: e.kind,
                    label: graph.relations()[e.relation].reason_or_default().to_string(),
                    confidence: e.confidence,
                    weight: 1,
                });
            }
        }
        Picture {
            nodes,
            edges,
            groups,
            summary: false,
            statements_total: graph.statements().len(),
            edge_labels: options.edge_labels,
            folded_actors: 0,
        }
    }
}

/// Statement indices to draw, in statement order.
fn kept_statements(graph: &ClaimGraph, analysis: &Analysis, only: Only) -> Vec<usize> {
    match only {
        Only::All => (0..graph.statements().len()).collect(),
        Only::Contradictions => {
            let mut keep = BTreeSet::new();
            for c in &analysis.contradictions {
                keep.insert(c.a);
                keep.insert(c.b);
                for &r in &c.path {
                    if let Some((x, y)) = graph.relation_ends(r) {
                        keep.insert(x);
                        keep.insert(y);
                    }
                }
            }
            // And what supports them directly.
            let core: Vec<usize> = keep.iter().copied().collect();
            let core: BTreeSet<usize> = core.into_iter().collect();
            for (a, b, e) in graph.edges() {
                if e.kind == RelationType::Supports && (core.contains(&a) || core.contains(&b)) {
                    keep.insert(a);
                    keep.insert(b);
                }
            }
            keep.into_iter().collect()
        }
    }
}

fn sides_by_statement(analysis: &Analysis, n: usize) -> Vec<Option<(usize, Camp)>> {
    let mut out = vec![None; n];
    for g in &analysis.sides {
        for &s in &g.camp_a {
            out[s] = Some((g.id, Camp::A));
        }
        for &s in &g.camp_b {
            out[s] = Some((g.id, Camp::B));
        }
    }
    out
}

/// The key of the node that stands for the actors a summary does not draw.
const OTHERS: usize = usize::MAX - 1;

/// One node per actor (and one for narration), edges weighted by how many
/// relations of each type run between them; at most `max_nodes` nodes: the
/// actors with the fewest statements are drawn together as "others".
fn summary(graph: &ClaimGraph, keep: &[usize], max_nodes: usize) -> Picture {
    let kept: BTreeSet<usize> = keep.iter().copied().collect();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &s in keep {
        *counts.entry(graph.actor_of(s).unwrap_or(usize::MAX)).or_default() += 1;
    }
    // Too many actors: keep those with most statements (ties: first met).
    let mut folded: BTreeSet<usize> = BTreeSet::new();
    if counts.len() > max_nodes.max(2) {
        let mut actors: Vec<(usize, usize)> = counts
            .iter()
            .filter(|(a, _)| **a != usize::MAX)
            .map(|(&a, &n)| (a, n))
            .collect();
        actors.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let room = max_nodes.max(2) - 1 - usize::from(counts.contains_key(&usize::MAX));
        folded = actors[room.min(actors.len())..].iter().map(|&(a, _)| a).collect();
        let n: usize = folded.iter().map(|a| counts[a]).sum();
        counts.retain(|a, _| !folded.contains(a));
        counts.insert(OTHERS, n);
    }
    // Actor index, usize::MAX for narration, OTHERS for the folded ones.
    let actor_of = |s: usize| match graph.actor_of(s) {
        Some(a) if folded.contains(&a) => OTHERS,
        Some(a) => a,
        None => usize::MAX,
    };
    let mut node_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut nodes = Vec::new();
    let colors = assign_colors(
        &counts
            .iter()
            .filter(|(a, _)| **a < OTHERS)
            .map(|(&a, &n)| (graph.actors()[a].id.clone(), n))
            .collect::<Vec<_>>(),
    );
    for (&actor, &n) in &counts {
        let (key, title, fill) = if actor == usize::MAX {
            ("narration".to_string(), "narration".to_string(), NARRATION_FILL)
        } else if actor == OTHERS {
            let title = format!("{} other actors", folded.len());
            ("others".to_string(), title, NARRATION_FILL)
        } else {
            let a = &graph.actors()[actor];
            (a.id.clone(), a.name.clone(), colors[&a.id])
        };
        node_of.insert(actor, nodes.len());
        nodes.push(PNode {
            id: format!("a{}", nodes.len() + 1),
            key,
            title,
            text: format!("{n} statement{}", if n == 1 { "" } else { "s" }),
            shape: Shape::Actor,
            fill,
            dashed: false,
            group: None,
        });
    }
    let mut weights: BTreeMap<(usize, usize, RelationType), (usize, f64)> = BTreeMap::new();
    for (a, b, e) in graph.edges() {
        if !kept.contains(&a) || !kept.contains(&b) {
            continue;
        }
        let (x, y) = (node_of[&actor_of(a)], node_of[&actor_of(b)]);
        if x == y && e.kind == RelationType::Supports {
            continue;
        }
        let w = weights.entry((x, y, e.kind)).or_default();
        w.0 += 1;
        w.1 += e.confidence;
    }
    let edges = weights
        .into_iter()
        .map(|((from, to, kind), (n, conf))| PEdge {
            from,
            to,
            kind,
            label: format!(
                "{n} {}",
                if n == 1 {
                    kind.as_str().trim_end_matches('s').to_string()
                } else {
                    kind.as_str().to_string()
                }
            ),
            confidence: conf / n as f64,
            weight: n,
        })
        .collect();
    Picture {
        nodes,
        edges,
        groups: Vec::new(),
        summary: true,
        statements_total: graph.statements().len(),
        // The counts are the point of a summary: always shown.
        edge_labels: true,
        folded_actors: folded.len(),
    }
}

/// Wraps text into lines of at most `width` characters (words longer than
/// that are cut), at most `max_lines` lines (the last ends with "…").
///
/// Linear in the text it keeps, whatever its shape: every character is
/// looked at once, and reading stops at the first line past `max_lines`.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_chars = 0;
    for word in text.split_whitespace() {
        if lines.len() > max_lines {
            break;
        }
        let mut chars = word.chars();
        let mut rest_len = word.chars().count();
        // Cut a word longer than a line into whole lines.
        while rest_len > width && lines.len() <= max_lines {
            if line_chars > 0 {
                lines.push(std::mem::take(&mut line));
                line_chars = 0;
            }
            lines.push(chars.by_ref().take(width).collect());
            rest_len -= width;
        }
        if lines.len() > max_lines {
            break;
        }
        if line_chars > 0 && line_chars + 1 + rest_len > width {
            lines.push(std::mem::take(&mut line));
            line_chars = 0;
        }
        if line_chars > 0 {
            line.push(' ');
            line_chars += 1;
        }
        line.extend(chars);
        line_chars += rest_len;
    }
    if line_chars > 0 && lines.len() <= max_lines {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("max_lines > 0");
        let keep: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{}…", keep.trim_end());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_lines() {
        let w = wrap("một hai ba bốn năm sáu bảy tám chín mười", 10, 10);
        assert!(w.iter().all(|l| l.chars().count() <= 10), "{w:?}");
        assert_eq!(w.join(" "), "một hai ba bốn năm sáu bảy tám chín mười");
        let w = wrap(&"x".repeat(25), 10, 2);
        assert_eq!(w, vec!["x".repeat(10), format!("{}…", "x".repeat(9))]);
        assert_eq!(
            wrap(&"x".repeat(25), 10, 3),
            vec!["x".repeat(10), "x".repeat(10), "x".repeat(5)]
        );
    }

    #[test]
    fn wrap_reads_only_what_it_keeps() {
        // A 1 MB word without spaces: the cost is the kept lines, not the
        // word's length times its lines (measured in scripts/bench-hostile.sh).
        let word = "é".repeat(1 << 20);
        let w = wrap(&word, 40, 8);
        assert_eq!(w.len(), 8);
        assert_eq!(w[7].chars().count(), 40);
        // Same answers as before on ordinary text.
        let t = "a bb ccc dddddddddddd e ffffffffffffffffffffffffff g";
        assert_eq!(
            wrap(t, 10, 10),
            vec!["a bb ccc", "dddddddddd", "dd e", "ffffffffff", "ffffffffff", "ffffff g"]
        );
    }

    #[test]
    fn an_actor_summary_draws_at_most_max_nodes() {
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
        let options = PictureOptions {
            max_nodes: 50,
            ..PictureOptions::default()
        };
        let p = Picture::new(&graph, &analysis, &options);
        assert!(p.summary);
        assert_eq!(p.nodes.len(), 50);
        assert_eq!(p.folded_actors, 500 - 48);
        assert_eq!(p.nodes.iter().filter(|n| n.key == "others").count(), 1);
        assert!(p.nodes.iter().any(|n| n.key == "narration"));
        assert!(
            p.nodes.iter().any(|n| n.title == "actor0"),
            "the biggest actor is drawn"
        );
        let total: usize = p
            .nodes
            .iter()
            .map(|n| n.text.split(' ').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(total, 2000, "every statement counted once");
    }

    #[test]
    fn colliding_actors_get_different_colours() {
        let actors: Vec<(String, usize)> = (0..15).map(|i| (format!("actor{i}"), i)).collect();
        let c = assign_colors(&actors);
        let distinct: BTreeSet<&str> = c.values().copied().collect();
        assert_eq!(distinct.len(), 15);
        assert_eq!(c, assign_colors(&actors), "deterministic");
    }

    #[test]
    fn actor_colours_are_stable() {
        assert_eq!(actor_color("armenia"), actor_color("armenia"));
        assert_eq!(stable_hash("a"), 0xaf63dc4c8601ec8c);
    }
}
