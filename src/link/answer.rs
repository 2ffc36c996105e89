//! The answer rule: a statement that answers an earlier one of the other
//! side in the same article. The accused's denial denies the accusation;
//! the accused's counter-accusation, or own account of the same event,
//! disputes it; a denial that names whose claim it rejects ("bác bỏ cáo buộc
//! của X", "dismissed the claim from Berlin") denies X's nearest claim.
//!
//! Each candidate earlier statement is scored by what a reader can check:
//! who it is aimed at, whom the answer names, the reported noun the answer
//! uses, the content words they share, a contrast marker, and distance. The
//! best candidate above a threshold is linked, with those grounds as reason.

use super::rules::owner_named;
use super::{Feature, Out, attributed, is_actor_term, name, shared, show_terms};
use crate::model::{Kind, RelationType, StatementSet};

/// Sentences back from an answer in which it looks for what it answers.
pub const ANSWER_WINDOW: usize = 12;

/// Whether the statement names `actor` in its content (an `@actor` term).
fn names_actor(names: &[String], x: &Feature, actor: &str) -> bool {
    x.terms.iter().any(|&t| {
        let n = &names[t as usize];
        n.len() == actor.len() + 1 && n.starts_with('@') && &n[1..] == actor
    })
}

/// Grounds for reading `b` as an answer to `a`, and their weight.
struct Grounds {
    score: f64,
    parts: Vec<String>,
}

/// Who in an article aims at whom: (accuser, accused) for every accusation,
/// condemnation or denial whose target or content names another actor.
pub(super) type Aims = std::collections::HashSet<(String, String)>;

