//! DOT (Graphviz) output through graphviz-rust's syntax tree, and running
//! `dot` for SVG, PNG and PDF.
//!
//! graphviz-rust prints identifiers as given: every label, tooltip and
//! attribute value built from input text goes through [`quoted`], the one
//! escaping function, and node ids are generated ASCII (s1, s2…). Labels of
//! nodes, edges and clusters are plain quoted strings, so no input can add an
//! attribute such as `image` or `shapefile` (which read local files); the one
//! HTML-like label, the graph's header (title, caption, legend), is made of
//! fixed words and numbers only, escaped all the same.
//!
//! The default picture is the same view as the builtin engine's: per
//! dispute, the camps' columns (outer, inner | inner, outer) pinned with
//! `rank=same` groups and invisible edges, relations drawn without
//! constraining the ranks.

use super::bands::column_of;
use super::palette::{edge_style, edge_width};
use super::picture::{Arrangement, PEdge, PNode, Picture, Shape, wrap};
use super::svg::{MAX_LINES, WRAP, shorten, xml};
use crate::error::{Error, Result};
use graphviz_rust::cmd::Format;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;

/// The most bytes of one quoted DOT value: Graphviz refuses a quoted
/// string longer than 16,384 bytes ("longer than 16384?"), so a longer
/// id, source or reason is cut (with "…"); the full text is in the reports.
pub const MAX_VALUE_BYTES: usize = 4096;

/// The one escaping function: a DOT quoted string whose lines are `lines`
/// (joined with DOT's centred line break). Backslashes and quotes are
/// escaped, control characters dropped, so the value can never end early;
/// U+FFFE and U+FFFF (not allowed in XML, so Graphviz's SVG would not be
/// well-formed) become U+FFFD; at most [`MAX_VALUE_BYTES`] bytes.
pub fn quoted<S: AsRef<str>>(lines: &[S]) -> Id {
    let mut out = String::from("\"");
    'lines: for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in line.as_ref().chars() {
            if out.len() >= MAX_VALUE_BYTES {
                out.push('…');
                break 'lines;
            }
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                c if c.is_control() => out.push(' '),
                '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
                c => out.push(c),
            }
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn q(s: &str) -> Id {
    quoted(&[s])
}

fn attr(name: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(name.to_string()), value)
}

fn plain(s: &str) -> Id {
    Id::Plain(s.to_string())
}

/// Graphviz shape of a node shape.
pub fn dot_shape(shape: Shape) -> &'static str {
    match shape {
        Shape::Claim => "box",
        Shape::Accusation => "hexagon",
        Shape::Denial => "octagon",
        Shape::Condemnation => "doubleoctagon",
        Shape::Appeal => "ellipse",
        Shape::Narration => "note",
        Shape::Actor => "box",
    }
}

/// What the legend says a shape looks like in Graphviz.
fn shape_words(shape: Shape) -> &'static str {
    match shape {
        Shape::Claim | Shape::Actor => "rounded box",
        Shape::Accusation => "hexagon",
        Shape::Denial => "octagon",
        Shape::Condemnation => "double octagon",
        Shape::Appeal => "ellipse",
        Shape::Narration => "note",
    }
}

/// Characters per line of a node's label: narrower than the builtin
/// engine's, as Graphviz's hexagons and octagons widen their labels.
pub const DOT_WRAP: usize = WRAP - 8;

/// The lines of a node's label: the source, then the wrapped text.
pub fn label_lines(n: &PNode) -> Vec<String> {
    let mut lines = vec![shorten(&n.title, DOT_WRAP)];
    lines.extend(wrap(&n.text, DOT_WRAP, MAX_LINES + 1));
    lines
}

fn node_stmt(n: &PNode) -> Stmt {
    let mut style = vec!["filled"];
    if matches!(n.shape, Shape::Claim | Shape::Actor) {
        style.push("rounded");
    }
    if n.dashed {
        style.push("dashed");
    }
    Stmt::Node(Node::new(
        NodeId(plain(&n.id), None),
        vec![
            attr("label", quoted(&label_lines(n))),
            attr("shape", plain(dot_shape(n.shape))),
            attr("style", q(&style.join(","))),
            attr("fillcolor", q(n.fill)),
            attr("tooltip", q(&n.tooltip)),
        ],
    ))
}

