//! End to end: the HTML report in headless Chromium. A click on a statement
//! (dispatched by the page's own "#select=ID" hook, the same handler a mouse
//! click runs) must highlight the statement, its relations and its rows.
//! Needs Debian's `chromium` (.ci/run installs it); skipped, with a note,
//! on a developer machine without it, never in CI.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium installed (.ci/run installs it)"
        );
        eprintln!("chromium is not installed: skipping the browser test");
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
