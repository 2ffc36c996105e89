//! Reports of an analysis: text (terminal), Markdown and JSON.
//!
//! [`Report`] is the one view of an [`Analysis`] that every format renders:
//! statement indices become ids, derivations become explanations. Its serde
//! form is the JSON report (documented in docs/report-format.md); the text
//! and Markdown renderers read the same struct, so the three never disagree.

mod markdown;
mod text;

use crate::analysis::{Analysis, Camp, Contradiction, SideGroup};
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

/// Renders a report in the given format.
pub fn render(
    graph: &ClaimGraph,
    analysis: &Analysis,
    format: Format,
    options: TextOptions,
) -> String {
    let report = Report::new(graph, analysis);
    match format {
        Format::Text => text::render(&report, options),
        Format::Markdown => markdown::render(&report),
        Format::Json => report.to_json(),
    }
}

/// The JSON `format` value of a report.
pub const REPORT_FORMAT: &str = "claimgraph-report/1";

/// The view of an analysis that all formats render.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub format: &'static str,
    pub summary: SummaryView,
    pub contradictions: Vec<ContradictionView>,
    pub sides: Vec<SideView>,
    pub contested: Vec<ContestedView>,
    pub actors: Vec<ActorView>,
    pub inconsistencies: Vec<InconsistencyView>,
    #[serde(skip)]
    pub graph: &'a ClaimGraph,
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
    pub groups: usize,
    pub inconsistencies: usize,
}

/// One relation on a derivation path or an inconsistency chain.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub from: String,
    pub to: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub confidence: f64,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct ContradictionView {
    pub a: String,
    pub b: String,
    /// direct | derived | self
    pub kind: &'static str,
    /// For `self`: whether it was found through a derivation.
    pub derived: bool,
    /// The negative relation at the core: disputes | denies.
    pub relation: &'static str,
    pub confidence: f64,
    pub group: Option<usize>,
    pub path: Vec<StepView>,
    pub explanation: String,
}

#[derive(Debug, Serialize)]
pub struct ActorCount {
    pub id: String,
    pub name: String,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct SideView {
    pub group: usize,
    pub camp: &'static str,
    pub statements: Vec<String>,
    pub actors: Vec<ActorCount>,
}

#[derive(Debug, Serialize)]
pub struct ContestedView {
    pub statement: String,
    pub supporters: Vec<String>,
    pub opponents: Vec<String>,
    pub score: f64,
}

#[derive(Debug, Serialize)]
pub struct ActorView {
    pub id: String,
    pub name: String,
    pub statements: usize,
    pub supports: Vec<ActorCount>,
    pub disputes: Vec<ActorCount>,
    pub denies: Vec<ActorCount>,
}

#[derive(Debug, Serialize)]
pub struct InconsistencyView {
    pub from: String,
    pub to: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub confidence: f64,
    pub reason: String,
    pub group: usize,
    pub chain: Vec<StepView>,
    pub explanation: String,
}

/// Rounds to three decimals, so reports do not show float noise.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl<'a> Report<'a> {
    /// Builds the view.
    pub fn new(graph: &'a ClaimGraph, analysis: &Analysis) -> Report<'a> {
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
            groups: analysis.sides.len(),
            inconsistencies: analysis.inconsistencies.len(),
        };
        let report = Report {
            format: REPORT_FORMAT,
            summary,
            contradictions: Vec::new(),
            sides: Vec::new(),
            contested: Vec::new(),
            actors: Vec::new(),
            inconsistencies: Vec::new(),
            graph,
        };
        report.fill(analysis)
    }

    fn fill(mut self, analysis: &Analysis) -> Self {
        self.contradictions = analysis
            .contradictions
            .iter()
            .map(|c| self.contradiction(c))
            .collect();
        self.sides = analysis.sides.iter().flat_map(|g| self.side(g)).collect();
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
                let actor = &self.graph.actors()[a.actor];
                let pick = |f: fn(&crate::analysis::StanceCount) -> usize| {
                    a.towards
                        .iter()
                        .filter(|(_, c)| f(c) > 0)
                        .map(|(other, c)| self.actor_count(*other, f(c)))
                        .collect()
                };
                ActorView {
                    id: actor.id.clone(),
                    name: actor.name.clone(),
                    statements: a.statements,
                    supports: pick(|c| c.supports),
                    disputes: pick(|c| c.disputes),
                    denies: pick(|c| c.denies),
                }
            })
            .collect();
        self.inconsistencies = analysis
            .inconsistencies
            .iter()
            .map(|i| {
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
                    from: step.from.clone(),
                    to: step.to.clone(),
                    kind: step.kind,
                    confidence: step.confidence,
                    reason: step.reason,
                    group: i.group,
                    chain,
                    explanation,
                }
            })
            .collect();
        self
    }

    /// The statement at an index.
    pub fn statement(&self, index: usize) -> &Statement {
        &self.graph.statements()[index]
    }

    /// The statement with an id (ids in a report always exist).
    pub fn by_id(&self, id: &str) -> &Statement {
        self.statement(
            self.graph
                .index_of(id)
                .expect("report ids come from the graph"),
        )
    }

    fn id(&self, index: usize) -> String {
        self.statement(index).id.clone()
    }

    /// "Source name" of a statement by id.
    pub fn source_of(&self, id: &str) -> &str {
        self.graph.source_name(self.graph.index_of(id).unwrap_or(0))
    }

    fn actor_count(&self, actor: usize, count: usize) -> ActorCount {
        let a = &self.graph.actors()[actor];
        ActorCount {
            id: a.id.clone(),
            name: a.name.clone(),
            count,
        }
    }

    fn step(&self, relation: usize) -> StepView {
        let r = &self.graph.relations()[relation];
        StepView {
            from: r.from.clone(),
            to: r.to.clone(),
            kind: r.kind.as_str(),
            confidence: round3(r.confidence_or_default()),
            reason: r.reason_or_default().to_string(),
        }
    }

    /// "s2 (Armenia) denies s1 (Azerbaijan)".
    pub fn describe_step(&self, s: &StepView) -> String {
        format!(
            "{} ({}) {} {} ({})",
            s.from,
            self.source_of(&s.from),
            s.kind,
            s.to,
            self.source_of(&s.to)
        )
    }

    fn contradiction(&self, c: &Contradiction) -> ContradictionView {
        let path: Vec<StepView> = c.path.iter().map(|&r| self.step(r)).collect();
        let (a, b) = (self.id(c.a), self.id(c.b));
        let explanation = if c.derived {
            let steps = path
                .iter()
                .map(|s| format!("{} (because: {})", self.describe_step(s), s.reason))
                .collect::<Vec<_>>()
                .join("; ");
            format!(
                "{steps}; so {a} ({}) and {b} ({}) cannot both hold",
                self.source_of(&a),
                self.source_of(&b)
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

    fn side(&self, g: &SideGroup) -> [SideView; 2] {
        let camp = |camp: Camp, statements: &[usize], actors: &[(usize, usize)]| SideView {
            group: g.id,
            camp: camp.as_str(),
            statements: statements.iter().map(|&s| self.id(s)).collect(),
            actors: actors
                .iter()
                .map(|&(a, n)| self.actor_count(a, n))
                .collect(),
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
            (Some(a), Some(n)) => format!("{a}, sentence {}", n + 1),
            (Some(a), None) => a.clone(),
            (None, Some(n)) => format!("sentence {}", n + 1),
            (None, None) => String::new(),
        }
    }
}
