//! `claimgraph analyze` on statement files: reports, merging, bad input.

mod common;
use common::run;

const DISPUTE: &str = "tests/fixtures/statements/dispute.json";

#[test]
fn text_report_snapshot() {
    let r = run(&["analyze", DISPUTE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("text", r.stdout);
}

#[test]
fn markdown_report_snapshot() {
    let r = run(&["analyze", DISPUTE, "--format", "markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("markdown", r.stdout);
}

#[test]
fn json_report_snapshot_and_shape() {
    let r = run(&["analyze", DISPUTE, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    for key in ["contradictions", "sides", "contested", "actors", "inconsistencies"] {
        assert!(v[key].is_array(), "missing {key}");
    }
    let c = &v["contradictions"][0];
    for key in ["a", "b", "kind", "relation", "path", "explanation"] {
        assert!(!c[key].is_null(), "contradiction lacks {key}");
    }
    assert!(v["sides"][0]["statements"].is_array() && v["sides"][0]["actors"].is_array());
    insta::assert_snapshot!("json", r.stdout);
}

#[test]
fn contradictions_cover_direct_derived_and_self() {
    let r = run(&["analyze", DISPUTE, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let kinds: Vec<(&str, &str, &str)> = v["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["a"].as_str().unwrap(),
                c["b"].as_str().unwrap(),
                c["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(kinds.contains(&("s2", "s1", "direct")));
    // s3 backs s1, which s2 denies: derived.
    assert!(kinds.contains(&("s3", "s2", "derived")));
    // s5 (north) backs s1; s4 (south) disputes it.
    assert!(kinds.contains(&("s5", "s4", "derived")));
    // s7 is Northland too ("the north" is an alias), and disputes s1.
    assert!(kinds.contains(&("s7", "s1", "self")));
    // Same pair never twice.
    let mut pairs: Vec<_> = kinds
        .iter()
        .map(|(a, b, _)| if a < b { (a, b) } else { (b, a) })
        .collect();
    let n = pairs.len();
    pairs.sort();
    pairs.dedup();
    assert_eq!(n, pairs.len());
}

#[test]
fn output_is_deterministic() {
    for format in ["text", "markdown", "json"] {
        let a = run(&["analyze", DISPUTE, "--format", format]).stdout;
        let b = run(&["analyze", DISPUTE, "--format", format]).stdout;
        assert_eq!(a, b, "{format} differs between runs");
    }
}

#[test]
fn several_files_merge_and_relate_across() {
    let r = run(&[
        "analyze",
        DISPUTE,
        "tests/fixtures/statements/extra.json",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["summary"]["statements"], 8);
    assert!(
        v["contradictions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["a"] == "x1" && c["b"] == "s3")
    );
}

#[test]
fn output_file_is_written_atomically_and_kept_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let out_s = out.to_str().unwrap();
    let r = run(&["analyze", DISPUTE, "-f", "markdown", "-o", out_s]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let before = std::fs::read_to_string(&out).unwrap();
    assert!(before.starts_with("# Claim graph report"));
    // A failing run leaves the existing report untouched.
    let r = run(&["analyze", "tests/fixtures/bad/syntax.json", "-o", out_s]);
    assert_eq!(r.code, 2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn unwritable_output_is_exit_1_naming_the_path() {
    let r = run(&["analyze", DISPUTE, "-o", "/no/such/dir/report.txt"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("/no/such/dir/report.txt"), "{}", r.stderr);
}

#[test]
fn bundled_example_analyses() {
    let r = run(&["analyze", "data/examples/"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("contradictions"));
}

/// (fixture, expected fragments of the message, expected line:column or "")
const BAD: &[(&str, &[&str], &str)] = &[
    ("syntax.json", &["invalid JSON", "trailing comma"], ":3:45:"),
    (
        "misspelt-field.json",
        &["unknown field \"sorce\"", "did you mean \"source\""],
        ":3:30:",
    ),
    (
        "wrong-types.json",
        &[
            "\"id\" must be a string",
            "\"text\" must be a string",
            "\"sentence\" must be a whole number",
            "\"implicit\" must be true or false",
        ],
        ":3:6:",
    ),
    (
        "duplicate-id.json",
        &["duplicate statement id \"a\"", "first defined at"],
        ":4:6:",
    ),
    ("unknown-id.json", &["unknown statement \"b\""], ":6:19:"),
    ("self-relation.json", &["relates statement \"a\" to itself"], ":6:19:"),
    ("unknown-kind.json", &["unknown kind \"rumour\""], ":3:46:"),
    ("unknown-type.json", &["unknown relation type \"refutes\""], ":7:30:"),
    ("empty.json", &["empty"], ""),
    ("not-object.json", &["top level is a list"], ":1:1:"),
    ("invalid-utf8.json", &["invalid UTF-8 at byte"], ":3:29:"),
    ("deep.json", &["nested too deeply"], ":1:"),
    (
        "several.json",
        &[
            "unknown kind \"claimm\"",
            "unknown field \"extra\"",
            "\"confidence\" must be between 0 and 1",
        ],
        "",
    ),
];

#[test]
fn every_bad_input_is_exit_2_with_file_and_position() {
    for (file, fragments, pos) in BAD {
        let path = format!("tests/fixtures/bad/{file}");
        let r = run(&["analyze", &path]);
        assert_eq!(r.code, 2, "{file}: exit code {} ({})", r.code, r.stderr);
        assert!(
            r.stderr.contains(&path),
            "{file}: message does not name the file: {}",
            r.stderr
        );
        for f in *fragments {
            assert!(r.stderr.contains(f), "{file}: message lacks {f:?}: {}", r.stderr);
        }
        if !pos.is_empty() {
            assert!(
                r.stderr.contains(&format!("{path}{pos}")),
                "{file}: expected position {pos}: {}",
                r.stderr
            );
        }
        assert!(r.stdout.is_empty(), "{file}: printed a report despite the error");
    }
}

#[test]
fn several_problems_in_one_file_are_reported_together() {
    let r = run(&["analyze", "tests/fixtures/bad/several.json"]);
    let lines = r.stderr.lines().filter(|l| l.contains("several.json:")).count();
    assert!(lines >= 3, "{}", r.stderr);
}

#[test]
fn an_id_given_again_in_a_later_file_replaces_it_naming_both_places() {
    let r = run(&[
        "analyze",
        "tests/fixtures/bad/dup-across-1.json",
        "tests/fixtures/bad/dup-across-2.json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("note: tests/fixtures/bad/dup-across-2.json:4:6: replaces statement \"a\" (given at tests/fixtures/bad/dup-across-1.json:3:6)"),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_file_and_directory_errors() {
    let r = run(&["analyze", "tests/fixtures/nope.json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("tests/fixtures/nope.json: no such file"),
        "{}",
        r.stderr
    );
}
