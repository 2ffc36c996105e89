//! The rules of linking that look at one article or one candidate pair
//! (the answer rule has its own module), and the names their reasons use.

use super::features::{Feature, is_actor_term, shared, show_terms};
use super::out::{Out, Proposal, propose};
use crate::model::{Kind, RelationType, StatementSet};
use rustc_hash::FxHashMap;
use std::collections::HashMap;

pub(super) fn name(set: &StatementSet, s: usize) -> String {
    let st = &set.statements[s];
    match &st.source {
        Some(src) => actor_name(set, src).map_or(src.clone(), str::to_string),
        None if st.implicit => "unnamed reports".to_string(),
        None => "the article".to_string(),
    }
}

/// The name of the first of `set.actors` with this id. Reasons name actors
/// hundreds of thousands of times, so each thread keeps an index of the
/// actors by id (rebuilt when it meets another set); an index hit is checked
/// against the set and a miss falls back to a scan, so a stale index costs
/// time, never a wrong name. Linking keeps actor ids unique.
fn actor_name<'s>(set: &'s StatementSet, id: &str) -> Option<&'s str> {
    type Index = (usize, usize, FxHashMap<String, usize>);
    thread_local! {
        static INDEX: std::cell::RefCell<Index> = std::cell::RefCell::new((0, 0, FxHashMap::default()));
    }
    let key = (set.actors.as_ptr() as usize, set.actors.len());
    let hit = INDEX.with(|cell| {
        let mut index = cell.borrow_mut();
        if (index.0, index.1) != key {
            let mut map = FxHashMap::default();
            for (i, a) in set.actors.iter().enumerate() {
                map.entry(a.id.clone()).or_insert(i);
            }
            *index = (key.0, key.1, map);
        }
        index.2.get(id).copied()
    });
    match hit.and_then(|i| set.actors.get(i)) {
        Some(a) if a.id == id => Some(a.name.as_str()),
        _ => set.actors.iter().find(|a| a.id == id).map(|a| a.name.as_str()),
    }
}

/// Containment of the smaller term set in the larger.
fn containment(a: &Feature, b: &Feature, shared: usize) -> f64 {
    let small = a.terms.len().min(b.terms.len()).max(1);
    shared as f64 / small as f64
}

pub(super) fn attributed(x: &Feature) -> bool {
    x.source.is_some()
}

/// "Trong khi đó, Armenia cáo buộc …": a statement opening with a contrast
/// marker disputes the nearby statements of another source that it answers.
pub(super) fn contrast_rule(
    set: &StatementSet,
    f: &[Feature],
    ids: &[String],
    out: &mut Out,
    b: usize,
    window: &[usize],
) {
    let fb = &f[b];
    let Some(marker) = &fb.contrast else { return };
    if !attributed(fb) || fb.kind == Kind::Appeal {
        return;
    }
    for &a in window {
        let fa = &f[a];
        if !attributed(fa) || fa.source == fb.source || fa.kind == Kind::Appeal || fa.sentence == fb.sentence {
            continue;
        }
        let sh = shared(fa, fb);
        let content = sh.iter().any(|&t| !is_actor_term(&out.names, t));
        let aimed = fb.target.is_some() && fb.target == fa.source || fa.target.is_some() && fa.target == fb.source;
        // Aimed at the other source and on the same matter, or right after it.
        let next = fb.sentence - fa.sentence <= 1;
        if !(content || aimed && next) {
            continue;
        }
        // A plain claim after a weak marker ("meanwhile", "trong khi đó") is often
        // just the next item of the story: it counters only a statement aimed at its
        // source, or its source's statement it is aimed at.
        if fb.kind == Kind::Claim && fb.weak_contrast && !aimed {
            continue;
        }
        let mut reason = format!(
            "{} {} after the contrast marker \"{}\", answering {}",
            name(set, b),
            match fb.kind {
                Kind::Accusation => "accuses",
                Kind::Denial => "denies",
                Kind::Condemnation => "condemns",
                _ => "counters",
            },
            marker,
            name(set, a)
        );
        if aimed {
            reason.push_str(&format!(" (aimed at {})", name(set, a)));
        }
        if !sh.is_empty() {
            reason.push_str(&format!("; shared terms: {}", show_terms(&out.names, &sh)));
        }
        out.add(
            ids,
            b,
            a,
            RelationType::Disputes,
            if aimed { 0.75 } else { 0.6 },
            reason,
        );
    }
}