fn edge_stmt(p: &Picture, e: &PEdge, constraint: bool) -> Stmt {
    let st = edge_style(e.kind);
    let mut attributes = vec![
        attr("color", q(st.color)),
        attr("style", plain(st.style)),
        attr("penwidth", plain(&format!("{:.1}", edge_width(e.kind, e.weight)))),
        attr("tooltip", q(&e.tooltip)),
    ];
    if !e.label.is_empty() {
        attributes.push(attr("label", quoted(&wrap(&e.label, 26, 2))));
        attributes.push(attr("fontcolor", q(st.color)));
    }
    if !constraint {
        attributes.push(attr("constraint", plain("false")));
    }
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(plain(&p.nodes[e.from].id), None)),
            Vertex::N(NodeId(plain(&p.nodes[e.to].id), None)),
        ),
        attributes,
    })
}

/// An invisible edge that only places nodes (`minlen` 0: same rank).
fn invisible(a: &str, b: &str, weight: usize, minlen: usize) -> Stmt {
    let mut attributes = vec![
        attr("style", plain("invis")),
        attr("weight", plain(&weight.to_string())),
    ];
    if minlen != 1 {
        attributes.push(attr("minlen", plain(&minlen.to_string())));
    }
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(NodeId(plain(a), None)), Vertex::N(NodeId(plain(b), None))),
        attributes,
    })
}

/// The header: title and caption, and a legend of what the picture uses,
/// as an HTML-like label made of fixed words and numbers.
fn header(p: &Picture) -> Id {
    let mut h = String::from("<<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\">");
    h.push_str(&format!("<tr><td align=\"left\"><b>{}</b></td></tr>", xml(&p.title)));
    for line in &p.caption {
        h.push_str(&format!(
            "<tr><td align=\"left\"><font color=\"#444444\">{}</font></td></tr>",
            xml(line)
        ));
    }
    let l = p.legend();
    let mut cells: Vec<String> = l
        .shapes
        .iter()
        .map(|s| format!("{}: {}", s.name(), shape_words(*s)))
        .collect();
    if l.implicit {
        cells.push("implicit: dashed border".into());
    }
    let mut legend = xml(&cells.join(" · "));
    for k in &l.edges {
        let st = edge_style(*k);
        let line = if st.style == "dashed" { "- - -" } else { "───" };
        if !legend.is_empty() {
            legend.push_str(" · ");
        }
        legend.push_str(&format!("<font color=\"{}\">{line}▸ {}</font>", st.color, k.as_str()));
    }
    if p.summary && !p.edges.is_empty() {
        legend.push_str(" · width: number of relations");
    }
    if !legend.is_empty() {
        h.push_str(&format!(
            "<tr><td align=\"left\"><font point-size=\"9\">{legend}</font></td></tr>"
        ));
    }
    h.push_str("</table>>");
    Id::Html(h)
}

/// The camps' columns ordered left to right (outer, inner | inner, outer)
/// by invisible edges; blocks in two halves side by side (even blocks
/// left, odd blocks right, each half top to bottom), so that several
/// disputes make a landscape picture rather than a tall column.
fn camp_ranks(p: &Picture) -> Vec<Stmt> {
    let mut out = Vec::new();
    // (first node of the first column, first node of the last column).
    let mut ends: Vec<(&str, &str)> = Vec::new();
    for (cols, _) in camp_blocks(p) {
        let present: Vec<&Vec<usize>> = cols.iter().filter(|c| !c.is_empty()).collect();
        for pair in present.windows(2) {
            out.push(invisible(&p.nodes[pair[0][0]].id, &p.nodes[pair[1][0]].id, 10, 1));
        }
        if let (Some(first), Some(last)) = (present.first(), present.last()) {
            ends.push((&p.nodes[first[0]].id, &p.nodes[last[0]].id));
        }
    }
    // Odd blocks to the right of the even block before them.
    for (k, pair) in ends.windows(2).enumerate() {
        if k % 2 == 0 {
            out.push(invisible(pair[0].1, pair[1].0, 0, 1));
        }
    }
    out
}

/// A block of the camps arrangement: its four columns (node indices) and
/// the cluster of each column.
type Block = (Vec<Vec<usize>>, Vec<Option<usize>>);

