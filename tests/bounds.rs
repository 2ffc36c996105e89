//! Hostile shapes of input, generated here: every stage stays bounded, and
//! what it drops it says. (The time and memory these guard are measured by
//! scripts/bench-hostile.sh, never by a timed test.)

mod common;
use common::run;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A statement file: one statement `s` with `backers` supporters and
/// `deniers` deniers (a dense dispute: backers × deniers derived pairs).
pub fn dense_dispute(backers: usize, deniers: usize) -> String {
    let mut st = String::from(r#"{"id":"s","source":"Alpha","text":"the bridge was bombed"}"#);
    let mut rel = String::new();
    for i in 0..backers {
        let _ = write!(st, r#",{{"id":"b{i}","source":"Beta{}","text":"backing {i}"}}"#, i % 7);
        let _ = write!(
            rel,
            r#"{}{{"from":"b{i}","to":"s","type":"supports","confidence":0.9,"reason":"r"}}"#,
            if rel.is_empty() { "" } else { "," }
        );
    }
    for i in 0..deniers {
        let _ = write!(st, r#",{{"id":"d{i}","source":"Gamma{}","text":"denial {i}"}}"#, i % 5);
        let _ = write!(
            rel,
            r#"{}{{"from":"d{i}","to":"s","type":"denies","confidence":0.8,"reason":"r"}}"#,
            if rel.is_empty() { "" } else { "," }
        );
    }
    format!(r#"{{"statements":[{st}],"relations":[{rel}]}}"#)
}

fn write_temp(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn dense_dispute_is_summarised_not_enumerated() {
    let dir = tempfile::tempdir().unwrap();
    // 200 × 200: 40,000 derived pairs; at most 100 are listed.
    let f = write_temp(dir.path(), "dense.json", &dense_dispute(200, 200));
    let f = f.to_str().unwrap();
    let r = run(&["analyze", f, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let listed = v["contradictions"].as_array().unwrap().len();
    assert_eq!(listed, 100 + 100, "100 of 200 direct + 100 derived listed");
    assert_eq!(v["summary"]["derived_not_listed"], 40_000 - 100);
    assert_eq!(v["summary"]["direct_not_listed"], 100);
    let d = &v["direct_summaries"][0];
    assert_eq!(
        (d["group"].clone(), d["count"].clone(), d["listed"].clone()),
        (1.into(), 200.into(), 100.into())
    );
    assert_eq!(d["example_number"], 1);
    assert_eq!(d["example"]["kind"], "direct");
    // The camps list 100 statements each; the rest are counted.
    assert_eq!(
        v["sides"][0]["count"].as_u64().unwrap() + v["sides"][1]["count"].as_u64().unwrap(),
        401
    );
    assert_eq!(v["sides"][0]["statements"].as_array().unwrap().len(), 100);
    assert_eq!(v["summary"]["side_statements_not_listed"], 401 - 200);
    let d = &v["derived_summaries"][0];
    assert_eq!(d["count"], 40_000);
    assert_eq!(d["complete"], true);
    assert_eq!(d["listed"], 100);
    assert_eq!(d["limit"], 100);
    assert!(d["example"]["path"].as_array().unwrap().len() == 2, "{d}");

    let text = run(&["analyze", f]);
    assert!(
        text.stdout
            .contains("39900 more derived contradictions counted, not listed (--all-derived")
    );
    assert!(
        text.stdout
            .contains("group 1, camp A against camp B: 40000 derived contradictions, 100 listed; e.g. ["),
        "{}",
        &text.stdout[..2000]
    );
    let md = run(&["analyze", f, "--format", "markdown"]);
    assert!(md.stdout.contains("--all-derived"), "{}", &md.stdout[..2000]);
    assert!(md.stdout.contains("40000 derived contradictions, 100 listed"));
    let html = dir.path().join("dense.html");
    let r = run(&["render", f, "-o", html.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("39900 more derived contradictions counted, not listed (<code>--all-derived</code>"),
        "the HTML report says what it leaves out"
    );

    let all = run(&["analyze", f, "--format", "json", "--all-derived"]);
    let v: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!(v["contradictions"].as_array().unwrap().len(), 100 + 40_000);
    assert!(v.get("derived_summaries").is_none());
    assert_eq!(v["summary"]["direct_not_listed"], 100);

    let all = run(&["analyze", f, "--format", "json", "--list-all"]);
    let v: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!(v["contradictions"].as_array().unwrap().len(), 200 + 40_000);
    for field in ["derived_summaries", "direct_summaries", "inconsistency_summaries"] {
        assert!(v.get(field).is_none(), "{field}");
    }
    for field in ["direct_not_listed", "derived_not_listed", "side_statements_not_listed"] {
        assert!(v["summary"].get(field).is_none(), "{field}");
    }
    assert_eq!(
        v["sides"][0]["statements"].as_array().unwrap().len() as u64,
        v["sides"][0]["count"].as_u64().unwrap()
    );
}

#[test]
fn many_dispute_groups_are_bounded_in_all_with_an_example_each() {
    // 1,500 separate disputes of three statements (a denial and a backer of
    // the denier): 1,500 direct and 1,500 derived contradictions, 1,500 groups.
    let (mut st, mut rel) = (String::new(), String::new());
    for i in 0..1_500 {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            st,
            r#"{sep}{{"id":"a{i}","source":"A","text":"claim {i}"}},{{"id":"b{i}","source":"B","text":"denial {i}"}},{{"id":"c{i}","source":"C","text":"backing {i}"}}"#
        );
        let _ = write!(
            rel,
            r#"{sep}{{"from":"b{i}","to":"a{i}","type":"denies"}},{{"from":"c{i}","to":"b{i}","type":"supports"}}"#
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let f = write_temp(
        dir.path(),
        "many.json",
        &format!(r#"{{"statements":[{st}],"relations":[{rel}]}}"#),
    );
    let f = f.to_str().unwrap();
    let r = run(&["analyze", f, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    // Each group keeps one of each as its example: 1,500 groups, so the total
    // bound (1,000) shows in the summaries, not in missing examples.
    assert_eq!(v["summary"]["groups"], 1_500);
    assert_eq!(v["summary"]["direct"], 1_500);
    assert!(v["summary"].get("direct_not_listed").is_none());
    assert_eq!(v["summary"]["derived"], 1_500);
    // Camps: statements until 1,000 are listed, then each camp's first.
    let listed: usize = v["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["statements"].as_array().unwrap().len())
        .sum();
    assert_eq!(listed, 333 * 3 + (1_500 - 333) * 2);
    assert_eq!(v["summary"]["side_statements_not_listed"], 4_500 - listed);
    let text = run(&["analyze", f]);
    assert!(
        text.stdout
            .contains("statements of the camps counted, not listed (--list-all lists them)"),
        "{}",
        &text.stdout[..600]
    );
    let all = run(&["analyze", f, "--format", "json", "--list-all"]);
    let v: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    assert!(v["summary"].get("side_statements_not_listed").is_none());
    // Same input, same bytes.
    assert_eq!(run(&["analyze", f, "--format", "json"]).stdout, r.stdout);
}

#[test]
fn one_statement_with_many_relations_stops_counting() {
    let dir = tempfile::tempdir().unwrap();
    // 2,000 × 2,000 = 4e6 derived pairs: counting stops at the cap. Disputes of 5×10^4
    // and 10^5 relations are timed by scripts/bench-hostile.sh (a test stays under 10 s).
    let f = write_temp(dir.path(), "star.json", &dense_dispute(2_000, 2_000));
    let r = run(&["analyze", f.to_str().unwrap(), "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d = &v["derived_summaries"][0];
    assert_eq!(d["complete"], false);
    assert_eq!(d["count"], claimgraph::analysis::DERIVED_COUNT_CAP);
    assert_eq!(
        v["contradictions"].as_array().unwrap().len(),
        100 + 100,
        "100 direct and 100 derived listed"
    );
    assert_eq!(v["summary"]["direct_not_listed"], 2_000 - 100);
}

const DISPUTE: &str = "tests/fixtures/statements/dispute.json";

#[test]
fn output_naming_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("in.json");
    std::fs::copy(DISPUTE, &f).unwrap();
    let before = std::fs::read(&f).unwrap();
    let fs = f.to_str().unwrap();
    for args in [
        vec!["analyze", fs, "-o", fs],
        vec!["extract", fs, "-o", fs],
        vec!["render", fs, "-o", fs, "--format", "dot"],
        // Through the directory that holds it.
        vec!["analyze", dir.path().to_str().unwrap(), "-o", fs],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("in.json: is one of the inputs: not replacing an input"),
            "{}",
            r.stderr
        );
        assert_eq!(std::fs::read(&f).unwrap(), before, "the input is untouched");
    }
}

#[test]
fn closed_standard_output_is_an_error() {
    use std::process::Stdio;
    // A reader that has gone away (`| head -c0`): a broken pipe.
    let mut child = common::bin()
        .args(["analyze", DISPUTE])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("standard output was closed"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_largest_sentence_number_does_not_wrap() {
    let dir = tempfile::tempdir().unwrap();
    let f = write_temp(
        dir.path(),
        "s.json",
        r#"{"statements":[
            {"id":"a","source":"A","text":"x","article":"art","sentence":18446744073709551615},
            {"id":"b","source":"B","text":"y","sentence":18446744073709551615}],
           "relations":[{"from":"b","to":"a","type":"denies"}]}"#,
    );
    let r = run(&["analyze", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("art, sentence 18446744073709551616"), "{}", r.stdout);
    assert!(
        r.stdout.contains("[denial, sentence 18446744073709551616]")
            || r.stdout.contains("sentence 18446744073709551616]")
    );
}

#[test]
fn merged_actor_spellings_keep_one_alias_order() {
    // Three spellings merged into a fourth: their aliases used to come out
    // in hash-map order, different from run to run.
    let dir = tempfile::tempdir().unwrap();
    let f = write_temp(
        dir.path(),
        "a.txt",
        "Alexandrov said the talks had failed.\n\nAlexandrow said the border was closed.\n\n\
         Alexandrof said the army had withdrawn.\n\nAlexandrog said the bridge was rebuilt.\n",
    );
    let first = run(&["extract", f.to_str().unwrap()]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains(
            "\"aliases\": [\n        \"Alexandrog\",\n        \"Alexandrov\",\n        \"Alexandrow\"\n      ]"
        ),
        "{}",
        first.stdout
    );
    for _ in 0..8 {
        assert_eq!(run(&["extract", f.to_str().unwrap()]).stdout, first.stdout);
    }
}

/// A one-word capitalised name for `i`: Kab, Kac… (letters only).
fn name(mut i: usize) -> String {
    let mut s = String::from("K");
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            break s;
        }
    }
}

#[test]
fn many_unknown_one_word_sources_in_one_article() {
    // Each statement's source is a new one-word name; a surname alone is
    // looked up in a map, not by scanning every speaker met so far
    // (scripts/bench-hostile.sh times 100,000 of them).
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Maria Lopez said the port was open.\n\n");
    for i in 0..5_000 {
        let _ = writeln!(text, "{} said the talks had failed.\n", name(i));
    }
    text.push_str("Lopez said the port was closed.\n");
    let f = write_temp(dir.path(), "many.txt", &text);
    let r = run(&["extract", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let st = v["statements"].as_array().unwrap();
    assert_eq!(st.len(), 5_002);
    assert_eq!(st[1]["source"], "ka");
    assert_eq!(st[5_001]["source"], "maria-lopez", "the surname alone is Maria Lopez");
}

#[test]
fn input_text_never_becomes_markup_or_control_codes() {
    let dir = tempfile::tempdir().unwrap();
    let f = write_temp(
        dir.path(),
        "evil.json",
        r#"{"statements":[
            {"id":"a`<img src=x onerror=alert(1)>","source":"\u001b]0;owned\u0007Eve","text":"\u001b[2J\u202eclear *screen*","cue":"said\u001b[31m"},
            {"id":"b","source":"Bob\u009b","text":"1. <script>x</script>","article":"\u001b]8;;http://x\u0007link"}],
           "relations":[{"from":"b","to":"a`<img src=x onerror=alert(1)>","type":"denies","reason":"r\u001b[0m\u2066"}]}"#,
    );
    let f = f.to_str().unwrap();
    let text = run(&["analyze", f, "--color", "never"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}'] {
        assert!(!text.stdout.contains(bad), "{bad:?} in {}", text.stdout);
    }
    assert!(
        text.stdout.contains("\\u{1b}[2J\\u{202e}clear *screen*"),
        "{}",
        text.stdout
    );

    let md = run(&["analyze", f, "--format", "markdown"]);
    assert!(
        md.stdout.contains("``a`<img src=x onerror=alert(1)>``"),
        "{}",
        md.stdout
    );
    // Every occurrence is inside its two-backtick code span.
    assert_eq!(
        md.stdout.matches("<img").count(),
        md.stdout.matches("``a`<img src=x onerror=alert(1)>``").count()
    );
    assert!(md.stdout.contains("1\\. \\<script\\>x\\</script\\>"), "{}", md.stdout);
    assert!(!md.stdout.contains('\u{1b}') && !md.stdout.contains('\u{202e}'));

    // In error messages too: a JSON key and a path holding escape sequences.
    let bad = write_temp(
        dir.path(),
        "bad\u{1b}[2J.json",
        r#"{"statements":[{"id":"a","text":"x","source":null,"\u001b]0;title\u0007":1}]}"#,
    );
    let r = run(&["analyze", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        !r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'),
        "{:?}",
        r.stderr
    );
    assert!(r.stderr.contains("bad\\u{1b}[2J.json:1:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("unknown field \"\\u{1b}]0;title\\u{7}\""),
        "{}",
        r.stderr
    );
}

#[test]
fn long_values_and_non_xml_characters_in_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let long_id = format!("b{}", "y".repeat(17_000));
    let text = serde_json::json!({
        "statements": [
            {"id": "a", "source": "A", "text": "hello \u{FFFE} world \u{FFFF}"},
            {"id": long_id, "source": "B".repeat(17_000), "text": "t"}
        ],
        "relations": [{"from": long_id, "to": "a", "type": "denies", "reason": "r".repeat(20_000)}]
    });
    let f = write_temp(dir.path(), "long.json", &text.to_string());
    let f = f.to_str().unwrap();
    let mut engines = vec!["builtin"];
    if claimgraph::render::dot::graphviz_available() {
        engines.push("graphviz");
    }
    for engine in engines {
        let out = dir.path().join(format!("{engine}.svg"));
        let r = run(&["render", f, "-o", out.to_str().unwrap(), "--engine", engine]);
        assert_eq!(r.code, 0, "{engine}: {}", r.stderr);
        let svg = std::fs::read_to_string(&out).unwrap();
        assert!(!svg.contains(['\u{FFFE}', '\u{FFFF}']), "{engine}");
        assert!(svg.contains("hello \u{FFFD} world \u{FFFD}"), "{engine}");
    }
    let dot = run(&["render", f, "--format", "dot"]);
    assert!(dot.stdout.lines().all(|l| l.len() < 16_384), "every DOT value is cut");
    let out = dir.path().join("r.html");
    let r = run(&["render", f, "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !std::fs::read_to_string(&out)
            .unwrap()
            .contains(['\u{FFFE}', '\u{FFFF}'])
    );
}

/// Children of a process (from /proc), by (pid, command name).
#[cfg(target_os = "linux")]
fn children_of(pid: u32) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid …
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let rest: Vec<&str> = stat[close + 2..].split(' ').collect();
        if rest.get(1).and_then(|p| p.parse::<u32>().ok()) == Some(pid) {
            out.push((stat[..open].trim().parse().unwrap(), stat[open + 1..close].to_string()));
        }
    }
    out
}

#[cfg(target_os = "linux")]
#[test]
fn interrupted_render_stops_dot_and_leaves_no_file() {
    if !claimgraph::render::dot::graphviz_available() {
        eprintln!("graphviz is not installed: skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    // A graph Graphviz takes many seconds to lay out.
    let mut st = Vec::new();
    let mut rel = Vec::new();
    let mut x: u64 = 1;
    for i in 0..1500 {
        st.push(format!(
            r#"{{"id":"s{i}","source":"A{}","text":"statement {i} about things"}}"#,
            i % 40
        ));
    }
    for k in 0..5000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let (a, b) = (x % 1500, (x >> 20) % 1500);
        if a != b {
            let t = ["supports", "disputes", "denies"][k % 3];
            rel.push(format!(r#"{{"from":"s{a}","to":"s{b}","type":"{t}"}}"#));
        }
    }
    let text = format!(r#"{{"statements":[{}],"relations":[{}]}}"#, st.join(","), rel.join(","));
    let f = write_temp(dir.path(), "big.json", &text);
    let out = dir.path().join("out.svg");
    let mut child = common::bin()
        .args(["render", f.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .args(["--engine", "graphviz", "--max-nodes", "100000"])
        .env("TMPDIR", tmp.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Wait for dot to start (no bound on time: the test is about what is
    // left after the interrupt, not about speed).
    let dot = loop {
        if let Some((d, _)) = children_of(pid).into_iter().find(|(_, name)| name == "dot") {
            break d;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "claimgraph ended before dot started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let ok = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    // dot is gone (or a zombie waiting for init to reap it).
    let mut gone = false;
    for _ in 0..500 {
        match std::fs::read_to_string(format!("/proc/{dot}/stat")) {
            Err(_) => gone = true,
            Ok(s) => gone = s[s.rfind(')').unwrap() + 2..].starts_with('Z'),
        }
        if gone {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(gone, "dot (pid {dot}) still runs after the interrupt");
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(left.is_empty(), "left in TMPDIR: {left:?}");
    assert!(!out.exists());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, ["big.json"], "no temporary output left beside it");
}

#[test]
fn many_actors_in_a_picture_are_folded_into_others() {
    let dir = tempfile::tempdir().unwrap();
    let n = 20_000;
    let st: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"s{i}","source":"Actor {i}","text":"x"}}"#))
        .collect();
    let rel: Vec<String> = (1..n)
        .map(|i| format!(r#"{{"from":"s{i}","to":"s{}","type":"disputes"}}"#, i - 1))
        .collect();
    let text = format!(r#"{{"statements":[{}],"relations":[{}]}}"#, st.join(","), rel.join(","));
    let f = write_temp(dir.path(), "actors.json", &text);
    let out = dir.path().join("a.dot");
    let r = run(&["render", f.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "note: 19985 actors with fewer relations are drawn as one node, \"others\" (the actor view has at most 16 nodes)"
        ),
        "{}",
        r.stderr
    );
    let dot = std::fs::read_to_string(&out).unwrap();
    let nodes = dot
        .lines()
        .filter(|l| l.trim_start().starts_with('a') && l.contains("[label="))
        .count();
    assert_eq!(nodes, 16, "{}", &dot[..dot.len().min(3000)]);
    assert!(dot.contains("19985 other actors"));
}
