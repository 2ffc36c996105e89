//! The camps layout of the builtin engine: one block per dispute, its two
//! camps side by side, edges that never pass through a node.
//!
//! A block has up to four columns: the left camp's outer and inner column,
//! the right camp's inner and outer column. A statement is *inner* when it
//! has a relation with the other camp, *outer* otherwise, so every relation
//! joins two neighbouring columns (drawn as a curve inside the gap between
//! them) or two statements of one column (drawn as a bracket in a lane of the
//! gutter on the column's outer side, each bracket in its own lane). Nodes of
//! a column share its width, so no curve or bracket can enter a node. Blocks
//! with one camp (agreements) split it into two columns by breadth-first
//! parity; blocks flow left to right and wrap at `max_width`. Cost: O((V + E)
//! log V) per sweep, a few sweeps.

use super::geometry::{Path, Point, Rect, Segment, place_labels};
use super::layout::Layout;
use std::collections::BTreeMap;

/// What the layout needs of a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandCluster {
    pub block: usize,
    pub right: bool,
    pub grid: bool,
}

const PAD: f64 = 14.0;
/// Room for a cluster's label above its nodes.
pub const LABEL_H: f64 = 22.0;
const ROW_GAP: f64 = 14.0;
const SIDE_GAP: f64 = 56.0;
const MID_GAP: f64 = 120.0;
const BULGE: f64 = 14.0;
const LANE: f64 = 10.0;
const BLOCK_GAP: f64 = 28.0;
const SWEEPS: usize = 6;
/// The least distance between two edges' ends on a node's side.
const PORT_GAP: f64 = 9.0;

/// Lays out nodes of `sizes` in the clusters `group` points to.
#[allow(clippy::too_many_arguments)]
pub fn bands(
    sizes: &[(f64, f64)],
    group: &[Option<usize>],
    clusters: &[BandCluster],
    edges: &[(usize, usize)],
    labels: &[(f64, f64)],
    x0: f64,
    y0: f64,
    max_width: f64,
) -> Layout {
    let n = sizes.len();
    let mut size = sizes.to_vec();
    let mut pos = vec![(x0, y0); n];
    let mut paths: Vec<Option<Path>> = vec![None; edges.len()];
    let mut boxes: Vec<Rect> = vec![(0.0, 0.0, 0.0, 0.0); clusters.len()];
    // Blocks in order; nodes without a cluster and grid clusters come last.
    let mut blocks: BTreeMap<(bool, usize), Vec<usize>> = BTreeMap::new();
    for (i, g) in group.iter().enumerate() {
        let key = match g {
            Some(g) if *g < clusters.len() => (clusters[*g].grid, clusters[*g].block),
            _ => (true, usize::MAX),
        };
        blocks.entry(key).or_default().push(i);
    }
    let mut edges_of: BTreeMap<(bool, usize), Vec<usize>> = BTreeMap::new();
    let key_of = |i: usize| match group[i] {
        Some(g) if g < clusters.len() => (clusters[g].grid, clusters[g].block),
        _ => (true, usize::MAX),
    };
    for (k, &(a, b)) in edges.iter().enumerate() {
        if key_of(a) == key_of(b) {
            edges_of.entry(key_of(a)).or_default().push(k);
        }
    }
    let (mut cx, mut cy, mut row_h) = (x0, y0, 0.0f64);
    let mut right_edge = x0;
    for (key, members) in &blocks {
        let local = if key.0 {
            grid_block(&mut size, members, max_width)
        } else {
            camp_block(
                &mut size,
                members,
                group,
                clusters,
                edges,
                edges_of.get(key).map_or(&[][..], |v| v),
                labels,
            )
        };
        if cx > x0 && cx + local.width > x0 + max_width {
            cx = x0;
            cy += row_h + BLOCK_GAP;
            row_h = 0.0;
        }
        for (&i, p) in members.iter().zip(&local.pos) {
            pos[i] = (p.0 + cx, p.1 + cy);
        }
        for (k, p) in local.paths {
            paths[k] = Some(p.translated(cx, cy));
        }
        for (g, b) in local.boxes {
            boxes[g] = (b.0 + cx, b.1 + cy, b.2, b.3);
        }
        // A grid without a cluster has no box of its own.
        if key.0
            && let Some(g) = members.first().and_then(|&i| group[i])
            && g < clusters.len()
        {
            boxes[g] = (cx, cy, local.width, local.height);
        }
        right_edge = right_edge.max(cx + local.width);
        row_h = row_h.max(local.height);
        cx += local.width + BLOCK_GAP;
    }
    // Edges between blocks (none in a dispute view): a straight line.
    let paths: Vec<Path> = paths
        .into_iter()
        .enumerate()
        .map(|(k, p)| {
            p.unwrap_or_else(|| {
                let (a, b) = edges[k];
                let c = |i: usize| (pos[i].0 + size[i].0 / 2.0, pos[i].1 + size[i].1 / 2.0);
                Path {
                    start: c(a),
                    segments: vec![Segment::Line(c(b))],
                }
            })
        })
        .collect();
    let rects: Vec<Rect> = (0..n).map(|i| (pos[i].0, pos[i].1, size[i].0, size[i].1)).collect();
    let label_at = place_labels(&paths, labels, &rects);
    let height = if blocks.is_empty() { 0.0 } else { cy + row_h - y0 };
    Layout {
        pos,
        size,
        clusters: boxes,
        edges: paths,
        labels: label_at,
        width: right_edge - x0,
        height,
    }
}

