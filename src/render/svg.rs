//! The builtin engine: a [`Picture`] drawn as SVG with [`super::bands`]
//! (camps side by side) or [`super::layout`] (layers), and as PNG through
//! resvg with the bundled DejaVu Sans (so text never depends on the
//! machine's fonts). Every piece of input text goes through [`xml`].

use super::bands::{BandCluster, bands};
use super::layout::{Layout, layout};
use super::legend::{LegendItem, draw_legend, legend_items, legend_size};
use super::palette::{edge_style, edge_width};
use super::picture::{Arrangement, Picture, Shape, wrap};
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
pub(super) const SMALL: f64 = 10.0;
pub(super) const SMALL_W: f64 = 6.1;
const PAD_X: f64 = 10.0;
const PAD_Y: f64 = 7.0;
/// Characters per line of a node's text, and lines at most.
pub const WRAP: usize = 34;
pub const MAX_LINES: usize = 4;
/// Characters of an edge label per line, and lines at most.
const LABEL_WRAP: usize = 26;
const LABEL_LINES: usize = 2;
const MARGIN: f64 = 16.0;
/// The width the camps arrangement wraps its blocks at.
pub const MAX_WIDTH: f64 = 1560.0;

struct NodeText {
    title: String,
    lines: Vec<String>,
}

/// `s` cut to `n` characters, with "…" when cut.
pub fn shorten(s: &str, n: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() {
        let keep: String = head.chars().take(n.saturating_sub(1)).collect();
        format!("{}…", keep.trim_end())
    } else {
        head
    }
}