/// The blocks of the camps arrangement.
fn camp_blocks(p: &Picture) -> Vec<Block> {
    let mut blocks: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, n) in p.nodes.iter().enumerate() {
        if let Some(g) = n.group
            && !p.clusters[g].grid
        {
            blocks.entry(p.clusters[g].block).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for members in blocks.values() {
        let local: BTreeMap<usize, usize> = members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let right: Vec<bool> = members
            .iter()
            .map(|&i| p.nodes[i].group.is_some_and(|g| p.clusters[g].right))
            .collect();
        let mut adj = vec![Vec::new(); members.len()];
        for e in &p.edges {
            if let (Some(&a), Some(&b)) = (local.get(&e.from), local.get(&e.to)) {
                adj[a].push(b);
                adj[b].push(a);
            }
        }
        let col = column_of(&right, &adj);
        let mut columns: Vec<Vec<usize>> = vec![Vec::new(); 4];
        let mut cluster = vec![None; 4];
        for (k, &i) in members.iter().enumerate() {
            columns[col[k]].push(i);
            cluster[col[k]] = p.nodes[i].group;
        }
        out.push((columns, cluster));
    }
    out
}

/// The rank=same groups of the camps' columns, per cluster.
fn camp_columns(p: &Picture) -> BTreeMap<usize, Vec<Vec<usize>>> {
    let mut out: BTreeMap<usize, Vec<Vec<usize>>> = BTreeMap::new();
    for (cols, cluster) in camp_blocks(p) {
        for (list, g) in cols.into_iter().zip(cluster) {
            if let Some(g) = g {
                out.entry(g).or_default().push(list);
            }
        }
    }
    out
}

/// The picture as a graphviz-rust graph.
pub fn graph(p: &Picture) -> Graph {
    // The actor view has too many relations per node for pinned columns:
    // Graphviz ranks it freely, inside the two camps' clusters.
    let camps = p.arrangement == Arrangement::Camps && !p.summary;
    let mut graph_attrs = vec![
        attr("rankdir", plain("LR")),
        attr("fontname", q("DejaVu Sans")),
        attr("nodesep", plain("0.25")),
        attr("ranksep", plain(if camps { "0.55" } else { "0.6" })),
        attr("labelloc", plain("t")),
        attr("labeljust", plain("l")),
        attr("fontsize", plain("11")),
        attr("label", header(p)),
    ];
    if camps {
        graph_attrs.push(attr("newrank", plain("true")));
    }
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", q("DejaVu Sans")),
            attr("fontsize", plain("10")),
            attr("margin", q("0.08,0.04")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", q("DejaVu Sans")),
            attr("fontsize", plain("9")),
            attr("arrowsize", plain("0.7")),
        ])),
    ];
    let columns = if camps { camp_columns(p) } else { BTreeMap::new() };
    for (g, c) in p.clusters.iter().enumerate() {
        let mut inner = vec![
            Stmt::Attribute(attr("label", q(&c.label))),
            Stmt::Attribute(attr("style", q("rounded,filled"))),
            Stmt::Attribute(attr("fillcolor", q("#f7f7f5"))),
            Stmt::Attribute(attr("color", q("#bbbbbb"))),
        ];
        let members: Vec<&PNode> = p.nodes.iter().filter(|n| n.group == Some(g)).collect();
        inner.extend(members.iter().map(|n| node_stmt(n)));
        if let Some(cols) = columns.get(&g) {
            for (k, list) in cols.iter().enumerate() {
                let mut same = vec![Stmt::Attribute(attr("rank", plain("same")))];
                same.extend(
                    list.iter()
                        .map(|&i| Stmt::Node(Node::new(NodeId(plain(&p.nodes[i].id), None), vec![]))),
                );
                inner.push(Stmt::Subgraph(Subgraph {
                    id: plain(&format!("col_{}_{k}", g + 1)),
                    stmts: same,
                }));
            }
        }
        if c.grid {
            // Rows of four, so the statements outside any relation make a grid.
            for row in members.chunks(4) {
                for pair in row.windows(2) {
                    inner.push(invisible(&pair[0].id, &pair[1].id, 1, 1));
                }
            }
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: plain(&format!("cluster_{}", g + 1)),
            stmts: inner,
        }));
    }
    stmts.extend(p.nodes.iter().filter(|n| n.group.is_none()).map(node_stmt));
    if camps {
        stmts.extend(camp_ranks(p));
    }
    stmts.extend(p.edges.iter().map(|e| edge_stmt(p, e, !camps)));
    Graph::DiGraph {
        id: plain("claimgraph"),
        strict: false,
        stmts,
    }
}

