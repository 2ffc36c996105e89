//! The bad-input matrix: every case runs the binary and checks the exit
//! code, that the message names the file (and line:column where it
//! applies), and that nothing panicked (common::run asserts that).

mod common;

use std::path::{Path, PathBuf};

struct Case {
    name: &'static str,
    /// Arguments; "{d}" is the case's temporary directory.
    args: Vec<String>,
    code: i32,
    /// Fragments the standard error must hold ("{d}" as above).
    stderr: Vec<String>,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Files every case may use, made once in `d`.
fn fixtures(d: &Path) {
    write(d, "binary.txt", b"PK\x03\x04\x00\x00\x14\x00binary\x00\x00\xff\xfe");
    write(d, "binary.json", b"\x00\x01\x02\x03{}");
    write(d, "invalid.txt", b"The minister said talks \xff\xfe would resume.\n");
    write(
        d,
        "invalid.json",
        b"{\n  \"statements\": [{\"id\": \"a\", \"text\": \"x\xc3\", \"source\": null}]\n}\n",
    );
    write(d, "empty.txt", b"");
    write(d, "empty.json", b"   \n");
    let deep = format!("{{\"statements\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    write(d, "deep.json", deep.as_bytes());
    write(d, "deep.txt", "[".repeat(100_000).as_bytes());
    write(
        d,
        "huge-number.json",
        b"{\"statements\": [\n {\"id\": \"a\", \"text\": \"x\", \"source\": null, \"sentence\": 99999999999999999999999999}\n]}\n",
    );
    write(
        d,
        "huge-confidence.json",
        b"{\"statements\": [{\"id\": \"a\", \"text\": \"x\", \"source\": null}, {\"id\": \"b\", \"text\": \"y\", \"source\": null}],\n \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"denies\", \"confidence\": 1e400}]}\n",
    );
    write(
        d,
        "dup-a.json",
        b"{\"statements\": [{\"id\": \"same\", \"text\": \"x\", \"source\": \"A\"}]}\n",
    );
    write(
        d,
        "dup-b.json",
        b"{\"statements\": [\n  {\"id\": \"same\", \"text\": \"y\", \"source\": \"B\"}\n]}\n",
    );
    write(
        d,
        "cycle.json",
        br#"{"statements": [
  {"id": "a", "text": "the dam broke", "source": "North"},
  {"id": "b", "text": "the dam broke at night", "source": "Observers"},
  {"id": "c", "text": "water flooded the valley", "source": "South"}
 ],
 "relations": [
  {"from": "a", "to": "b", "type": "supports", "reason": "r1"},
  {"from": "b", "to": "c", "type": "supports", "reason": "r2"},
  {"from": "c", "to": "a", "type": "supports", "reason": "r3"},
  {"from": "c", "to": "a", "type": "denies", "reason": "r4"}
 ]}"#,
    );
    std::fs::create_dir_all(d.join("dir.json")).unwrap();
    std::fs::create_dir_all(d.join("emptydir")).unwrap();
    let nfc = "Bộ Ngoại giao Nga cho biết cuộc đàm phán sẽ diễn ra vào tuần tới.";
    use unicode_normalization::UnicodeNormalization;
    let mixed = format!(
        "{nfc}\n{}\n",
        "Điện Kremlin bác bỏ các thông tin rằng Moscow đã rút khỏi thỏa thuận."
            .nfd()
            .collect::<String>()
    );
    write(d, "mixed-nfc-nfd.txt", mixed.as_bytes());
    write(
        d,
        "rtl.txt",
        "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل.\nאמר דובר המשרד כי השיחות יתחדשו.\nThe minister said \u{202e}talks\u{202c} would resume.\n"
            .as_bytes(),
    );
    write(
        d,
        "emoji.txt",
        "👩‍👩‍👧 The mayor said the flood 🌊 was \"under control\" 👍🏽.\nNgười phát ngôn cho biết 🔥 đã được dập tắt. 🇻🇳🇺🇸\n"
            .as_bytes(),
    );
    write(
        d,
        "quotes.txt",
        format!("He said {}.\n", "\"".repeat(10_000)).as_bytes(),
    );
    // 250 KB: cut into 4,000-byte pieces like any size (the 50 MB case is in scripts/check-limits.sh).
    let sentence: String = "lời nói không có dấu chấm ".repeat(250_000 / 30);
    write(d, "one-sentence.txt", sentence.as_bytes());
    write(d, "top-string.json", b"\"statements\"");
    write(
        d,
        "lexicon-bad.json",
        b"{\"language\": \"en\", \"cues\": [{\"cue\": \"x\"}]}",
    );
    write(
        d,
        "ok.json",
        br#"{"statements": [{"id": "a", "text": "x\u0000y", "source": "A"}]}"#,
    );
}

