//! Reports of an analysis: text (terminal), Markdown and JSON.
//!
//! [`Report`] is the one view of an [`Analysis`] that every format renders:
//! statement indices become ids, derivations become explanations. Its serde
//! form is the JSON report (documented in docs/report-format.md); the text
//! and Markdown renderers read the same struct, so the three never disagree.

mod json;
mod markdown;
mod text;

use crate::analysis::{Analysis, Camp, Contradiction, DerivedSummary, DirectSummary, SideGroup};
use crate::graph::ClaimGraph;
use crate::model::Statement;
use serde::Serialize;

/// The format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// Options of the text report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// ANSI colours and bold.
    pub color: bool,
}

/// Renders a report in the given format into a string.
pub fn render(graph: &ClaimGraph, analysis: &Analysis, format: Format, options: TextOptions) -> String {
    let mut out = Vec::new();
    render_to(graph, analysis, format, options, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// Renders a report in the given format into a writer (streamed: a large
/// report is never held in memory as one string).
pub fn render_to(
    graph: &ClaimGraph,
    analysis: &Analysis,
    format: Format,
    options: TextOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => with_fmt(out, |w| text::render(&Report::new(graph, analysis), options, w)),
        Format::Markdown => with_fmt(out, |w| markdown::render(&Report::new(graph, analysis), w)),
        // The contradictions and inconsistencies are made one at a time as
        // they are written (a million of them are never all held as views).
        Format::Json => json::write(&Report::without_lists(graph, analysis), analysis, out),
    }
}

/// Lets the renderers use `write!` (fmt::Write) on an io::Write, keeping the
/// first io error.
struct FmtAdapter<'w> {
    inner: &'w mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl std::fmt::Write for FmtAdapter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.error.is_some() {
            return Err(std::fmt::Error);
        }
        self.inner.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}

fn with_fmt(out: &mut dyn std::io::Write, f: impl FnOnce(&mut FmtAdapter)) -> std::io::Result<()> {
    let mut w = FmtAdapter {
        inner: out,
        error: None,
    };
    f(&mut w);
    match w.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The JSON `format` value of a report.
pub const REPORT_FORMAT: &str = "claimgraph-report/1";

/// The view of an analysis that all formats render.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub format: &'static str,
    pub summary: SummaryView,
    pub contradictions: Vec<ContradictionView<'a>>,
    /// Dispute groups whose direct contradictions were not all listed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub direct_summaries: Vec<DirectSummaryView<'a>>,
    /// Dispute groups whose derived contradictions were not all listed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derived_summaries: Vec<DerivedSummaryView<'a>>,
    pub sides: Vec<SideView<'a>>,
    pub contested: Vec<ContestedView<'a>>,
    pub actors: Vec<ActorView<'a>>,
    pub inconsistencies: Vec<InconsistencyView<'a>>,
    /// Dispute groups whose inconsistencies were not all listed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inconsistency_summaries: Vec<InconsistencySummaryView>,
    /// Every statement the report mentions, with its evidence, in input order:
    /// the report is readable without the statement file.
    pub statements: Vec<StatementView<'a>>,
    #[serde(skip)]
    pub graph: &'a ClaimGraph,
    /// What the analysis listed in full.
    #[serde(skip)]
    pub listing: crate::analysis::Listing,
    /// Article id → its file.
    #[serde(skip)]
    article_paths: std::collections::HashMap<&'a str, &'a str>,
}

/// A statement with its evidence: who said it as the article named them,
/// the cue, and the sentence with its article and line.
#[derive(Debug, Serialize)]
pub struct StatementView<'a> {
    pub id: &'a str,
    /// The actor id it resolved to (null for narration).
    pub source: Option<&'a str>,
    /// The actor's name (or "narration").
    pub source_name: &'a str,
    /// The source's words as written.
    pub source_mention: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub kind: &'static str,
    pub text: &'a str,
    pub target: Option<&'a str>,
    pub via: &'a [String],
    pub implicit: bool,
    /// The article id, its file, the line where the text starts (from 1) and
    /// the sentence number (from 1).
    pub article: Option<&'a str>,
    pub path: Option<&'a str>,
    pub line: Option<usize>,
    pub sentence: Option<u128>,
    /// The whole sentence the statement came from.
    pub quote: Option<&'a str>,
    /// Why a person corrected or added it.
    pub note: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct SummaryView {
    pub articles: usize,
    pub statements: usize,
    pub narration: usize,
    pub implicit: usize,
    pub actors: usize,
    pub relations: usize,
    pub supports: usize,
    pub disputes: usize,
    pub denies: usize,
    pub contradictions: usize,
    pub direct: usize,
    pub derived: usize,
    #[serde(rename = "self")]
    pub self_contradictions: usize,
    /// Derived contradictions counted but not listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub derived_not_listed: usize,
    /// Direct contradictions (and self-contradictions found directly) counted but not listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub direct_not_listed: usize,
    pub groups: usize,
    pub inconsistencies: usize,
    /// Inconsistent relations counted but not listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub inconsistencies_not_listed: usize,
    /// Contested statements counted but not listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub contested_not_listed: usize,
    /// Statements of the camps (`sides`) not listed there.
    #[serde(skip_serializing_if = "is_zero")]
    pub side_statements_not_listed: usize,
}