/// The picture as DOT text.
pub fn to_dot(p: &Picture) -> String {
    let mut ctx = PrinterContext::default();
    let mut s = graph(p).print(&mut ctx);
    s.push('\n');
    s
}

/// A4 landscape, in inches: the page of a PDF.
pub const PDF_PAGE: (f64, f64) = (11.69, 8.27);

/// Runs Graphviz's `dot` on DOT text. A PDF is one A4 landscape page, the
/// drawing scaled to fit within its margins.
pub fn run_dot_page(dot: &str, format: Format) -> Result<Vec<u8>> {
    let mut args = Vec::new();
    if format == Format::Pdf {
        let (w, h) = PDF_PAGE;
        // The drawing scaled down to fit within margins (`size`), centred on
        // a page of exactly A4 (`viewport`, in points, without `margin`).
        let margin = 0.3;
        args.push(format!("-Gsize={:.2},{:.2}", w - 2.0 * margin, h - 2.0 * margin));
        args.push("-Gmargin=0".into());
        args.push(format!("-Gviewport={:.0},{:.0}", w * 72.0, h * 72.0));
    }
    run_dot_args(dot, format, &args)
}

/// Runs Graphviz's `dot` on DOT text.
pub fn run_dot(dot: &str, format: Format) -> Result<Vec<u8>> {
    run_dot_args(dot, format, &[])
}

/// Runs Graphviz's `dot` with `-T<format>` and `args` on DOT text, given on
/// its standard input (no temporary file holds the statements' text). While
/// it runs, its process id is registered with [`crate::output`], so an
/// interrupted run kills it.
fn run_dot_args(dot: &str, format: Format, args: &[String]) -> Result<Vec<u8>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(format!("-T{}", format!("{format:?}").to_lowercase()))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Tool(GRAPHVIZ_MISSING.to_string())
            } else {
                Error::Tool(format!("cannot run graphviz's dot: {e}"))
            }
        })?;
    let _running = crate::output::Running::new(child.id());
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let output = std::thread::scope(|s| {
        // Written from another thread while this one reads: a large graph
        // fills both pipes.
        s.spawn(move || {
            let _ = stdin.write_all(dot.as_bytes());
        });
        child.wait_with_output()
    })
    .map_err(|e| Error::Tool(format!("graphviz's dot failed: {e}")))?;
    if !output.status.success() {
        return Err(Error::Tool(format!(
            "graphviz's dot failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(output.stdout)
}

/// What to say when `dot` is not installed.
pub const GRAPHVIZ_MISSING: &str = "graphviz is needed for this (its `dot` program is not on PATH): install it \
(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz), \
or use --engine builtin for SVG and PNG";

/// Whether a `dot` executable is on PATH.
pub fn graphviz_available() -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let p = dir.join(if cfg!(windows) { "dot.exe" } else { "dot" });
            p.is_file()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: &Id) -> String {
        match id {
            Id::Escaped(s) | Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.clone(),
        }
    }

    #[test]
    fn quoting_escapes_everything_that_could_end_the_string() {
        let s = text(&quoted(&["a\"]; x [image=\"/etc/passwd\"", "b\\c\nd{e}"]));
        assert_eq!(s, r#""a\"]; x [image=\"/etc/passwd\"\nb\\c d{e}""#);
    }

    #[test]
    fn quoted_values_are_bounded_and_xml_safe() {
        let s = text(&quoted(&["\\".repeat(20_000)]));
        assert!(s.len() <= MAX_VALUE_BYTES + 8, "{}", s.len());
        assert!(s.ends_with("\\\\…\""), "cut after a whole escape");
        assert_eq!(text(&quoted(&["a\u{FFFE}b\u{FFFF}"])), "\"a\u{FFFD}b\u{FFFD}\"");
    }
}
