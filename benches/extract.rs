//! Extraction throughput on real Vietnamese news and on English text, single
//! thread (MB/s per core), plus linking, and the cost of 8× the articles.
//!
//! The Vietnamese corpus is ../shared/corpus/vi-news-2017-sample.txt (or the
//! file named by CLAIMGRAPH_CORPUS); it is never copied into the project. The
//! English text is the PolNeAR dev split (CLAIMGRAPH_EN_DIR, default
//! ../shared/eval/polnear/dev/text). A missing corpus skips its benchmark.

use claimgraph::extract::{ArticleInput, Extractor};
use claimgraph::lexicon::Language;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn vi_articles() -> Option<Vec<String>> {
    let path = std::env::var("CLAIMGRAPH_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/vi-news-2017-sample.txt").into());
    let bytes = std::fs::read(&path).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Some(
        text.split("\n\n")
            .filter(|a| !a.trim().is_empty())
            .map(str::to_string)
            .collect(),
    )
}

fn en_articles() -> Option<Vec<String>> {
    let dir = std::env::var("CLAIMGRAPH_EN_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/polnear/dev/text").into());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Some(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect())
}

fn extract_all(ex: &Extractor, articles: &[String], lang: Option<Language>) -> usize {
    articles
        .iter()
        .enumerate()
        .map(|(i, text)| {
            ex.extract(&ArticleInput {
                id: format!("a{i}"),
                path: None,
                text,
                language: lang,
            })
            .statements
            .len()
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let ex = Extractor::bundled();
    for (name, articles, lang) in [
        ("vi-news-2017", vi_articles(), Some(Language::Vi)),
        ("polnear-dev-en", en_articles(), Some(Language::En)),
    ] {
        let Some(articles) = articles else {
            eprintln!("{name}: corpus not found, skipped");
            continue;
        };
        let bytes: usize = articles.iter().map(String::len).sum();
        let mut g = c.benchmark_group(format!("extract-{name}"));
        g.sample_size(10);
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("single-thread", |b| {
            b.iter(|| extract_all(&ex, black_box(&articles), lang))
        });
        g.finish();
    }
    if let Some(articles) = vi_articles() {
        // Scaling: 1× and 8× the articles through extraction and linking.
        let one: Vec<(PathBuf, String)> = articles
            .iter()
            .take(366)
            .enumerate()
            .map(|(i, a)| (PathBuf::from(format!("a{i}.txt")), a.clone()))
            .collect();
        let eight: Vec<(PathBuf, String)> = (0..8)
            .flat_map(|k| {
                articles[k * 366..(k + 1) * 366]
                    .iter()
                    .enumerate()
                    .map(move |(i, a)| (PathBuf::from(format!("b{k}-{i}.txt")), a.clone()))
            })
            .collect();
        let mut g = c.benchmark_group("scaling-extract+link");
        g.sample_size(10);
        g.bench_function("1x-366-articles", |b| {
            b.iter(|| claimgraph::extract_all(&ex, black_box(&one), None).statements.len())
        });
        g.bench_function("8x-2928-articles", |b| {
            b.iter(|| claimgraph::extract_all(&ex, black_box(&eight), None).statements.len())
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
