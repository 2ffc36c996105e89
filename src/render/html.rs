//! The HTML report: one self-contained file (inline style, script and SVG;
//! nothing fetched from the network) with the summary, the graph, the
//! contradictions, the sides, the contested statements, the actors and the
//! inconsistencies. Clicking a statement, in the graph or in a table,
//! highlights it and its relations. Every piece of input text is escaped
//! with [`xml`].

use super::picture::Picture;
use super::svg::{SvgOptions, to_svg, xml};
use crate::analysis::Analysis;
use crate::graph::ClaimGraph;
use crate::report::{Report, StepView};
use std::fmt::Write;

const STYLE: &str = r#"
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; margin: 0; color: #222; background: #f6f6f3; }
header { background: #263238; color: #fff; padding: 14px 24px; }
header h1 { margin: 0 0 4px 0; font-size: 20px; }
header p { margin: 2px 0; font-size: 13px; color: #cfd8dc; }
main { padding: 12px 24px 40px; }
section { background: #fff; border: 1px solid #ddd; border-radius: 8px; margin: 14px 0; padding: 10px 16px; }
h2 { font-size: 16px; margin: 6px 0 10px; }
.graph { overflow: auto; max-height: 80vh; border: 1px solid #eee; }
.graph svg g.node { cursor: pointer; }
.graph svg g.node.hl polygon, .graph svg g.node.hl rect, .graph svg g.node.hl ellipse { stroke: #000; stroke-width: 4px; }
.graph svg g.node.rel polygon, .graph svg g.node.rel rect, .graph svg g.node.rel ellipse { stroke: #1565c0; stroke-width: 3px; }
.graph svg path.edge.hl { stroke-width: 5px; }
.graph.focus svg g.node:not(.hl):not(.rel), .graph.focus svg path.edge:not(.hl) { opacity: 0.25; }
.stmt { cursor: pointer; padding: 4px 6px; border-radius: 4px; margin: 2px 0; }
.stmt:hover { background: #f0f4f8; }
.stmt.hl { background: #fff59d; outline: 2px solid #f9a825; }
.src { font-weight: bold; }
.meta { color: #666; font-size: 12px; }
.kind { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #eceff1; margin-right: 4px; }
.contradiction { border-left: 4px solid #d62728; padding: 4px 10px; margin: 10px 0; }
.contradiction.derived { border-left-color: #ff8c00; }
.why { font-size: 13px; color: #444; margin-top: 4px; }
.why li { margin: 2px 0; }
.camps { display: flex; gap: 16px; flex-wrap: wrap; }
.camp { flex: 1 1 320px; background: #fafafa; border: 1px solid #e0e0e0; border-radius: 6px; padding: 6px 10px; }
table { border-collapse: collapse; font-size: 13px; }
td, th { border-bottom: 1px solid #eee; padding: 4px 10px; text-align: left; vertical-align: top; }
"#;

const SCRIPT: &str = r##"
(function () {
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function select(key) {
    all('.hl').forEach(function (e) { e.classList.remove('hl'); });
    all('.rel').forEach(function (e) { e.classList.remove('rel'); });
    var graph = document.querySelector('.graph');
    if (!key) { graph.classList.remove('focus'); return; }
    var node = all('g.node').filter(function (n) { return n.getAttribute('data-key') === key; })[0];
    all('.stmt').forEach(function (r) { if (r.getAttribute('data-key') === key) r.classList.add('hl'); });
    if (node) {
      node.classList.add('hl');
      graph.classList.add('focus');
      var id = node.id.replace(/^node-/, '');
      all('path.edge').forEach(function (e) {
        var f = e.getAttribute('data-from'), t = e.getAttribute('data-to');
        if (f === id || t === id) {
          e.classList.add('hl');
          var other = document.getElementById('node-' + (f === id ? t : f));
          if (other) other.classList.add('rel');
        }
      });
    }
    document.body.setAttribute('data-selected', key);
  }
  all('g.node').forEach(function (n) {
    n.addEventListener('click', function () { select(n.getAttribute('data-key')); });
  });
  all('.stmt').forEach(function (r) {
    r.addEventListener('click', function () {
      var key = r.getAttribute('data-key');
      select(key);
      var node = all('g.node').filter(function (n) { return n.getAttribute('data-key') === key; })[0];
      if (node && node.scrollIntoView) node.scrollIntoView({block: 'center', inline: 'center'});
    });
  });
  // "#select=ID" selects a statement on load, through the same click handler.
  var m = /#select=(.*)$/.exec(location.hash);
  if (m) {
    var key = decodeURIComponent(m[1]);
    var node = all('g.node').filter(function (n) { return n.getAttribute('data-key') === key; })[0];
    if (node) node.dispatchEvent(new MouseEvent('click', {bubbles: true})); else select(key);
  }
})();
"##;

fn stmt_html(r: &Report, id: &str) -> String {
    let s = r.by_id(id);
    let mut meta = vec![r.origin(s)];
    if let Some(c) = &s.cue {
        meta.push(format!("cue “{}”", c));
    }
    if !s.via.is_empty() {
        meta.push(format!("via {}", s.via.join(", ")));
    }
    meta.retain(|m| !m.is_empty());
    format!(
        "<div class=\"stmt\" data-key=\"{}\"><span class=\"kind\">{}{}</span><span class=\"src\">{}</span>: {} <span class=\"meta\">[{} · {}]</span></div>",
        xml(id),
        if s.implicit { "implicit " } else { "" },
        s.kind,
        xml(r.source_of(id)),
        xml(&s.text),
        xml(id),
        xml(&meta.join(" · "))
    )
}

fn step_html(r: &Report, s: &StepView) -> String {
    format!("<li>{} — <i>{}</i></li>", xml(&r.describe_step(s)), xml(s.reason))
}

/// The HTML report.
pub fn to_html(graph: &ClaimGraph, analysis: &Analysis, picture: &Picture) -> String {
    let r = Report::new(graph, analysis);
    let s = &r.summary;
    let mut h = String::with_capacity(64 * 1024);
    h.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>claimgraph report</title>\n",
    );
    let _ = write!(
        h,
        "<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>Claim graph report</h1>\n"
    );
    let _ = writeln!(
        h,
        "<p>{} statements ({} narration, {} implicit) from {} article(s), {} actors · {} relations: {} supports, {} disputes, {} denies</p>",
        s.statements, s.narration, s.implicit, s.articles, s.actors, s.relations, s.supports, s.disputes, s.denies
    );
    let _ = writeln!(
        h,
        "<p>{} contradictions ({} direct, {} derived, {} self) in {} dispute group(s) · {} inconsistent relation(s). Click a statement to highlight it and its relations.</p>\n</header>\n<main>",
        s.contradictions, s.direct, s.derived, s.self_contradictions, s.groups, s.inconsistencies
    );
    let _ = writeln!(
        h,
        "<section><h2>Graph</h2><div class=\"graph\">{}</div></section>",
        to_svg(picture, SvgOptions { interactive: true })
    );
    h.push_str("<section><h2>Contradictions</h2>\n");
    if r.contradictions.is_empty() {
        h.push_str("<p>None.</p>\n");
    }
    for (i, c) in r.contradictions.iter().enumerate() {
        let _ = write!(
            h,
            "<div class=\"contradiction {}\"><b>{}. {} — {}</b> <span class=\"meta\">confidence {}{}</span>",
            c.kind,
            i + 1,
            c.kind,
            c.relation,
            c.confidence,
            c.group.map(|g| format!(", group {g}")).unwrap_or_default()
        );
        h.push_str(&stmt_html(&r, c.a));
        h.push_str(&stmt_html(&r, c.b));
        h.push_str("<div class=\"why\">Why:<ul>");
        for step in &c.path {
            h.push_str(&step_html(&r, step));
        }
        h.push_str("</ul></div></div>\n");
    }
    h.push_str("</section>\n<section><h2>Sides</h2>\n");
    if r.sides.is_empty() {
        h.push_str("<p>No disputes.</p>\n");
    }
    for pair in r.sides.chunks(2) {
        let _ = write!(h, "<h3>Group {}</h3><div class=\"camps\">", pair[0].group);
        for side in pair {
            let actors: Vec<String> = side
                .actors
                .iter()
                .map(|a| format!("{} ×{}", xml(a.name), a.count))
                .collect();
            let _ = write!(
                h,
                "<div class=\"camp\"><b>Camp {}</b>: {}",
                side.camp,
                actors.join(", ")
            );
            for id in &side.statements {
                h.push_str(&stmt_html(&r, id));
            }
            h.push_str("</div>");
        }
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n<section><h2>Contested statements</h2>\n");
    if r.contested.is_empty() {
        h.push_str("<p>None.</p>\n");
    }
    for c in &r.contested {
        h.push_str(&stmt_html(&r, c.statement));
        let _ = writeln!(
            h,
            "<div class=\"meta\">supported by {}; opposed by {}</div>",
            xml(&c.supporters.join(", ")),
            xml(&c.opponents.join(", "))
        );
    }
    h.push_str("</section>\n<section><h2>Actors</h2>\n<table><tr><th>Actor</th><th>Statements</th><th>Supports</th><th>Disputes</th><th>Denies</th></tr>\n");
    let list = |v: &[crate::report::ActorCount]| {
        v.iter()
            .map(|a| format!("{} ×{}", xml(a.name), a.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for a in &r.actors {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            xml(a.name),
            a.statements,
            list(&a.supports),
            list(&a.disputes),
            list(&a.denies)
        );
    }
    h.push_str("</table></section>\n");
    if !r.inconsistencies.is_empty() {
        h.push_str("<section><h2>Inconsistencies</h2><ul>\n");
        for i in &r.inconsistencies {
            let _ = writeln!(h, "<li>{}</li>", xml(&i.explanation));
        }
        h.push_str("</ul></section>\n");
    }
    let _ = write!(h, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
    h
}