/// A condemnation of X disputes X's claims in the article and supports
/// others' accusations and condemnations of X.
pub(super) fn condemnation_rule(
    set: &StatementSet,
    f: &[Feature],
    ids: &[String],
    out: &mut Out,
    c: usize,
    list: &[usize],
) {
    let fc = &f[c];
    if fc.kind != Kind::Condemnation {
        return;
    }
    let Some(x) = &fc.target else { return };
    if fc.source.as_ref() == Some(x) {
        return;
    }
    // X's claim the condemnation answers: one on the same matter, else X's
    // nearest claim before it.
    let claims: Vec<usize> = list
        .iter()
        .copied()
        .filter(|&s| s != c && f[s].source.as_ref() == Some(x) && f[s].kind == Kind::Claim && !f[s].implicit)
        .collect();
    let answered: Vec<usize> = claims
        .iter()
        .copied()
        .filter(|&s| shared(fc, &f[s]).iter().any(|&t| !is_actor_term(&out.names, t)))
        .collect();
    let nearest = claims.iter().copied().filter(|&s| s < c).max();
    for &s in list {
        let fs = &f[s];
        if s == c || !attributed(fs) || fs.source == fc.source {
            continue;
        }
        if claims.contains(&s) && (answered.contains(&s) || Some(s) == nearest) {
            out.add(
                ids,
                c,
                s,
                RelationType::Disputes,
                0.6,
                format!(
                    "{} condemns {}'s action, which {}'s own statement defends",
                    name(set, c),
                    name(set, s),
                    name(set, s)
                ),
            );
        } else if fs.target.as_ref() == Some(x)
            && matches!(fs.kind, Kind::Accusation | Kind::Condemnation)
            && fs.source.as_ref() != Some(x)
            && !fs.reciprocal
        {
            out.add(
                ids,
                c,
                s,
                RelationType::Supports,
                0.6,
                format!(
                    "{} and {} both hold {} to blame",
                    name(set, c),
                    name(set, s),
                    name_of(set, x)
                ),
            );
        }
    }
}

fn name_of(set: &StatementSet, actor: &str) -> String {
    actor_name(set, actor).map_or(actor.to_string(), str::to_string)
}

