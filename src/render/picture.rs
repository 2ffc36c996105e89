//! What a picture shows: the nodes, edges and clusters chosen from a graph
//! and its analysis, independent of how they are drawn (DOT, the builtin
//! SVG, HTML).
//!
//! The default picture is the dispute: the statements that take part in a
//! relation, in camps side by side (the analysis' sides: one block per
//! dispute, its two camps left and right, each named by its actors);
//! statements outside every relation are left out and counted in the
//! caption (`--all` draws them). Above `max_nodes` statements the picture is
//! the actor view ([`super::actor_view`]).

use super::palette::{NARRATION_FILL, assign_colors};
use crate::analysis::Analysis;
use crate::graph::ClaimGraph;
use crate::model::{Kind, RelationType};
use std::collections::{BTreeMap, BTreeSet};

/// How statements are grouped into clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// Camps side by side, one block per dispute (the default).
    #[default]
    Side,
    Article,
    Actor,
    None,
}

/// Which related statements a picture keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Only {
    /// Every statement that takes part in a relation.
    #[default]
    Relations,
    /// The statements in contradictions and what supports them.
    Contradictions,
}

/// Options of a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureOptions {
    pub group_by: GroupBy,
    pub only: Only,
    /// Also draw the statements outside every relation.
    pub all: bool,
    /// Above this many statements, draw the actor view instead.
    pub max_nodes: usize,
    /// Write each relation's reason on its edge.
    pub edge_labels: bool,
}

/// Statements drawn one by one at most, by default: above this a picture
/// cannot be read at 100 % and the actor view is drawn instead.
pub const DEFAULT_MAX_NODES: usize = 120;

impl Default for PictureOptions {
    fn default() -> Self {
        PictureOptions {
            group_by: GroupBy::Side,
            only: Only::Relations,
            all: false,
            max_nodes: DEFAULT_MAX_NODES,
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
    /// A node of the actor view.
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
}

/// How the clusters of a picture are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Blocks of two camps side by side ([`super::bands`]).
    Camps,
    /// Layers left to right, clusters stacked ([`super::layout`]).
    Layered,
}

/// A cluster: a camp, an article, an actor, or the statements outside any
/// relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub label: String,
    /// The block (dispute) it belongs to; camps of one block sit side by side.
    pub block: usize,
    /// The right-hand camp of its block.
    pub right: bool,
    /// Drawn as a grid without relations (the statements outside any relation).
    pub grid: bool,
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
    /// The statement's text (wrapped and shortened when drawn).
    pub text: String,
    /// The full text for a tooltip.
    pub tooltip: String,
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
    /// What is written on the edge ("" for nothing).
    pub label: String,
    /// The kind and the reason, for a tooltip.
    pub tooltip: String,
    pub confidence: f64,
    /// Relations it stands for (1, or more in the actor view).
    pub weight: usize,
}

/// Everything a picture shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub nodes: Vec<PNode>,
    pub edges: Vec<PEdge>,
    pub clusters: Vec<Cluster>,
    pub arrangement: Arrangement,
    /// True for the actor view of a larger graph.
    pub summary: bool,
    /// The first line above the picture.
    pub title: String,
    /// Further lines: what is not shown and how to see it.
    pub caption: Vec<String>,
    /// How many statements the graph has (the picture may show fewer).
    pub statements_total: usize,
    /// Actors the actor view draws together as one node, "others".
    pub folded_actors: usize,
}

/// What a picture's legend explains: only what the picture uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legend {
    pub shapes: Vec<Shape>,
    pub implicit: bool,
    pub edges: Vec<RelationType>,
}

