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

/// More articles than one chunk of the streamed shard ([`claimgraph::SHARD_CHUNK`]).
fn many_articles(dir: &Path, n: usize) -> String {
    let d = dir.join("many");
    std::fs::create_dir_all(&d).unwrap();
    for i in 0..n {
        let text = if i % 2 == 0 {
            format!("Ông Minh {i} nói rằng cây cầu số {i} đã sập vì lũ.\nBộ Giao thông bác bỏ thông tin này.\n")
        } else {
            format!("The mayor of Town {i} said the bridge number {i} collapsed in the flood.\n")
        };
        std::fs::write(d.join(format!("a{i:04}.txt")), text).unwrap();
    }
    d.to_str().unwrap().to_string()
}

#[test]
fn a_shard_of_many_chunks_is_one_run_written_as_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let many = many_articles(dir.path(), claimgraph::SHARD_CHUNK + 40);
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let (one, shard, linked) = (path("one.json"), path("s.jsonl"), path("linked.json"));
    for args in [
        vec!["extract", &many, "-o", &one],
        vec!["extract", &many, "--format", "shard", "-o", &shard],
        vec!["link", &shard, "-o", &linked],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    let text = std::fs::read_to_string(&shard).unwrap();
    assert_eq!(text.lines().count(), claimgraph::SHARD_CHUNK + 41);
    assert!(std::fs::read(&one).unwrap() == std::fs::read(&linked).unwrap());
}

#[test]
fn a_problem_in_a_later_chunk_leaves_no_shard() {
    let dir = tempfile::tempdir().unwrap();
    let many = many_articles(dir.path(), claimgraph::SHARD_CHUNK + 10);
    // Invalid UTF-8 in the last article, past the first chunk.
    std::fs::write(Path::new(&many).join("z-bad.txt"), b"Bad \xff text.\n").unwrap();
    let out = dir.path().join("s.jsonl");
    let r = run(&["extract", &many, "--format", "shard", "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("z-bad.txt"), "{}", r.stderr);
    assert!(!out.exists(), "a half-written shard was left");
    // To standard output, nothing at all when the first chunk has the problem.
    std::fs::write(Path::new(&many).join("a0000.txt"), b"\xff").unwrap();
    let r = run(&["extract", &many, "--format", "shard"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}