/// A source's statement supports its own statement just before it (the one
/// sharing most terms; ties: the first of the nearest sentence).
pub(super) fn same_source_rule(
    set: &StatementSet,
    f: &[Feature],
    ids: &[String],
    out: &mut Out,
    b: usize,
    window: &[usize],
) {
    let fb = &f[b];
    if !attributed(fb) || matches!(fb.kind, Kind::Appeal | Kind::Denial) {
        return;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (shared, -distance, index)
    for &a in window {
        let fa = &f[a];
        if fa.source != fb.source || fa.sentence == fb.sentence || matches!(fa.kind, Kind::Appeal | Kind::Denial) {
            continue;
        }
        let sh = shared(fa, fb)
            .iter()
            .filter(|&&t| !is_actor_term(&out.names, t))
            .count();
        let dist = fb.sentence - fa.sentence;
        // Only on the same matter: two content words in common, or one in the next
        // sentence (Vietnamese terms are syllable pairs: one word more).
        let extra = fb.term_weight - 1;
        if sh < 2 + extra && !(sh > extra && dist <= 1) {
            continue;
        }
        let better = match best {
            None => true,
            Some((s, d, i)) => sh > s || (sh == s && dist < d) || (sh == s && dist == d && a < i),
        };
        if better {
            best = Some((sh, dist, a));
        }
    }
    if let Some((sh, _, a)) = best {
        let terms = shared(&f[a], fb);
        let reason = format!(
            "{} again, on the same matter (shared terms: {})",
            name(set, b),
            show_terms(&out.names, &terms)
        );
        out.add(
            ids,
            b,
            a,
            RelationType::Supports,
            (0.45 + sh as f64 * 0.05).min(0.75),
            reason,
        );
    }
}

/// Rules on a candidate pair from the index.
pub(super) fn pair_rules(
    set: &StatementSet,
    f: &[Feature],
    names: &[String],
    out: &mut Vec<Proposal>,
    denied: &HashMap<usize, usize>,
    i: usize,
    j: usize,
) {
    let (fi, fj) = (&f[i], &f[j]);
    let sh = shared(fi, fj);
    let content: Vec<u32> = sh.iter().copied().filter(|&t| !is_actor_term(names, t)).collect();
    let c = containment(fi, fj, sh.len());
    // A denied claim: the denial also denies others who say the same.
    for (claim, other) in [(i, j), (j, i)] {
        if let Some(&denial) = denied.get(&claim) {
            let fo = &f[other];
            if attributed(fo)
                && fo.source != f[denial].source
                && !fo.implicit
                && fo.kind != Kind::Denial
                && sh.len() >= 3
                && !content.is_empty()
                && c >= 0.5
            {
                propose(
                    out,
                    denial,
                    other,
                    RelationType::Denies,
                    (0.4 + c * 0.4).min(0.85),
                    format!(
                        "{} denies \"{}\", which {} also says (shared terms: {})",
                        name(set, denial),
                        short(&set.statements[claim].text),
                        name(set, other),
                        show_terms(names, &sh)
                    ),
                );
            }
        }
    }
    // Two sources saying the same words in one sentence ("Keller claimed the deal had
    // been legal; Moreau claimed the deal was legal") back each other.
    if same_sentence_echo(fi, fj, content.len(), c) {
        propose(
            out,
            j,
            i,
            RelationType::Supports,
            0.6,
            format!(
                "{} says in the same sentence what {} says (shared terms: {})",
                name(set, j),
                name(set, i),
                show_terms(names, &sh)
            ),
        );
        return;
    }
    // The same proposition: supports, or disputes when told incompatibly.
    let union = fi.terms.len() + fj.terms.len() - sh.len();
    let jaccard = sh.len() as f64 / union.max(1) as f64;
    if sh.len() >= 3 && content.len() >= 2 && c >= 0.6 && jaccard >= 0.3 {
        let same_article = fi.article == fj.article;
        let sides_differ = fi.source != fj.source;
        if same_article && fi.sentence == fj.sentence {
            return;
        }
        // Inside one article, agreement counts only for a source restating itself.
        let may_support = !same_article || (!sides_differ && attributed(fi));
        if fi.negated != fj.negated && c >= 0.75 && jaccard >= 0.5 {
            propose(
                out,
                j,
                i,
                RelationType::Disputes,
                0.5 + c * 0.3,
                format!(
                    "the same matter told both ways: one says it, the other negates it (shared terms: {})",
                    show_terms(names, &sh)
                ),
            );
        } else if !fi.numbers.is_empty()
            && !fj.numbers.is_empty()
            && fi.numbers.is_disjoint(&fj.numbers)
            && sides_differ
        {
            propose(
                out,
                j,
                i,
                RelationType::Disputes,
                0.5 + c * 0.2,
                format!(
                    "the same matter with other numbers ({} / {}; shared terms: {})",
                    fi.numbers.iter().cloned().collect::<Vec<_>>().join(", "),
                    fj.numbers.iter().cloned().collect::<Vec<_>>().join(", "),
                    show_terms(names, &sh)
                ),
            );
        } else if may_support {
            propose(
                out,
                j,
                i,
                RelationType::Supports,
                0.4 + c * 0.5,
                format!(
                    "the same proposition{} (shared terms: {})",
                    if same_article {
                        String::new()
                    } else {
                        format!(
                            " in {} and {}",
                            fi.article.as_deref().unwrap_or("?"),
                            fj.article.as_deref().unwrap_or("?")
                        )
                    },
                    show_terms(names, &sh)
                ),
            );
        }
    }
}

/// Two statements of one sentence by different sources, of the same kind and
/// polarity (not appeals, not blame traded), at least two content words, and
/// every term of the shorter one in the longer (the actors named included, so
/// "A accused B of X, B accused A of X" is no echo).
fn same_sentence_echo(fi: &Feature, fj: &Feature, content: usize, containment: f64) -> bool {
    fi.article.is_some()
        && fi.article == fj.article
        && fi.sentence == fj.sentence
        && fi.source.is_some()
        && fj.source.is_some()
        && fi.source != fj.source
        && !fi.implicit
        && !fj.implicit
        && fi.kind == fj.kind
        && fi.kind != Kind::Appeal
        && fi.negated == fj.negated
        && !fi.reciprocal
        && !fj.reciprocal
        && content >= 2
        && containment >= 1.0
}

fn short(s: &str) -> String {
    let t: String = s.chars().take(70).collect();
    if t.len() < s.len() { format!("{t}…") } else { t }
}

/// The words a backing statement's owner phrase ("the residents' account",
/// "lập trường của các tiểu thương") and a source's mention ("Residents of
/// Tân Mai", "Hơn 80 tiểu thương chợ Bình Lợi") can share: pairs of adjacent
/// words (a Vietnamese word is mostly two syllables), then single words of
/// five letters or more; folded, possessive endings dropped.
fn owner_words(text: &str) -> (Vec<String>, Vec<String>) {
    let words: Vec<String> = crate::text::words(text)
        .iter()
        .map(|w| crate::text::fold_case(&text[w.start..w.end]))
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches(['\'', '’'])
                .to_string()
        })
        .collect();
    let pairs = words.windows(2).map(|p| format!("{} {}", p[0], p[1])).collect();
    let long = words.into_iter().filter(|w| w.chars().count() >= 5).collect();
    (pairs, long)
}

