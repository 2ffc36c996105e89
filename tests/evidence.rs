//! Evidence in every report: each statement with its source as named, its
//! cue, and its sentence with article and line; the JSON report holds every
//! statement it mentions.

mod common;

use common::run;
use serde_json::Value;
use std::collections::BTreeSet;

const EVIDENCE: &str = "tests/fixtures/statements/evidence.json";

#[test]
fn text_report_with_evidence_snapshot() {
    let r = run(&["analyze", EVIDENCE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("evidence_text", r.stdout);
}

#[test]
fn markdown_report_with_evidence_snapshot() {
    let r = run(&["analyze", EVIDENCE, "-f", "markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("evidence_markdown", r.stdout);
}

#[test]
fn json_report_with_evidence_snapshot() {
    let r = run(&["analyze", EVIDENCE, "-f", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("evidence_json", r.stdout);
}

/// Every statement id anywhere in a JSON report.
fn mentioned(report: &Value) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut add = |v: &Value| {
        if let Some(s) = v.as_str() {
            ids.insert(s.to_string());
        }
    };
    for c in report["contradictions"].as_array().unwrap() {
        add(&c["a"]);
        add(&c["b"]);
        for p in c["path"].as_array().unwrap() {
            add(&p["from"]);
            add(&p["to"]);
        }
    }
    for s in report["sides"].as_array().unwrap() {
        s["statements"].as_array().unwrap().iter().for_each(&mut add);
    }
    for c in report["contested"].as_array().unwrap() {
        add(&c["statement"]);
        c["supporters"].as_array().unwrap().iter().for_each(&mut add);
        c["opponents"].as_array().unwrap().iter().for_each(&mut add);
    }
    for i in report["inconsistencies"].as_array().unwrap() {
        add(&i["from"]);
        add(&i["to"]);
    }
    ids
}

#[test]
fn the_json_report_of_an_article_is_self_contained_with_evidence() {
    let r = run(&["analyze", "tests/fixtures/articles/en-border-clash.txt", "-f", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let statements = report["statements"].as_array().unwrap();
    let held: BTreeSet<String> = statements
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    let wanted = mentioned(&report);
    assert!(!wanted.is_empty());
    assert_eq!(held, wanted, "the report holds exactly the statements it mentions");
    for s in statements {
        assert_eq!(s["path"], "tests/fixtures/articles/en-border-clash.txt", "{s}");
        assert!(s["line"].as_u64().unwrap() >= 1, "{s}");
        assert!(s["sentence"].as_u64().unwrap() >= 1, "{s}");
        assert!(!s["quote"].as_str().unwrap().is_empty(), "{s}");
        if !s["source"].is_null() && s["implicit"] == false {
            assert!(s["source_mention"].is_string(), "{s}");
            assert!(s["cue"].is_string(), "{s}");
        }
    }
    let s4 = statements.iter().find(|s| s["id"] == "en-border-clash/s4").unwrap();
    assert_eq!(s4["source_mention"], "India's defence ministry");
    assert_eq!(s4["line"], 5);
}

#[test]
fn text_and_markdown_show_the_evidence() {
    let article = "tests/fixtures/articles/en-border-clash.txt";
    for format in ["text", "markdown"] {
        let r = run(&["analyze", article, "-f", format]);
        assert_eq!(r.code, 0);
        assert!(
            r.stdout.contains("India's defence ministry"),
            "{format}: source as named"
        );
        assert!(
            r.stdout.contains(&format!("{article}:5, sentence 3")),
            "{format}: article and line"
        );
        assert!(
            r.stdout
                .contains("India's defence ministry said Chinese troops crossed the line of control"),
            "{format}: the sentence"
        );
        assert!(
            r.stdout.contains("cue \"said\"") || r.stdout.contains("cue “said”"),
            "{format}: cue"
        );
    }
}