pub(super) fn aims(f: &[Feature], names: &[String], list: &[usize]) -> Aims {
    let mut out = Aims::new();
    for &i in list {
        let x = &f[i];
        let Some(src) = &x.source else { continue };
        if !matches!(x.kind, Kind::Accusation | Kind::Condemnation | Kind::Denial) {
            continue;
        }
        let named = x
            .terms
            .iter()
            .filter_map(|&t| names[t as usize].strip_prefix('@'))
            .map(str::to_string);
        for other in x.target.iter().cloned().chain(named) {
            if &other != src && !x.co_sources.contains(&other) {
                out.insert((src.clone(), other));
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn grounds(
    set: &StatementSet,
    f: &[Feature],
    out: &Out,
    aims: &Aims,
    a: usize,
    b: usize,
    reported: Option<&(String, bool)>,
    added: &[usize],
) -> Option<Grounds> {
    let (fa, fb) = (&f[a], &f[b]);
    let src_b = fb.source.as_deref()?;
    let src_a = fa.source.as_deref()?;
    let mut g = Grounds {
        score: 0.0,
        parts: Vec::new(),
    };
    let aimed_at_b = fa.target.as_deref() == Some(src_b) || names_actor(&out.names, fa, src_b);
    let names_a =
        fb.target.as_deref() == Some(src_a) || names_actor(&out.names, fb, src_a) || owner_named(set, a, b).is_some();
    // The two sides of the article's dispute, even where this statement names neither.
    let sides = !aimed_at_b
        && !names_a
        && (aims.contains(&(src_a.to_string(), src_b.to_string()))
            || aims.contains(&(src_b.to_string(), src_a.to_string())));
    if aimed_at_b {
        g.score += 3.0;
        g.parts.push(format!("{} was aimed at {}", name(set, a), name(set, b)));
    }
    if names_a {
        g.score += 2.0;
        g.parts.push(format!("{} names {}", name(set, b), name(set, a)));
    }
    if sides {
        g.score += 2.0;
        g.parts.push(format!(
            "{} and {} are on opposite sides in this article",
            name(set, a),
            name(set, b)
        ));
    }
    if let Some((noun, accusation)) = reported {
        // "bác bỏ cáo buộc …" answers an accusation, "denied the report" a claim.
        let fits = match fa.kind {
            Kind::Accusation | Kind::Condemnation => true,
            Kind::Claim => !accusation,
            _ => false,
        };
        if fits {
            g.score += 1.0;
            // The noun and its owner together ("bác bỏ cáo buộc của X") name the statement.
            if names_a {
                g.score += 1.0;
            }
            g.parts.push(format!("\"{noun}\" names what it rejects"));
        }
    }
    // A denial's words and those of the claims it adds in its sentence ("rejected
    // Hollins' claim, saying no email had reached the server").
    let mut sh: Vec<u32> = std::iter::once(b)
        .chain(added.iter().copied())
        .flat_map(|x| shared(fa, &f[x]))
        .filter(|&t| !is_actor_term(&out.names, t))
        .collect();
    sh.sort_unstable();
    sh.dedup();
    if !sh.is_empty() {
        g.score += sh.len().min(4) as f64 * 0.75;
        g.parts.push(format!("shared terms: {}", show_terms(&out.names, &sh)));
    }
    // One says it, the other negates it, on the same matter ("đã báo cáo" / "chưa
    // từng nhận được báo cáo nào").
    let polarity = fa.negated != fb.negated && sh.len() >= 2;
    if polarity {
        g.score += 1.5;
        g.parts.push("one says it, the other negates it".to_string());
    }
    // Other figures for the same matter ("seized 12 boats" / "intercepted only four").
    if !sh.is_empty() && !fa.numbers.is_empty() && !fb.numbers.is_empty() && fa.numbers.is_disjoint(&fb.numbers) {
        g.score += 1.0;
        g.parts.push(format!(
            "other figures ({} / {})",
            fa.numbers.iter().cloned().collect::<Vec<_>>().join(", "),
            fb.numbers.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(m) = &fb.contrast {
        g.score += 1.0;
        g.parts.push(format!("contrast marker \"{m}\""));
    }
    let dist = fb.sentence.saturating_sub(fa.sentence);
    g.score -= dist as f64 / 6.0;
    if dist == 0 {
        g.score -= 1.0;
    }
    // Something beyond nearness must tie them: aim, naming, sides, or shared words.
    (aimed_at_b || names_a || sides || sh.len() >= 2).then_some(g)
}

/// Links statement `b` to the earlier statement it answers, if any.
/// `earlier`: the article's statements before `b` within [`ANSWER_WINDOW`], nearest first.
#[allow(clippy::too_many_arguments)]
pub(super) fn answer_rule(
    set: &StatementSet,
    f: &[Feature],
    ids: &[String],
    out: &mut Out,
    aims: &Aims,
    b: usize,
    earlier: &[usize],
    list: &[usize],
) {
    let fb = &f[b];
    if !attributed(fb) || fb.implicit || fb.kind == Kind::Appeal || fb.denies_reported {
        return;
    }
    // What a denial adds in its sentence: the claims of its source after it.
    let added: Vec<usize> = if fb.kind == Kind::Denial {
        list.iter()
            .copied()
            .filter(|&x| x > b && f[x].sentence == fb.sentence && f[x].source == fb.source && f[x].kind == Kind::Claim)
            .collect()
    } else {
        Vec::new()
    };
    let reported = fb.reported.as_ref();
    let mut best: Option<(f64, usize, Grounds)> = None;
    // "bác bỏ thông tin … từ Cục Đăng kiểm": a denial that names the owner of what it
    // rejects answers only the owner's statements, when the article has any.
    let owner = fb
        .target
        .as_ref()
        .filter(|_| fb.kind == Kind::Denial && reported.is_some())
        .filter(|t| {
            list.iter()
                .any(|&x| x != b && f[x].source.as_ref() == Some(*t) && !f[x].implicit)
        });
    for &a in earlier {
        let fa = &f[a];
        if fa.source.is_none() || fa.source == fb.source || fb.co_sources.iter().any(|c| Some(c) == fa.source.as_ref())
        {
            continue;
        }
        if owner.is_some_and(|o| fa.source.as_ref() != Some(o)) {
            continue;
        }
        // An appeal is answered only by the one it calls on ("Egypt urged Turkey to
        // halt drilling" / "Turkey said the drilling protects its interests").
        // It refuses, denies or says the opposite.
        let called_on = fa.kind == Kind::Appeal
            && (fb.refuses || fb.kind == Kind::Denial || fb.negated != fa.negated)
            && fb
                .source
                .as_deref()
                .is_some_and(|sb| fa.target.as_deref() == Some(sb) || names_actor(&out.names, fa, sb));
        if fa.kind == Kind::Appeal && !called_on || (fa.kind == Kind::Denial && fb.kind == Kind::Denial) {
            continue;
        }
        if out.pairs.contains_key(&(a.min(b), a.max(b))) {
            continue;
        }
        // A counter-accusation answers the one it accuses (blame traded with a
        // third party is not an answer to someone else).
        if matches!(fb.kind, Kind::Accusation | Kind::Condemnation)
            && let Some(t) = &fb.target
            && fa.source.as_ref() != Some(t)
        {
            continue;
        }
        if fb.reciprocal {
            continue;
        }
        let Some(g) = grounds(set, f, out, aims, a, b, reported, &added) else {
            continue;
        };
        // A plain claim answers only the other side, on the same matter or after a contrast marker.
        let aimed = g.parts.iter().any(|p| p.contains(" aimed at "));
        let opposed = aimed || g.parts.iter().any(|p| p.contains("opposite sides"));
        // Without shared words or a contrast marker, a claim that merely names the other
        // side is not an answer to it: it may be about anything else they did.
        if fb.kind == Kind::Claim
            && !(opposed && (fb.contrast.is_some() || g.parts.iter().any(|p| p.starts_with("shared"))))
        {
            continue;
        }
        let threshold = if fb.kind == Kind::Denial { 2.5 } else { 3.5 };
        if g.score < threshold {
            continue;
        }
        if best.as_ref().is_none_or(|(s, _, _)| g.score > *s) {
            best = Some((g.score, a, g));
        }
    }
    let Some((score, a, g)) = best else {
        if !forward_denial(set, f, ids, out, b, list) {
            anaphoric_denial(set, f, ids, out, b, earlier);
        }
        return;
    };
    let kind = if fb.kind == Kind::Denial {
        RelationType::Denies
    } else {
        RelationType::Disputes
    };
    let verb = match fb.kind {
        _ if f[a].kind == Kind::Appeal => "refuses what it was called on to do by",
        Kind::Denial => "denies",
        Kind::Accusation => "answers with an accusation",
        Kind::Condemnation => "condemns",
        _ => "gives another account than",
    };
    let reason = format!("{} {} {} ({})", name(set, b), verb, name(set, a), g.parts.join("; "));
    let confidence = (0.45 + score * 0.05).min(0.85);
    out.add(ids, b, a, kind, confidence, reason);
}

/// A denial that names whose statement it rejects before the article quotes
/// it ("Nhà xe bác bỏ thông tin sai sự thật từ Cục Đăng kiểm" in the lead, the
/// Cục's own figures further down): the owner's first claim or accusation
/// after it, within [`ANSWER_WINDOW`] sentences. Returns whether it linked.
fn forward_denial(set: &StatementSet, f: &[Feature], ids: &[String], out: &mut Out, b: usize, list: &[usize]) -> bool {
    let fb = &f[b];
    let (Some((noun, _)), Some(owner)) = (&fb.reported, &fb.target) else {
        return false;
    };
    if fb.kind != Kind::Denial || fb.source.as_ref() == Some(owner) {
        return false;
    }
    let found = list.iter().copied().find(|&a| {
        let fa = &f[a];
        a > b
            && fa.sentence > fb.sentence
            && fa.sentence - fb.sentence <= ANSWER_WINDOW
            && fa.source.as_ref() == Some(owner)
            && matches!(fa.kind, Kind::Claim | Kind::Accusation)
            && !fa.implicit
    });
    found.is_some_and(|a| {
        link_noun_denial(set, ids, out, b, a, 0.55, &|na| {
            format!("\"{noun}\" names {na} before the article quotes it")
        })
    })
}

/// Links denial `b` to `a`, the statement its reported noun stands for, unless
/// the pair is related already; the reason is "B denies A: " and `why(A)`.
fn link_noun_denial(
    set: &StatementSet,
    ids: &[String],
    out: &mut Out,
    b: usize,
    a: usize,
    confidence: f64,
    why: &dyn Fn(&str) -> String,
) -> bool {
    if out.pairs.contains_key(&(a.min(b), a.max(b))) {
        return false;
    }
    let (nb, na) = (name(set, b), name(set, a));
    let reason = format!("{nb} denies {na}: {}", why(&na));
    out.add(ids, b, a, RelationType::Denies, confidence, reason);
    true
}

/// Sentences back in which a denial of "the claim" finds what it refers to.
pub const ANAPHORA_WINDOW: usize = 3;

/// A denial whose content is only a reported noun ("Chile denied the
/// allegation", "bác bỏ thông tin này", "rejected the findings") refers
/// back to the nearest earlier statement of another source that the noun
/// fits (an accusation noun: an accusation or condemnation), within
/// [`ANAPHORA_WINDOW`] sentences and not in its own sentence.
fn anaphoric_denial(set: &StatementSet, f: &[Feature], ids: &[String], out: &mut Out, b: usize, earlier: &[usize]) {
    let fb = &f[b];
    let Some((noun, accusation)) = &fb.reported else { return };
    if fb.kind != Kind::Denial || fb.words > 6 {
        return;
    }
    let fits = |x: &Feature| match x.kind {
        Kind::Accusation | Kind::Condemnation => true,
        Kind::Claim => !accusation,
        _ => false,
    };
    // "the residents' accusations", "thông tin của X": the noun has an owner,
    // and only the owner's statement will do.
    let text = crate::text::fold_case(&set.statements[b].text);
    let owned = text
        .split_whitespace()
        .take(6)
        .any(|w| w.ends_with("'s") || w.ends_with("s'") || w.ends_with("’s") || w.ends_with("s’") || w == "của");
    let candidate = |a: &usize| {
        let fa = &f[*a];
        let dist = fb.sentence.saturating_sub(fa.sentence);
        (1..=ANAPHORA_WINDOW).contains(&dist)
            && fa.source.is_some()
            && fa.source != fb.source
            && !fb.co_sources.iter().any(|c| Some(c) == fa.source.as_ref())
            && (!owned || owner_named(set, *a, b).is_some())
    };
    // An accusation noun names an accusation; without one near, the nearest
    // claim ("Chile denied the allegation" after a claim the tool read as plain).
    let found = earlier
        .iter()
        .copied()
        .filter(candidate)
        .find(|&a| fits(&f[a]))
        .or_else(|| {
            earlier
                .iter()
                .copied()
                .filter(candidate)
                .find(|&a| f[a].kind == Kind::Claim)
        });
    if let Some(a) = found {
        link_noun_denial(set, ids, out, b, a, 0.6, &|na| {
            format!("\"{noun}\" refers back to {na}'s statement just before")
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::link::tests::relations;
    use crate::model::RelationType;

    #[test]
    fn the_accused_denial_denies_the_accusation_with_its_grounds() {
        let rels = relations(
            "Factory row\n\nResidents of Millbrook accused Carter Metals Inc of dumping lead dust near the school. \
             The city council met on Monday. Carter Metals Inc denied dumping any dust and said its filters worked.\n",
        );
        let denial = rels
            .iter()
            .find(|(_, kind, to, _)| *kind == RelationType::Denies && to.contains("dumping lead dust"));
        let (_, _, _, reason) = denial.unwrap_or_else(|| panic!("no denial in {rels:?}"));
        assert!(reason.contains("aimed at") || reason.contains("names"), "{reason}");
    }

    #[test]
    fn a_claim_that_only_names_the_accuser_answers_nothing() {
        let rels = relations(
            "Fjord waste\n\nNorway accused Sweden of dumping chemical waste in the Idde fjord.\n\n\
             Sweden denied dumping any chemical waste in the fjord.\n\n\
             The Swedish government said Norway had refused to attend the border talks in May.\n",
        );
        assert!(
            rels.iter()
                .any(|(from, kind, _, _)| *kind == RelationType::Denies && from.contains("dumping any")),
            "{rels:?}"
        );
        assert!(
            !rels.iter().any(|(from, _, _, _)| from.contains("had refused")),
            "a claim sharing no words with the accusation is no answer to it: {rels:?}"
        );
    }
}
