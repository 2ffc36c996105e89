//! Writes one of the hostile inputs that scripts/bench-hostile.sh measures
//! to standard output: `generate_hostile CASE SIZE`.
//!
//! - `dense N`: one statement with N/2 backers and N/2 deniers (N relations;
//!   (N/2)^2 derived contradiction pairs).
//! - `word BYTES`: a statement whose text is one word of BYTES bytes.
//! - `errors N`: a statement file with N errors (an unknown kind each).
//! - `unknown N`: N statements and N relations to unknown ids.
//! - `speakers N`: an article of N statements by unknown one-word sources.
//! - `actors N`: N statements by N different actors, chained by disputes.

use std::fmt::Write;

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

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let mut out = String::new();
    match case.as_str() {
        "dense" => {
            let (mut st, mut rel) = (
                vec![r#"{"id":"s","source":"Alpha","text":"the bridge was bombed"}"#.to_string()],
                Vec::new(),
            );
            for i in 0..n / 2 {
                st.push(format!(r#"{{"id":"b{i}","source":"Beta","text":"backing {i}"}}"#));
                st.push(format!(r#"{{"id":"d{i}","source":"Gamma","text":"denial {i}"}}"#));
                rel.push(format!(r#"{{"from":"b{i}","to":"s","type":"supports","reason":"r"}}"#));
                rel.push(format!(r#"{{"from":"d{i}","to":"s","type":"denies","reason":"r"}}"#));
            }
            let _ = write!(
                out,
                r#"{{"statements":[{}],"relations":[{}]}}"#,
                st.join(",\n"),
                rel.join(",\n")
            );
        }
        "word" => {
            let word = "x".repeat(n);
            let _ = write!(
                out,
                r#"{{"statements":[{{"id":"a","source":"A","text":"{word}"}},{{"id":"b","source":"B","text":"y"}}],"relations":[{{"from":"b","to":"a","type":"denies"}}]}}"#
            );
        }
        "errors" => {
            let st: Vec<String> = (0..n)
                .map(|i| format!(r#"{{"id":"s{i}","text":"x","source":null,"kind":"nope"}}"#))
                .collect();
            let _ = write!(out, "{{\"statements\": [\n{}\n]}}", st.join(",\n"));
        }
        "unknown" => {
            let st: Vec<String> = (0..n)
                .map(|i| format!(r#"{{"id":"s{i}","text":"x","source":null}}"#))
                .collect();
            let rel: Vec<String> = (0..n)
                .map(|i| format!(r#"{{"from":"s{i}","to":"z{i}","type":"supports"}}"#))
                .collect();
            let _ = write!(
                out,
                "{{\"statements\":[{}],\n\"relations\":[{}]}}",
                st.join(",\n"),
                rel.join(",\n")
            );
        }
        "speakers" => {
            for i in 0..n {
                let _ = writeln!(out, "{} said the talks had failed.\n", name(i));
            }
        }
        "actors" => {
            let st: Vec<String> = (0..n)
                .map(|i| format!(r#"{{"id":"s{i}","source":"Actor {i}","text":"x"}}"#))
                .collect();
            let rel: Vec<String> = (1..n)
                .map(|i| format!(r#"{{"from":"s{i}","to":"s{}","type":"disputes"}}"#, i - 1))
                .collect();
            let _ = write!(
                out,
                "{{\"statements\":[{}],\n\"relations\":[{}]}}",
                st.join(",\n"),
                rel.join(",\n")
            );
        }
        _ => {
            eprintln!("usage: generate_hostile dense|word|errors|unknown|speakers|actors SIZE");
            std::process::exit(2);
        }
    }
    print!("{out}");
}
