//! Inputs that once crashed claimgraph (found by fuzzing or on real text):
//! every file in tests/fixtures/fuzz-regressions goes through extract,
//! analyze and render. Adding a case is adding a file.

mod common;

#[test]
fn past_crashes_stay_fixed() {
    let dir = common::fixture("fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty());
    let out = tempfile::tempdir().unwrap();
    for f in &files {
        let path = f.to_str().unwrap();
        for args in [
            vec!["extract", path, "--lossy"],
            vec!["analyze", path, "--lossy"],
            vec![
                "render",
                path,
                "--lossy",
                "--engine",
                "builtin",
                "-o",
                out.path().join("x.svg").to_str().unwrap(),
            ],
        ] {
            let r = common::run(&args);
            // Bad input is fine (exit 2); a crash is not (common::run checks for panics).
            assert!(r.code == 0 || r.code == 2, "{args:?}: exit {} {}", r.code, r.stderr);
        }
    }
}
