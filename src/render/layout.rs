//! The builtin layered layout (for `--group-by article|actor|none`):
//! left to right, one block per cluster. The default picture uses
//! [`super::bands`] instead.
//!
//! Per cluster: statements linked by relations are put in columns by longest
//! path (edges that close a cycle are ignored for that), ordered within a
//! column by the barycentre of their neighbours (a few sweeps each way), and
//! stacked; statements with no relation in the cluster are packed in a grid
//! below. Clusters are stacked top to bottom. Cost: O((V + E) · sweeps) plus
//! sorting, so hundreds of statements lay out in milliseconds.

use super::geometry::{Path, Point, Rect, Segment, place_labels};

/// Node sizes in; positions, edge paths and label places out.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Top-left corner of each node.
    pub pos: Vec<(f64, f64)>,
    /// Node sizes (a layout may widen nodes to line them up).
    pub size: Vec<(f64, f64)>,
    /// Cluster boxes: (x, y, width, height), by cluster index.
    pub clusters: Vec<Rect>,
    /// Each edge's path, by edge index.
    pub edges: Vec<Path>,
    /// Each edge label's centre (None: no label).
    pub labels: Vec<Option<Point>>,
    pub width: f64,
    pub height: f64,
}

const COLUMN_GAP: f64 = 70.0;
const ROW_GAP: f64 = 16.0;
const CLUSTER_PAD: f64 = 16.0;
const CLUSTER_LABEL: f64 = 22.0;
const CLUSTER_GAP: f64 = 24.0;
const SWEEPS: usize = 4;
const GRID_COLUMNS: usize = 4;

/// Lays out `sizes.len()` nodes in `clusters` clusters (`group[i]`: the
/// cluster of node i, `None` = a cluster of its own at the end), with
/// directed `edges` whose labels have the sizes `labels`, starting at
/// (`x0`, `y0`).
pub fn layout(
    sizes: &[(f64, f64)],
    group: &[Option<usize>],
    clusters: usize,
    edges: &[(usize, usize)],
    labels: &[(f64, f64)],
    x0: f64,
    y0: f64,
) -> Layout {
    let n = sizes.len();
    let mut pos = vec![(0.0, 0.0); n];
    let mut boxes = vec![(0.0, 0.0, 0.0, 0.0); clusters];
    let mut y = y0;
    let mut width: f64 = 0.0;
    // Clusters in order, then the nodes without one.
    for c in (0..clusters).map(Some).chain(std::iter::once(None)) {
        let members: Vec<usize> = (0..n).filter(|&i| group[i] == c).collect();
        if members.is_empty() {
            continue;
        }
        let (pad, label) = if c.is_some() {
            (CLUSTER_PAD, CLUSTER_LABEL)
        } else {
            (0.0, 0.0)
        };
        let (w, h) = block(sizes, &members, edges, x0 + pad, y + pad + label, &mut pos);
        if let Some(c) = c {
            boxes[c] = (x0, y, w + 2.0 * pad, h + 2.0 * pad + label);
        }
        width = width.max(w + 2.0 * pad);
        y += h + 2.0 * pad + label + CLUSTER_GAP;
    }
    let paths: Vec<Path> = edges.iter().map(|&(a, b)| route(&pos, sizes, a, b)).collect();
    let rects: Vec<Rect> = (0..n).map(|i| (pos[i].0, pos[i].1, sizes[i].0, sizes[i].1)).collect();
    let label_at = place_labels(&paths, labels, &rects);
    Layout {
        pos,
        size: sizes.to_vec(),
        clusters: boxes,
        edges: paths,
        labels: label_at,
        width,
        height: (y - CLUSTER_GAP - y0).max(0.0),
    }
}

