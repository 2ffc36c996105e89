//! Shards: extracting a crawl in two parts (`extract --format shard`) and
//! linking them (`claimgraph link`) gives the statement file of one run.

mod common;

use common::{fixture, run};
use std::path::Path;

/// The fixture articles (.txt), split in two directories; the second also
/// holds a copy of one article of the first under the same file name (its
/// article id must become `STEM-2`, as in one run), with other words.
fn two_parts(dir: &Path) -> (String, String) {
    let mut articles: Vec<_> = std::fs::read_dir(fixture("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    assert!(articles.len() >= 6, "fixture articles: {articles:?}");
    let (a, b) = (dir.join("part1"), dir.join("part2"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let half = articles.len() / 2;
    for (i, p) in articles.iter().enumerate() {
        let to = if i < half { &a } else { &b };
        std::fs::copy(p, to.join(p.file_name().unwrap())).unwrap();
    }
    let first = &articles[0];
    let text = std::fs::read_to_string(first).unwrap();
    std::fs::write(
        b.join(first.file_name().unwrap()),
        text.replace("said", "stated").replace("nói", "cho biết"),
    )
    .unwrap();
    (a.to_str().unwrap().to_string(), b.to_str().unwrap().to_string())
}

#[test]
fn two_shards_linked_give_the_statement_file_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_parts(dir.path());
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let (one, s1, s2, linked) = (path("one.json"), path("1.jsonl"), path("2.jsonl"), path("linked.json"));
    for args in [
        vec!["extract", &a, &b, "-o", &one],
        vec!["extract", &a, "--format", "shard", "-o", &s1],
        vec!["extract", &b, "--format", "shard", "-o", &s2, "--threads", "1"],
        vec!["link", &s1, &s2, "-o", &linked],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    let (one, linked) = (std::fs::read(&one).unwrap(), std::fs::read(&linked).unwrap());
    assert!(
        String::from_utf8_lossy(&one).contains("/s1\""),
        "the run found statements"
    );
    assert!(one == linked, "the linked shards differ from one run");
    // One line per article after the header.
    let shard = std::fs::read_to_string(&s1).unwrap();
    assert!(shard.starts_with(claimgraph::shard::HEADER));
    let articles = std::fs::read_dir(&a).unwrap().count();
    assert_eq!(shard.lines().count(), articles + 1);
}

#[test]
fn a_file_that_is_not_a_shard_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"statements\": []}\n").unwrap();
    let r = run(&["link", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("bad.jsonl") && r.stderr.contains("not a claimgraph shard"),
        "{}",
        r.stderr
    );

    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, format!("{}\n{{\"article\": 3}}\n", claimgraph::shard::HEADER)).unwrap();
    let r = run(&["link", broken.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("broken.jsonl:2:1"), "{}", r.stderr);
}

#[test]
fn a_shard_holds_articles_only() {
    let dir = tempfile::tempdir().unwrap();
    let statements = fixture("statements");
    let any_json = std::fs::read_dir(&statements)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let out = dir.path().join("s.jsonl");
    let r = run(&[
        "extract",
        any_json.to_str().unwrap(),
        "--format",
        "shard",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("a shard holds articles only"), "{}", r.stderr);
    assert!(!out.exists());
}