impl Path {
    fn translated(&self, dx: f64, dy: f64) -> Path {
        let t = |p: Point| (p.0 + dx, p.1 + dy);
        Path {
            start: t(self.start),
            segments: self
                .segments
                .iter()
                .map(|s| match *s {
                    Segment::Line(p) => Segment::Line(t(p)),
                    Segment::Cubic(a, b, p) => Segment::Cubic(t(a), t(b), t(p)),
                })
                .collect(),
        }
    }
}

/// A block laid out at (0, 0).
struct Local {
    /// Positions of the block's members, in their order.
    pos: Vec<Point>,
    paths: Vec<(usize, Path)>,
    boxes: Vec<(usize, Rect)>,
    width: f64,
    height: f64,
}

/// Statements without relations: a grid as wide as `max_width` allows.
fn grid_block(size: &mut [(f64, f64)], members: &[usize], max_width: f64) -> Local {
    let cell = members.iter().map(|&i| size[i].0).fold(0.0, f64::max);
    let cols = (((max_width - 2.0 * PAD + ROW_GAP) / (cell + ROW_GAP)).floor() as usize).clamp(1, members.len().max(1));
    let mut pos = Vec::with_capacity(members.len());
    let mut y = PAD + LABEL_H;
    for row in members.chunks(cols) {
        let h = row.iter().map(|&i| size[i].1).fold(0.0, f64::max);
        for (k, &i) in row.iter().enumerate() {
            size[i].0 = cell;
            pos.push((PAD + k as f64 * (cell + ROW_GAP), y));
        }
        y += h + ROW_GAP;
    }
    let width = 2.0 * PAD + cols as f64 * (cell + ROW_GAP) - ROW_GAP;
    Local {
        pos,
        paths: Vec::new(),
        boxes: Vec::new(),
        width,
        height: y - ROW_GAP + PAD,
    }
}

/// Which way a column's brackets go: into the gutter on its left or right.
fn bulge_left(col: usize, two_sided: bool) -> bool {
    if two_sided { col < 2 } else { col == 0 }
}

