//! Rendering with the builtin engine (no Graphviz): the seeds' dispute, a
//! generated 300-statement graph, and a generated 1,000-statement graph drawn
//! one statement per node (the "< 3 s" target) and as the actor view, to SVG
//! and to PNG.

use claimgraph::render::{self, Engine, OutputFormat, PictureOptions, RenderOptions};
use claimgraph::{ClaimGraph, analyze};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

#[path = "support/generate.rs"]
mod generate;

fn bench(c: &mut Criterion) {
    let seeds = claimgraph::load(
        &[PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles/vi"))],
        &Default::default(),
    )
    .expect("the bundled articles load")
    .set;
    let one_by_one = PictureOptions {
        max_nodes: usize::MAX,
        ..Default::default()
    };
    let graphs = [
        ("seeds", ClaimGraph::build(seeds), PictureOptions::default()),
        (
            "generated-300",
            ClaimGraph::build(generate::generate(300, 600)),
            PictureOptions::default(),
        ),
        (
            "generated-1000",
            ClaimGraph::build(generate::generate(1000, 2000)),
            one_by_one,
        ),
        (
            "generated-1000-actors",
            ClaimGraph::build(generate::generate(1000, 2000)),
            PictureOptions::default(),
        ),
    ];
    let mut g = c.benchmark_group("render-builtin");
    g.sample_size(10);
    for (name, graph, picture) in &graphs {
        let analysis = analyze(graph);
        for format in [OutputFormat::Svg, OutputFormat::Png] {
            let options = RenderOptions {
                format,
                engine: Engine::Builtin,
                picture: *picture,
            };
            g.bench_function(format!("{name}-{format:?}"), |b| {
                b.iter(|| render::render(black_box(graph), &analysis, &options).unwrap().len())
            });
        }
    }
    let html = RenderOptions {
        format: OutputFormat::Html,
        engine: Engine::Builtin,
        picture: PictureOptions::default(),
    };
    let big = ClaimGraph::build(generate::generate(5000, 10000));
    let analysis = analyze(&big);
    g.bench_function("generated-5000-Html", |b| {
        b.iter(|| render::render(black_box(&big), &analysis, &html).unwrap().len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
