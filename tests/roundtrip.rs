//! Property: load → save → load gives the same set and the same graph.

use claimgraph::model::{Kind, Relation, RelationType, Statement, StatementSet};
use claimgraph::{ClaimGraph, statement_file};
use proptest::prelude::*;
use std::path::Path;

fn text() -> impl Strategy<Value = String> {
    // Any characters, including quotes, backslashes, braces and Vietnamese;
    // ends in a letter so it is never blank.
    "[ -~À-ỹ\u{300}-\u{36f}\n\t]{0,30}[a-zđ]"
}

fn statement(i: usize) -> impl Strategy<Value = Statement> {
    (
        prop::option::of(prop::sample::select(vec![
            "Azerbaijan",
            "armenia",
            "Bộ Quốc phòng Nga",
            "AP",
        ])),
        text(),
        prop::sample::select(Kind::ALL.to_vec()),
        prop::option::of(text()),
        prop::option::of(0usize..50),
        prop::option::of((0usize..1000, 0usize..1000)),
        any::<bool>(),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(move |(source, text, kind, cue, sentence, span, implicit, via)| {
            let mut s = Statement::new(format!("s{i}"), source.map(str::to_string), text);
            s.kind = kind;
            s.cue = cue;
            s.sentence = sentence;
            s.span = span.map(|(a, b)| [a.min(b), a.max(b)]);
            s.implicit = implicit;
            s.via = via;
            s
        })
}

fn set() -> impl Strategy<Value = StatementSet> {
    (1usize..12).prop_flat_map(|n| {
        let statements = (0..n).map(statement).collect::<Vec<_>>();
        let relations = prop::collection::vec(
            (
                0..n,
                0..n,
                prop::sample::select(RelationType::ALL.to_vec()),
                prop::option::of(0.0f64..=1.0),
                prop::option::of(text()),
            ),
            0..20,
        );
        (statements, relations).prop_map(|(statements, rels)| {
            let relations = rels
                .into_iter()
                .filter(|(a, b, ..)| a != b)
                .map(|(a, b, kind, confidence, reason)| Relation {
                    from: format!("s{a}"),
                    to: format!("s{b}"),
                    kind,
                    confidence,
                    reason,
                })
                .collect();
            StatementSet {
                statements,
                relations,
                ..StatementSet::default()
            }
        })
    })
}

proptest! {
    #[test]
    fn load_save_load_is_identity(set in set()) {
        let json = set.to_json();
        let first = statement_file::parse(Path::new("a.json"), &json).expect("saved file loads");
        prop_assert_eq!(&first.set, &set);
        let again = statement_file::parse(Path::new("b.json"), &first.set.to_json()).unwrap();
        prop_assert_eq!(&again.set, &set);
        let (g1, g2) = (ClaimGraph::build(set), ClaimGraph::build(again.set));
        prop_assert_eq!(g1.edges(), g2.edges());
        prop_assert_eq!(g1.actors(), g2.actors());
    }

    #[test]
    fn loader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = statement_file::parse_bytes(Path::new("x.json"), &bytes);
    }
}