fn cases() -> Vec<Case> {
    let c = |name, args: &[&str], code, stderr: &[&str]| Case {
        name,
        args: s(args),
        code,
        stderr: s(stderr),
    };
    vec![
        c(
            "extract binary",
            &["extract", "{d}/binary.txt"],
            2,
            &["{d}/binary.txt", "binary"],
        ),
        c(
            "analyze binary",
            &["analyze", "{d}/binary.txt"],
            2,
            &["{d}/binary.txt", "binary"],
        ),
        c(
            "render binary",
            &["render", "{d}/binary.txt", "-o", "{d}/o.dot"],
            2,
            &["{d}/binary.txt"],
        ),
        c(
            "analyze binary json",
            &["analyze", "{d}/binary.json"],
            2,
            &["{d}/binary.json:1:1"],
        ),
        c(
            "extract invalid utf-8",
            &["extract", "{d}/invalid.txt"],
            2,
            &["{d}/invalid.txt:1:25", "byte 24"],
        ),
        c(
            "render invalid utf-8",
            &["render", "{d}/invalid.txt", "-o", "{d}/o.svg"],
            2,
            &["{d}/invalid.txt:1:25"],
        ),
        c(
            "analyze invalid utf-8 json",
            &["analyze", "{d}/invalid.json"],
            2,
            &["{d}/invalid.json:2:40", "invalid UTF-8"],
        ),
        c(
            "extract invalid utf-8 lossy",
            &["extract", "{d}/invalid.txt", "--lossy"],
            0,
            &["warning: {d}/invalid.txt", "replaced"],
        ),
        c(
            "extract empty",
            &["extract", "{d}/empty.txt"],
            0,
            &["warning: {d}/empty.txt", "empty"],
        ),
        c(
            "analyze empty json",
            &["analyze", "{d}/empty.json"],
            2,
            &["{d}/empty.json", "empty"],
        ),
        c(
            "render empty json",
            &["render", "{d}/empty.json", "-o", "{d}/o.html"],
            2,
            &["{d}/empty.json"],
        ),
        c(
            "analyze deep json",
            &["analyze", "{d}/deep.json"],
            2,
            &["{d}/deep.json:1:", "nested too deeply"],
        ),
        c(
            "extract deep json",
            &["extract", "{d}/deep.json"],
            2,
            &["{d}/deep.json:1:", "nested too deeply"],
        ),
        c("extract deep brackets as text", &["extract", "{d}/deep.txt"], 0, &[]),
        c(
            "analyze huge number",
            &["analyze", "{d}/huge-number.json"],
            2,
            &["{d}/huge-number.json:2:", "sentence"],
        ),
        c(
            "analyze huge confidence",
            &["analyze", "{d}/huge-confidence.json"],
            2,
            &["{d}/huge-confidence.json:2:", "number out of range"],
        ),
        // A later file replaces a statement of an earlier one (corrections), and says so.
        c(
            "analyze an id given again",
            &["analyze", "{d}/dup-a.json", "{d}/dup-b.json"],
            0,
            &["note: {d}/dup-b.json:2:4: replaces statement \"same\" (given at {d}/dup-a.json:1:"],
        ),
        c(
            "render an id given again",
            &["render", "{d}/dup-a.json", "{d}/dup-b.json", "-o", "{d}/o.dot"],
            0,
            &["note: {d}/dup-b.json:2:4"],
        ),
        c("analyze relation cycle", &["analyze", "{d}/cycle.json"], 0, &[]),
        c(
            "render relation cycle",
            &["render", "{d}/cycle.json", "-o", "{d}/cycle.svg", "--engine", "builtin"],
            0,
            &[],
        ),
        c(
            "analyze directory named .json",
            &["analyze", "{d}/dir.json"],
            2,
            &["{d}/dir.json", "holds no"],
        ),
        c(
            "extract empty directory",
            &["extract", "{d}/emptydir"],
            2,
            &["{d}/emptydir", "holds no"],
        ),
        c(
            "analyze missing",
            &["analyze", "{d}/nope.json"],
            2,
            &["{d}/nope.json: no such file"],
        ),
        c(
            "extract missing",
            &["extract", "{d}/nope.txt"],
            2,
            &["{d}/nope.txt: no such file"],
        ),
        c(
            "render missing",
            &["render", "{d}/nope.txt", "-o", "{d}/o.png"],
            2,
            &["{d}/nope.txt: no such file"],
        ),
        c(
            "analyze unwritable output",
            &["analyze", "{d}/cycle.json", "-o", "{d}/no/such/dir/r.txt"],
            1,
            &["{d}/no/such/dir/r.txt"],
        ),
        c(
            "extract output is a directory",
            &["extract", "{d}/mixed-nfc-nfd.txt", "-o", "{d}/emptydir"],
            1,
            &["{d}/emptydir", "directory"],
        ),
        c(
            "render unwritable output",
            &[
                "render",
                "{d}/cycle.json",
                "-o",
                "{d}/no/such/dir/r.svg",
                "--engine",
                "builtin",
            ],
            1,
            &["{d}/no/such/dir/r.svg"],
        ),
        c("extract mixed nfc/nfd", &["extract", "{d}/mixed-nfc-nfd.txt"], 0, &[]),
        c("extract right-to-left", &["extract", "{d}/rtl.txt"], 0, &[]),
        c(
            "render right-to-left",
            &["render", "{d}/rtl.txt", "-o", "{d}/rtl.png", "--engine", "builtin"],
            0,
            &[],
        ),
        c("extract emoji", &["extract", "{d}/emoji.txt"], 0, &[]),
        c(
            "render emoji html",
            &["render", "{d}/emoji.txt", "-o", "{d}/emoji.html"],
            0,
            &[],
        ),
        c("extract 10000 quotes", &["extract", "{d}/quotes.txt"], 0, &[]),
        c(
            "extract one 250 KB sentence",
            &["extract", "{d}/one-sentence.txt"],
            0,
            &[],
        ),
        c(
            "analyze top level string",
            &["analyze", "{d}/top-string.json"],
            2,
            &["{d}/top-string.json:1:1", "top level is a string"],
        ),
        c(
            "extract bad lexicon",
            &["extract", "{d}/rtl.txt", "--lexicon", "{d}/lexicon-bad.json"],
            2,
            &["{d}/lexicon-bad.json", "kind"],
        ),
        c(
            "extract missing actors file",
            &["extract", "{d}/rtl.txt", "--actors", "{d}/nope-actors.json"],
            2,
            &["{d}/nope-actors.json"],
        ),
        c(
            "render max-nodes 0",
            &["render", "{d}/cycle.json", "-o", "{d}/o.dot", "--max-nodes", "0"],
            0,
            &[],
        ),
        c("analyze NUL escape in JSON", &["analyze", "{d}/ok.json"], 0, &[]),
    ]
}

