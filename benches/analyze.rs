//! Analysis of a generated statement file of 100k statements and 200k
//! relations: parse + validate, build the graph, analyse, render JSON.
//! Peak memory: scripts/bench-memory.sh (criterion measures time only).

use claimgraph::{ClaimGraph, analyze, report, statement_file};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

#[path = "support/generate.rs"]
mod generate;

fn bench(c: &mut Criterion) {
    let json = generate::generate(100_000, 200_000).to_json();
    let mut g = c.benchmark_group("analyze-100k-statements-200k-relations");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| statement_file::parse(Path::new("bench.json"), black_box(&json)).unwrap())
    });
    let set = statement_file::parse(Path::new("bench.json"), &json).unwrap().set;
    g.bench_function("build+analyze", |b| {
        b.iter(|| {
            let graph = ClaimGraph::build(black_box(set.clone()));
            analyze(&graph).contradictions.len()
        })
    });
    g.bench_function("load+build+analyze+json-report", |b| {
        b.iter(|| {
            let set = statement_file::parse(Path::new("bench.json"), black_box(&json))
                .unwrap()
                .set;
            let graph = ClaimGraph::build(set);
            let analysis = analyze(&graph);
            report::render(&graph, &analysis, report::Format::Json, Default::default()).len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
