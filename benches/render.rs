//! Rendering with the builtin engine (no Graphviz): the seeds' graph and a
//! generated 300-statement graph, to SVG and to PNG.

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
    let graphs = [
        ("seeds", ClaimGraph::build(seeds)),
        ("generated-300", ClaimGraph::build(generate::generate(300, 600))),
    ];
    let mut g = c.benchmark_group("render-builtin");
    g.sample_size(10);
    for (name, graph) in &graphs {
        let analysis = analyze(graph);
        for format in [OutputFormat::Svg, OutputFormat::Png] {
            let options = RenderOptions {
                format,
                engine: Engine::Builtin,
                picture: PictureOptions::default(),
            };
            g.bench_function(format!("{name}-{format:?}"), |b| {
                b.iter(|| render::render(black_box(graph), &analysis, &options).unwrap().len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
