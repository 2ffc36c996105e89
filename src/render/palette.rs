//! Colours: actor fills, edge styles.
//!
//! The actor palette is built from two sets made for colour-vision
//! deficiencies: Okabe–Ito (lightened, so black text on it stays readable)
//! and Paul Tol's "light" and "pale" sets. Neighbouring slots differ in hue
//! *and* lightness, so actors that fall on next-door slots (a collision moves
//! an actor to the next free slot) still look different. An actor's colour is
//! the slot its id hashes to (FNV-1a: the same on every run and platform).

use crate::model::RelationType;
use std::collections::BTreeMap;

/// Fill colours, in an order where neighbours differ in hue and lightness.
pub const PALETTE: [&str; 16] = [
    "#f5c266", // Okabe–Ito orange, lightened
    "#99ddff", // Tol light cyan
    "#7fd0b2", // Okabe–Ito bluish green, lightened
    "#ffaabb", // Tol pink
    "#bbcc33", // Tol pear
    "#77aadd", // Tol light blue
    "#eedd88", // Tol light yellow
    "#e0a6c9", // Okabe–Ito reddish purple, lightened
    "#44bb99", // Tol mint
    "#ee8866", // Tol orange
    "#aaccff", // a pale blue
    "#dddddd", // Tol pale grey
    "#d9e89f", // a pale pear
    "#eeaa77", // a mid orange
    "#bbeeee", // Tol pale cyan
    "#cc99cc", // a mid purple
];

/// The fill of narration (no source).
pub const NARRATION_FILL: &str = "#ffffff";

/// FNV-1a: stable across runs and platforms (unlike the std hasher).
pub fn stable_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// The preferred fill colour of an actor id.
pub fn actor_color(actor_id: &str) -> &'static str {
    PALETTE[(stable_hash(actor_id) % PALETTE.len() as u64) as usize]
}

/// Colours for the actors of one picture: (actor id, statements) → colour.
/// The most prolific actors get their preferred colour; a collision moves the
/// lesser actor to the next free slot (while any is free).
pub fn assign_colors(actors: &[(String, usize)]) -> BTreeMap<String, &'static str> {
    let mut order: Vec<&(String, usize)> = actors.iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut used = [false; PALETTE.len()];
    let mut out = BTreeMap::new();
    for (id, _) in order {
        let mut slot = (stable_hash(id) % PALETTE.len() as u64) as usize;
        if used.iter().any(|u| !u) {
            while used[slot] {
                slot = (slot + 1) % PALETTE.len();
            }
        }
        used[slot] = true;
        out.insert(id.clone(), PALETTE[slot]);
    }
    out
}

/// How an edge type is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeStyle {
    pub color: &'static str,
    /// Graphviz style name: "solid" or "dashed".
    pub style: &'static str,
    pub width: f64,
}

/// Contradictions are red (denials solid and heavier, disputes dashed);
/// supports are green.
pub fn edge_style(kind: RelationType) -> EdgeStyle {
    match kind {
        RelationType::Supports => EdgeStyle {
            color: "#2e7d32",
            style: "solid",
            width: 1.4,
        },
        RelationType::Disputes => EdgeStyle {
            color: "#c62828",
            style: "dashed",
            width: 1.8,
        },
        RelationType::Denies => EdgeStyle {
            color: "#c62828",
            style: "solid",
            width: 2.4,
        },
    }
}

/// An edge's width for the number of relations it stands for.
pub fn edge_width(kind: RelationType, weight: usize) -> f64 {
    let w = edge_style(kind).width;
    (w * (1.0 + (weight.max(1) as f64).ln() * 0.8)).min(w * 4.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn rgb(c: &str) -> (f64, f64, f64) {
        let v = |i: usize| f64::from(u8::from_str_radix(&c[i..i + 2], 16).unwrap()) / 255.0;
        (v(1), v(3), v(5))
    }

    /// Deuteranopia and protanopia simulated (Viénot et al. 1999, linear
    /// approximation on sRGB values), then a plain RGB distance.
    fn seen(c: (f64, f64, f64), deficiency: usize) -> (f64, f64, f64) {
        let (r, g, b) = c;
        match deficiency {
            1 => (0.567 * r + 0.433 * g, 0.558 * r + 0.442 * g, 0.242 * g + 0.758 * b),
            2 => (0.625 * r + 0.375 * g, 0.7 * r + 0.3 * g, 0.3 * g + 0.7 * b),
            _ => c,
        }
    }

    fn distance(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()
    }

    #[test]
    fn neighbours_are_distinguishable_also_with_a_deficiency() {
        let distinct: BTreeSet<&str> = PALETTE.iter().copied().collect();
        assert_eq!(distinct.len(), PALETTE.len());
        for i in 0..PALETTE.len() {
            let (a, b) = (rgb(PALETTE[i]), rgb(PALETTE[(i + 1) % PALETTE.len()]));
            for d in 0..3 {
                let gap = distance(seen(a, d), seen(b, d));
                assert!(
                    gap > 0.12,
                    "{} and {} too close ({gap:.3}) for deficiency {d}",
                    PALETTE[i],
                    PALETTE[(i + 1) % PALETTE.len()]
                );
            }
        }
    }

    #[test]
    fn colliding_actors_get_different_colours() {
        let actors: Vec<(String, usize)> = (0..15).map(|i| (format!("actor{i}"), i)).collect();
        let c = assign_colors(&actors);
        let distinct: BTreeSet<&str> = c.values().copied().collect();
        assert_eq!(distinct.len(), 15);
        assert_eq!(c, assign_colors(&actors), "deterministic");
    }

    #[test]
    fn actor_colours_are_stable() {
        assert_eq!(actor_color("armenia"), actor_color("armenia"));
        assert_eq!(stable_hash("a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn edge_width_grows_with_the_count_and_is_bounded() {
        let k = RelationType::Denies;
        assert!(edge_width(k, 2) > edge_width(k, 1));
        assert!(edge_width(k, 1_000_000) <= edge_style(k).width * 4.0);
    }
}