/// The words of `a`'s source mention that `b`'s content names it by ("backed
/// the **residents'** account", "called the **residents'** accusations false"):
/// a pair of adjacent words, else a word of five letters or more.
pub(super) fn owner_named(set: &StatementSet, a: usize, b: usize) -> Option<String> {
    let (pairs, long) = owner_words(set.statements[a].source_mention.as_deref()?);
    let content = owner_words(&set.statements[b].text);
    pairs
        .into_iter()
        .find(|w| content.0.contains(w))
        .or_else(|| long.into_iter().find(|w| content.1.contains(w)))
}

/// "Japan backed the Philippine account", "Chan backed Solberg's account",
/// "ủng hộ lập trường của Hoài Thương": a statement said with a cue of
/// backing supports the nearest earlier statement of the actor its content
/// names (by name, or by the words of the source's mention), and so do the
/// statements its source adds in the same sentence ("…, saying …").
/// `earlier`: the article's statements before `b`, nearest first; `list`:
/// all of the article's statements, in order.
pub(super) fn backing_rule(
    set: &StatementSet,
    f: &[Feature],
    ids: &[String],
    out: &mut Out,
    b: usize,
    earlier: &[usize],
    list: &[usize],
) {
    let fb = &f[b];
    if !fb.backs || !attributed(fb) {
        return;
    }
    let own =
        |x: &Option<String>| x.is_some() && (*x == fb.source || fb.co_sources.iter().any(|c| Some(c) == x.as_ref()));
    let named = |a: usize| -> Option<String> {
        let src = f[a].source.as_deref()?;
        if fb
            .terms
            .iter()
            .any(|&t| out.names[t as usize].strip_prefix('@') == Some(src))
        {
            return Some(name(set, a));
        }
        owner_named(set, a, b).map(|w| format!("\"{w}\""))
    };
    // The statements its source adds in the same sentence: the grounds.
    let grounds: Vec<usize> = list
        .iter()
        .copied()
        .filter(|&i| {
            let x = &f[i];
            i != b && x.sentence == fb.sentence && x.source == fb.source && x.kind == Kind::Claim
        })
        .collect();
    let content_shared = |a: usize| -> usize {
        std::iter::once(b)
            .chain(grounds.iter().copied())
            .flat_map(|x| shared(&f[a], &f[x]))
            .filter(|&t| !is_actor_term(&out.names, t))
            .collect::<std::collections::BTreeSet<u32>>()
            .len()
    };
    // Of the named actor's statements, the one that shares most words with the
    // backing and its grounds; then one that is not a denial, nor a headline;
    // then the first (an account is told first, then defended).
    let found = earlier
        .iter()
        .copied()
        .filter_map(|a| {
            let fa = &f[a];
            (fa.sentence < fb.sentence && !own(&fa.source) && fa.kind != Kind::Appeal && !fa.implicit)
                .then(|| named(a).map(|n| (a, n)))
                .flatten()
        })
        .enumerate()
        .max_by_key(|(nearness, (a, _))| {
            (
                content_shared(*a),
                f[*a].kind != Kind::Denial,
                !set.statements[*a].headline,
                *nearness,
            )
        })
        .map(|(_, found)| found);
    let Some((a, by)) = found else { return };
    let cue = set.statements[b].cue.clone().unwrap_or_default();
    let words = content_shared(a);
    let reason = format!(
        "{} backs {} (\"{cue}\", naming {by}{})",
        name(set, b),
        name(set, a),
        if words > 0 {
            format!("; {words} content words in common")
        } else {
            String::new()
        }
    );
    out.add(ids, b, a, RelationType::Supports, 0.7, reason);
    for s in grounds {
        let reason = format!(
            "{} gives it as grounds for backing {} (\"{cue}\" in the same sentence)",
            name(set, s),
            name(set, a)
        );
        out.add(ids, s, a, RelationType::Supports, 0.6, reason);
    }
}