impl SummaryView {
    /// What the report counted but did not list: (count, what, the flag that lists them).
    pub fn not_listed(&self) -> Vec<(usize, &'static str, &'static str)> {
        [
            (self.direct_not_listed, "direct contradictions", "--list-all"),
            (self.derived_not_listed, "derived contradictions", "--all-derived"),
            (self.inconsistencies_not_listed, "inconsistent relations", "--list-all"),
            (self.contested_not_listed, "contested statements", "--list-all"),
            (self.side_statements_not_listed, "statements of the camps", "--list-all"),
        ]
        .into_iter()
        .filter(|x| x.0 > 0)
        .collect()
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The derived contradictions of one dispute group, when there were too many
/// to list: how many, and one of them as an example.
#[derive(Debug, Serialize)]
pub struct DerivedSummaryView<'a> {
    /// The dispute group: its camp A against its camp B.
    pub group: Option<usize>,
    /// Distinct pairs found; a lower bound when `complete` is false.
    pub count: usize,
    /// False when counting stopped (see docs/limits.md).
    pub complete: bool,
    /// How many are in `contradictions`.
    pub listed: usize,
    /// The most listed per group (`--all-derived` lists them all).
    pub limit: usize,
    /// Position (1-based) of the example in `contradictions`.
    pub example_number: Option<usize>,
    /// One of them, with its path.
    pub example: Option<ContradictionView<'a>>,
}

/// The direct contradictions of one dispute group, when there were too many
/// to list: how many, and the group's first as an example.
#[derive(Debug, Serialize)]
pub struct DirectSummaryView<'a> {
    /// The dispute group: its camp A against its camp B.
    pub group: Option<usize>,
    /// Pairs of its statements related by a dispute or a denial.
    pub count: usize,
    /// How many are in `contradictions`.
    pub listed: usize,
    /// Position (1-based) of the example in `contradictions`.
    pub example_number: Option<usize>,
    /// One of them, with its relation.
    pub example: Option<ContradictionView<'a>>,
}

/// The inconsistent relations of one dispute group, when there were too
/// many to list.
#[derive(Debug, Serialize)]
pub struct InconsistencySummaryView {
    pub group: usize,
    /// Relations of the group no split into two camps can satisfy.
    pub count: usize,
    /// How many are in `inconsistencies`.
    pub listed: usize,
}

/// One relation on a derivation path or an inconsistency chain.
#[derive(Debug, Clone, Serialize)]
pub struct StepView<'a> {
    #[serde(skip)]
    pub from_index: usize,
    #[serde(skip)]
    pub to_index: usize,
    pub from: &'a str,
    pub to: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub confidence: f64,
    pub reason: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ContradictionView<'a> {
    pub a: &'a str,
    pub b: &'a str,
    /// direct | derived | self
    pub kind: &'static str,
    /// For `self`: whether it was found through a derivation.
    pub derived: bool,
    /// The negative relation at the core: disputes | denies.
    pub relation: &'static str,
    pub confidence: f64,
    pub group: Option<usize>,
    pub path: Vec<StepView<'a>>,
    pub explanation: String,
}

#[derive(Debug, Serialize)]
pub struct ActorCount<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct SideView<'a> {
    pub group: usize,
    pub camp: &'static str,
    /// Statements in the camp.
    pub count: usize,
    /// The first of them (all of them unless the listing is bounded).
    pub statements: Vec<&'a str>,
    pub actors: Vec<ActorCount<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ContestedView<'a> {
    pub statement: &'a str,
    pub supporters: Vec<&'a str>,
    pub opponents: Vec<&'a str>,
    pub score: f64,
}

#[derive(Debug, Serialize)]
pub struct ActorView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub statements: usize,
    pub supports: Vec<ActorCount<'a>>,
    pub disputes: Vec<ActorCount<'a>>,
    pub denies: Vec<ActorCount<'a>>,
}

