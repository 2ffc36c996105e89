//! The builtin engine: a [`Picture`] drawn as SVG with [`super::layout`],
//! and as PNG through resvg with the bundled DejaVu Sans (so text never
//! depends on the machine's fonts). Every piece of input text goes through
//! [`xml`].

use super::layout::{Layout, layout};
use super::picture::{PEdge, Picture, Shape, edge_style, wrap};
use crate::error::{Error, Result};
use crate::model::RelationType;
use std::fmt::Write;

/// Escapes text for XML/HTML content and attribute values; characters XML
/// does not allow (controls but tab and newline, U+FFFE, U+FFFF) never pass.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            // Not characters XML allows: the document would not be well-formed.
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The bundled fonts (DejaVu Sans, regular and bold: full Vietnamese coverage).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../data/fonts/DejaVuSans.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-Bold.ttf");
pub const FONT_FAMILY: &str = "DejaVu Sans";

const FONT_SIZE: f64 = 11.0;
const LINE: f64 = 14.0;
const CHAR_W: f64 = 6.6;
const BOLD_W: f64 = 7.3;
const PAD_X: f64 = 12.0;
const PAD_Y: f64 = 8.0;
const WRAP: usize = 40;
const MAX_LINES: usize = 8;
const MARGIN: f64 = 20.0;
const LEGEND_H: f64 = 64.0;

struct NodeText {
    title: String,
    lines: Vec<String>,
}

fn node_text(p: &Picture) -> Vec<NodeText> {
    p.nodes
        .iter()
        .map(|n| NodeText {
            title: n.title.chars().take(60).collect(),
            lines: wrap(&n.text, WRAP, MAX_LINES),
        })
        .collect()
}

fn node_size(shape: Shape, t: &NodeText) -> (f64, f64) {
    let chars = t.lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    let mut w = (chars * CHAR_W).max(t.title.chars().count() as f64 * BOLD_W) + 2.0 * PAD_X;
    let mut h = (t.lines.len() + 1) as f64 * LINE + 2.0 * PAD_Y;
    match shape {
        Shape::Appeal => {
            w *= 1.2;
            h += 12.0;
        }
        Shape::Accusation | Shape::Denial | Shape::Condemnation => w += 24.0,
        _ => {}
    }
    (w.max(80.0), h)
}

/// The outline of a node as SVG elements (without fill/stroke attributes).
fn outline(shape: Shape, x: f64, y: f64, w: f64, h: f64) -> Vec<String> {
    let poly = |pts: &[(f64, f64)]| {
        let s: Vec<String> = pts.iter().map(|(a, b)| format!("{:.1},{:.1}", x + a, y + b)).collect();
        format!("<polygon points=\"{}\"", s.join(" "))
    };
    let c = 12.0;
    match shape {
        Shape::Claim | Shape::Actor => vec![format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"8\""
        )],
        Shape::Accusation => vec![poly(&[
            (c, 0.0),
            (w - c, 0.0),
            (w, h / 2.0),
            (w - c, h),
            (c, h),
            (0.0, h / 2.0),
        ])],
        Shape::Denial => vec![poly(&[
            (c, 0.0),
            (w - c, 0.0),
            (w, c),
            (w, h - c),
            (w - c, h),
            (c, h),
            (0.0, h - c),
            (0.0, c),
        ])],
        Shape::Condemnation => {
            let o = |d: f64| {
                poly(&[
                    (c + d, d),
                    (w - c - d, d),
                    (w - d, c + d),
                    (w - d, h - c - d),
                    (w - c - d, h - d),
                    (c + d, h - d),
                    (d, h - c - d),
                    (d, c + d),
                ])
            };
            vec![o(0.0), o(4.0)]
        }
        Shape::Appeal => vec![format!(
            "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\"",
            x + w / 2.0,
            y + h / 2.0,
            w / 2.0,
            h / 2.0
        )],
        Shape::Narration => vec![
            poly(&[(0.0, 0.0), (w - c, 0.0), (w, c), (w, h), (0.0, h)]),
            format!(
                "<polyline points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\"",
                x + w - c,
                y,
                x + w - c,
                y + c,
                x + w,
                y + c
            ),
        ],
    }
}

/// Options of the SVG writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct SvgOptions {
    /// Ids and data attributes for the HTML report's script.
    pub interactive: bool,
}

