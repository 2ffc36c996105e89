//! The shell's conventions: `-` for standard input and output, exit codes,
//! messages said once, examples in `--help`.

mod common;

use common::{bin, fixture, run};
use std::io::Write;
use std::process::Stdio;

/// Runs the binary with `stdin` piped in.
fn run_with_stdin(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = bin()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // The binary may refuse before reading: a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), out.stdout, stderr)
}

fn article() -> std::path::PathBuf {
    fixture("articles/en-border-clash.txt")
}

#[test]
fn an_article_piped_through_dash_both_ways() {
    let text = std::fs::read(article()).unwrap();
    let (code, json, stderr) = run_with_stdin(&["extract", "-", "-o", "-"], &text);
    assert_eq!(code, 0, "{stderr}");
    let set: serde_json::Value = serde_json::from_slice(&json).expect("a statement file on stdout");
    assert_eq!(set["articles"][0]["id"], "stdin");
    assert_eq!(set["articles"][0]["path"], "<stdin>");
    assert!(set["statements"].as_array().unwrap().len() > 5);
    assert!(!std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists());

    // The statement file read back from standard input gives the same report as the article.
    let (code, from_file, stderr) = run_with_stdin(&["analyze", "-", "-f", "json", "-o", "-"], &json);
    assert_eq!(code, 0, "{stderr}");
    let (code, from_article, _) = run_with_stdin(&["analyze", "-", "-f", "json"], &text);
    assert_eq!(code, 0);
    assert_eq!(from_file, from_article);
}

#[test]
fn dash_problems_are_named_and_exit_2() {
    let (code, _, stderr) = run_with_stdin(&["analyze", "-", "-"], b"x");
    assert_eq!(code, 2);
    assert!(stderr.contains("only once"), "{stderr}");
    let (code, _, stderr) = run_with_stdin(&["analyze", "-"], br#"{"statements": [{"id": "a"}]}"#);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("<stdin>:1:17: a statement has no \"text\" field"),
        "{stderr}"
    );
}

#[test]
fn render_to_standard_output_needs_a_format() {
    let a = article();
    let r = run(&["render", a.to_str().unwrap(), "-o", "-"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("needs --format"), "{}", r.stderr);
    let r = run(&["render", a.to_str().unwrap(), "-o", "-", "-f", "dot"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("digraph"));
}

#[test]
fn bad_arguments_exit_2() {
    let a = article();
    let a = a.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for (args, says) in [
        (
            vec!["render", a, "-o", &out("x.foo")],
            "cannot tell the format from the name",
        ),
        (
            vec!["render", a, "-o", &out("x.pdf"), "--engine", "builtin"],
            "the builtin engine draws SVG and PNG only",
        ),
        (vec!["analyze", a, "--format", "yaml"], "invalid value"),
        (vec!["analyze"], "required"),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains("not on PATH"), "{}", r.stderr);
    }
}

#[test]
fn output_errors_are_said_once_without_the_temporary_name() {
    let a = article();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let r = run(&["extract", a.to_str().unwrap(), "-o", d]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.trim(), format!("error: cannot write {d}: it is a directory"));
    let missing = format!("{d}/no/such/dir/out.json");
    let r = run(&["extract", a.to_str().unwrap(), "-o", &missing]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches(&missing).count(), 1, "{}", r.stderr);
    assert!(!r.stderr.contains(".claimgraph-"), "{}", r.stderr);
}

#[test]
fn help_shows_examples_and_exit_codes() {
    for cmd in ["extract", "analyze", "render"] {
        let r = run(&[cmd, "--help"]);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("Examples:"), "{cmd}: {}", r.stdout);
        assert!(r.stdout.contains(&format!("claimgraph {cmd} ")), "{cmd}");
        assert!(r.stdout.contains("Exit codes:"), "{cmd}");
    }
}

#[test]
fn summaries_say_one_article() {
    let a = article();
    let r = run(&["analyze", a.to_str().unwrap(), "-f", "markdown"]);
    assert!(r.stdout.contains("from 1 article, "), "{}", r.stdout);
    assert!(!r.stdout.contains("(s)"), "{}", r.stdout);
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        for word in ["analyze", "extract", "render", "engine"] {
            assert!(r.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    let bash = run(&["completions", "bash"]).stdout;
    assert!(bash.contains("complete -F _claimgraph"), "{bash}");
    // The script is valid bash.
    if let Ok(mut child) = std::process::Command::new("bash")
        .args(["-n"])
        .stdin(Stdio::piped())
        .spawn()
    {
        child.stdin.take().unwrap().write_all(bash.as_bytes()).unwrap();
        assert!(child.wait().unwrap().success(), "bash -n accepts the script");
    }
    let r = run(&["completions", "tcsh"]);
    assert_eq!(r.code, 2);
}

#[test]
fn man_pages() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(".TH claimgraph 1"), "{}", r.stdout);
    assert!(r.stdout.contains("claimgraph\\-analyze(1)"), "{}", r.stdout);
    let dir = tempfile::tempdir().unwrap();
    let r = run(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "claimgraph-analyze.1",
            "claimgraph-completions.1",
            "claimgraph-extract.1",
            "claimgraph-link.1",
            "claimgraph-man.1",
            "claimgraph-render.1",
            "claimgraph.1"
        ]
    );
    let analyze = std::fs::read_to_string(dir.path().join("claimgraph-analyze.1")).unwrap();
    assert!(
        analyze.contains("Examples:") && analyze.contains("\\-\\-format"),
        "{analyze}"
    );
    let r = run(&["man", "--dir", "/no/such/dir"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("/no/such/dir: no such directory"), "{}", r.stderr);
}
