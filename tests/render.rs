//! `claimgraph render`: DOT (snapshot, parse-back, injection), the builtin
//! SVG and PNG, Graphviz images, the HTML report's escaping, atomic writes.

mod common;
use common::run;

const SEEDS: &str = "data/articles/vi/";
const HOSTILE: &str = "tests/fixtures/statements/hostile.json";

/// The seed articles extracted once per test run (extraction in the debug
/// build is what made these tests slow); `render` reads this statement file
/// where a test names SEEDS, which gives the same graph.
fn seeds_file() -> &'static str {
    static FILE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("render-seeds.json")
            .to_string_lossy()
            .into_owned();
        let r = run(&["extract", SEEDS, "-o", &path]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        path
    })
}

fn render(args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let ext = args.iter().find_map(|a| a.strip_prefix("ext=")).unwrap_or("dot");
    let out = dir.path().join(format!("out.{ext}"));
    let mut all = vec!["render"];
    all.extend(
        args.iter()
            .filter(|a| !a.starts_with("ext="))
            .map(|&a| if a == SEEDS { seeds_file() } else { a }),
    );
    all.extend(["-o", out.to_str().unwrap()]);
    let r = run(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read(&out).unwrap()
}

/// Graphviz tests need `dot`; CI installs it, a developer machine may not have it.
fn graphviz() -> bool {
    let ok = claimgraph::render::dot::graphviz_available();
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have graphviz installed (.ci/run installs it)"
        );
        eprintln!("graphviz is not installed: skipping");
    }
    ok
}

#[test]
fn seeds_dot_snapshot() {
    let dot = String::from_utf8(render(&[SEEDS, "ext=dot"])).unwrap();
    insta::assert_snapshot!("seeds_dot", dot);
}

#[test]
fn dot_parses_back_for_every_option() {
    for opts in [
        vec![],
        vec!["--group-by", "actor"],
        vec!["--group-by", "side", "--edge-labels"],
        vec!["--only", "contradictions"],
        vec!["--max-nodes", "5"],
    ] {
        let mut args = vec![SEEDS, "ext=dot"];
        args.extend(opts.iter().copied());
        let dot = String::from_utf8(render(&args)).unwrap();
        graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{opts:?}: {e}"));
    }
}

#[test]
fn max_nodes_draws_one_node_per_actor() {
    let dot = String::from_utf8(render(&[SEEDS, "ext=dot", "--max-nodes", "5"])).unwrap();
    assert!(dot.contains("one node per actor"));
    assert!(dot.contains("a1") && !dot.contains("s1 "));
    assert!(dot.contains("denies\"") || dot.contains(" denies"), "{dot}");
}

/// Every node's and cluster's attributes, in subgraphs too.
fn node_attributes(stmts: &[graphviz_rust::dot_structures::Stmt], out: &mut Vec<(String, String)>) {
    use graphviz_rust::dot_structures::{Id, Stmt};
    let text = |id: &Id| match id {
        Id::Plain(k) | Id::Escaped(k) | Id::Html(k) | Id::Anonymous(k) => k.clone(),
    };
    for s in stmts {
        match s {
            Stmt::Node(n) => out.extend(n.attributes.iter().map(|a| (text(&a.0), text(&a.1)))),
            Stmt::Attribute(a) => out.push((text(&a.0), text(&a.1))),
            Stmt::Subgraph(g) => node_attributes(&g.stmts, out),
            _ => {}
        }
    }
}