/// The column of each node of a block: 0 left outer, 1 left inner, 2 right
/// inner, 3 right outer. `right[v]`: v is in the right camp; `adj[v]`: its
/// neighbours. A node is inner when it has a relation with the other camp;
/// a block of one camp is split into columns 0 and 1 by breadth-first
/// parity, so that relations mostly join neighbouring columns.
pub fn column_of(right: &[bool], adj: &[Vec<usize>]) -> Vec<usize> {
    let m = right.len();
    let two_sided = right.iter().any(|r| *r) && right.iter().any(|r| !*r);
    let mut col = vec![1usize; m];
    if two_sided {
        let inner: Vec<bool> = (0..m).map(|v| adj[v].iter().any(|&u| right[u] != right[v])).collect();
        let has_inner = |r: bool| (0..m).any(|v| right[v] == r && inner[v]);
        let (left_inner, right_inner) = (has_inner(false), has_inner(true));
        for v in 0..m {
            let has = if right[v] { right_inner } else { left_inner };
            col[v] = match (right[v], inner[v] || !has) {
                (false, true) => 1,
                (false, false) => 0,
                (true, true) => 2,
                (true, false) => 3,
            };
        }
    } else {
        let mut depth = vec![usize::MAX; m];
        for s in 0..m {
            if depth[s] != usize::MAX {
                continue;
            }
            depth[s] = 0;
            let mut queue = std::collections::VecDeque::from([s]);
            while let Some(v) = queue.pop_front() {
                for &u in &adj[v] {
                    if depth[u] == usize::MAX {
                        depth[u] = depth[v] + 1;
                        queue.push_back(u);
                    }
                }
            }
        }
        for v in 0..m {
            col[v] = if depth[v] % 2 == 0 { 1 } else { 0 };
        }
    }
    col
}