#[derive(Debug, Serialize)]
pub struct InconsistencyView<'a> {
    pub from: &'a str,
    pub to: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub confidence: f64,
    pub reason: &'a str,
    pub group: usize,
    pub chain: Vec<StepView<'a>>,
    pub explanation: String,
}

/// Rounds to three decimals, so reports do not show float noise.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl<'a> Report<'a> {
    /// Builds the view.
    pub fn new(graph: &'a ClaimGraph, analysis: &Analysis) -> Report<'a> {
        Report::build(graph, analysis, true)
    }

    /// The view without its contradictions and inconsistencies (the lists
    /// that grow with the input), which the JSON writer makes as it goes.
    pub(super) fn without_lists(graph: &'a ClaimGraph, analysis: &Analysis) -> Report<'a> {
        Report::build(graph, analysis, false)
    }

    fn build(graph: &'a ClaimGraph, analysis: &Analysis, lists: bool) -> Report<'a> {
        let s = &analysis.summary;
        let summary = SummaryView {
            articles: s.articles,
            statements: s.statements,
            narration: s.narration,
            implicit: s.implicit,
            actors: s.actors,
            relations: s.relations,
            supports: s.supports,
            disputes: s.disputes,
            denies: s.denies,
            contradictions: analysis.contradictions.len(),
            direct: s.direct,
            derived: s.derived,
            self_contradictions: s.self_contradictions,
            derived_not_listed: s.derived_not_listed,
            direct_not_listed: s.direct_not_listed,
            groups: analysis.sides.len(),
            inconsistencies: analysis.inconsistencies.len(),
            inconsistencies_not_listed: s.inconsistencies_not_listed,
            contested_not_listed: s.contested_not_listed,
            side_statements_not_listed: 0,
        };
        let report = Report {
            format: REPORT_FORMAT,
            summary,
            contradictions: Vec::new(),
            direct_summaries: Vec::new(),
            derived_summaries: Vec::new(),
            sides: Vec::new(),
            contested: Vec::new(),
            actors: Vec::new(),
            inconsistencies: Vec::new(),
            inconsistency_summaries: analysis
                .inconsistency_summaries
                .iter()
                .map(|i| InconsistencySummaryView {
                    group: i.group,
                    count: i.count,
                    listed: i.listed,
                })
                .collect(),
            statements: Vec::new(),
            graph,
            listing: analysis.listing,
            article_paths: graph
                .set()
                .articles
                .iter()
                .filter_map(|a| Some((a.id.as_str(), a.path.as_deref()?)))
                .collect(),
        };
        report.fill(analysis, lists)
    }

    fn fill(mut self, analysis: &Analysis, lists: bool) -> Self {
        let graph = self.graph;
        if lists {
            self.contradictions = analysis.contradictions.iter().map(|c| self.contradiction(c)).collect();
        }
        self.direct_summaries = analysis
            .direct_summaries
            .iter()
            .map(|d| self.direct_summary(d, analysis))
            .collect();
        self.derived_summaries = analysis
            .derived_summaries
            .iter()
            .map(|d| self.derived_summary(d, analysis))
            .collect();
        let mut listed = 0;
        for g in &analysis.sides {
            for side in self.side(g, analysis.listing, &mut listed) {
                self.summary.side_statements_not_listed += side.count - side.statements.len();
                self.sides.push(side);
            }
        }
        self.contested = analysis
            .contested
            .iter()
            .map(|c| ContestedView {
                statement: self.id(c.statement),
                supporters: c.supporters.iter().map(|&x| self.id(x)).collect(),
                opponents: c.opponents.iter().map(|&x| self.id(x)).collect(),
                score: round3(c.score),
            })
            .collect();
        self.actors = analysis
            .actors
            .iter()
            .map(|a| {
                let actor = &graph.actors()[a.actor];
                let pick = |f: fn(&crate::analysis::StanceCount) -> usize| {
                    a.towards
                        .iter()
                        .filter(|(_, c)| f(c) > 0)
                        .map(|(other, c)| self.actor_count(*other, f(c)))
                        .collect()
                };
                ActorView {
                    id: &actor.id,
                    name: &actor.name,
                    statements: a.statements,
                    supports: pick(|c| c.supports),
                    disputes: pick(|c| c.disputes),
                    denies: pick(|c| c.denies),
                }
            })
            .collect();
        if lists {
            self.inconsistencies = analysis.inconsistencies.iter().map(|i| self.inconsistency(i)).collect();
        }
        self.statements = self
            .mentioned(analysis)
            .into_iter()
            .map(|i| self.statement_view(i))
            .collect();
        self
    }

    pub(super) fn inconsistency(&self, i: &crate::analysis::Inconsistency) -> InconsistencyView<'a> {
        let r = &self.graph.relations()[i.relation];
        let step = self.step(i.relation);
        let chain: Vec<StepView> = i.chain.iter().map(|&x| self.step(x)).collect();
        let explanation = if chain.is_empty() {
            format!(
                "{} cannot hold together with the stronger relations of group {}",
                self.describe_step(&step),
                i.group
            )
        } else {
            format!(
                "{}, but stronger relations place them {}: {}",
                self.describe_step(&step),
                if r.kind.is_negative() {
                    "on the same side"
                } else {
                    "on opposite sides"
                },
                chain
                    .iter()
                    .map(|s| self.describe_step(s))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        };
        InconsistencyView {
            from: step.from,
            to: step.to,
            kind: step.kind,
            confidence: step.confidence,
            reason: step.reason,
            group: i.group,
            chain,
            explanation,
        }
    }

    /// The indices of every statement the report mentions, in input order:
    /// the ends of the contradictions, inconsistencies and the relations on
    /// their paths (from the analysis: their views may not be built), the
    /// statements listed in the camps, the contested statements.
    fn mentioned(&self, analysis: &Analysis) -> Vec<usize> {
        let mut seen = vec![false; self.graph.statements().len()];
        let mut relation = |r: usize| {
            if let Some((a, b)) = self.graph.relation_ends(r) {
                seen[a] = true;
                seen[b] = true;
            }
        };
        for c in &analysis.contradictions {
            c.path.iter().for_each(|&r| relation(r));
        }
        for i in &analysis.inconsistencies {
            relation(i.relation);
            i.chain.iter().for_each(|&r| relation(r));
        }
        for c in &analysis.contradictions {
            seen[c.a] = true;
            seen[c.b] = true;
        }
        let mut ids: Vec<&str> = Vec::new();
        for side in &self.sides {
            ids.extend(side.statements.iter().copied());
        }
        for c in &self.contested {
            ids.push(c.statement);
            ids.extend(c.supporters.iter().chain(&c.opponents).copied());
        }
        for id in ids {
            if let Some(i) = self.graph.index_of(id) {
                seen[i] = true;
            }
        }
        (0..seen.len()).filter(|&i| seen[i]).collect()
    }

    fn statement_view(&self, index: usize) -> StatementView<'a> {
        let graph = self.graph;
        let s = &graph.statements()[index];
        StatementView {
            id: &s.id,
            source: graph.actor_of(index).map(|a| graph.actors()[a].id.as_str()),
            source_name: graph.source_name(index),
            source_mention: s.source_mention.as_deref(),
            cue: s.cue.as_deref(),
            kind: s.kind.as_str(),
            text: &s.text,
            target: s.target.as_deref(),
            via: &s.via,
            implicit: s.implicit,
            article: s.article.as_deref(),
            path: self.article_path(s),
            line: s.line,
            // u128: "sentence": 2^64 − 1 is sentence 2^64, not 0.
            sentence: s.sentence.map(|n| n as u128 + 1),
            quote: s.quote.as_deref(),
            note: s.note.as_deref(),
        }
    }

    /// The file of a statement's article, when the set knows it.
    pub fn article_path(&self, s: &Statement) -> Option<&'a str> {
        self.article_paths.get(s.article.as_deref()?).copied()
    }

    /// Where a statement is: "FILE:LINE, sentence N" (the article's file and
    /// line when known, else its id), or "".
    pub fn location(&self, s: &Statement) -> String {
        let place = match (self.article_path(s), s.line) {
            (Some(path), Some(line)) => Some(format!("{path}:{line}")),
            (Some(path), None) => Some(path.to_string()),
            (None, _) => s.article.clone(),
        };
        match (place, s.sentence) {
            (Some(p), Some(n)) => format!("{p}, sentence {}", n as u128 + 1),
            (Some(p), None) => p,
            (None, Some(n)) => format!("sentence {}", n as u128 + 1),
            (None, None) => String::new(),
        }
    }

    /// The statement at an index.
    pub fn statement(&self, index: usize) -> &'a Statement {
        &self.graph.statements()[index]
    }

    /// The statement with an id (ids in a report always exist).
    pub fn by_id(&self, id: &str) -> &'a Statement {
        self.statement(self.graph.index_of(id).expect("report ids come from the graph"))
    }

    fn id(&self, index: usize) -> &'a str {
        &self.graph.statements()[index].id
    }

    /// "Source name" of a statement by id.
    pub fn source_of(&self, id: &str) -> &'a str {
        self.graph.source_name(self.graph.index_of(id).unwrap_or(0))
    }

    fn actor_count(&self, actor: usize, count: usize) -> ActorCount<'a> {
        let a = &self.graph.actors()[actor];
        ActorCount {
            id: &a.id,
            name: &a.name,
            count,
        }
    }

    fn step(&self, relation: usize) -> StepView<'a> {
        let r = &self.graph.relations()[relation];
        let (from_index, to_index) = self.graph.relation_ends(relation).unwrap_or_default();
        StepView {
            from_index,
            to_index,
            from: &r.from,
            to: &r.to,
            kind: r.kind.as_str(),
            confidence: round3(r.confidence_or_default()),
            reason: r.reason_or_default(),
        }
    }

    /// "s2 (Armenia) denies s1 (Azerbaijan)".
    pub fn describe_step(&self, s: &StepView) -> String {
        format!(
            "{} ({}) {} {} ({})",
            s.from,
            self.graph.source_name(s.from_index),
            s.kind,
            s.to,
            self.graph.source_name(s.to_index)
        )
    }

    pub(super) fn contradiction(&self, c: &Contradiction) -> ContradictionView<'a> {
        let path: Vec<StepView> = c.path.iter().map(|&r| self.step(r)).collect();
        let (a, b) = (self.id(c.a), self.id(c.b));
        let explanation = if c.derived {
            let steps = path
                .iter()
                .map(|s| self.describe_step(s))
                .collect::<Vec<_>>()
                .join("; ");
            format!(
                "{steps}; so {a} ({}) and {b} ({}) cannot both hold",
                self.graph.source_name(c.a),
                self.graph.source_name(c.b)
            )
        } else {
            format!("{}: {}", self.describe_step(&path[0]), path[0].reason)
        };
        ContradictionView {
            a,
            b,
            kind: c.kind.as_str(),
            derived: c.derived,
            relation: c.relation.as_str(),
            confidence: round3(c.confidence),
            group: c.group,
            path,
            explanation,
        }
    }

    fn direct_summary(&self, d: &DirectSummary, analysis: &Analysis) -> DirectSummaryView<'a> {
        DirectSummaryView {
            group: d.group,
            count: d.count,
            listed: d.listed,
            example_number: d.example.map(|e| e + 1),
            example: d.example.map(|e| self.contradiction(&analysis.contradictions[e])),
        }
    }

    fn derived_summary(&self, d: &DerivedSummary, analysis: &Analysis) -> DerivedSummaryView<'a> {
        DerivedSummaryView {
            group: d.group,
            count: d.count,
            complete: d.complete,
            listed: d.listed,
            limit: crate::analysis::DERIVED_LIMIT,
            example_number: d.example.map(|e| e + 1),
            example: d.example.map(|e| self.contradiction(&analysis.contradictions[e])),
        }
    }

    /// The two camps of a group, each listing its statements as `listing`
    /// says (`listed`: statements of camps listed so far).
    fn side(&self, g: &SideGroup, listing: crate::analysis::Listing, listed: &mut usize) -> [SideView<'a>; 2] {
        let mut camp = |camp: Camp, statements: &[usize], actors: &[(usize, usize)]| {
            let mut shown = 0;
            while shown < statements.len() && listing.lists(shown, *listed) {
                shown += 1;
                *listed += 1;
            }
            SideView {
                group: g.id,
                camp: camp.as_str(),
                count: statements.len(),
                statements: statements[..shown].iter().map(|&s| self.id(s)).collect(),
                actors: actors.iter().map(|&(a, n)| self.actor_count(a, n)).collect(),
            }
        };
        [
            camp(Camp::A, &g.camp_a, &g.actors_a),
            camp(Camp::B, &g.camp_b, &g.actors_b),
        ]
    }

    /// The JSON report (pretty, newline-terminated).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a report always serialises");
        s.push('\n');
        s
    }

    /// "article, sentence N" for a statement (1-based sentence), or "".
    pub fn origin(&self, s: &Statement) -> String {
        match (&s.article, s.sentence) {
            // u128: "sentence": 2^64 − 1 is sentence 2^64, not 0.
            (Some(a), Some(n)) => format!("{a}, sentence {}", n as u128 + 1),
            (Some(a), None) => a.clone(),
            (None, Some(n)) => format!("sentence {}", n as u128 + 1),
            (None, None) => String::new(),
        }
    }
}
