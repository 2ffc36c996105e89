//! The statement-file loader on arbitrary bytes; what loads goes on through
//! the graph, the analysis and every report format.
#![no_main]

use claimgraph::{ClaimGraph, analyze, report, statement_file};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(file) = statement_file::parse_bytes(Path::new("fuzz.json"), data) else {
        return;
    };
    let Ok(set) = statement_file::merge(std::slice::from_ref(&file)) else {
        return;
    };
    let graph = ClaimGraph::build(set);
    let analysis = analyze(&graph);
    for format in [report::Format::Text, report::Format::Markdown, report::Format::Json] {
        let out = report::render(&graph, &analysis, format, Default::default());
        assert!(!out.is_empty());
    }
});
