//! Extraction alone over a corpus file split on blank lines (a profiling aid):
//! `cargo run --release --example extract_only -- FILE [vi|en] [repeat]`
use claimgraph::extract::{ArticleInput, Extractor};
use claimgraph::lexicon::Language;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: extract_only FILE [vi|en] [repeat]");
    let lang = match args.next().as_deref() {
        Some("en") => Some(Language::En),
        Some("vi") => Some(Language::Vi),
        _ => None,
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let articles: Vec<&str> = text.split("\n\n").filter(|a| !a.trim().is_empty()).collect();
    let ex = Extractor::bundled();
    // CLAIMGRAPH_PHASE=normalize|split|tokens: time only the first stages.
    if let Ok(phase) = std::env::var("CLAIMGRAPH_PHASE") {
        let lex = ex.lexicons();
        let abbr: std::collections::HashSet<String> = lex.vi.abbreviations.iter().cloned().collect();
        let openers: claimgraph::text::Openers = lex.vi.sentence_openers.iter().cloned().collect();
        let t = Instant::now();
        let mut n = 0usize;
        for a in &articles {
            let norm = claimgraph::text::normalize(a);
            if phase == "normalize" {
                n += norm.text.len();
                continue;
            }
            let sents = claimgraph::text::split_sentences_with(&norm.text, &abbr, &openers);
            for s in &sents {
                if phase == "split" {
                    n += 1;
                    continue;
                }
                let st = &norm.text[s.start..s.end];
                let f = claimgraph::text::fold_case(st);
                if phase == "fold" {
                    n += f.len();
                    continue;
                }
                if phase == "gazetteer" {
                    n += ex.gazetteer().find(st, &f, &|_| false).len();
                    continue;
                }
                n += claimgraph::extract::sentence::tokenize(st, &f).len();
            }
        }
        eprintln!("{phase}: {n} in {:.3} s", t.elapsed().as_secs_f64());
        return;
    }
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..repeat {
        for (i, a) in articles.iter().enumerate() {
            n += ex
                .extract(&ArticleInput {
                    id: format!("a{i}"),
                    path: None,
                    text: a,
                    language: lang,
                })
                .statements
                .len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mib = (text.len() * repeat) as f64 / (1024.0 * 1024.0);
    eprintln!("{n} statements, {mib:.1} MiB in {secs:.2} s: {:.2} MiB/s", mib / secs);
}
