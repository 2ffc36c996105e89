//! Times each stage on a generated set (a profiling aid): `cargo run --release --example phases`
#[path = "../benches/support/generate.rs"]
mod generate;
use std::time::Instant;

fn main() {
    let json = generate::generate(100_000, 200_000).to_json();
    let t = Instant::now();
    let set = claimgraph::statement_file::parse(std::path::Path::new("x.json"), &json)
        .unwrap()
        .set;
    eprintln!("parse   {:?}", t.elapsed());
    let t = Instant::now();
    let graph = claimgraph::ClaimGraph::build(set);
    eprintln!("build   {:?}", t.elapsed());
    let t = Instant::now();
    let a = claimgraph::analyze(&graph);
    eprintln!(
        "analyze {:?} ({} contradictions, {} inconsistencies, {} groups)",
        t.elapsed(),
        a.contradictions.len(),
        a.inconsistencies.len(),
        a.sides.len()
    );
    let t = Instant::now();
    let r = claimgraph::report::Report::new(&graph, &a);
    eprintln!("view    {:?}", t.elapsed());
    let t = Instant::now();
    let s = r.to_json();
    eprintln!("json    {:?} ({} MB)", t.elapsed(), s.len() / 1_000_000);
}
