//! End to end: the HTML report in headless Chromium. A click on a statement
//! (dispatched by the page's own "#select=ID" hook, the same handler a mouse
//! click runs) must highlight the statement, its relations and its rows.
//! Needs Debian's `chromium` (.ci/run installs it); skipped, with a note,
//! on a developer machine without it, never in CI.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Chromium, or None (a skipped test) where it is not installed; CI must have it.
fn browser_or_skip() -> Option<String> {
    let browser = chromium();
    if browser.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium installed (.ci/run installs it)"
        );
        eprintln!("chromium is not installed: skipping the browser test");
    }
    browser
}

fn chromium() -> Option<String> {
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        if let Some(paths) = std::env::var_os("PATH")
            && std::env::split_paths(&paths).any(|d| d.join(name).is_file())
        {
            return Some(name.to_string());
        }
    }
    None
}

/// Runs headless Chromium with the flags this machine needs (no sandbox as
/// root, no background networking) and an empty profile; returns stdout.
fn headless(browser: &str, extra: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    // Stdout goes to a file: a dumped DOM is larger than a pipe's buffer.
    let dump = profile.path().join("stdout.html");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::from(std::fs::File::create(&dump).unwrap()))
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    String::from_utf8_lossy(&std::fs::read(&dump).unwrap()).into_owned()
}

#[test]
fn clicking_a_statement_highlights_it_and_its_relations() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let r = common::run(&["render", "data/articles/vi/", "-o", html.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let key = "armenia-azerbaijan-border-2022/s5";
    let url = format!("file://{}#select={}", html.display(), key.replace('/', "%2F"));
    let dom = headless(&browser, &["--dump-dom"], &url);
    assert!(
        dom.contains(&format!("data-selected=\"{key}\"")),
        "the click did not run: {}",
        &dom[..dom.len().min(500)]
    );
    let node = dom
        .split("<g ")
        .find(|g| g.contains(&format!("data-key=\"{key}\"")))
        .expect("the statement's node is in the graph");
    assert!(
        node.starts_with("class=\"node hl\""),
        "node not highlighted: {}",
        &node[..node.len().min(200)]
    );
    assert!(dom.contains("class=\"edge hl\""), "its relations are not highlighted");
    assert!(
        dom.contains("class=\"node rel\""),
        "the statements it relates to are not marked"
    );
    assert!(
        dom.contains(&format!("class=\"stmt hl\" data-key=\"{key}\"")),
        "its table rows are not highlighted"
    );
    // Its evidence in the side panel: the source as named, the sentence with
    // the cue and the content marked, the article and sentence.
    let detail = &dom[dom.find("id=\"detail\"").expect("the side panel")..];
    let detail = &detail[..detail.find("</aside>").unwrap_or(detail.len())];
    assert!(detail.contains("named “phía Azerbaijan”"), "{detail}");
    assert!(
        detail.contains("class=\"content\""),
        "the content is not marked: {detail}"
    );
    assert!(detail.contains("line 3, sentence 3"), "{detail}");
    // The evidence list was drawn from the data, with its filters filled.
    assert!(dom.contains("45 of 45 statements"), "the evidence list was not drawn");
    assert!(dom.matches("<option").count() > 8, "the filters have no options");
    // A screenshot for people to look at (kept only when asked for).
    if let Some(path) = std::env::var_os("CLAIMGRAPH_SCREENSHOT") {
        headless(
            &browser,
            &[
                &format!("--screenshot={}", std::path::Path::new(&path).display()),
                "--window-size=1400,1100",
            ],
            &url,
        );
    }
}

/// A generated statement file of `n` statements in stories of 20 (two
/// actors each side), with `2n` relations; long enough texts to weigh what
/// real ones weigh.
fn generated(n: usize, path: &std::path::Path) {
    let mut actors = Vec::new();
    for a in 0..200 {
        actors.push(serde_json::json!({"id": format!("actor{a}"), "name": format!("Actor {a}")}));
    }
    let kinds = ["claim", "accusation", "denial", "condemnation", "appeal"];
    let mut statements = Vec::new();
    for i in 0..n {
        let story = i / 20;
        statements.push(serde_json::json!({
            "id": format!("s{i}"),
            "source": format!("actor{}", (story * 7 + i % 4) % 200),
            "kind": kinds[i % 5],
            "article": format!("a{story}"),
            "sentence": i % 20,
            "cue": "said",
            "text": format!("statement {i} about story {story}, long enough to weigh what a real statement weighs"),
            "quote": format!("Actor said statement {i} about story {story}, long enough to weigh what a real statement weighs."),
        }));
    }
    let mut relations = Vec::new();
    for i in 0..n {
        for d in [1usize, 3] {
            let j = (i / 20) * 20 + (i % 20 + d) % 20;
            if j < n && j != i {
                let kind = if (i + d) % 3 == 0 { "denies" } else { "supports" };
                relations.push(serde_json::json!({"from": format!("s{i}"), "to": format!("s{j}"), "type": kind, "reason": "generated"}));
            }
        }
    }
    let set = serde_json::json!({"actors": actors, "statements": statements, "relations": relations});
    std::fs::write(path, serde_json::to_string(&set).unwrap()).unwrap();
}

#[test]
fn a_report_of_thousands_of_statements_opens_and_filters() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.json");
    generated(5000, &input);
    let html = dir.path().join("big.html");
    let r = common::run(&["render", input.to_str().unwrap(), "-o", html.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let size = std::fs::metadata(&html).unwrap().len();
    assert!(
        size < 8_000_000,
        "{size} bytes: the statements must be data, not markup"
    );
    // Selecting an actor of the actor view filters the evidence list by it.
    let url = format!("file://{}#select=actor7", html.display());
    let dom = headless(&browser, &["--dump-dom"], &url);
    assert!(
        dom.contains("data-selected=\"actor7\""),
        "the page's script did not run"
    );
    let shown = dom
        .split("id=\"f-count\"")
        .nth(1)
        .and_then(|s| s.split('>').nth(1))
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("a count of the statements shown");
    assert!(
        shown > 0 && shown < 5000,
        "{shown} statements after filtering by actor7"
    );
    // Drawn on demand: a page of cards, not 5,000.
    assert!(dom.matches("class=\"stmt").count() <= 500);
}