/// The matrix runs in four parts (cases i with i % 4 == part), so that the
/// test harness runs them side by side and no test takes long.
const PARTS: usize = 4;

#[test]
fn bad_input_matrix_1() {
    bad_input_matrix(0);
}

#[test]
fn bad_input_matrix_2() {
    bad_input_matrix(1);
}

#[test]
fn bad_input_matrix_3() {
    bad_input_matrix(2);
}

#[test]
fn bad_input_matrix_4() {
    bad_input_matrix(3);
}

fn bad_input_matrix(part: usize) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_string_lossy().into_owned();
    fixtures(dir.path());
    let all = cases();
    assert!(all.len() >= 30);
    let mut failures = Vec::new();
    for case in all.iter().skip(part).step_by(PARTS) {
        let args: Vec<String> = case.args.iter().map(|a| a.replace("{d}", &d)).collect();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = common::run(&refs);
        if r.code != case.code {
            failures.push(format!(
                "{}: exit {} (expected {}): {}",
                case.name, r.code, case.code, r.stderr
            ));
            continue;
        }
        for want in &case.stderr {
            let want = want.replace("{d}", &d);
            if !r.stderr.contains(&want) {
                failures.push(format!("{}: stderr lacks {want:?}: {}", case.name, r.stderr));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

// A 50 MB article without punctuation, and a run interrupted while it writes a
// large report: scripts/check-limits.sh checks both on the release binary (run
// by .ci/run); in the debug build they took minutes.

#[test]
fn a_hundred_wire_copies_do_not_make_quadratic_relations() {
    let dir = tempfile::tempdir().unwrap();
    let story = std::fs::read_to_string(common::fixture("articles/en-border-clash.txt")).unwrap();
    let mut paths: Vec<PathBuf> = Vec::new();
    for i in 0..100 {
        let p = dir.path().join(format!("copy{i:03}.txt"));
        std::fs::write(&p, &story).unwrap();
        paths.push(p);
    }
    let one = common::run(&["extract", paths[0].to_str().unwrap()]);
    let v1: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    let r = common::run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let statements = v["statements"].as_array().unwrap().len();
    let relations = v["relations"].as_array().unwrap().len();
    let per_copy = v1["relations"].as_array().unwrap().len();
    assert_eq!(statements, 100 * v1["statements"].as_array().unwrap().len());
    // Each copy's own relations plus one "wire copy" link per copied statement.
    assert!(
        relations <= 100 * per_copy + statements,
        "{relations} relations for {statements} statements"
    );
}
