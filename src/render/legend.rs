//! The builtin engine's legend: only the shapes, borders and edge kinds a
//! picture uses, flowed into rows in the picture's top right-hand corner.

use super::palette::edge_style;
use super::picture::{Picture, Shape};
use super::svg::{SMALL, SMALL_W, outline, xml};
use crate::model::RelationType;
use std::fmt::Write;

/// The legend's items and its size: only what the picture uses.
pub(super) struct LegendItem {
    /// Kind of icon: a shape, an edge kind, or the dashed "implicit" box.
    icon: Icon,
    text: String,
}

enum Icon {
    Shape(Shape),
    Implicit,
    Edge(RelationType),
    Width,
}

const LEGEND_ICON: f64 = 30.0;
const LEGEND_ROW: f64 = 20.0;
const LEGEND_MAX_W: f64 = 520.0;

pub(super) fn legend_items(p: &Picture) -> Vec<LegendItem> {
    let l = p.legend();
    let mut items: Vec<LegendItem> = l
        .shapes
        .iter()
        .map(|s| LegendItem {
            icon: Icon::Shape(*s),
            text: s.name().to_string(),
        })
        .collect();
    if l.implicit {
        items.push(LegendItem {
            icon: Icon::Implicit,
            text: "implicit (reported only)".into(),
        });
    }
    for k in l.edges {
        items.push(LegendItem {
            icon: Icon::Edge(k),
            text: k.as_str().to_string(),
        });
    }
    if p.summary && !p.edges.is_empty() {
        items.push(LegendItem {
            icon: Icon::Width,
            text: "width: number of relations".into(),
        });
    }
    items
}

fn item_width(i: &LegendItem) -> f64 {
    LEGEND_ICON + 6.0 + i.text.chars().count() as f64 * SMALL_W + 14.0
}

/// Legend rows: items flowed into rows of at most `LEGEND_MAX_W`.
fn legend_rows(items: &[LegendItem]) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut w = 0.0;
    for (k, i) in items.iter().enumerate() {
        let iw = item_width(i);
        if rows.is_empty() || w + iw > LEGEND_MAX_W {
            rows.push(Vec::new());
            w = 0.0;
        }
        rows.last_mut().expect("a row").push(k);
        w += iw;
    }
    rows
}

pub(super) fn legend_size(items: &[LegendItem]) -> (f64, f64) {
    let rows = legend_rows(items);
    let w = rows
        .iter()
        .map(|r| r.iter().map(|&k| item_width(&items[k])).sum::<f64>())
        .fold(0.0, f64::max);
    (w + 12.0, rows.len() as f64 * LEGEND_ROW + 10.0)
}

pub(super) fn draw_legend(s: &mut String, items: &[LegendItem], x: f64, y: f64) {
    let (w, h) = legend_size(items);
    let _ = write!(
        s,
        "<g class=\"legend\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"6\" fill=\"#fbfbfb\" stroke=\"#cccccc\"/>"
    );
    for (r, row) in legend_rows(items).iter().enumerate() {
        let mut cx = x + 8.0;
        let cy = y + 5.0 + r as f64 * LEGEND_ROW;
        for &k in row {
            let item = &items[k];
            match item.icon {
                Icon::Shape(shape) => {
                    for el in outline(shape, cx, cy + 2.0, LEGEND_ICON, 14.0) {
                        let fill = if el.starts_with("<polyline") { "none" } else { "#eeeeee" };
                        let _ = write!(s, "{el} fill=\"{fill}\" stroke=\"#555555\"/>");
                    }
                }
                Icon::Implicit => {
                    let _ = write!(
                        s,
                        "<rect x=\"{cx:.1}\" y=\"{:.1}\" width=\"{LEGEND_ICON}\" height=\"14\" rx=\"3\" fill=\"#eeeeee\" stroke=\"#555555\" stroke-dasharray=\"4,2\"/>",
                        cy + 2.0
                    );
                }
                Icon::Edge(kind) => {
                    let st = edge_style(kind);
                    let dash = if st.style == "dashed" {
                        " stroke-dasharray=\"6,3\""
                    } else {
                        ""
                    };
                    let _ = write!(
                        s,
                        "<path d=\"M{cx:.1},{:.1} L{:.1},{:.1}\" stroke=\"{}\" stroke-width=\"{}\" fill=\"none\"{dash} marker-end=\"url(#arrow-{kind})\"/>",
                        cy + 9.0,
                        cx + LEGEND_ICON - 4.0,
                        cy + 9.0,
                        st.color,
                        st.width
                    );
                }
                Icon::Width => {
                    for (j, wd) in [1.4, 3.0, 5.0].iter().enumerate() {
                        let _ = write!(
                            s,
                            "<path d=\"M{:.1},{:.1} L{:.1},{:.1}\" stroke=\"#777777\" stroke-width=\"{wd}\"/>",
                            cx + j as f64 * 11.0,
                            cy + 16.0,
                            cx + j as f64 * 11.0,
                            cy + 2.0
                        );
                    }
                }
            }
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{SMALL}\">{}</text>",
                cx + LEGEND_ICON + 6.0,
                cy + 13.0,
                xml(&item.text)
            );
            cx += item_width(item);
        }
    }
    s.push_str("</g>\n");
}