#[test]
fn hostile_text_stays_label_text_in_dot() {
    use graphviz_rust::dot_structures::Graph;
    let dot = String::from_utf8(render(&[HOSTILE, "ext=dot", "--edge-labels", "--all"])).unwrap();
    let g = graphviz_rust::parse(&dot).expect("parses back");
    let Graph::DiGraph { stmts, .. } = g else {
        panic!("a digraph")
    };
    let mut attributes = Vec::new();
    node_attributes(&stmts, &mut attributes);
    let mut labels = Vec::new();
    for (key, value) in &attributes {
        assert!(
            !["image", "shapefile", "imagepath", "fontpath"].contains(&key.as_str()),
            "injected {key}"
        );
        if key == "label" {
            assert!(value.starts_with('"'), "an input label is a quoted string: {value}");
            labels.push(value.replace("\\n", " "));
        }
    }
    assert!(
        labels.iter().any(|l| l.contains(r#"[image=\"/etc/passwd\"]"#)),
        "{labels:?}"
    );
    if graphviz() {
        let svg = claimgraph::render::dot::run_dot(&dot, graphviz_rust::cmd::Format::Svg).expect("dot accepts it");
        assert!(String::from_utf8_lossy(&svg).contains("/etc/passwd"));
    }
}

#[test]
fn builtin_svg_is_well_formed_and_holds_the_statements() {
    let svg = String::from_utf8(render(&[SEEDS, "ext=svg", "--engine", "builtin"])).unwrap();
    resvg::usvg::Tree::from_str(&svg, &Default::default()).expect("well-formed SVG");
    for text in ["Azerbaijan", "Armenia", "cuộc pháo kích do Armenia bắt đầu"] {
        assert!(svg.contains(text), "{text} missing");
    }
    let hostile = String::from_utf8(render(&[HOSTILE, "ext=svg", "--engine", "builtin", "--edge-labels"])).unwrap();
    resvg::usvg::Tree::from_str(&hostile, &Default::default()).expect("well-formed with hostile text");
    assert!(!hostile.contains("<script>") && !hostile.contains("<img"));
}

fn dark_pixels(png: &[u8]) -> (u32, u32, usize) {
    let p = resvg::tiny_skia::Pixmap::decode_png(png).expect("a PNG");
    let dark = p
        .pixels()
        .iter()
        .filter(|c| c.red() < 60 && c.green() < 60 && c.blue() < 60)
        .count();
    (p.width(), p.height(), dark)
}

#[test]
fn builtin_png_has_text_pixels() {
    let png = render(&[SEEDS, "ext=png", "--engine", "builtin", "--only", "contradictions"]);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h, dark) = dark_pixels(&png);
    assert!(w > 400 && h > 300, "{w}x{h}");
    // Text is the only near-black ink: labels were drawn with the bundled font.
    assert!(dark > 2000, "only {dark} dark pixels");
}

// One test per format, so the harness runs them side by side.
#[test]
fn graphviz_png() {
    if !graphviz() {
        return;
    }
    let png = render(&[SEEDS, "ext=png", "--engine", "graphviz", "--group-by", "side"]);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(dark_pixels(&png).2 > 2000);
}

#[test]
fn graphviz_svg() {
    if !graphviz() {
        return;
    }
    let svg = String::from_utf8(render(&[SEEDS, "ext=svg", "--engine", "graphviz"])).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Azerbaijan"));
}

#[test]
fn graphviz_pdf() {
    if !graphviz() {
        return;
    }
    let pdf = render(&[SEEDS, "ext=pdf"]);
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn pdf_without_graphviz_is_a_clear_error_and_leaves_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    std::fs::write(&out, b"old").unwrap();
    // Asking the builtin engine for a PDF is a bad argument (exit 2), whether or not dot is installed.
    let r = run(&["render", SEEDS, "-o", out.to_str().unwrap(), "--engine", "builtin"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("the builtin engine draws SVG and PNG only: PDF needs Graphviz"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn missing_dot_names_graphviz_and_how_to_install_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    let r = common::bin()
        .args(["render", SEEDS, "-o", out.to_str().unwrap(), "--engine", "graphviz"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        stderr.contains("graphviz is needed") && stderr.contains("--engine builtin"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn unknown_extension_asks_for_a_format() {
    let r = run(&["render", SEEDS, "-o", "/tmp/x.unknown"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("--format"), "{}", r.stderr);
}

#[test]
fn html_report_is_self_contained_and_escapes_everything() {
    let html = String::from_utf8(render(&[HOSTILE, "ext=html"])).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for bad in [
        "<script>alert",
        "<img src=x",
        "<svg onload",
        "</text></g></svg><script>",
        "<b>bold</b>",
    ] {
        assert!(!html.contains(bad), "unescaped {bad}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    // Exactly one script: ours. No network: no external source or link.
    assert_eq!(html.matches("<script").count(), 1);
    for external in ["src=\"http", "href=\"http", "src='http", "@import", "url(http"] {
        assert!(!html.contains(external), "{external}");
    }
}

#[test]
fn html_report_has_every_section() {
    let html = String::from_utf8(render(&[SEEDS, "ext=html"])).unwrap();
    for section in [
        "<h2>Graph</h2>",
        "<h2>Contradictions</h2>",
        "<h2>Sides</h2>",
        "<h2>Contested statements</h2>",
        "<h2>Actors</h2>",
    ] {
        assert!(html.contains(section), "{section}");
    }
    assert!(html.contains("class=\"node\"") && html.contains("data-key=\"armenia-azerbaijan-border-2022/s5\""));
}

#[test]
fn render_is_deterministic() {
    for ext in ["ext=dot", "ext=svg", "ext=html"] {
        let a = render(&[SEEDS, ext, "--engine", "builtin"]);
        let b = render(&[SEEDS, ext, "--engine", "builtin"]);
        assert_eq!(a, b, "{ext}");
    }
}

/// The seeds' graph and analysis, through the library.
fn seeds() -> (claimgraph::ClaimGraph, claimgraph::analysis::Analysis) {
    let set = claimgraph::load(
        &[std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/articles/vi"
        ))],
        &Default::default(),
    )
    .expect("the seeds load")
    .set;
    let graph = claimgraph::ClaimGraph::build(set);
    let analysis = claimgraph::analyze(&graph);
    (graph, analysis)
}

#[test]
fn seeds_default_picture_is_the_dispute_readable_at_full_size() {
    use claimgraph::render::geometry::{crossings, overlaps};
    use claimgraph::render::{Picture, PictureOptions, svg};
    let (graph, analysis) = seeds();
    let p = Picture::new(&graph, &analysis, &PictureOptions::default());
    assert!(!p.summary);
    // Only statements in a relation; the others counted in the caption.
    let related: std::collections::BTreeSet<usize> = graph.edges().iter().flat_map(|(a, b, _)| [*a, *b]).collect();
    assert_eq!(p.nodes.len(), related.len());
    let hidden = graph.statements().len() - related.len();
    assert!(
        p.caption[0].starts_with(&format!("{hidden} statements outside any relation not shown; --all")),
        "{:?}",
        p.caption
    );
    // Camps named by their actors, not "group 1, camp A".
    assert!(p.clusters.iter().any(|c| c.label == "Armenia") && p.clusters.iter().any(|c| c.label == "Azerbaijan"));
    assert!(p.clusters.iter().all(|c| !c.label.contains("camp")));
    let d = svg::drawing(&p);
    assert!(d.width <= 1600.0 && d.height <= 1200.0, "{} × {}", d.width, d.height);
    let l = &d.layout;
    let nodes: Vec<_> = (0..l.pos.len())
        .map(|i| (l.pos[i].0, l.pos[i].1, l.size[i].0, l.size[i].1))
        .collect();
    for (k, path) in l.edges.iter().enumerate() {
        assert!(crossings(path, &nodes).is_empty(), "edge {k} passes through a node");
    }
    // Every contradiction labelled by its kind, on its edge, clear of nodes and other labels.
    let mut boxes = Vec::new();
    for (k, e) in p.edges.iter().enumerate() {
        if e.kind.is_negative() {
            assert_eq!(e.label, e.kind.as_str());
            let (w, h) = d.label_sizes[k];
            let (cx, cy) = l.labels[k].expect("a contradiction's label is placed");
            let on_edge = l.edges[k]
                .sample(40)
                .iter()
                .any(|p| (p.0 - cx).abs() < 2.0 && (p.1 - cy).abs() < 2.0);
            assert!(on_edge, "label {k} is not on its edge");
            boxes.push((cx - w / 2.0, cy - h / 2.0, w, h));
        }
    }
    for (i, a) in boxes.iter().enumerate() {
        assert!(nodes.iter().all(|n| !overlaps(*a, *n)), "label {i} covers a node");
        for b in &boxes[i + 1..] {
            assert!(!overlaps(*a, *b), "labels overlap");
        }
    }
    // The legend only shows what is drawn.
    let legend = p.legend();
    assert!(!legend.shapes.contains(&claimgraph::render::picture::Shape::Appeal));
}

#[test]
fn graphviz_draws_the_seeds_dispute_within_a_screen() {
    if !graphviz() {
        return;
    }
    let png = render(&[SEEDS, "ext=png", "--engine", "graphviz"]);
    let (w, h, dark) = dark_pixels(&png);
    assert!(w <= 1600 && h <= 1200, "{w} × {h}");
    assert!(dark > 2000);
    let svg = String::from_utf8(render(&[SEEDS, "ext=svg", "--engine", "graphviz"])).unwrap();
    assert!(svg.contains("outside any relation not shown"));
    // A4 landscape: 842 × 595 points.
    let pdf = render(&[SEEDS, "ext=pdf"]);
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("MediaBox [ 0 0 842 595 ]"), "not an A4 landscape page");
}

#[test]
fn all_draws_the_statements_outside_any_relation() {
    let (graph, analysis) = seeds();
    let options = claimgraph::render::PictureOptions {
        all: true,
        ..Default::default()
    };
    let p = claimgraph::render::Picture::new(&graph, &analysis, &options);
    assert_eq!(p.nodes.len(), graph.statements().len());
    assert!(p.clusters.iter().any(|c| c.grid && c.label == "outside any relation"));
    assert!(p.caption.is_empty());
}

#[test]
fn actor_view_has_one_counted_edge_per_pair_and_kind() {
    let dot = String::from_utf8(render(&[SEEDS, "ext=dot", "--max-nodes", "5"])).unwrap();
    assert!(dot.contains("one node per actor"), "{dot}");
    let (graph, analysis) = seeds();
    let options = claimgraph::render::PictureOptions {
        max_nodes: 5,
        ..Default::default()
    };
    let p = claimgraph::render::Picture::new(&graph, &analysis, &options);
    assert!(p.summary);
    let mut seen = std::collections::BTreeSet::new();
    for e in &p.edges {
        assert!(seen.insert((e.from, e.to, e.kind)), "two edges for one pair and kind");
        let noun = match e.kind {
            claimgraph::model::RelationType::Supports => "support",
            claimgraph::model::RelationType::Disputes => "dispute",
            claimgraph::model::RelationType::Denies => "denial",
        };
        let expected = if e.weight == 1 {
            format!("1 {noun}")
        } else {
            format!("{} {noun}s", e.weight)
        };
        assert_eq!(e.label, expected);
    }
    assert!(p.edges.iter().any(|e| e.label.ends_with("denials")), "{:?}", p.edges);
    // Its legend: no statement shapes.
    assert!(p.legend().shapes.is_empty());
}

#[test]
fn html_report_shows_each_statements_evidence() {
    let html = String::from_utf8(render(&[SEEDS, "ext=html"])).unwrap();
    let data = &html[html.find("var DATA = JSON.parse(").unwrap() + 22..];
    let data = &data[..data.find(");\n").unwrap()];
    let json: String = serde_json::from_str(data).expect("a string literal");
    let v: serde_json::Value = serde_json::from_str(&json).expect("the page's data is JSON");
    let statements = v["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 45);
    let s1 = &statements[0];
    assert_eq!(s1["mention"], "ông Pashinyan");
    assert_eq!(s1["article"], "armenia-azerbaijan-border-2022");
    // The line in the article file (each paragraph of the seeds is a line).
    assert_eq!(s1["line"], 1);
    assert_eq!(statements[2]["line"], 2);
    let quote = s1["quote"].as_array().expect("the sentence in pieces");
    assert!(quote.iter().any(|p| p[0] == 1), "the cue is marked");
    assert!(quote.iter().any(|p| p[0] == 2), "the content is marked");
    for id in ["f-actor", "f-camp", "f-kind", "f-text"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
}

/// A dense generated statement file (stories of 20, relations of every type
/// both ways, so camps hold inconsistencies): what trips Graphviz 2.x.
fn dense(n: usize, path: &std::path::Path) {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let statements: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"id": format!("s{i}"), "source": format!("actor{}", next() % 40), "text": format!("statement {i}")}))
        .collect();
    let types = ["supports", "supports", "disputes", "denies"];
    let mut relations = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    while relations.len() < 2 * n {
        let story = (next() as usize % n.div_ceil(20)) * 20;
        let (a, b) = (story + next() as usize % 20, story + next() as usize % 20);
        if a != b && a < n && b < n && seen.insert((a, b)) {
            let t = types[next() as usize % 4];
            relations.push(serde_json::json!({"from": format!("s{a}"), "to": format!("s{b}"), "type": t}));
        }
    }
    let set = serde_json::json!({"statements": statements, "relations": relations});
    std::fs::write(path, set.to_string()).unwrap();
}

#[test]
fn graphviz_failures_on_camps_fall_back_with_a_note() {
    if !graphviz() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dense.json");
    dense(100, &input);
    for (engine, said) in [
        ("auto", "drawing with the builtin engine"),
        ("graphviz", "drawn without them"),
    ] {
        let out = dir.path().join(format!("{engine}.svg"));
        let r = run(&[
            "render",
            input.to_str().unwrap(),
            "--max-nodes",
            "1000",
            "--engine",
            engine,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let svg = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
        assert!(svg.contains("<svg") && svg.contains("statement 42"));
        // Graphviz may or may not manage; when it does not, the user is told.
        if r.stderr.contains("could not lay the camps out") {
            assert!(r.stderr.contains(said), "{}", r.stderr);
        }
    }
}

#[test]
fn auto_never_hands_graphviz_a_large_picture() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dense.json");
    dense(400, &input);
    let out = dir.path().join("big.svg");
    let r = run(&[
        "render",
        input.to_str().unwrap(),
        "--max-nodes",
        "1000",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    if claimgraph::render::dot::graphviz_available() {
        assert!(r.stderr.contains("too many for graphviz"), "{}", r.stderr);
    }
    assert!(r.stderr.contains("note: drawing 3"), "a progress line: {}", r.stderr);
    // The builtin engine drew it.
    assert!(
        String::from_utf8(std::fs::read(&out).unwrap())
            .unwrap()
            .contains("font-family=\"DejaVu Sans\"")
    );
}