impl Picture {
    /// Chooses what to draw.
    pub fn new(graph: &ClaimGraph, analysis: &Analysis, options: &PictureOptions) -> Picture {
        let n = graph.statements().len();
        let edges = graph.edges();
        let mut related = vec![false; n];
        for (a, b, _) in &edges {
            related[*a] = true;
            related[*b] = true;
        }
        let mut keep: Vec<usize> = match options.only {
            Only::Relations => (0..n).filter(|&s| related[s]).collect(),
            Only::Contradictions => contradiction_statements(graph, analysis, &edges),
        };
        let unrelated = (0..n).filter(|&s| !related[s]).count();
        if options.all {
            keep.extend((0..n).filter(|&s| !related[s]));
        }
        if keep.len() > options.max_nodes {
            return super::actor_view::actor_view(graph, analysis, &keep, options);
        }
        let mut caption = Vec::new();
        if !options.all && unrelated > 0 {
            caption.push(format!(
                "{} outside any relation not shown; --all to draw {}",
                count(unrelated, "statement", "statements"),
                if unrelated == 1 { "it" } else { "them" }
            ));
        }
        if options.only == Only::Contradictions {
            let other = n - keep.len() - if options.all { 0 } else { unrelated };
            if other > 0 {
                caption.push(format!(
                    "{} in relations but in no contradiction not shown (--only contradictions)",
                    count(other, "statement", "statements")
                ));
            }
        }
        let mut p = statement_view(graph, analysis, &keep, &related, options);
        p.caption = caption;
        p
    }

    /// What the legend explains: the shapes, implicit borders and edge kinds
    /// this picture uses.
    pub fn legend(&self) -> Legend {
        let shapes: BTreeSet<Shape> = self
            .nodes
            .iter()
            .map(|n| n.shape)
            .filter(|s| *s != Shape::Actor)
            .collect();
        let edges: BTreeSet<RelationType> = self.edges.iter().map(|e| e.kind).collect();
        Legend {
            shapes: shapes.into_iter().collect(),
            implicit: self.nodes.iter().any(|n| n.dashed),
            edges: edges.into_iter().collect(),
        }
    }
}

/// "1 statement", "2 statements".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The noun of a relation type: "1 denial", "2 denials".
pub fn relation_count(kind: RelationType, n: usize) -> String {
    match kind {
        RelationType::Supports => count(n, "support", "supports"),
        RelationType::Disputes => count(n, "dispute", "disputes"),
        RelationType::Denies => count(n, "denial", "denials"),
    }
}

/// The statements in contradictions, the paths that explain them, and what
/// supports them directly; in statement order.
fn contradiction_statements(
    graph: &ClaimGraph,
    analysis: &Analysis,
    edges: &[(usize, usize, crate::graph::EdgeData)],
) -> Vec<usize> {
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
    let core = keep.clone();
    for (a, b, e) in edges {
        if e.kind == RelationType::Supports && (core.contains(a) || core.contains(b)) {
            keep.insert(*a);
            keep.insert(*b);
        }
    }
    keep.into_iter().collect()
}

/// The statement view of `keep`.
fn statement_view(
    graph: &ClaimGraph,
    analysis: &Analysis,
    keep: &[usize],
    related: &[bool],
    options: &PictureOptions,
) -> Picture {
    let mut per_actor: BTreeMap<String, usize> = BTreeMap::new();
    for &s in keep {
        if let Some(a) = graph.actor_of(s) {
            *per_actor.entry(graph.actors()[a].id.clone()).or_default() += 1;
        }
    }
    let colors = assign_colors(&per_actor.into_iter().collect::<Vec<_>>());
    let (mut clusters, mut cluster_of) = (Vec::new(), BTreeMap::new());
    let arrangement = if options.group_by == GroupBy::Side {
        (clusters, cluster_of) = super::camps::camp_clusters(graph, analysis, keep, related);
        Arrangement::Camps
    } else {
        Arrangement::Layered
    };
    // In the camps arrangement, nodes follow their clusters' order.
    let mut order: Vec<usize> = keep.to_vec();
    order.sort_by_key(|s| (cluster_of.get(s).copied().unwrap_or(usize::MAX), *s));
    let mut index = vec![usize::MAX; graph.statements().len()];
    let mut nodes = Vec::with_capacity(order.len());
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    for &s in &order {
        let st = &graph.statements()[s];
        let group = match options.group_by {
            GroupBy::Side => cluster_of.get(&s).copied(),
            GroupBy::None => None,
            GroupBy::Article | GroupBy::Actor => {
                let label = if options.group_by == GroupBy::Article {
                    st.article.clone().unwrap_or_else(|| "(no article)".into())
                } else {
                    graph.source_name(s).to_string()
                };
                Some(*named.entry(label.clone()).or_insert_with(|| {
                    clusters.push(Cluster {
                        label,
                        block: clusters.len(),
                        right: false,
                        grid: false,
                    });
                    clusters.len() - 1
                }))
            }
        };
        let fill = match graph.actor_of(s) {
            Some(a) => colors[&graph.actors()[a].id],
            None => NARRATION_FILL,
        };
        let mention = match &st.source_mention {
            Some(m) if m != graph.source_name(s) => format!(" (“{m}”)"),
            _ => String::new(),
        };
        index[s] = nodes.len();
        nodes.push(PNode {
            id: format!("s{}", nodes.len() + 1),
            key: st.id.clone(),
            title: graph.source_name(s).to_string(),
            text: st.text.clone(),
            tooltip: format!(
                "{}{mention}, {}{}: {} [{}]",
                graph.source_name(s),
                if st.implicit { "implicit " } else { "" },
                st.kind,
                st.text,
                st.id
            ),
            shape: Shape::of(st.kind, st.source.is_none()),
            fill,
            dashed: st.implicit,
            group,
        });
    }
    let mut edges = Vec::new();
    for (a, b, e) in graph.edges() {
        if index[a] != usize::MAX && index[b] != usize::MAX {
            let reason = graph.relations()[e.relation].reason_or_default().to_string();
            let label = if options.edge_labels {
                reason.clone()
            } else if e.kind.is_negative() {
                e.kind.as_str().to_string()
            } else {
                String::new()
            };
            edges.push(PEdge {
                from: index[a],
                to: index[b],
                kind: e.kind,
                label,
                tooltip: format!("{}: {reason}", e.kind),
                confidence: e.confidence,
                weight: 1,
            });
        }
    }
    let disputes = analysis.sides.len();
    let title = format!(
        "{} of {} in {}",
        count(nodes.len(), "statement", "statements"),
        graph.statements().len(),
        count(disputes, "dispute", "disputes"),
    );
    Picture {
        nodes,
        edges,
        clusters,
        arrangement,
        summary: false,
        title,
        caption: Vec::new(),
        statements_total: graph.statements().len(),
        folded_actors: 0,
    }
}

