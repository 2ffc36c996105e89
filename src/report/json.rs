//! The JSON report, streamed: the same bytes as serialising a full
//! [`Report`], but each contradiction and inconsistency is made into its
//! view (path, explanation) only when it is written, so `--list-all` over a
//! million of them never holds them all as views.

use super::Report;
use crate::analysis::Analysis;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::cell::Cell;

/// Writes the pretty JSON report of `report` (built without its
/// contradictions and inconsistencies) and `analysis`, newline-terminated.
pub(super) fn write(report: &Report, analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Streamed { report, analysis })?;
    out.write_all(b"\n")
}

struct Streamed<'r, 'a> {
    report: &'r Report<'a>,
    analysis: &'r Analysis,
}

/// A sequence written from an iterator made when it is serialised.
struct Seq<I>(Cell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Seq<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.take() {
            Some(items) => serializer.collect_seq(items),
            None => serializer.collect_seq(std::iter::empty::<T>()),
        }
    }
}

fn seq<I>(items: I) -> Seq<I> {
    Seq(Cell::new(Some(items)))
}

impl Serialize for Streamed<'_, '_> {
    /// The fields, their order and their omissions are those of `Report`'s
    /// derived `Serialize` (a test compares the bytes).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (r, a) = (self.report, self.analysis);
        let mut m = serializer.serialize_struct("Report", 11)?;
        m.serialize_field("format", &r.format)?;
        m.serialize_field("summary", &r.summary)?;
        m.serialize_field(
            "contradictions",
            &seq(a.contradictions.iter().map(|c| r.contradiction(c))),
        )?;
        if r.direct_summaries.is_empty() {
            m.skip_field("direct_summaries")?;
        } else {
            m.serialize_field("direct_summaries", &r.direct_summaries)?;
        }
        if r.derived_summaries.is_empty() {
            m.skip_field("derived_summaries")?;
        } else {
            m.serialize_field("derived_summaries", &r.derived_summaries)?;
        }
        m.serialize_field("sides", &r.sides)?;
        m.serialize_field("contested", &r.contested)?;
        m.serialize_field("actors", &r.actors)?;
        m.serialize_field(
            "inconsistencies",
            &seq(a.inconsistencies.iter().map(|i| r.inconsistency(i))),
        )?;
        if r.inconsistency_summaries.is_empty() {
            m.skip_field("inconsistency_summaries")?;
        } else {
            m.serialize_field("inconsistency_summaries", &r.inconsistency_summaries)?;
        }
        m.serialize_field("statements", &r.statements)?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Listing, analyze_listing};
    use crate::graph::ClaimGraph;
    use crate::model::{Relation, RelationType, Statement, StatementSet};

    #[test]
    fn streamed_json_is_the_full_reports_bytes() {
        let mut set = StatementSet::default();
        for i in 0..8 {
            set.statements.push(Statement::new(
                format!("s{i}"),
                Some(format!("actor {}", i % 3)),
                format!("t{i}"),
            ));
        }
        let rels = [
            (0, 1, RelationType::Supports),
            (2, 1, RelationType::Denies),
            (3, 2, RelationType::Supports),
            (4, 0, RelationType::Disputes),
            (5, 4, RelationType::Supports),
            (0, 5, RelationType::Supports),
            (6, 7, RelationType::Denies),
        ];
        for (a, b, kind) in rels {
            set.relations.push(Relation {
                from: format!("s{a}"),
                to: format!("s{b}"),
                kind,
                confidence: Some(0.5),
                reason: Some("r".into()),
            });
        }
        let graph = ClaimGraph::build(set);
        for listing in [
            Listing::all(),
            Listing::default(),
            Listing {
                per_group: Some(1),
                total: Some(1),
                ..Listing::default()
            },
        ] {
            let analysis = analyze_listing(&graph, listing);
            let full = Report::new(&graph, &analysis).to_json();
            let mut streamed = Vec::new();
            write(&Report::without_lists(&graph, &analysis), &analysis, &mut streamed).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), full, "{listing:?}");
            assert!(full.contains("\"inconsistencies\": [\n    {"), "{full}");
        }
    }
}
