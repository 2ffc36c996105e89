//! The terminal report: plain text, with ANSI styles when asked.

use super::{ActorCount, Report, TextOptions};
use crate::error::visible as v;
use crate::model::Statement;
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

struct Styles {
    heading: Style,
    id: Style,
    source: Style,
    negative: Style,
    dim: Style,
}

impl Styles {
    fn new(color: bool) -> Self {
        if !color {
            let p = Style::new();
            return Styles {
                heading: p,
                id: p,
                source: p,
                negative: p,
                dim: p,
            };
        }
        Styles {
            heading: Style::new().bold().underline(),
            id: Style::new().fg_color(Some(AnsiColor::Cyan.into())),
            source: Style::new().bold(),
            negative: Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
            dim: Style::new().dimmed(),
        }
    }
}

/// `text` in a style; input text is shown escaped ([`v`]) wherever it is
/// printed, so no control sequence reaches the terminal.
fn paint(style: Style, text: &str) -> String {
    format!("{style}{}{style:#}", v(text))
}

pub(super) fn render(r: &Report, options: TextOptions, out: &mut impl Write) {
    let st = Styles::new(options.color);
    let s = &r.summary;
    let _ = writeln!(out, "{}", paint(st.heading, "claimgraph report"));
    let _ = writeln!(
        out,
        "{} statements ({} narration, {} implicit) from {} article{}, {} actors",
        s.statements,
        s.narration,
        s.implicit,
        s.articles,
        if s.articles == 1 { "" } else { "s" },
        s.actors
    );
    let _ = writeln!(
        out,
        "{} relations: {} supports, {} disputes, {} denies",
        s.relations, s.supports, s.disputes, s.denies
    );
    let _ = writeln!(
        out,
        "{} contradictions ({} direct, {} derived, {} self) in {} dispute group{}; {} inconsistent relation{}",
        s.contradictions,
        s.direct,
        s.derived,
        s.self_contradictions,
        s.groups,
        if s.groups == 1 { "" } else { "s" },
        s.inconsistencies,
        if s.inconsistencies == 1 { "" } else { "s" }
    );
    for (n, what, flag) in s.not_listed() {
        let _ = writeln!(out, "{n} more {what} counted, not listed ({flag} lists them)");
    }

    let _ = writeln!(out, "\n{}", paint(st.heading, "Contradictions"));
    if r.contradictions.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for (i, c) in r.contradictions.iter().enumerate() {
        let group = c.group.map(|g| format!(", group {g}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "\n[{}] {} {} (confidence {}{group})",
            i + 1,
            paint(st.negative, c.kind),
            c.relation,
            c.confidence
        );
        statement_line(out, &st, r, "A", r.by_id(c.a));
        statement_line(out, &st, r, "B", r.by_id(c.b));
        if c.derived {
            let _ = writeln!(out, "    {}", paint(st.dim, "why:"));
            for step in &c.path {
                let _ = writeln!(out, "      {}: {}", v(&r.describe_step(step)), v(step.reason));
            }
        } else {
            let _ = writeln!(out, "    {} {}", paint(st.dim, "why:"), v(c.path[0].reason));
        }
    }

    for block in summary_blocks(r) {
        let _ = writeln!(out);
        for line in block {
            let _ = writeln!(out, "{line}");
        }
    }

    let _ = writeln!(out, "\n{}", paint(st.heading, "Sides"));
    if r.sides.is_empty() {
        let _ = writeln!(out, "  no disputes");
    }
    for side in &r.sides {
        if side.camp == "A" {
            let _ = writeln!(out, "\nGroup {}", side.group);
        }
        let _ = writeln!(
            out,
            "  Camp {}: {}",
            side.camp,
            v(&actor_list(&side.actors, "no named source"))
        );
        for id in &side.statements {
            let stmt = r.by_id(id);
            let _ = writeln!(
                out,
                "    {} {}: {}",
                paint(st.id, id),
                paint(st.source, r.source_of(id)),
                v(&stmt.text)
            );
        }
        if let Some(line) = more_statements(side) {
            let _ = writeln!(out, "    {}", paint(st.dim, &line));
        }
    }

    let _ = writeln!(out, "\n{}", paint(st.heading, "Contested statements"));
    if r.contested.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for (i, c) in r.contested.iter().enumerate() {
        let stmt = r.by_id(c.statement);
        let _ = writeln!(
            out,
            "  {}. {} {}: {}",
            i + 1,
            paint(st.id, c.statement),
            paint(st.source, r.source_of(c.statement)),
            v(&stmt.text)
        );
        let _ = writeln!(
            out,
            "     supported by {}; opposed by {}",
            v(&c.supporters.join(", ")),
            v(&c.opponents.join(", "))
        );
    }

    let _ = writeln!(out, "\n{}", paint(st.heading, "Actors"));
    if r.actors.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for a in &r.actors {
        let _ = writeln!(
            out,
            "  {} ({}): {} statement{}",
            paint(st.source, a.name),
            v(a.id),
            a.statements,
            if a.statements == 1 { "" } else { "s" }
        );
        for (label, list) in [
            ("supports", &a.supports),
            ("disputes", &a.disputes),
            ("denies", &a.denies),
        ] {
            if !list.is_empty() {
                let _ = writeln!(out, "    {label} {}", v(&actor_list(list, "")));
            }
        }
    }

    if !r.inconsistencies.is_empty() {
        let _ = writeln!(out, "\n{}", paint(st.heading, "Inconsistencies"));
        for i in &r.inconsistencies {
            let _ = writeln!(out, "  - {}", v(&i.explanation));
        }
    }

    statements_section(out, &st, r);
}

/// "… and N more (--list-all lists them)" under a camp that does not list all its statements.
pub(super) fn more_statements(side: &super::SideView) -> Option<String> {
    let more = side.count - side.statements.len();
    (more > 0).then(|| format!("… and {more} more (--list-all lists them)"))
}

/// " and N in all" when the listing has a total bound.
fn in_all(r: &Report) -> String {
    r.listing
        .total
        .map(|n| format!(" and {n} in all, each group's first always"))
        .unwrap_or_default()
}

/// The blocks of lines saying which dispute groups had more direct and
/// derived contradictions than were listed: a heading line, then one line
/// per group (shared with the Markdown report; plain, already safe).
pub(super) fn summary_blocks(r: &Report) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    if !r.direct_summaries.is_empty() {
        let mut lines = vec![format!(
            "Not every direct contradiction is listed: at most {} per dispute group{} (--list-all lists them all).",
            r.listing.per_group.unwrap_or(usize::MAX),
            in_all(r)
        )];
        for d in &r.direct_summaries {
            let group = d
                .group
                .map_or("outside any group".to_string(), |g| format!("group {g}"));
            let example = d.example_number.map(|n| format!("; e.g. [{n}]")).unwrap_or_default();
            lines.push(format!(
                "  {group}, camp A against camp B: {} direct contradictions, {} listed{example}",
                d.count, d.listed
            ));
        }
        blocks.push(lines);
    }
    blocks.extend(derived_summary_lines(r));
    blocks
}

