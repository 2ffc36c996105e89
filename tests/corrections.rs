//! Corrections that stick: extract → correct → analyse, with a corrections
//! file that replaces, removes and adds (tests/fixtures/corrections/).

mod common;

use common::{fixture, run};
use serde_json::Value;

const ARTICLE: &str = "tests/fixtures/articles/en-border-clash.txt";
const FIXES: &str = "tests/fixtures/corrections/en-border-clash.fixes.json";

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

fn ids(set: &Value) -> Vec<String> {
    set["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn extracted_ids_are_stable() {
    let first = run(&["extract", ARTICLE]);
    let second = run(&["extract", ARTICLE]);
    assert_eq!(first.code, 0);
    assert_eq!(first.stdout, second.stdout, "same article, same statement file");
    let ids = ids(&json(&first.stdout));
    assert_eq!(ids[0], "en-border-clash/s1");
    assert!(ids.contains(&"en-border-clash/s17".to_string()));
}

#[test]
fn extract_correct_analyse() {
    // Extract: the ids the corrections file names are there.
    let extracted = json(&run(&["extract", ARTICLE]).stdout);
    let extracted_ids = ids(&extracted);
    for id in ["en-border-clash/s5", "en-border-clash/s6", "en-border-clash/s14"] {
        assert!(extracted_ids.contains(&id.to_string()), "{id}");
    }

    // Correct: the corrected statement file.
    let corrected = run(&["extract", ARTICLE, FIXES]);
    assert_eq!(corrected.code, 0, "{}", corrected.stderr);
    let set = json(&corrected.stdout);
    let got = ids(&set);
    assert!(!got.contains(&"en-border-clash/s5".to_string()), "removed");
    assert!(!got.contains(&"en-border-clash/s14".to_string()), "removed");
    assert!(got.contains(&"fc-1".to_string()), "added");
    assert_eq!(got.len(), extracted_ids.len() - 2 + 1);
    // The replacement stays in place and keeps the evidence it does not restate.
    let s6 = &set["statements"][got.iter().position(|i| i == "en-border-clash/s6").unwrap()];
    let at = |id: &str| got.iter().position(|i| i == id);
    assert_eq!(
        at("en-border-clash/s6"),
        at("en-border-clash/s4").map(|i| i + 1),
        "in place"
    );
    assert_eq!(s6["text"], "its troops had crossed the line of control");
    assert_eq!(s6["cue"], "denied");
    assert_eq!(s6["article"], "en-border-clash");
    assert!(s6["quote"].as_str().unwrap().starts_with("China denied"));
    assert!(s6["note"].as_str().unwrap().starts_with("the extraction kept"));
    assert!(set.get("remove").is_none(), "the remove list is applied, not copied");
    let relations = set["relations"].as_array().unwrap();
    let pair = |f: &str, t: &str| {
        relations
            .iter()
            .filter(|r| r["from"] == f && r["to"] == t)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(
        pair("en-border-clash/s5", "en-border-clash/s2").is_empty(),
        "with its statement"
    );
    assert!(
        pair("en-border-clash/s7", "en-border-clash/s4").is_empty(),
        "removed relation"
    );
    assert_eq!(pair("en-border-clash/s8", "en-border-clash/s4")[0]["confidence"], 0.8);
    assert_eq!(pair("fc-1", "en-border-clash/s17")[0]["type"], "supports");

    // What changed is told once per change, at its place in the file.
    let notes: Vec<&str> = corrected.stderr.lines().filter(|l| l.starts_with("note: ")).collect();
    assert_eq!(notes.len(), 7, "{}", corrected.stderr);
    assert!(notes[0].contains(&format!(
        "{FIXES}:3:6: replaces statement \"en-border-clash/s6\" (extracted from {ARTICLE}): the extraction kept"
    )));
    assert!(
        corrected
            .stderr
            .contains("removes statement \"en-border-clash/s5\" and 0 relations: ")
    );
    assert!(
        corrected
            .stderr
            .contains("replaces relation \"en-border-clash/s8\" denies \"en-border-clash/s4\"")
    );
    assert!(
        corrected
            .stderr
            .contains("adds statement \"fc-1\": from the foreign ministry's map")
    );

    // Analyse: the report is the corrected one; the hand-written source is China.
    let report = run(&["analyze", ARTICLE, FIXES, "-f", "json"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    let r = json(&report.stdout);
    assert_eq!(r["summary"]["statements"], got.len());
    let china = |r: &Value| {
        r["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "china")
            .unwrap()["statements"]
            .as_u64()
            .unwrap()
    };
    let before = json(&run(&["analyze", ARTICLE, "-f", "json"]).stdout);
    assert_eq!(china(&r), china(&before) + 1, "\"Trung Quốc\" is China");
    assert!(!report.stdout.contains("\"en-border-clash/s5\""));
    let text = run(&["analyze", ARTICLE, FIXES]).stdout;
    assert!(
        text.contains("\"its troops had crossed the line of control\""),
        "{text}"
    );
    assert!(!text.contains("\"an Indian patrol\""), "{text}");
}

#[test]
fn an_article_with_its_own_statement_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.json");
    let out = out.to_str().unwrap();
    assert_eq!(run(&["extract", ARTICLE, "-o", out]).code, 0);
    let alone = run(&["analyze", ARTICLE]);
    let both = run(&["analyze", ARTICLE, out]);
    assert_eq!(both.code, 0, "{}", both.stderr);
    assert_eq!(both.stderr, "", "no duplicate ids, nothing to note");
    assert_eq!(alone.stdout, both.stdout);
}

#[test]
fn ids_it_cannot_find_are_named_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let fixes = dir.path().join("fixes.json");
    std::fs::write(
        &fixes,
        r#"{
  "statements": [],
  "relations": [{"from": "en-border-clash/s4", "to": "en-border-clash/s14", "type": "supports"}],
  "remove": [
    {"statement": "en-border-clash/s14"},
    {"statement": "en-border-clash/s71"},
    {"from": "en-border-clash/s1", "to": "en-border-clash/s2"}
  ]
}
"#,
    )
    .unwrap();
    let f = fixes.to_str().unwrap();
    let r = run(&["analyze", ARTICLE, f]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!(
        "{f}:6:6: cannot remove statement \"en-border-clash/s71\": no statement of that id was loaded before this file (did you mean"
    )), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{f}:7:6: cannot remove the relation from \"en-border-clash/s1\" to \"en-border-clash/s2\""
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!(
            "{f}:3:48: relation 1 refers to statement \"en-border-clash/s14\", which is removed"
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn hand_written_sources_resolve_through_the_gazetteer() {
    let r = run(&[
        "analyze",
        fixture("corrections/thailand-names.json").to_str().unwrap(),
        "-f",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report = json(&r.stdout);
    let actors = report["actors"].as_array().unwrap();
    let thailand: Vec<_> = actors.iter().filter(|a| a["name"] == "Thailand").collect();
    assert_eq!(thailand.len(), 1, "{actors:?}");
    assert_eq!(thailand[0]["statements"], 3);
}
