//! The Markdown report: the text report as a document a journalist can paste.

use super::Report;
use super::text::{actor_list, more_statements, summary_blocks};
use crate::error::is_hidden_control;
use crate::model::Statement;
use std::fmt::Write;

/// Escapes characters that Markdown would read as markup: every inline
/// markup character anywhere, what would start a block (list, heading) at
/// the start, line breaks as spaces and invisible controls shown as
/// `\u{…}` (see [`crate::error::visible`]).
pub fn escape(text: &str) -> String {
    // Leading spaces would make an indented code block after "> ".
    let text = text.trim_start_matches([' ', '\t', '\n', '\r']);
    let mut out = String::with_capacity(text.len());
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if is_hidden_control(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// An id as a code span that no id can close early: fenced with more
/// backticks than its longest run of them (padded when it starts or ends
/// with one), line breaks as spaces, invisible controls shown as `\u{…}`.
pub fn code(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| match c {
            '\n' | '\r' => " ".to_string(),
            c if is_hidden_control(c) => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect();
    let (mut run, mut longest) = (0, 0);
    for c in id.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if id.starts_with(['`', ' ']) || id.ends_with(['`', ' ']) {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{id}{pad}{fence}")
}

pub(super) fn render(r: &Report, out: &mut impl Write) {
    let s = &r.summary;
    let _ = writeln!(out, "# Claim graph report\n");
    let _ = writeln!(
        out,
        "- **{}** statements ({} narration, {} implicit) from {} article{}, {} actor{}",
        s.statements,
        s.narration,
        s.implicit,
        s.articles,
        plural(s.articles),
        s.actors,
        plural(s.actors)
    );
    let _ = writeln!(
        out,
        "- **{}** relations: {} supports, {} disputes, {} denies",
        s.relations, s.supports, s.disputes, s.denies
    );
    let _ = writeln!(
        out,
        "- **{}** contradictions ({} direct, {} derived, {} self) in {} dispute group{}; {} inconsistent relation{}",
        s.contradictions,
        s.direct,
        s.derived,
        s.self_contradictions,
        s.groups,
        plural(s.groups),
        s.inconsistencies,
        plural(s.inconsistencies)
    );
    for (n, what, flag) in s.not_listed() {
        let _ = writeln!(out, "- **{n}** more {what} counted, not listed (`{flag}` lists them)");
    }

    let _ = writeln!(out, "\n## Contradictions\n");
    if r.contradictions.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for (i, c) in r.contradictions.iter().enumerate() {
        let group = c.group.map(|g| format!(", group {g}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "### {}. {} — {} (confidence {}{group})\n",
            i + 1,
            c.kind,
            c.relation,
            c.confidence
        );
        statement(out, r, r.by_id(c.a));
        statement(out, r, r.by_id(c.b));
        if c.derived {
            let _ = writeln!(out, "Why:\n");
            for step in &c.path {
                let _ = writeln!(out, "1. {}: {}", escape(&r.describe_step(step)), escape(step.reason));
            }
            let _ = writeln!(out);
        } else {
            let _ = writeln!(out, "Why: {}\n", escape(c.path[0].reason));
        }
    }

    for block in summary_blocks(r) {
        let _ = writeln!(out, "{}\n", escape(block[0].trim()));
        for line in &block[1..] {
            let _ = writeln!(out, "- {}", escape(line.trim()));
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## Sides\n");
    if r.sides.is_empty() {
        let _ = writeln!(out, "No disputes.\n");
    }
    for side in &r.sides {
        if side.camp == "A" {
            let _ = writeln!(out, "### Group {}\n", side.group);
        }
        let _ = writeln!(
            out,
            "**Camp {}**: {}\n",
            side.camp,
            escape(&actor_list(&side.actors, "no named source"))
        );
        for id in &side.statements {
            let _ = writeln!(
                out,
                "- {} **{}**: {}",
                code(id),
                escape(r.source_of(id)),
                escape(&r.by_id(id).text)
            );
        }
        if let Some(line) = more_statements(side) {
            let _ = writeln!(out, "- {}", escape(&line));
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## Contested statements\n");
    if r.contested.is_empty() {
        let _ = writeln!(out, "None.\n");
    }
    for (i, c) in r.contested.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} **{}**: {} — supported by {}; opposed by {}",
            i + 1,
            code(c.statement),
            escape(r.source_of(c.statement)),
            escape(&r.by_id(c.statement).text),
            c.supporters.iter().map(|x| code(x)).collect::<Vec<_>>().join(", "),
            c.opponents.iter().map(|x| code(x)).collect::<Vec<_>>().join(", ")
        );
    }
    if !r.contested.is_empty() {
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## Actors\n");
    let _ = writeln!(out, "| Actor | Statements | Supports | Disputes | Denies |");
    let _ = writeln!(out, "| --- | ---: | --- | --- | --- |");
    for a in &r.actors {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(a.name),
            a.statements,
            escape(&actor_list(&a.supports, "")),
            escape(&actor_list(&a.disputes, "")),
            escape(&actor_list(&a.denies, ""))
        );
    }

    if !r.inconsistencies.is_empty() {
        let _ = writeln!(out, "\n## Inconsistencies\n");
        for i in &r.inconsistencies {
            let _ = writeln!(out, "- {}", escape(&i.explanation));
        }
    }

    statements_section(out, r);
}

/// "s" unless there is exactly one.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn statement(out: &mut impl Write, r: &Report, s: &Statement) {
    let mut extra = vec![s.kind.as_str().to_string()];
    if s.implicit {
        extra.insert(0, "implicit".into());
    }
    if let Some(c) = &s.cue {
        extra.push(format!("cue “{}”", escape(c)));
    }
    let origin = r.location(s);
    if !origin.is_empty() {
        extra.push(escape(&origin));
    }
    let _ = writeln!(
        out,
        "> {} **{}** ({})  \n> {}",
        code(&s.id),
        escape(r.source_of(&s.id)),
        extra.join(", "),
        escape(&s.text)
    );
    for line in evidence(r, s) {
        let _ = writeln!(out, ">  \n> {line}");
    }
    let _ = writeln!(out);
}

/// How the source was named, the sentence and the note, as Markdown lines.
fn evidence(r: &Report, s: &Statement) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(m) = &s.source_mention
        && m != r.source_of(&s.id)
    {
        lines.push(format!("*as named:* “{}”", escape(m)));
    }
    if let Some(q) = &s.quote
        && q != &s.text
    {
        lines.push(format!("*sentence:* “{}”", escape(q)));
    }
    if let Some(n) = &s.note {
        lines.push(format!("*note:* {}", escape(n)));
    }
    lines
}

/// The evidence of every statement the report mentions.
fn statements_section(out: &mut impl Write, r: &Report) {
    let _ = writeln!(out, "\n## Statements\n");
    if r.statements.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for v in &r.statements {
        let s = r.by_id(v.id);
        let mut what = vec![s.kind.as_str().to_string()];
        if let Some(c) = &s.cue {
            what.push(format!("cue “{}”", escape(c)));
        }
        let location = r.location(s);
        if !location.is_empty() {
            what.push(escape(&location));
        }
        let _ = writeln!(
            out,
            "- {} **{}** ({}): {}",
            code(v.id),
            escape(v.source_name),
            what.join(", "),
            escape(&s.text)
        );
        for line in evidence(r, s) {
            let _ = writeln!(out, "  - {line}");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_markup() {
        assert_eq!(super::escape("a|b *c*\nd"), "a\\|b \\*c\\*  d".replace("  ", " "));
        assert_eq!(
            super::escape("- 12. ~x~ $y$ ![i](u) &lt;"),
            "\\- 12. \\~x\\~ \\$y\\$ \\!\\[i\\](u) \\&lt;"
        );
        assert_eq!(super::escape("12. x"), "12\\. x");
        assert_eq!(super::escape("\n    - code?"), "\\- code?");
        assert_eq!(super::escape("a\u{1b}[2J\u{202e}"), "a\\u{1b}\\[2J\\u{202e}");
    }

    #[test]
    fn ids_cannot_close_their_code_span() {
        assert_eq!(super::code("s1"), "`s1`");
        assert_eq!(
            super::code("a`<img src=x onerror=alert(1)>"),
            "``a`<img src=x onerror=alert(1)>``"
        );
        assert_eq!(super::code("`x``"), "``` `x`` ```");
        assert_eq!(super::code("a\nb\u{7}"), "`a b\\u{7}`");
    }
}