/// One dispute (or agreement): camps side by side.
fn camp_block(
    size: &mut [(f64, f64)],
    members: &[usize],
    group: &[Option<usize>],
    clusters: &[BandCluster],
    edges: &[(usize, usize)],
    block_edges: &[usize],
    labels: &[(f64, f64)],
) -> Local {
    let m = members.len();
    let local: BTreeMap<usize, usize> = members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let right: Vec<bool> = members
        .iter()
        .map(|&i| group[i].is_some_and(|g| clusters[g].right))
        .collect();
    let two_sided = right.iter().any(|r| *r) && right.iter().any(|r| !*r);
    let mut adj = vec![Vec::new(); m];
    let ends: Vec<(usize, usize)> = block_edges
        .iter()
        .map(|&k| (local[&edges[k].0], local[&edges[k].1]))
        .collect();
    for &(a, b) in &ends {
        adj[a].push(b);
        adj[b].push(a);
    }
    let col = column_of(&right, &adj);
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); 4];
    for v in 0..m {
        columns[col[v]].push(v);
    }
    // Barycentre sweeps on fractional slots.
    let mut frac = vec![0.0f64; m];
    let set_frac = |columns: &Vec<Vec<usize>>, frac: &mut Vec<f64>| {
        for c in columns {
            for (k, &v) in c.iter().enumerate() {
                frac[v] = (k as f64 + 0.5) / c.len() as f64;
            }
        }
    };
    set_frac(&columns, &mut frac);
    for sweep in 0..SWEEPS {
        let order: Vec<usize> = if sweep % 2 == 0 {
            vec![1, 2, 0, 3]
        } else {
            vec![2, 1, 3, 0]
        };
        for c in order {
            let mut keyed: Vec<(f64, usize)> = columns[c]
                .iter()
                .map(|&v| {
                    let near: Vec<f64> = adj[v].iter().filter(|&&u| col[u] != c).map(|&u| frac[u]).collect();
                    let key = if near.is_empty() {
                        frac[v]
                    } else {
                        near.iter().sum::<f64>() / near.len() as f64
                    };
                    (key, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            columns[c] = keyed.into_iter().map(|(_, v)| v).collect();
            set_frac(&columns, &mut frac);
        }
    }
    // A node with many relations on one side grows, so its ports stay apart.
    let mut per_side: BTreeMap<(usize, bool), usize> = BTreeMap::new();
    for &(a, b) in &ends {
        if col[a] == col[b] {
            let left = bulge_left(col[a], two_sided);
            *per_side.entry((a, left)).or_default() += 1;
            *per_side.entry((b, left)).or_default() += 1;
        } else {
            *per_side.entry((a, col[a] > col[b])).or_default() += 1;
            *per_side.entry((b, col[b] > col[a])).or_default() += 1;
        }
    }
    for (&(v, _), &n) in &per_side {
        let h = &mut size[members[v]].1;
        *h = h.max((n + 1) as f64 * PORT_GAP);
    }
    // Vertical positions, columns centred on the tallest.
    let col_h: Vec<f64> = columns
        .iter()
        .map(|c| {
            c.iter().map(|&v| size[members[v]].1 + ROW_GAP).sum::<f64>() - if c.is_empty() { 0.0 } else { ROW_GAP }
        })
        .collect();
    let tallest = col_h.iter().copied().fold(0.0, f64::max);
    let top = PAD + LABEL_H;
    let mut y = vec![0.0f64; m];
    for (c, list) in columns.iter().enumerate() {
        let mut cy = top + (tallest - col_h[c]) / 2.0;
        for &v in list {
            y[v] = cy;
            cy += size[members[v]].1 + ROW_GAP;
        }
    }
    let col_w: Vec<f64> = columns
        .iter()
        .map(|c| c.iter().map(|&v| size[members[v]].0).fold(0.0, f64::max))
        .collect();
    for (c, list) in columns.iter().enumerate() {
        for &v in list {
            size[members[v]].0 = col_w[c];
        }
    }
    let present: Vec<usize> = (0..4).filter(|&c| !columns[c].is_empty()).collect();
    let rank_of = |c: usize| present.iter().position(|&p| p == c).unwrap_or(0);
    // Each edge: a curve between neighbouring columns, or a bracket.
    #[derive(Clone, Copy)]
    enum Route {
        Across,
        Bracket { left: bool },
    }
    let routes: Vec<Route> = ends
        .iter()
        .map(|&(a, b)| {
            if col[a] == col[b] {
                Route::Bracket {
                    left: bulge_left(col[a], two_sided),
                }
            } else {
                Route::Across
            }
        })
        .collect();
    // Ports: each node side spreads its edges over its height, ordered by
    // the other end's height.
    let centre = |v: usize| y[v] + size[members[v]].1 / 2.0;
    // (node, on its left side) → (other end's height, edge, starts here).
    type Ports = BTreeMap<(usize, bool), Vec<(f64, usize, bool)>>;
    let mut attach: Ports = BTreeMap::new();
    for (k, (&(a, b), route)) in ends.iter().zip(&routes).enumerate() {
        match route {
            Route::Across => {
                let a_left_of_b = rank_of(col[a]) < rank_of(col[b]);
                attach.entry((a, !a_left_of_b)).or_default().push((centre(b), k, true));
                attach.entry((b, a_left_of_b)).or_default().push((centre(a), k, false));
            }
            Route::Bracket { left } => {
                attach.entry((a, *left)).or_default().push((centre(b), k, true));
                attach.entry((b, *left)).or_default().push((centre(a), k, false));
            }
        }
    }
    // port[k] = (y at the start, y at the end).
    let mut port = vec![(0.0, 0.0); ends.len()];
    for (&(v, _), list) in attach.iter_mut() {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
        let h = size[members[v]].1;
        let count = list.len();
        for (j, &(_, k, start)) in list.iter().enumerate() {
            let py = y[v] + h * (j as f64 + 1.0) / (count as f64 + 1.0);
            if start {
                port[k].0 = py;
            } else {
                port[k].1 = py;
            }
        }
    }
    // Lanes of brackets, per column and side: interval colouring.
    let mut lane = vec![0usize; ends.len()];
    let mut lanes: BTreeMap<(usize, bool), usize> = BTreeMap::new();
    let mut by_gutter: BTreeMap<(usize, bool), Vec<usize>> = BTreeMap::new();
    for (k, route) in routes.iter().enumerate() {
        if let Route::Bracket { left } = route {
            by_gutter.entry((col[ends[k].0], *left)).or_default().push(k);
        }
    }
    for (gutter, list) in &mut by_gutter {
        let span = |k: usize| (port[k].0.min(port[k].1), port[k].0.max(port[k].1));
        list.sort_by(|&a, &b| {
            let (sa, sb) = (span(a), span(b));
            (sa.1 - sa.0).total_cmp(&(sb.1 - sb.0)).then(a.cmp(&b))
        });
        let mut used: Vec<Vec<(f64, f64)>> = Vec::new();
        for &k in list.iter() {
            let s = span(k);
            let free = used
                .iter()
                .position(|l| l.iter().all(|o| s.1 + 4.0 < o.0 || o.1 + 4.0 < s.0));
            let j = free.unwrap_or_else(|| {
                used.push(Vec::new());
                used.len() - 1
            });
            used[j].push(s);
            lane[k] = j;
        }
        lanes.insert(*gutter, used.len());
    }
    // A gutter holds its lanes and, beside them, its brackets' labels.
    let mut gutter_label: BTreeMap<(usize, bool), f64> = BTreeMap::new();
    for (g, list) in &by_gutter {
        let w = list.iter().map(|&k| labels[block_edges[k]].0).fold(0.0, f64::max);
        if w > 0.0 {
            gutter_label.insert(*g, w + 6.0);
        }
    }
    let gutter = |c: usize, left: bool| {
        lanes.get(&(c, left)).map_or(0.0, |&l| BULGE + l as f64 * LANE)
            + gutter_label.get(&(c, left)).copied().unwrap_or(0.0)
    };
    // Horizontal positions.
    let mut col_x = [0.0f64; 4];
    let mut x = PAD + present.first().map_or(0.0, |&c| gutter(c, true));
    for (r, &c) in present.iter().enumerate() {
        if r > 0 {
            let p = present[r - 1];
            let mid = two_sided && p < 2 && c >= 2;
            let label_room = ends
                .iter()
                .enumerate()
                .filter(|&(k, &(a, b))| {
                    matches!(routes[k], Route::Across) && (col[a].min(col[b]), col[a].max(col[b])) == (p, c)
                })
                .map(|(k, _)| labels[block_edges[k]].0 + 24.0)
                .fold(0.0, f64::max);
            let base = if mid {
                MID_GAP.max(label_room + 2.0 * PAD)
            } else {
                SIDE_GAP.max(label_room)
            };
            x += base.max(gutter(p, false) + gutter(c, true) + 24.0);
        }
        col_x[c] = x;
        x += col_w[c];
    }
    let width = x + present.last().map_or(0.0, |&c| gutter(c, false)) + PAD;
    let height = top + tallest + PAD;
    let pos: Vec<Point> = (0..m).map(|v| (col_x[col[v]], y[v])).collect();
    // Paths.
    let mut paths = Vec::with_capacity(ends.len());
    for (k, &(a, b)) in ends.iter().enumerate() {
        let (ya, yb) = port[k];
        let path = match routes[k] {
            Route::Across => {
                let a_left_of_b = rank_of(col[a]) < rank_of(col[b]);
                let xa = if a_left_of_b {
                    pos[a].0 + col_w[col[a]]
                } else {
                    pos[a].0
                };
                let xb = if a_left_of_b {
                    pos[b].0
                } else {
                    pos[b].0 + col_w[col[b]]
                };
                let dx = (xb - xa) / 2.0;
                Path {
                    start: (xa, ya),
                    segments: vec![Segment::Cubic((xa + dx, ya), (xb - dx, yb), (xb, yb))],
                }
            }
            Route::Bracket { left } => {
                let c = col[a];
                let side = if left { col_x[c] } else { col_x[c] + col_w[c] };
                let dir = if left { -1.0 } else { 1.0 };
                let out = side + dir * (BULGE + lane[k] as f64 * LANE);
                let down = if yb >= ya { 1.0 } else { -1.0 };
                let r = (BULGE / 2.0).min((yb - ya).abs() / 2.0);
                Path {
                    start: (side, ya),
                    segments: vec![
                        Segment::Line((out - dir * r, ya)),
                        Segment::Cubic((out, ya), (out, ya), (out, ya + down * r)),
                        Segment::Line((out, yb - down * r)),
                        Segment::Cubic((out, yb), (out, yb), (out - dir * r, yb)),
                        Segment::Line((side, yb)),
                    ],
                }
            }
        };
        paths.push((block_edges[k], path));
    }
    // Cluster boxes around their columns (and brackets).
    let mut boxes = Vec::new();
    for r in [false, true] {
        let cols: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&c| if two_sided { (c >= 2) == r } else { !r })
            .collect();
        let (Some(&first), Some(&last)) = (cols.first(), cols.last()) else {
            continue;
        };
        let Some(g) = (0..m).find(|&v| cols.contains(&col[v])).and_then(|v| group[members[v]]) else {
            continue;
        };
        let left = col_x[first] - gutter(first, true) - PAD;
        let right_x = col_x[last] + col_w[last] + gutter(last, false) + PAD;
        boxes.push((g, (left.max(0.0), 0.0, right_x - left.max(0.0), height)));
    }
    Local {
        pos,
        paths,
        boxes,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::geometry::crossings;

    fn check(l: &Layout) {
        let rects: Vec<Rect> = (0..l.pos.len())
            .map(|i| (l.pos[i].0, l.pos[i].1, l.size[i].0, l.size[i].1))
            .collect();
        for i in 0..rects.len() {
            for j in i + 1..rects.len() {
                assert!(
                    !crate::render::geometry::overlaps(rects[i], rects[j]),
                    "{i} and {j} overlap"
                );
            }
        }
        for (k, p) in l.edges.iter().enumerate() {
            let hits = crossings(p, &rects);
            assert!(hits.is_empty(), "edge {k} passes through nodes {hits:?}");
        }
    }

    /// A small deterministic generator (xorshift).
    fn rng(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn no_edge_passes_through_a_node() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for case in 0..60 {
            let n = 3 + (rng(&mut seed) % 20) as usize;
            let blocks = 1 + (rng(&mut seed) % 3) as usize;
            let mut clusters = Vec::new();
            for b in 0..blocks {
                clusters.push(BandCluster {
                    block: b,
                    right: false,
                    grid: false,
                });
                if b + case % 2 > 0 {
                    clusters.push(BandCluster {
                        block: b,
                        right: true,
                        grid: false,
                    });
                }
            }
            let group: Vec<Option<usize>> = (0..n)
                .map(|_| Some((rng(&mut seed) % clusters.len() as u64) as usize))
                .collect();
            let sizes: Vec<(f64, f64)> = (0..n)
                .map(|_| {
                    (
                        80.0 + (rng(&mut seed) % 150) as f64,
                        30.0 + (rng(&mut seed) % 60) as f64,
                    )
                })
                .collect();
            let mut edges = Vec::new();
            for _ in 0..n * 2 {
                let (a, b) = (
                    (rng(&mut seed) % n as u64) as usize,
                    (rng(&mut seed) % n as u64) as usize,
                );
                let same_block = clusters[group[a].unwrap()].block == clusters[group[b].unwrap()].block;
                if a != b && same_block {
                    edges.push((a, b));
                }
            }
            let labels = vec![(50.0, 12.0); edges.len()];
            let l = bands(&sizes, &group, &clusters, &edges, &labels, 10.0, 10.0, 1600.0);
            check(&l);
            assert!(l.width > 0.0 && l.height > 0.0, "case {case}");
        }
    }

    #[test]
    fn camps_sit_side_by_side() {
        let clusters = [
            BandCluster {
                block: 0,
                right: false,
                grid: false,
            },
            BandCluster {
                block: 0,
                right: true,
                grid: false,
            },
        ];
        let sizes = vec![(100.0, 40.0); 4];
        let group = [Some(0), Some(0), Some(1), Some(1)];
        let l = bands(
            &sizes,
            &group,
            &clusters,
            &[(2, 0), (1, 0), (3, 2)],
            &[(40.0, 10.0); 3],
            0.0,
            0.0,
            1600.0,
        );
        check(&l);
        assert!(l.clusters[0].0 + l.clusters[0].2 <= l.clusters[1].0, "{:?}", l.clusters);
        assert!(l.pos[0].0 < l.pos[2].0);
    }
}
