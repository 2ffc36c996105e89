//! Hostile shapes of input, generated here: every stage stays bounded, and
//! what it drops it says. (The time and memory these guard are measured by
//! scripts/bench-hostile.sh, never by a timed test.)

mod common;
use common::run;
use std::path::{Path, PathBuf};

fn write_temp(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
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