/// "Chile denied the allegation, telling a radio station that all detainees
/// had seen consular officials", "các cư dân bác bỏ thông tin này, nói rằng
/// cuộc họp chỉ có 17 hộ tham dự": the claims the denier adds in the same
/// sentence, after the denial, dispute what `b` denies (`a`).
pub(super) fn denial_grounds_rule(
    set: &StatementSet,
    f: &[Feature],
    ids: &[String],
    out: &mut Out,
    b: usize,
    a: usize,
    list: &[usize],
) {
    let fb = &f[b];
    if fb.source.is_none() || f[a].source == fb.source {
        return;
    }
    let grounds = list.iter().copied().filter(|&s| {
        let x = &f[s];
        s > b && x.sentence == fb.sentence && x.source == fb.source && matches!(x.kind, Kind::Claim | Kind::Accusation)
    });
    for s in grounds {
        let cue = set.statements[b].cue.clone().unwrap_or_default();
        let reason = format!(
            "{} gives it as grounds for denying {} (\"{cue}\" in the same sentence)",
            name(set, s),
            name(set, a)
        );
        out.add(ids, s, a, RelationType::Disputes, 0.6, reason);
    }
}

/// The quoted words of a text (between straight or curly double quotes),
/// folded, each of two words or more.
fn quoted_phrases(text: &str) -> Vec<String> {
    let folded = crate::text::fold_case(text).replace(['“', '”'], "\"");
    folded
        .split('"')
        .skip(1)
        .step_by(2)
        .map(|q| q.split_whitespace().collect::<Vec<_>>().join(" "))
        .map(|q| q.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|q| q.split_whitespace().nth(1).is_some())
        .collect()
}

/// "Egypt said the agreement is \"null and void\"", then "Greece called the
/// agreement \"null and void\"": a source that repeats the words another
/// quoted in the article, on the same side (neither aims at the other, both
/// deny or neither does), backs it. `earlier`: nearest first.
pub(super) fn quoted_echo_rule(
    set: &StatementSet,
    f: &[Feature],
    ids: &[String],
    out: &mut Out,
    aims: &super::answer::Aims,
    b: usize,
    earlier: &[usize],
) {
    let fb = &f[b];
    let Some(src_b) = fb.source.as_deref() else { return };
    if fb.implicit || fb.kind == Kind::Appeal || fb.reciprocal {
        return;
    }
    let phrases = quoted_phrases(&set.statements[b].text);
    if phrases.is_empty() {
        return;
    }
    for &a in earlier {
        let fa = &f[a];
        let Some(src_a) = fa.source.as_deref() else { continue };
        if src_a == src_b
            || fb.co_sources.iter().any(|c| c == src_a)
            || fa.implicit
            || fa.kind == Kind::Appeal
            || (fa.kind == Kind::Denial) != (fb.kind == Kind::Denial)
            || aims.contains(&(src_a.to_string(), src_b.to_string()))
            || aims.contains(&(src_b.to_string(), src_a.to_string()))
        {
            continue;
        }
        let text_a = crate::text::fold_case(&set.statements[a].text).replace(['“', '”'], "\"");
        if let Some(p) = phrases
            .iter()
            .find(|p| text_a.contains(&format!("\"{p}")) || text_a.contains(p.as_str()))
        {
            let reason = format!("{} repeats the words of {}: \"{p}\"", name(set, b), name(set, a));
            out.add(ids, b, a, RelationType::Supports, 0.65, reason);
            return;
        }
    }
}
