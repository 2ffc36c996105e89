//! `claimgraph extract` and `analyze` on articles: formats, bad input,
//! determinism.

mod common;
use common::run;
use serde_json::Value;

fn extract(args: &[&str]) -> (Value, common::Run) {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    let r = run(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (serde_json::from_str(&r.stdout).expect("extract writes JSON"), r)
}

#[test]
fn crlf_bom_nbsp_nfd_and_zero_width_give_the_same_statements() {
    let texts = |f: &str| -> Vec<(String, Value)> {
        let (v, _) = extract(&[&format!("tests/fixtures/inputs/{f}")]);
        v["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["text"].as_str().unwrap().to_string(), s["source"].clone()))
            .collect()
    };
    let base = texts("crlf.txt");
    assert_eq!(base.len(), 3, "{base:?}");
    assert_eq!(base[0].1, "russia");
    for f in ["bom-nbsp.txt", "nfd.txt", "zero-width.txt"] {
        assert_eq!(texts(f), base, "{f}");
    }
}

#[test]
fn spans_point_into_the_original_file() {
    for f in ["crlf.txt", "bom-nbsp.txt", "nfd.txt"] {
        let path = format!("tests/fixtures/inputs/{f}");
        let original: Vec<char> = std::fs::read_to_string(&path).unwrap().chars().collect();
        let (v, _) = extract(&[&path]);
        let s = &v["statements"][0];
        let [a, b] = [
            s["span"][0].as_u64().unwrap() as usize,
            s["span"][1].as_u64().unwrap() as usize,
        ];
        let slice: String = original[a..b].iter().collect();
        use unicode_normalization::UnicodeNormalization;
        assert_eq!(
            slice.nfc().collect::<String>().replace('\u{a0}', " "),
            s["text"].as_str().unwrap(),
            "{f}"
        );
    }
}

#[test]
fn binary_file_is_an_error_naming_it() {
    let r = run(&["extract", "tests/fixtures/inputs/binary.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("tests/fixtures/inputs/binary.txt") && r.stderr.contains("binary"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8_names_file_and_byte_or_is_replaced_with_lossy() {
    let r = run(&["extract", "tests/fixtures/inputs/invalid-utf8.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("tests/fixtures/inputs/invalid-utf8.txt:1:17: invalid UTF-8 at byte 18"),
        "{}",
        r.stderr
    );
    let (v, r) = extract(&["tests/fixtures/inputs/invalid-utf8.txt", "--lossy"]);
    assert!(
        r.stderr.contains("warning:") && r.stderr.contains("replaced"),
        "{}",
        r.stderr
    );
    assert_eq!(v["statements"].as_array().unwrap().len(), 1);
}

#[test]
fn empty_article_warns_and_gives_no_statements() {
    for f in ["empty.txt", "blank.txt"] {
        let (v, r) = extract(&[&format!("tests/fixtures/inputs/{f}")]);
        assert!(r.stderr.contains("warning:") && r.stderr.contains(f), "{}", r.stderr);
        assert!(v["statements"].as_array().unwrap().is_empty());
    }
}

#[test]
fn several_problems_across_files_are_reported_together() {
    let r = run(&[
        "extract",
        "tests/fixtures/inputs/binary.txt",
        "tests/fixtures/inputs/invalid-en.txt",
        "tests/fixtures/nope.txt",
    ]);
    assert_eq!(r.code, 2);
    for f in ["binary.txt", "invalid-en.txt", "nope.txt"] {
        assert!(r.stderr.contains(f), "{f} missing: {}", r.stderr);
    }
}

#[test]
fn extract_output_loads_back_as_a_statement_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds.json");
    let r = run(&["extract", "data/articles/vi/", "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&["analyze", out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["summary"]["contradictions"].as_u64().unwrap() >= 3);
}

#[test]
fn articles_and_statement_files_mix() {
    // A hand-written correction beside an article: its relation points at an extracted statement.
    let dir = tempfile::tempdir().unwrap();
    let fix = dir.path().join("fix.json");
    std::fs::write(
        &fix,
        r#"{"statements":[{"id":"fix/1","source":"Armenia","text":"Moscow never left the agreement"}],
            "relations":[{"from":"fix/1","to":"crlf/s2","type":"supports","reason":"checked by hand"}]}"#,
    )
    .unwrap();
    let r = run(&[
        "analyze",
        "tests/fixtures/inputs/crlf.txt",
        fix.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["summary"]["statements"], 4);
}

#[test]
fn language_override_and_bundled_articles_run() {
    let (v, _) = extract(&["data/articles/", "--lang", "vi"]);
    assert!(v["statements"].as_array().unwrap().len() > 30);
    assert!(v["articles"].as_array().unwrap().iter().all(|a| a["language"] == "vi"));
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let once = |threads: &str| {
        let out = common::bin()
            .args([
                "extract",
                "data/articles/vi/",
                "tests/fixtures/articles/en-border-clash.txt",
                "tests/fixtures/articles/vi-dam-dispute.txt",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let one = once("1");
    assert_eq!(one, once("2"));
    assert_eq!(one, once("1"));
    let report = |threads: &str| {
        common::bin()
            .args(["analyze", "data/articles/vi/", "--format", "json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(report("1"), report("2"));
}

#[test]
fn user_lexicon_and_actors_extend_the_bundled_ones() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("lex.json");
    std::fs::write(&lex, r#"{"language":"en","cues":[{"cue":"mused","kind":"claim"}]}"#).unwrap();
    let actors = dir.path().join("actors.json");
    std::fs::write(
        &actors,
        r#"{"actors":[{"id":"nordland","name":"Nordland","aliases":["Nordish"],"kind":"country"}]}"#,
    )
    .unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(&art, "Nordland mused that the river would flood.\n").unwrap();
    let r = run(&[
        "extract",
        art.to_str().unwrap(),
        "--lexicon",
        lex.to_str().unwrap(),
        "--actors",
        actors.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["statements"][0]["source"], "nordland");
    assert_eq!(v["statements"][0]["cue"], "mused");
    // A broken lexicon is an input error naming the file.
    std::fs::write(&lex, "{\"language\": \"xx\"}").unwrap();
    let r = run(&["extract", art.to_str().unwrap(), "--lexicon", lex.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("lex.json") && r.stderr.contains("unknown lexicon language"),
        "{}",
        r.stderr
    );
}