/// The picture as an SVG document.
pub fn to_svg(p: &Picture, options: SvgOptions) -> String {
    let texts = node_text(p);
    let sizes: Vec<(f64, f64)> = p.nodes.iter().zip(&texts).map(|(n, t)| node_size(n.shape, t)).collect();
    let groups: Vec<Option<usize>> = p.nodes.iter().map(|n| n.group).collect();
    let edges: Vec<(usize, usize)> = p.edges.iter().map(|e| (e.from, e.to)).collect();
    let l = layout(&sizes, &groups, p.groups.len(), &edges, MARGIN, MARGIN + LEGEND_H);
    let width = (l.width + 2.0 * MARGIN).max(640.0);
    let height = l.height + LEGEND_H + 2.0 * MARGIN;
    let mut s = String::with_capacity(4096 + p.nodes.len() * 600);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT_FAMILY}\" font-size=\"{FONT_SIZE}\">"
    );
    s.push_str("<defs>\n");
    for t in RelationType::ALL {
        let (color, _, _) = edge_style(t);
        let _ = writeln!(
            s,
            "<marker id=\"arrow-{t}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{color}\"/></marker>"
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let title = if p.summary {
        format!("claimgraph: {} statements, one node per actor", p.statements_total)
    } else {
        format!("claimgraph: {} of {} statements", p.nodes.len(), p.statements_total)
    };
    let _ = writeln!(
        s,
        "<text x=\"{MARGIN}\" y=\"{}\" font-weight=\"bold\" font-size=\"13\">{}</text>",
        MARGIN + 4.0,
        xml(&title)
    );
    legend(&mut s, MARGIN, MARGIN + 16.0);
    for (g, label) in p.groups.iter().enumerate() {
        let (x, y, w, h) = l.clusters[g];
        if w <= 0.0 {
            continue;
        }
        let _ = writeln!(
            s,
            "<g class=\"cluster\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"10\" fill=\"#fafafa\" stroke=\"#888888\"/><text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"bold\">{}</text></g>",
            x + 10.0,
            y + 16.0,
            xml(label)
        );
    }
    for e in &p.edges {
        edge(&mut s, p, &l, e, options);
    }
    for (i, n) in p.nodes.iter().enumerate() {
        let (x, y) = l.pos[i];
        let (w, h) = sizes[i];
        if options.interactive {
            let _ = write!(
                s,
                "<g class=\"node\" id=\"node-{}\" data-key=\"{}\">",
                n.id,
                xml(&n.key)
            );
        } else {
            s.push_str("<g>");
        }
        let _ = write!(s, "<title>{}</title>", xml(&n.key));
        let stroke = if n.dashed { " stroke-dasharray=\"5,3\"" } else { "" };
        for el in outline(n.shape, x, y, w, h) {
            let fill = if el.starts_with("<polyline") { "none" } else { n.fill };
            let _ = write!(
                s,
                "{el} fill=\"{fill}\" stroke=\"#555555\" stroke-width=\"1.2\"{stroke}/>"
            );
        }
        let cx = x + w / 2.0;
        let lines = texts[i].lines.len() + 1;
        let mut ty = y + (h - lines as f64 * LINE) / 2.0 + LINE - 3.0;
        let _ = write!(
            s,
            "<text x=\"{cx:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
            xml(&texts[i].title)
        );
        for line in &texts[i].lines {
            ty += LINE;
            let _ = write!(
                s,
                "<text x=\"{cx:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\">{}</text>",
                xml(line)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

fn legend(s: &mut String, x: f64, y: f64) {
    let mut cx = x;
    for shape in Shape::LEGEND {
        let w = 108.0;
        for el in outline(shape, cx, y, w, 22.0) {
            let fill = if el.starts_with("<polyline") { "none" } else { "#f4f4f4" };
            let _ = write!(s, "{el} fill=\"{fill}\" stroke=\"#555555\"/>");
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\">{}</text>",
            cx + w / 2.0,
            y + 15.0,
            shape.name()
        );
        cx += w + 8.0;
    }
    let _ = write!(
        s,
        "<rect x=\"{cx:.1}\" y=\"{y:.1}\" width=\"84\" height=\"22\" rx=\"8\" fill=\"#f4f4f4\" stroke=\"#555555\" stroke-dasharray=\"5,3\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\">implicit</text>",
        cx + 42.0,
        y + 15.0
    );
    let mut ex = x;
    let ey = y + 36.0;
    for t in RelationType::ALL {
        let (color, style, width) = edge_style(t);
        let dash = if style == "dashed" {
            " stroke-dasharray=\"6,4\""
        } else {
            ""
        };
        let _ = write!(
            s,
            "<path d=\"M{ex:.1},{ey:.1} L{:.1},{ey:.1}\" stroke=\"{color}\" stroke-width=\"{width}\" fill=\"none\"{dash} marker-end=\"url(#arrow-{t})\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"{color}\">{t}</text>",
            ex + 40.0,
            ex + 46.0,
            ey + 4.0
        );
        ex += 130.0;
    }
    s.push('\n');
}

fn edge(s: &mut String, p: &Picture, l: &Layout, e: &PEdge, options: SvgOptions) {
    let (ax, ay) = l.pos[e.from];
    let (aw, ah) = l.size[e.from];
    let (bx, by) = l.pos[e.to];
    let (bw, bh) = l.size[e.to];
    let (sy, ty) = (ay + ah / 2.0, by + bh / 2.0);
    let d = if bx >= ax + aw {
        let (sx, tx) = (ax + aw, bx);
        let dx = (tx - sx) / 2.0;
        format!(
            "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ty:.1} {tx:.1},{ty:.1}",
            sx + dx,
            tx - dx
        )
    } else if bx + bw <= ax {
        let (sx, tx) = (ax, bx + bw);
        let dx = (sx - tx) / 2.0;
        format!(
            "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ty:.1} {tx:.1},{ty:.1}",
            sx - dx,
            tx + dx
        )
    } else {
        // Same column: a bulge to the right.
        let (sx, tx) = (ax + aw, bx + bw);
        let out = sx.max(tx) + 40.0;
        format!("M{sx:.1},{sy:.1} C{out:.1},{sy:.1} {out:.1},{ty:.1} {tx:.1},{ty:.1}")
    };
    let (color, style, width) = edge_style(e.kind);
    let dash = if style == "dashed" {
        " stroke-dasharray=\"6,4\""
    } else {
        ""
    };
    let width = width * (1.0 + (e.weight as f64).ln()).min(6.0);
    let data = if options.interactive {
        format!(
            " class=\"edge\" data-from=\"{}\" data-to=\"{}\"",
            p.nodes[e.from].id, p.nodes[e.to].id
        )
    } else {
        String::new()
    };
    let _ = write!(
        s,
        "<path{data} d=\"{d}\" stroke=\"{color}\" stroke-width=\"{width:.1}\" fill=\"none\"{dash} marker-end=\"url(#arrow-{})\"><title>{}</title></path>",
        e.kind,
        xml(&format!("{}: {}", e.kind, e.label))
    );
    if p.edge_labels {
        let (mx, my) = ((ax + aw + bx) / 2.0, (sy + ty) / 2.0);
        let label: String = wrap(&e.label, 30, 1).join(" ");
        let _ = write!(
            s,
            "<text x=\"{mx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{color}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
            my - 3.0,
            xml(&label)
        );
    }
    s.push('\n');
}

/// The largest PNG drawn, in pixels; larger pictures are scaled down.
pub const MAX_PNG_PIXELS: f64 = 24_000_000.0;

/// Renders SVG text (from [`to_svg`]) to PNG with the bundled fonts.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>> {
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_font_data(FONT_REGULAR.to_vec());
    db.load_font_data(FONT_BOLD.to_vec());
    db.set_sans_serif_family(FONT_FAMILY);
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(db),
        font_family: FONT_FAMILY.to_string(),
        ..Default::default()
    };
    let tree =
        resvg::usvg::Tree::from_str(svg, &options).map_err(|e| Error::Tool(format!("cannot read the SVG: {e}")))?;
    let size = tree.size();
    let scale = (MAX_PNG_PIXELS / (f64::from(size.width()) * f64::from(size.height())))
        .sqrt()
        .min(1.0) as f32;
    let (w, h) = (
        ((size.width() * scale).ceil() as u32).max(1),
        ((size.height() * scale).ceil() as u32).max(1),
    );
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w, h).ok_or_else(|| Error::Tool(format!("cannot make a {w}×{h} image")))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::Tool(format!("cannot encode the PNG: {e}")))
}
