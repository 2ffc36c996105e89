//! Extraction on arbitrary bytes (as text, in both languages), then linking
//! and analysis.
#![no_main]

use claimgraph::extract::Extractor;
use claimgraph::lexicon::Language;
use claimgraph::{ClaimGraph, analyze};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let ex = EXTRACTOR.get_or_init(Extractor::bundled);
    let language = match data.first() {
        Some(b) if b % 3 == 0 => Some(Language::Vi),
        Some(b) if b % 3 == 1 => Some(Language::En),
        _ => None,
    };
    let text = String::from_utf8_lossy(data).into_owned();
    // Two articles: the text, and its second half (so linking has pairs).
    let half = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
    let articles = vec![(PathBuf::from("a.txt"), text.clone()), (PathBuf::from("b.txt"), text[half..].to_string())];
    let set = claimgraph::extract_all(ex, &articles, language);
    for s in &set.statements {
        if let Some([a, b]) = s.span {
            assert!(a <= b && b <= text.chars().count(), "span {a}..{b} outside the article");
        }
    }
    let graph = ClaimGraph::build(set);
    let _ = analyze(&graph);
});