/// The lines saying which dispute groups had more derived contradictions
/// than were listed.
fn derived_summary_lines(r: &Report) -> Option<Vec<String>> {
    if r.derived_summaries.is_empty() {
        return None;
    }
    let total = match r.listing.derived {
        crate::analysis::DerivedListing::AtMost(_) => in_all(r),
        crate::analysis::DerivedListing::All => String::new(),
    };
    let mut lines = vec![format!(
        "Not every derived contradiction is listed: at most {} per dispute group{total} (--all-derived lists them all).",
        crate::analysis::DERIVED_LIMIT
    )];
    for d in &r.derived_summaries {
        let group = d
            .group
            .map_or("outside any group".to_string(), |g| format!("group {g}"));
        let count = if d.complete {
            format!("{}", d.count)
        } else {
            format!("at least {} (counting stopped)", d.count)
        };
        let example = d.example_number.map(|n| format!("; e.g. [{n}]")).unwrap_or_default();
        lines.push(format!(
            "  {group}, camp A against camp B: {count} derived contradictions, {} listed{example}",
            d.listed
        ));
    }
    Some(lines)
}

fn statement_line(out: &mut impl Write, st: &Styles, r: &Report, label: &str, s: &Statement) {
    let origin = r.location(s);
    let mut extra = Vec::new();
    if s.implicit {
        extra.push("implicit".to_string());
    }
    extra.push(s.kind.as_str().to_string());
    if let Some(c) = &s.cue {
        extra.push(format!("cue \"{}\"", v(c)));
    }
    if !origin.is_empty() {
        extra.push(v(&origin).into_owned());
    }
    let _ = writeln!(
        out,
        "    {label} {} {} [{}]",
        paint(st.id, &s.id),
        paint(st.source, &v(r.source_of(&s.id))),
        extra.join(", ")
    );
    let _ = writeln!(out, "      \"{}\"", v(&s.text));
    evidence_lines(out, st, r, s, "      ");
}

/// How the source was named, the sentence, the note: what a reader checks.
fn evidence_lines(out: &mut impl Write, st: &Styles, r: &Report, s: &Statement, indent: &str) {
    if let Some(m) = &s.source_mention
        && m != r.source_of(&s.id)
    {
        let _ = writeln!(out, "{indent}{} \"{}\"", paint(st.dim, "as named:"), v(m));
    }
    if let Some(q) = &s.quote
        && q != &s.text
    {
        let _ = writeln!(out, "{indent}{} \"{}\"", paint(st.dim, "sentence:"), v(q));
    }
    if let Some(n) = &s.note {
        let _ = writeln!(out, "{indent}{} {}", paint(st.dim, "note:"), v(n));
    }
}

/// The evidence of every statement the report mentions.
fn statements_section(out: &mut impl Write, st: &Styles, r: &Report) {
    let _ = writeln!(out, "\n{}", paint(st.heading, "Statements"));
    if r.statements.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for view in &r.statements {
        let s = r.by_id(view.id);
        let mut what = vec![s.kind.as_str().to_string()];
        if let Some(c) = &s.cue {
            what.push(format!("cue \"{}\"", v(c)));
        }
        let location = r.location(s);
        if !location.is_empty() {
            what.push(v(&location).into_owned());
        }
        let _ = writeln!(
            out,
            "  {} {} [{}]: {}",
            paint(st.id, view.id),
            paint(st.source, &v(view.source_name)),
            what.join(", "),
            v(&s.text)
        );
        evidence_lines(out, st, r, s, "    ");
    }
}

/// "Armenia ×2, EU ×1"
pub(super) fn actor_list(list: &[ActorCount], empty: &str) -> String {
    if list.is_empty() {
        return empty.to_string();
    }
    list.iter()
        .map(|a| format!("{} ×{}", a.name, a.count))
        .collect::<Vec<_>>()
        .join(", ")
}
