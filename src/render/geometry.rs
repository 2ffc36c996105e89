//! Geometry shared by the builtin layouts: edge paths made of lines and
//! cubic curves, boxes, and the placement of edge labels on their edges
//! without overlaps.

/// A point (x, y).
pub type Point = (f64, f64);

/// A box: x, y (top-left), width, height.
pub type Rect = (f64, f64, f64, f64);

/// One piece of an edge path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Line(Point),
    /// Two control points and the end.
    Cubic(Point, Point, Point),
}

/// An edge's path: a start and segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub start: Point,
    pub segments: Vec<Segment>,
}

impl Path {
    /// The SVG path data.
    pub fn svg(&self) -> String {
        use std::fmt::Write;
        let mut d = format!("M{:.1},{:.1}", self.start.0, self.start.1);
        for s in &self.segments {
            match s {
                Segment::Line(p) => {
                    let _ = write!(d, " L{:.1},{:.1}", p.0, p.1);
                }
                Segment::Cubic(a, b, p) => {
                    let _ = write!(d, " C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", a.0, a.1, b.0, b.1, p.0, p.1);
                }
            }
        }
        d
    }

    /// Points along the path, `per_segment` per segment (both ends included).
    pub fn sample(&self, per_segment: usize) -> Vec<Point> {
        let mut out = vec![self.start];
        let mut from = self.start;
        let k = per_segment.max(1);
        for s in &self.segments {
            for i in 1..=k {
                let t = i as f64 / k as f64;
                out.push(match *s {
                    Segment::Line(p) => (from.0 + (p.0 - from.0) * t, from.1 + (p.1 - from.1) * t),
                    Segment::Cubic(a, b, p) => cubic(from, a, b, p, t),
                });
            }
            from = match *s {
                Segment::Line(p) | Segment::Cubic(_, _, p) => p,
            };
        }
        out
    }

    /// The point at fraction `t` (0..1) of the sampled path.
    pub fn at(&self, t: f64) -> Point {
        let pts = self.sample(16);
        let i = ((pts.len() - 1) as f64 * t.clamp(0.0, 1.0)).round() as usize;
        pts[i]
    }
}

fn cubic(p0: Point, p1: Point, p2: Point, p3: Point, t: f64) -> Point {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
        a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
    )
}

/// True when two boxes overlap (touching is not overlapping).
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// True when `p` is strictly inside `r` shrunk by `inset` on every side.
pub fn inside(p: Point, r: Rect, inset: f64) -> bool {
    p.0 > r.0 + inset && p.0 < r.0 + r.2 - inset && p.1 > r.1 + inset && p.1 < r.1 + r.3 - inset
}

/// Where along an edge a label may sit, best first.
const CANDIDATES: [f64; 15] = [
    0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75,
];

/// Places each edge's label (its size, (0, 0) for none) on a point of its
/// path (centred on it, or just beside it), away from the nodes and the
/// labels already placed; when no candidate is free, the one with the least
/// overlap. Returns label centres.
pub fn place_labels(paths: &[Path], sizes: &[(f64, f64)], nodes: &[Rect]) -> Vec<Option<Point>> {
    let mut placed: Vec<Rect> = Vec::new();
    let mut out = vec![None; paths.len()];
    // Longer labels first: they have fewer places to go.
    let mut order: Vec<usize> = (0..paths.len()).filter(|&i| sizes[i].0 > 0.0).collect();
    order.sort_by(|&a, &b| sizes[b].0.total_cmp(&sizes[a].0).then(a.cmp(&b)));
    for i in order {
        let (w, h) = sizes[i];
        let pts = paths[i].sample(16);
        let mut best: Option<(f64, Point)> = None;
        'search: for t in CANDIDATES {
            let p = pts[((pts.len() - 1) as f64 * t).round() as usize];
            // Centred on the point, or beside it (a label on a vertical run).
            for dx in [0.0, -(w / 2.0 + 3.0), w / 2.0 + 3.0] {
                let c = (p.0 + dx, p.1);
                let r = (c.0 - w / 2.0, c.1 - h / 2.0, w, h);
                let cost: f64 = nodes
                    .iter()
                    .chain(placed.iter())
                    .filter(|o| overlaps(r, **o))
                    .map(|o| area(intersection(r, *o)))
                    .sum::<f64>()
                    + dx.abs() * 0.01;
                if best.is_none_or(|(b, _)| cost < b) {
                    best = Some((cost, c));
                }
                if cost < 1.0 {
                    break 'search;
                }
            }
        }
        if let Some((_, c)) = best {
            placed.push((c.0 - w / 2.0, c.1 - h / 2.0, w, h));
            out[i] = Some(c);
        }
    }
    out
}

fn intersection(a: Rect, b: Rect) -> Rect {
    let x = a.0.max(b.0);
    let y = a.1.max(b.1);
    let r = (a.0 + a.2).min(b.0 + b.2);
    let t = (a.1 + a.3).min(b.1 + b.3);
    (x, y, (r - x).max(0.0), (t - y).max(0.0))
}

fn area(r: Rect) -> f64 {
    r.2 * r.3
}

/// Points of `path` strictly inside a node box other than those at its ends
/// (a test helper, and a check the layouts' tests share).
pub fn crossings(path: &Path, nodes: &[Rect]) -> Vec<(usize, Point)> {
    let pts = path.sample(40);
    let mut out = Vec::new();
    for p in &pts[1..pts.len() - 1] {
        for (k, r) in nodes.iter().enumerate() {
            if inside(*p, *r, 1.0) {
                out.push((k, *p));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_avoid_each_other() {
        let path = Path {
            start: (0.0, 0.0),
            segments: vec![Segment::Line((200.0, 0.0))],
        };
        let paths = vec![path.clone(), path];
        let at = place_labels(&paths, &[(40.0, 12.0), (40.0, 12.0)], &[]);
        let (a, b) = (at[0].unwrap(), at[1].unwrap());
        assert!(!overlaps(
            (a.0 - 20.0, a.1 - 6.0, 40.0, 12.0),
            (b.0 - 20.0, b.1 - 6.0, 40.0, 12.0)
        ));
    }

    #[test]
    fn crossings_are_found() {
        let path = Path {
            start: (0.0, 50.0),
            segments: vec![Segment::Cubic((30.0, 50.0), (60.0, 50.0), (100.0, 50.0))],
        };
        assert!(!crossings(&path, &[(40.0, 40.0, 20.0, 20.0)]).is_empty());
        assert!(crossings(&path, &[(40.0, 60.0, 20.0, 20.0)]).is_empty());
    }
}