/// Wraps text into lines of at most `width` characters (words longer than
/// that are cut), at most `max_lines` lines (the last ends with "…" when
/// text was left out). Linear in the length of the text it keeps: it stops
/// reading once `max_lines` are full.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(2);
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    let mut more = false;
    'words: for word in text.split_whitespace() {
        let mut chars = word.chars().peekable();
        let word_len = word.chars().take(width + 1).count();
        if word_len <= width {
            if line_len > 0 && line_len + 1 + word_len > width {
                lines.push(std::mem::take(&mut line));
                line_len = 0;
                if lines.len() == max_lines {
                    more = true;
                    break 'words;
                }
            }
            if line_len > 0 {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += word_len;
            continue;
        }
        // A word longer than a line: cut it into pieces.
        while chars.peek().is_some() {
            if line_len > 0 {
                lines.push(std::mem::take(&mut line));
                line_len = 0;
                if lines.len() == max_lines {
                    more = true;
                    break 'words;
                }
            }
            while line_len < width {
                match chars.next() {
                    Some(c) => {
                        line.push(c);
                        line_len += 1;
                    }
                    None => break,
                }
            }
        }
    }
    if !line.is_empty() {
        if lines.len() == max_lines {
            more = true;
        } else {
            lines.push(line);
        }
    }
    if more && let Some(last) = lines.last_mut() {
        let keep: String = last.chars().take(width - 1).collect();
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
        let w = wrap("aa bb cc dd ee", 5, 2);
        assert_eq!(w, vec!["aa bb", "cc d…"]);
        assert_eq!(wrap("short", 10, 1), vec!["short"]);
        assert!(wrap("", 10, 3).is_empty());
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
    fn wrap_is_fast_on_a_huge_word() {
        // Stops reading after the lines it keeps: no quadratic rescans.
        let huge = "x".repeat(5_000_000);
        let w = wrap(&huge, 30, 4);
        assert_eq!(w.len(), 4);
        assert!(w[3].ends_with('…'));
    }

    #[test]
    fn plurals_are_proper() {
        assert_eq!(relation_count(RelationType::Denies, 1), "1 denial");
        assert_eq!(relation_count(RelationType::Denies, 2), "2 denials");
        assert_eq!(relation_count(RelationType::Disputes, 1), "1 dispute");
        assert_eq!(relation_count(RelationType::Supports, 3), "3 supports");
    }
}