/// A curve from side to side (or a bulge to the right within a column).
fn route(pos: &[Point], sizes: &[(f64, f64)], a: usize, b: usize) -> Path {
    let ((ax, ay), (aw, ah)) = (pos[a], sizes[a]);
    let ((bx, by), (bw, bh)) = (pos[b], sizes[b]);
    let (sy, ty) = (ay + ah / 2.0, by + bh / 2.0);
    let (start, c1, c2, end) = if bx >= ax + aw {
        let (sx, tx) = (ax + aw, bx);
        let dx = (tx - sx) / 2.0;
        ((sx, sy), (sx + dx, sy), (tx - dx, ty), (tx, ty))
    } else if bx + bw <= ax {
        let (sx, tx) = (ax, bx + bw);
        let dx = (sx - tx) / 2.0;
        ((sx, sy), (sx - dx, sy), (tx + dx, ty), (tx, ty))
    } else {
        let (sx, tx) = (ax + aw, bx + bw);
        let out = sx.max(tx) + 40.0;
        ((sx, sy), (out, sy), (out, ty), (tx, ty))
    };
    Path {
        start,
        segments: vec![Segment::Cubic(c1, c2, end)],
    }
}

/// Lays out one block at (x, y); returns its width and height.
fn block(
    sizes: &[(f64, f64)],
    members: &[usize],
    edges: &[(usize, usize)],
    x: f64,
    y: f64,
    pos: &mut [(f64, f64)],
) -> (f64, f64) {
    let local: std::collections::HashMap<usize, usize> = members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let m = members.len();
    let mut out = vec![Vec::new(); m];
    let mut inn = vec![Vec::new(); m];
    for &(a, b) in edges {
        if let (Some(&a), Some(&b)) = (local.get(&a), local.get(&b))
            && a != b
        {
            out[a].push(b);
            inn[b].push(a);
        }
    }
    // Topological order by depth-first search, ignoring edges that close cycles.
    let mut order = Vec::with_capacity(m);
    let mut state = vec![0u8; m];
    for s in 0..m {
        if state[s] != 0 {
            continue;
        }
        let mut stack = vec![(s, 0usize)];
        state[s] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if *k < out[v].len() {
                let w = out[v][*k];
                *k += 1;
                if state[w] == 0 {
                    state[w] = 1;
                    stack.push((w, 0));
                }
            } else {
                state[v] = 2;
                order.push(v);
                stack.pop();
            }
        }
    }
    order.reverse();
    let mut rank_of = vec![0usize; m];
    for (r, &v) in order.iter().enumerate() {
        rank_of[v] = r;
    }
    let mut layer = vec![0usize; m];
    for &v in &order {
        for &w in &out[v] {
            if rank_of[w] > rank_of[v] {
                layer[w] = layer[w].max(layer[v] + 1);
            }
        }
    }
    let linked: Vec<bool> = (0..m).map(|v| !out[v].is_empty() || !inn[v].is_empty()).collect();
    let layers = (0..m).filter(|&v| linked[v]).map(|v| layer[v] + 1).max().unwrap_or(0);
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for v in (0..m).filter(|&v| linked[v]) {
        columns[layer[v]].push(v);
    }
    // Barycentre ordering.
    let mut slot = vec![0.0f64; m];
    let set_slots = |columns: &Vec<Vec<usize>>, slot: &mut Vec<f64>| {
        for col in columns {
            for (k, &v) in col.iter().enumerate() {
                slot[v] = k as f64;
            }
        }
    };
    set_slots(&columns, &mut slot);
    for sweep in 0..SWEEPS {
        let forward = sweep % 2 == 0;
        let range: Vec<usize> = if forward {
            (1..layers).collect()
        } else {
            (0..layers.saturating_sub(1)).rev().collect()
        };
        for l in range {
            let mut keyed: Vec<(f64, usize)> = columns[l]
                .iter()
                .map(|&v| {
                    let ns: Vec<usize> = if forward { inn[v].clone() } else { out[v].clone() };
                    let near: Vec<f64> = ns
                        .iter()
                        .filter(|&&u| layer[u] + 1 == l || layer[u] == l + 1)
                        .map(|&u| slot[u])
                        .collect();
                    let b = if near.is_empty() {
                        slot[v]
                    } else {
                        near.iter().sum::<f64>() / near.len() as f64
                    };
                    (b, v)
                })
                .collect();
            keyed.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
            columns[l] = keyed.into_iter().map(|(_, v)| v).collect();
            for (k, &v) in columns[l].iter().enumerate() {
                slot[v] = k as f64;
            }
        }
    }
    // Coordinates: columns left to right, each centred on the tallest.
    let col_w: Vec<f64> = columns
        .iter()
        .map(|c| c.iter().map(|&v| sizes[members[v]].0).fold(0.0, f64::max))
        .collect();
    let col_h: Vec<f64> = columns
        .iter()
        .map(|c| c.iter().map(|&v| sizes[members[v]].1 + ROW_GAP).sum::<f64>() - ROW_GAP)
        .collect();
    let tallest = col_h.iter().copied().fold(0.0, f64::max);
    let mut cx = x;
    for (l, col) in columns.iter().enumerate() {
        let mut cy = y + (tallest - col_h[l]) / 2.0;
        for &v in col {
            let (w, h) = sizes[members[v]];
            pos[members[v]] = (cx + (col_w[l] - w) / 2.0, cy);
            cy += h + ROW_GAP;
        }
        cx += col_w[l] + COLUMN_GAP;
    }
    let mut width = if layers > 0 { cx - COLUMN_GAP - x } else { 0.0 };
    let mut height = tallest.max(0.0);
    // Statements without relations: a grid below.
    let loose: Vec<usize> = (0..m).filter(|&v| !linked[v]).collect();
    if !loose.is_empty() {
        let gy = if layers > 0 { y + height + ROW_GAP * 2.0 } else { y };
        let cell_w = loose.iter().map(|&v| sizes[members[v]].0).fold(0.0, f64::max);
        let mut row_y = gy;
        for row in loose.chunks(GRID_COLUMNS) {
            let row_h = row.iter().map(|&v| sizes[members[v]].1).fold(0.0, f64::max);
            for (k, &v) in row.iter().enumerate() {
                pos[members[v]] = (x + k as f64 * (cell_w + ROW_GAP * 2.0), row_y);
            }
            row_y += row_h + ROW_GAP;
        }
        let grid_w = loose.len().min(GRID_COLUMNS) as f64 * (cell_w + ROW_GAP * 2.0) - ROW_GAP * 2.0;
        width = width.max(grid_w);
        height = row_y - ROW_GAP - y;
    }
    (width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_goes_left_to_right_and_nothing_overlaps() {
        let sizes = vec![(100.0, 40.0); 5];
        let l = layout(
            &sizes,
            &[None; 5],
            0,
            &[(0, 1), (1, 2), (3, 2)],
            &[(0.0, 0.0); 3],
            0.0,
            0.0,
        );
        assert!(l.pos[0].0 < l.pos[1].0 && l.pos[1].0 < l.pos[2].0);
        for i in 0..5 {
            for j in i + 1..5 {
                let (a, b) = (l.pos[i], l.pos[j]);
                let apart = a.0 + 100.0 <= b.0 || b.0 + 100.0 <= a.0 || a.1 + 40.0 <= b.1 || b.1 + 40.0 <= a.1;
                assert!(apart, "{i} and {j} overlap");
            }
        }
    }

    #[test]
    fn cycles_and_clusters_are_handled() {
        let sizes = vec![(50.0, 20.0); 4];
        let l = layout(
            &sizes,
            &[Some(0), Some(0), Some(1), None],
            2,
            &[(0, 1), (1, 0), (2, 3)],
            &[(10.0, 10.0); 3],
            0.0,
            0.0,
        );
        assert!(l.clusters[0].3 > 0.0 && l.clusters[1].1 > l.clusters[0].1);
        assert!(l.height > 0.0 && l.width > 0.0);
    }
}