fn node_text(p: &Picture) -> Vec<NodeText> {
    p.nodes
        .iter()
        .map(|n| NodeText {
            title: shorten(&n.title, WRAP),
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
    (w.max(90.0), h)
}

fn label_lines(label: &str) -> Vec<String> {
    wrap(label, LABEL_WRAP, LABEL_LINES)
}

fn label_size(lines: &[String]) -> (f64, f64) {
    if lines.is_empty() {
        return (0.0, 0.0);
    }
    let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    (chars * SMALL_W + 8.0, lines.len() as f64 * 12.0 + 4.0)
}

/// The outline of a node as SVG elements (without fill/stroke attributes).
pub(super) fn outline(shape: Shape, x: f64, y: f64, w: f64, h: f64) -> Vec<String> {
    let poly = |pts: &[(f64, f64)]| {
        let s: Vec<String> = pts.iter().map(|(a, b)| format!("{:.1},{:.1}", x + a, y + b)).collect();
        format!("<polygon points=\"{}\"", s.join(" "))
    };
    let c = (h / 4.0).min(12.0);
    match shape {
        Shape::Claim | Shape::Actor => vec![format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"{:.1}\"",
            (h / 5.0).min(8.0)
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
            vec![o(0.0), o(3.0)]
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

/// The size of the SVG drawn by [`to_svg`], in pixels (for tests and notes).
pub fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let head = &svg[..svg.find('>')?];
    let attr = |name: &str| -> Option<f64> {
        let at = head.find(&format!(" {name}=\""))? + name.len() + 3;
        head[at..].split('"').next()?.trim_end_matches("px").parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// Where everything of a picture goes: the builtin engine's layout with the
/// header above it.
pub struct Drawing {
    pub layout: Layout,
    /// The size of each edge's label box ((0, 0) for none).
    pub label_sizes: Vec<(f64, f64)>,
    /// The whole picture, in pixels.
    pub width: f64,
    pub height: f64,
    texts: Vec<NodeText>,
    labels: Vec<Vec<String>>,
    items: Vec<LegendItem>,
    legend_w: f64,
}

/// Lays a picture out as the builtin engine draws it.
pub fn drawing(p: &Picture) -> Drawing {
    let texts = node_text(p);
    let sizes: Vec<(f64, f64)> = p.nodes.iter().zip(&texts).map(|(n, t)| node_size(n.shape, t)).collect();
    let groups: Vec<Option<usize>> = p.nodes.iter().map(|n| n.group).collect();
    let edges: Vec<(usize, usize)> = p.edges.iter().map(|e| (e.from, e.to)).collect();
    let labels: Vec<Vec<String>> = p.edges.iter().map(|e| label_lines(&e.label)).collect();
    let label_sizes: Vec<(f64, f64)> = labels.iter().map(|l| label_size(l)).collect();
    // The header: title and caption on the left, the legend on the right.
    let items = legend_items(p);
    let (legend_w, legend_h) = if items.is_empty() {
        (0.0, 0.0)
    } else {
        legend_size(&items)
    };
    let text_h = 22.0 + p.caption.len() as f64 * 15.0;
    let header_h = text_h.max(legend_h) + 12.0;
    let top = MARGIN + header_h;
    let layout: Layout = match p.arrangement {
        Arrangement::Camps => {
            let clusters: Vec<BandCluster> = p
                .clusters
                .iter()
                .map(|c| BandCluster {
                    block: c.block,
                    right: c.right,
                    grid: c.grid,
                })
                .collect();
            bands(&sizes, &groups, &clusters, &edges, &label_sizes, MARGIN, top, MAX_WIDTH)
        }
        Arrangement::Layered => layout(&sizes, &groups, p.clusters.len(), &edges, &label_sizes, MARGIN, top),
    };
    let text_w = std::iter::once(&p.title)
        .chain(&p.caption)
        .map(|t| t.chars().count() as f64 * CHAR_W)
        .fold(0.0, f64::max);
    let width = (layout.width + 2.0 * MARGIN)
        .max(text_w + legend_w + 3.0 * MARGIN)
        .max(480.0);
    let height = top + layout.height + MARGIN;
    Drawing {
        layout,
        label_sizes,
        width: width.ceil(),
        height: height.ceil(),
        texts,
        labels,
        items,
        legend_w,
    }
}

/// The picture as an SVG document.
pub fn to_svg(p: &Picture, options: SvgOptions) -> String {
    let Drawing {
        layout: l,
        label_sizes,
        width,
        height,
        texts,
        labels,
        items,
        legend_w,
    } = drawing(p);
    let mut s = String::with_capacity(4096 + p.nodes.len() * 700 + p.edges.len() * 300);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT_FAMILY}\" font-size=\"{FONT_SIZE}\">"
    );
    s.push_str("<defs>\n");
    for t in RelationType::ALL {
        let color = edge_style(t).color;
        let _ = writeln!(
            s,
            "<marker id=\"arrow-{t}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{color}\"/></marker>"
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let _ = writeln!(
        s,
        "<text x=\"{MARGIN}\" y=\"{:.1}\" font-weight=\"bold\" font-size=\"14\">{}</text>",
        MARGIN + 12.0,
        xml(&p.title)
    );
    for (k, line) in p.caption.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text class=\"caption\" x=\"{MARGIN}\" y=\"{:.1}\" fill=\"#444444\">{}</text>",
            MARGIN + 30.0 + k as f64 * 15.0,
            xml(line)
        );
    }
    if !items.is_empty() {
        draw_legend(&mut s, &items, width - MARGIN - legend_w, MARGIN);
    }
    for (g, c) in p.clusters.iter().enumerate() {
        let Some(&(x, y, w, h)) = l.clusters.get(g) else {
            continue;
        };
        if w <= 0.0 {
            continue;
        }
        let label = shorten(&c.label, ((w - 20.0) / BOLD_W).max(4.0) as usize);
        let _ = writeln!(
            s,
            "<g class=\"cluster\"><title>{}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"10\" fill=\"#f7f7f5\" stroke=\"#bbbbbb\"/><text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"bold\" fill=\"#333333\">{}</text></g>",
            xml(&c.label),
            x + 10.0,
            y + 17.0,
            xml(&label)
        );
    }
    for (k, e) in p.edges.iter().enumerate() {
        let st = edge_style(e.kind);
        let dash = if st.style == "dashed" {
            " stroke-dasharray=\"7,4\""
        } else {
            ""
        };
        let data = if options.interactive {
            format!(
                " class=\"edge\" data-from=\"{}\" data-to=\"{}\"",
                p.nodes[e.from].id, p.nodes[e.to].id
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "<path{data} d=\"{}\" stroke=\"{}\" stroke-width=\"{:.1}\" fill=\"none\"{dash} marker-end=\"url(#arrow-{})\"><title>{}</title></path>",
            l.edges[k].svg(),
            st.color,
            edge_width(e.kind, e.weight),
            e.kind,
            xml(&e.tooltip)
        );
    }
    // Labels above every edge.
    for (k, e) in p.edges.iter().enumerate() {
        let (Some((cx, cy)), lines) = (l.labels[k], &labels[k]) else {
            continue;
        };
        let (w, h) = label_sizes[k];
        let color = edge_style(e.kind).color;
        let _ = write!(
            s,
            "<g class=\"edge-label\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>",
            cx - w / 2.0,
            cy - h / 2.0
        );
        for (j, line) in lines.iter().enumerate() {
            let _ = write!(
                s,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{SMALL}\" fill=\"{color}\">{}</text>",
                cy - h / 2.0 + 12.0 + j as f64 * 12.0,
                xml(line)
            );
        }
        s.push_str("</g>\n");
    }
    for (i, n) in p.nodes.iter().enumerate() {
        let (x, y) = l.pos[i];
        let (w, h) = l.size[i];
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
        let _ = write!(s, "<title>{}</title>", xml(&n.tooltip));
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

/// The largest PNG drawn, in pixels; larger pictures are scaled down.
pub const MAX_PNG_PIXELS: f64 = 24_000_000.0;
/// The longest side of a PNG, in pixels.
pub const MAX_PNG_SIDE: f64 = 16_000.0;

/// Renders SVG text (from [`to_svg`] or Graphviz) to PNG with the bundled
/// fonts, scaled down to at most [`MAX_PNG_PIXELS`] and [`MAX_PNG_SIDE`].
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
    let (sw, sh) = (f64::from(size.width()), f64::from(size.height()));
    let scale = (MAX_PNG_PIXELS / (sw * sh))
        .sqrt()
        .min(MAX_PNG_SIDE / sw.max(sh))
        .min(1.0) as f32;
    let side = |x: f32| ((x * scale).round() as u32).clamp(1, MAX_PNG_SIDE as u32);
    let (w, h) = (side(size.width()), side(size.height()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_is_capped_in_pixels() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="60000" viewBox="0 0 2000 60000"><rect width="100%" height="100%" fill="#ffffff"/></svg>"##;
        let p = resvg::tiny_skia::Pixmap::decode_png(&svg_to_png(svg).unwrap()).unwrap();
        assert!(f64::from(p.width()) * f64::from(p.height()) <= MAX_PNG_PIXELS * 1.01);
        assert!(f64::from(p.height()) <= MAX_PNG_SIDE);
    }
}
