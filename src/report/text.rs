//! The terminal report: plain text, with ANSI styles when asked.

use super::{ActorCount, Report, TextOptions};
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

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
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
                let _ = writeln!(out, "      {}: {}", r.describe_step(step), step.reason);
            }
        } else {
            let _ = writeln!(out, "    {} {}", paint(st.dim, "why:"), c.path[0].reason);
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
            actor_list(&side.actors, "no named source")
        );
        for id in &side.statements {
            let stmt = r.by_id(id);
            let _ = writeln!(
                out,
                "    {} {}: {}",
                paint(st.id, id),
                paint(st.source, r.source_of(id)),
                stmt.text
            );
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
            stmt.text
        );
        let _ = writeln!(
            out,
            "     supported by {}; opposed by {}",
            c.supporters.join(", "),
            c.opponents.join(", ")
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
            a.id,
            a.statements,
            if a.statements == 1 { "" } else { "s" }
        );
        for (label, list) in [
            ("supports", &a.supports),
            ("disputes", &a.disputes),
            ("denies", &a.denies),
        ] {
            if !list.is_empty() {
                let _ = writeln!(out, "    {label} {}", actor_list(list, ""));
            }
        }
    }

    if !r.inconsistencies.is_empty() {
        let _ = writeln!(out, "\n{}", paint(st.heading, "Inconsistencies"));
        for i in &r.inconsistencies {
            let _ = writeln!(out, "  - {}", i.explanation);
        }
    }

    statements_section(out, &st, r);
}

fn statement_line(out: &mut impl Write, st: &Styles, r: &Report, label: &str, s: &Statement) {
    let origin = r.location(s);
    let mut extra = Vec::new();
    if s.implicit {
        extra.push("implicit".to_string());
    }
    extra.push(s.kind.as_str().to_string());
    if let Some(c) = &s.cue {
        extra.push(format!("cue \"{}\"", shown(c)));
    }
    if !origin.is_empty() {
        extra.push(shown(&origin));
    }
    let _ = writeln!(
        out,
        "    {label} {} {} [{}]",
        paint(st.id, &s.id),
        paint(st.source, &shown(r.source_of(&s.id))),
        extra.join(", ")
    );
    let _ = writeln!(out, "      \"{}\"", shown(&s.text));
    evidence_lines(out, st, r, s, "      ");
}

/// How the source was named, the sentence, the note: what a reader checks.
fn evidence_lines(out: &mut impl Write, st: &Styles, r: &Report, s: &Statement, indent: &str) {
    if let Some(m) = &s.source_mention
        && m != r.source_of(&s.id)
    {
        let _ = writeln!(out, "{indent}{} \"{}\"", paint(st.dim, "as named:"), shown(m));
    }
    if let Some(q) = &s.quote
        && q != &s.text
    {
        let _ = writeln!(out, "{indent}{} \"{}\"", paint(st.dim, "sentence:"), shown(q));
    }
    if let Some(n) = &s.note {
        let _ = writeln!(out, "{indent}{} {}", paint(st.dim, "note:"), shown(n));
    }
}

/// The evidence of every statement the report mentions.
fn statements_section(out: &mut impl Write, st: &Styles, r: &Report) {
    let _ = writeln!(out, "\n{}", paint(st.heading, "Statements"));
    if r.statements.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for v in &r.statements {
        let s = r.by_id(v.id);
        let mut what = vec![s.kind.as_str().to_string()];
        if let Some(c) = &s.cue {
            what.push(format!("cue \"{}\"", shown(c)));
        }
        let location = r.location(s);
        if !location.is_empty() {
            what.push(shown(&location));
        }
        let _ = writeln!(
            out,
            "  {} {} [{}]: {}",
            paint(st.id, v.id),
            paint(st.source, &shown(v.source_name)),
            what.join(", "),
            shown(&s.text)
        );
        evidence_lines(out, st, r, s, "    ");
    }
}

/// Text for the terminal: control characters (escape sequences, bidi
/// controls, line breaks) are shown escaped, never sent to the terminal.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
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
