//! DOT (Graphviz) output through graphviz-rust's syntax tree, and running
//! `dot` for SVG, PNG and PDF.
//!
//! graphviz-rust prints identifiers as given: every label, tooltip and
//! attribute value built from input text goes through [`quoted`], the one
//! escaping function, and node ids are generated ASCII (s1, s2…). Labels are
//! plain quoted strings (never HTML-like labels), so no input can add an
//! attribute such as `image` or `shapefile` (which read local files).

use super::picture::{PEdge, PNode, Picture, Shape, edge_style, wrap};
use crate::error::{Error, Result};
use crate::model::RelationType;
use graphviz_rust::cmd::Format;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// Characters per label line.
pub const WRAP: usize = 40;
/// Lines of statement text per node at most.
pub const MAX_LINES: usize = 8;

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

/// The lines of a node's label: the source, then the wrapped text.
pub fn label_lines(n: &PNode) -> Vec<String> {
    let mut lines = vec![n.title.clone()];
    lines.extend(wrap(&n.text, WRAP, MAX_LINES));
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
            attr("tooltip", q(&n.key)),
        ],
    ))
}

fn edge_stmt(p: &Picture, e: &PEdge) -> Stmt {
    let (color, style, width) = edge_style(e.kind);
    let mut attributes = vec![
        attr("color", q(color)),
        attr("style", plain(style)),
        attr(
            "penwidth",
            plain(&format!("{:.1}", width * (1.0 + (e.weight as f64).ln()).min(6.0))),
        ),
        attr("tooltip", q(&format!("{}: {}", e.kind, e.label))),
    ];
    if p.edge_labels {
        attributes.push(attr("label", quoted(&wrap(&e.label, 30, 4))));
        attributes.push(attr("fontcolor", q(color)));
    }
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(plain(&p.nodes[e.from].id), None)),
            Vertex::N(NodeId(plain(&p.nodes[e.to].id), None)),
        ),
        attributes,
    })
}

fn legend() -> Stmt {
    let mut stmts = vec![
        Stmt::Attribute(attr("label", q("Legend"))),
        Stmt::Attribute(attr("style", q("rounded"))),
        Stmt::Attribute(attr("color", q("#999999"))),
        Stmt::Attribute(attr("fontsize", plain("10"))),
    ];
    for (i, s) in Shape::LEGEND.iter().enumerate() {
        let mut style = "filled".to_string();
        if *s == Shape::Claim {
            style.push_str(",rounded");
        }
        stmts.push(Stmt::Node(Node::new(
            NodeId(plain(&format!("legend_k{i}")), None),
            vec![
                attr("label", q(s.name())),
                attr("shape", plain(dot_shape(*s))),
                attr("style", q(&style)),
                attr("fillcolor", q("#f4f4f4")),
                attr("fontsize", plain("9")),
            ],
        )));
    }
    stmts.push(Stmt::Node(Node::new(
        NodeId(plain("legend_implicit"), None),
        vec![
            attr("label", q("implicit (reported only)")),
            attr("shape", plain("box")),
            attr("style", q("filled,dashed")),
            attr("fillcolor", q("#f4f4f4")),
            attr("fontsize", plain("9")),
        ],
    )));
    for (i, t) in RelationType::ALL.iter().enumerate() {
        let (color, style, width) = edge_style(*t);
        for side in ["a", "b"] {
            stmts.push(Stmt::Node(Node::new(
                NodeId(plain(&format!("legend_e{i}{side}")), None),
                vec![
                    attr("label", q("")),
                    attr("shape", plain("point")),
                    attr("width", plain("0.05")),
                ],
            )));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(plain(&format!("legend_e{i}a")), None)),
                Vertex::N(NodeId(plain(&format!("legend_e{i}b")), None)),
            ),
            attributes: vec![
                attr("label", q(t.as_str())),
                attr("color", q(color)),
                attr("fontcolor", q(color)),
                attr("style", plain(style)),
                attr("penwidth", plain(&format!("{width:.1}"))),
                attr("fontsize", plain("9")),
            ],
        }));
    }
    Stmt::Subgraph(Subgraph {
        id: plain("cluster_legend"),
        stmts,
    })
}

/// The picture as a graphviz-rust graph.
pub fn graph(p: &Picture) -> Graph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", plain("LR")),
            attr("fontname", q("DejaVu Sans")),
            attr("nodesep", plain("0.3")),
            attr("ranksep", plain("0.6")),
            attr("labelloc", plain("t")),
            attr(
                "label",
                q(&if p.summary {
                    format!("claimgraph: {} statements, one node per actor", p.statements_total)
                } else {
                    format!("claimgraph: {} of {} statements", p.nodes.len(), p.statements_total)
                }),
            ),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", q("DejaVu Sans")),
            attr("fontsize", plain("10")),
            attr("margin", q("0.12,0.06")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", q("DejaVu Sans")),
            attr("fontsize", plain("8")),
            attr("arrowsize", plain("0.8")),
        ])),
    ];
    for (g, label) in p.groups.iter().enumerate() {
        let mut inner = vec![
            Stmt::Attribute(attr("label", q(label))),
            Stmt::Attribute(attr("style", q("rounded"))),
            Stmt::Attribute(attr("color", q("#888888"))),
        ];
        inner.extend(p.nodes.iter().filter(|n| n.group == Some(g)).map(node_stmt));
        stmts.push(Stmt::Subgraph(Subgraph {
            id: plain(&format!("cluster_{}", g + 1)),
            stmts: inner,
        }));
    }
    stmts.extend(p.nodes.iter().filter(|n| n.group.is_none()).map(node_stmt));
    stmts.extend(p.edges.iter().map(|e| edge_stmt(p, e)));
    stmts.push(legend());
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

/// Runs Graphviz's `dot` on DOT text, given on its standard input (no
/// temporary file holds the statements' text). While it runs, its process id
/// is registered with [`crate::output`], so an interrupted run kills it.
pub fn run_dot(dot: &str, format: Format) -> Result<Vec<u8>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(format!("-T{}", format!("{format:?}").to_lowercase()))
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
