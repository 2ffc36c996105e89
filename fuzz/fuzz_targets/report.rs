//! The Markdown and text reports on arbitrary statements: no input text may
//! become Markdown markup or put a control character in either report.
#![no_main]

use claimgraph::error::is_hidden_control;
use claimgraph::report::{self, Format, Report, TextOptions};
use claimgraph::{ClaimGraph, analyze};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag};

mod common;

/// No control character but line ends; with colours, only our own SGR
/// sequences (ESC [ digits ; m).
fn no_controls(text: &str, colour: bool) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if colour && c == '\u{1b}' {
            assert_eq!(chars.next(), Some('['), "an escape sequence that is not ours");
            loop {
                match chars.next() {
                    Some('m') => break,
                    Some(d) if d.is_ascii_digit() || d == ';' => {}
                    other => panic!("an escape sequence that is not ours: {other:?}"),
                }
            }
            continue;
        }
        assert!(c == '\n' || !is_hidden_control(c), "control character {c:?} in a report");
    }
}

fuzz_target!(|data: &[u8]| {
    let graph = ClaimGraph::build(common::set_from(data));
    let analysis = analyze(&graph);
    for colour in [false, true] {
        let text = report::render(&graph, &analysis, Format::Text, TextOptions { color: colour });
        no_controls(&text, colour);
    }

    let md = report::render(&graph, &analysis, Format::Markdown, TextOptions::default());
    no_controls(&md, false);
    let r = Report::new(&graph, &analysis);
    // What the template writes, and nothing more.
    let headings = 6
        + r.contradictions.len()
        + r.sides.iter().filter(|s| s.camp == "A").count()
        + usize::from(!r.inconsistencies.is_empty());
    let codes = 2 * r.contradictions.len()
        + r.sides.iter().map(|s| s.statements.len()).sum::<usize>()
        + r.contested.iter().map(|c| 1 + c.supporters.len() + c.opponents.len()).sum::<usize>()
        + usize::from(r.summary.derived_not_listed > 0)
        // The Statements section: each statement's id.
        + r.statements.len();
    let cells = 5 * (r.actors.len() + 1);
    let (mut seen_headings, mut seen_codes, mut seen_cells) = (0, 0, 0);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH;
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => seen_headings += 1,
            Event::Code(_) => seen_codes += 1,
            Event::Start(Tag::TableCell) => seen_cells += 1,
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML from the input: {h}"),
            Event::Start(
                t @ (Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Emphasis
                | Tag::Strikethrough
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)),
            ) => panic!("markup from the input: {t:?}"),
            Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Rule
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => panic!("markup from the input: {event:?}"),
            _ => {}
        }
    }
    assert_eq!(seen_headings, headings, "a heading from the input");
    assert_eq!(seen_codes, codes, "a code span opened or closed by the input");
    assert_eq!(seen_cells, cells, "a table cell from the input");
});
