//! The HTML report: one self-contained file (inline style, script and SVG;
//! nothing fetched from the network). The page holds the picture (the
//! builtin engine's interactive SVG) and the report's data as one JSON
//! value; its script draws the sections from that data on demand (the
//! evidence list a hundred statements at a time), so a report of thousands
//! of statements stays a few megabytes and opens in a few seconds.
//!
//! Every statement comes with its evidence: its source as named in the text
//! (`source_mention`), the sentence it came from (`quote`) with the cue and
//! the content marked, the article and sentence. Readers filter by actor,
//! camp and kind and search the text.
//!
//! Input text reaches the page only as JSON inside the script (with `<`,
//! `>`, `&` and the JavaScript line separators escaped as `\uXXXX`, so it can
//! never close the script) or through [`super::svg::xml`] (the SVG); the
//! script puts it on the page with `textContent`, never as markup.

use super::picture::Picture;
use super::svg::{SvgOptions, to_svg};
use crate::analysis::Analysis;
use crate::graph::ClaimGraph;
use crate::model::Statement;
use crate::report::Report;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// A statement as the page's script sees it.
#[derive(Serialize)]
struct StatementData<'a> {
    id: &'a str,
    /// Index into `actors`, -1 for narration.
    actor: i64,
    source: &'a str,
    /// How the text named the source, when it differs from `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    mention: Option<&'a str>,
    kind: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    implicit: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
    /// 1-based sentence number.
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<u128>,
    /// 1-based line in the article, when its file could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<[usize; 2]>,
    text: &'a str,
    /// The sentence in pieces: 0 plain, 1 the cue, 2 the content.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quote: Vec<(u8, &'a str)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    via: Vec<&'a str>,
    /// Index into `camps`, -1 outside any dispute.
    camp: i64,
    /// The node drawing it in the picture.
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<&'a str>,
}

#[derive(Serialize)]
struct ActorData<'a> {
    id: &'a str,
    name: &'a str,
    statements: usize,
}

#[derive(Serialize)]
struct CampData {
    group: usize,
    camp: &'static str,
    label: String,
    statements: Vec<usize>,
}

#[derive(Serialize)]
struct ContradictionData<'a> {
    a: usize,
    b: usize,
    kind: &'static str,
    relation: &'static str,
    confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<usize>,
    /// The relations that explain it: (from, type, to, reason).
    why: Vec<(usize, &'static str, usize, &'a str)>,
}

#[derive(Serialize)]
struct ContestedData {
    statement: usize,
    supporters: Vec<usize>,
    opponents: Vec<usize>,
}

#[derive(Serialize)]
struct ActorRow {
    name: String,
    statements: usize,
    supports: String,
    disputes: String,
    denies: String,
}

#[derive(Serialize)]
struct PageData<'a> {
    summary: &'a crate::report::SummaryView,
    /// True when the picture is the actor view (its nodes are actors).
    actor_view: bool,
    actors: Vec<ActorData<'a>>,
    camps: Vec<CampData>,
    statements: Vec<StatementData<'a>>,
    /// (from, to, type, reason) by statement index.
    relations: Vec<(usize, usize, &'static str, &'a str)>,
    contradictions: Vec<ContradictionData<'a>>,
    contested: Vec<ContestedData>,
    actor_table: Vec<ActorRow>,
    inconsistencies: Vec<String>,
}

/// The sentence cut into plain text, the cue (1) and the content (2), when
/// they can be found in it; empty when there is no sentence.
pub fn quote_marks<'a>(quote: &'a str, cue: Option<&str>, content: &str) -> Vec<(u8, &'a str)> {
    if quote.is_empty() {
        return Vec::new();
    }
    let content = content.trim();
    let mut marks: Vec<(usize, usize, u8)> = Vec::new();
    if !content.is_empty()
        && let Some(at) = quote.find(content)
    {
        marks.push((at, at + content.len(), 2));
    }
    if let Some(cue) = cue.map(str::trim).filter(|c| !c.is_empty()) {
        // The first occurrence outside the content.
        let mut from = 0;
        while let Some(rel) = quote[from..].find(cue) {
            let (a, b) = (from + rel, from + rel + cue.len());
            if marks.iter().all(|&(x, y, _)| b <= x || a >= y) {
                marks.push((a, b, 1));
                break;
            }
            from = a + cue.chars().next().map_or(1, char::len_utf8);
        }
    }
    marks.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b, kind) in marks {
        if a > at {
            out.push((0, &quote[at..a]));
        }
        out.push((kind, &quote[a..b]));
        at = b;
    }
    if at < quote.len() {
        out.push((0, &quote[at..]));
    }
    out
}

