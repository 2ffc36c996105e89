//! DOT generation on arbitrary statements: the DOT must parse back with
//! graphviz_rust::parse, and no input text may become an attribute.
#![no_main]

use claimgraph::render::{GroupBy, Only, Picture, PictureOptions, dot};
use claimgraph::{ClaimGraph, analyze};
use graphviz_rust::dot_structures::{Graph, Id, Stmt};
use libfuzzer_sys::fuzz_target;

mod common;

fn attribute_names(stmts: &[Stmt], out: &mut Vec<String>) {
    for s in stmts {
        match s {
            Stmt::Node(n) => out.extend(n.attributes.iter().map(|a| id(&a.0))),
            Stmt::Edge(e) => out.extend(e.attributes.iter().map(|a| id(&a.0))),
            Stmt::Subgraph(g) => attribute_names(&g.stmts, out),
            Stmt::Attribute(a) => out.push(id(&a.0)),
            Stmt::GAttribute(_) => {}
        }
    }
}

fn id(i: &Id) -> String {
    match i {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    }
}

fuzz_target!(|data: &[u8]| {
    let graph = ClaimGraph::build(common::set_from(data));
    let analysis = analyze(&graph);
    let group_by = [GroupBy::None, GroupBy::Article, GroupBy::Actor, GroupBy::Side][data.len() % 4];
    let options = PictureOptions {
        group_by,
        only: if data.len() % 2 == 0 { Only::Relations } else { Only::Contradictions },
        all: data.len() % 7 < 3,
        max_nodes: if data.len() % 5 == 0 { 3 } else { 300 },
        edge_labels: data.len() % 3 == 0,
    };
    let text = dot::to_dot(&Picture::new(&graph, &analysis, &options));
    let parsed = graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("DOT does not parse back: {e}\n{text}"));
    let Graph::DiGraph { stmts, .. } = parsed else { panic!("not a digraph") };
    let mut names = Vec::new();
    attribute_names(&stmts, &mut names);
    const ALLOWED: [&str; 18] = [
        "label", "shape", "style", "fillcolor", "tooltip", "color", "penwidth", "fontcolor", "fontsize", "width", "labelloc",
        "rankdir", "fontname", "margin", "constraint", "weight", "minlen", "rank",
    ];
    for n in names {
        assert!(ALLOWED.contains(&n.as_str()), "unexpected attribute {n:?} in\n{text}");
    }
});