/// The report's data as a JavaScript string literal holding its JSON, safe
/// inside a `<script>` element (`JSON.parse` of a string is several times
/// faster for a browser than an object literal of megabytes). The literal is
/// also a valid JSON string.
fn script_json<T: Serialize>(data: &T) -> String {
    let json = serde_json::to_string(data).expect("the page data always serialises");
    let mut out = String::with_capacity(json.len() + json.len() / 8 + 2);
    out.push('"');
    for c in json.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            // Noncharacters: kept in the data, never literally in the page.
            '\u{FFFE}' => out.push_str("\\ufffe"),
            '\u{FFFF}' => out.push_str("\\uffff"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn page_data<'a>(
    graph: &'a ClaimGraph,
    analysis: &Analysis,
    report: &'a Report<'a>,
    picture: &'a Picture,
    lines: &[Option<usize>],
) -> PageData<'a> {
    let mut actor_index: BTreeMap<usize, usize> = BTreeMap::new();
    let mut per_actor: BTreeMap<usize, usize> = BTreeMap::new();
    for s in 0..graph.statements().len() {
        if let Some(a) = graph.actor_of(s) {
            *per_actor.entry(a).or_default() += 1;
        }
    }
    let mut actors = Vec::new();
    for (&a, &n) in &per_actor {
        actor_index.insert(a, actors.len());
        let actor = &graph.actors()[a];
        actors.push(ActorData {
            id: &actor.id,
            name: &actor.name,
            statements: n,
        });
    }
    let mut camp_of: Vec<i64> = vec![-1; graph.statements().len()];
    let mut camps = Vec::new();
    for g in &analysis.sides {
        for (camp, members, who) in [("A", &g.camp_a, &g.actors_a), ("B", &g.camp_b, &g.actors_b)] {
            for &s in members {
                camp_of[s] = camps.len() as i64;
            }
            let narration = members.iter().any(|&s| graph.actor_of(s).is_none());
            camps.push(CampData {
                group: g.id,
                camp,
                label: super::camps::camp_label(graph, who, narration),
                statements: members.clone(),
            });
        }
    }
    let node_of: BTreeMap<&str, &str> = if picture.summary {
        BTreeMap::new()
    } else {
        picture.nodes.iter().map(|n| (n.key.as_str(), n.id.as_str())).collect()
    };
    let statements = graph
        .statements()
        .iter()
        .enumerate()
        .map(|(i, st): (usize, &'a Statement)| {
            let source = graph.source_name(i);
            StatementData {
                id: &st.id,
                actor: graph
                    .actor_of(i)
                    .and_then(|a| actor_index.get(&a))
                    .map_or(-1, |&k| k as i64),
                source,
                mention: st.source_mention.as_deref().filter(|m| *m != source),
                kind: st.kind.as_str(),
                implicit: st.implicit,
                article: st.article.as_deref(),
                sentence: st.sentence.map(|n| n as u128 + 1),
                line: lines.get(i).copied().flatten(),
                span: st.span,
                text: &st.text,
                quote: st
                    .quote
                    .as_deref()
                    .map(|q| quote_marks(q, st.cue.as_deref(), &st.text))
                    .unwrap_or_default(),
                cue: st.cue.as_deref(),
                target: st.target.as_deref(),
                via: st.via.iter().map(String::as_str).collect(),
                camp: camp_of[i],
                node: node_of.get(st.id.as_str()).copied(),
            }
        })
        .collect();
    let index = |id: &str| graph.index_of(id).unwrap_or(0);
    let contradictions = report
        .contradictions
        .iter()
        .map(|c| ContradictionData {
            a: index(c.a),
            b: index(c.b),
            kind: c.kind,
            relation: c.relation,
            confidence: c.confidence,
            group: c.group,
            why: c
                .path
                .iter()
                .map(|s| (s.from_index, s.kind, s.to_index, s.reason))
                .collect(),
        })
        .collect();
    let contested = report
        .contested
        .iter()
        .map(|c| ContestedData {
            statement: index(c.statement),
            supporters: c.supporters.iter().map(|s| index(s)).collect(),
            opponents: c.opponents.iter().map(|s| index(s)).collect(),
        })
        .collect();
    let list = |v: &[crate::report::ActorCount]| {
        v.iter()
            .map(|a| format!("{} ×{}", a.name, a.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let actor_table = report
        .actors
        .iter()
        .map(|a| ActorRow {
            name: a.name.to_string(),
            statements: a.statements,
            supports: list(&a.supports),
            disputes: list(&a.disputes),
            denies: list(&a.denies),
        })
        .collect();
    PageData {
        summary: &report.summary,
        actor_view: picture.summary,
        actors,
        camps,
        statements,
        relations: graph
            .edges()
            .into_iter()
            .map(|(a, b, e)| (a, b, e.kind.as_str(), graph.relations()[e.relation].reason_or_default()))
            .collect(),
        contradictions,
        contested,
        actor_table,
        inconsistencies: report.inconsistencies.iter().map(|i| i.explanation.clone()).collect(),
    }
}

/// The HTML report.
pub fn to_html(graph: &ClaimGraph, analysis: &Analysis, picture: &Picture) -> String {
    to_html_with_lines(graph, analysis, picture, &[])
}

/// The HTML report, with each statement's line in its article (by statement
/// index; see [`crate::statement_lines`]).
pub fn to_html_with_lines(
    graph: &ClaimGraph,
    analysis: &Analysis,
    picture: &Picture,
    lines: &[Option<usize>],
) -> String {
    let report = Report::new(graph, analysis);
    let s = &report.summary;
    let data = script_json(&page_data(graph, analysis, &report, picture, lines));
    let svg = to_svg(picture, SvgOptions { interactive: true });
    let mut h = String::with_capacity(data.len() + svg.len() + 16 * 1024);
    h.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>claimgraph report</title>\n",
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
        "<p>{} contradictions ({} direct, {} derived, {} self) in {} dispute group(s) · {} inconsistent relation(s). Click a statement to see its evidence and its relations.</p>",
        s.contradictions, s.direct, s.derived, s.self_contradictions, s.groups, s.inconsistencies
    );
    for (n, what, flag) in s.not_listed() {
        let _ = writeln!(
            h,
            "<p class=\"meta\">{n} more {what} counted, not listed (<code>{flag}</code> lists them).</p>"
        );
    }
    h.push_str("</header>\n<main>\n");
    let _ = writeln!(
        h,
        "<section id=\"graph-section\"><h2>Graph</h2><div class=\"graph-row\"><div class=\"graph\">{svg}</div><aside id=\"detail\" class=\"detail\"><p class=\"meta\">Click a statement{} to see where it comes from.</p></aside></div></section>",
        if picture.summary { " or an actor" } else { "" }
    );
    h.push_str(
        "<section id=\"evidence-section\"><h2>Statements and their evidence</h2>\n<div class=\"filters\">\
<label>Actor <select id=\"f-actor\"><option value=\"\">all</option></select></label>\
<label>Camp <select id=\"f-camp\"><option value=\"\">all</option></select></label>\
<label>Kind <select id=\"f-kind\"><option value=\"\">all</option></select></label>\
<label>Search <input id=\"f-text\" type=\"search\" placeholder=\"words in the text or sentence\"></label>\
<span id=\"f-count\" class=\"meta\"></span></div>\n<div id=\"evidence\"></div></section>\n",
    );
    for (id, title) in [
        ("contradictions", "Contradictions"),
        ("sides", "Sides"),
        ("contested", "Contested statements"),
        ("actors", "Actors"),
        ("inconsistencies", "Inconsistencies"),
    ] {
        let _ = writeln!(
            h,
            "<section id=\"{id}-section\"><h2>{title}</h2><div id=\"{id}\"></div></section>"
        );
    }
    let _ = write!(
        h,
        "</main>\n<noscript><p>This report draws its lists with JavaScript.</p></noscript>\n<script>\nvar DATA = JSON.parse({data});\n{SCRIPT}</script>\n</body>\n</html>\n"
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_marks_find_cue_and_content() {
        let q = "Armenia said the border was shelled overnight.";
        let m = quote_marks(q, Some("said"), "the border was shelled overnight");
        assert_eq!(
            m,
            vec![
                (0, "Armenia "),
                (1, "said"),
                (0, " "),
                (2, "the border was shelled overnight"),
                (0, ".")
            ]
        );
        assert_eq!(quote_marks(q, Some("absent"), "not there"), vec![(0, q)]);
        assert!(quote_marks("", Some("x"), "y").is_empty());
        // A cue inside the content is looked for again after it.
        let m = quote_marks("they said it was said", Some("said"), "it was said");
        assert_eq!(m[1], (1, "said"));
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let s = script_json(&vec!["</script><script>alert(1)</script>", "a\u{2028}b & c \"q\" \\"]);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&') && !s.contains('\u{2028}'));
        // A string literal holding the JSON.
        let json: String = serde_json::from_str(&s).unwrap();
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0], "</script><script>alert(1)</script>");
        assert_eq!(back[1], "a\u{2028}b & c \"q\" \\");
        let s = script_json(&"a\u{FFFE}b\u{FFFF}");
        assert!(!s.contains(['\u{FFFE}', '\u{FFFF}']), "{s}");
        let json: String = serde_json::from_str(&s).unwrap();
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), "a\u{FFFE}b\u{FFFF}");
    }
}
