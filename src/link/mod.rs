//! Linking: the extractions of many articles → one statement set, with the
//! relations between statements. Every rule names its reason.
//!
//! 1. Wire copies: statements with the same words (after case, punctuation and
//!    spacing are folded) form a group; each copy supports the group's first
//!    statement, and only that first one takes part in the rules below, so a
//!    story copied a hundred times makes 99 relations, not 100².
//! 2. Candidates come from an inverted index of content terms (words that are
//!    not stop words, and the actors named, pronouns resolved); a term shared
//!    by more than [`MAX_POSTING`] statements is too common to pair on.
//!    Rules about one article (contrast markers, condemnations, a speaker's
//!    own statements) look only at a window of nearby sentences.
//! 3. Rules (below): a denial denies the statements of others that say
//!    what it denies; a counter-statement after a contrast marker disputes what
//!    it answers; a condemnation of X disputes X's claims and supports those who
//!    accuse X; the same proposition twice supports, or disputes when one side
//!    negates it or gives other numbers.

mod answer;
mod out;

use out::{ArticleOut, Names, Out, Pairs, Proposal, propose};

use crate::extract::{Extraction, Extractor, Meta};
use crate::graph::slug;
use crate::lexicon::{Language, Lexicon};
use crate::model::{Kind, Relation, RelationType, StatementSet};
use crate::text::{fold_case, words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeSet, HashMap};

/// A term shared by more statements than this does not make candidates.
pub const MAX_POSTING: usize = 200;
/// Terms kept per statement.
pub const MAX_TERMS: usize = 256;
/// Terms of a statement used to find candidates: its rarest ones.
pub const RARE_TERMS: usize = 12;
/// Candidates kept per statement (most shared terms first).
pub const MAX_CANDIDATES: usize = 12;
/// Sentences around a statement that the same-article rules look at.
pub const WINDOW: usize = 4;
/// Sentences around a condemnation in which it meets the condemned side's claims.
pub const CONDEMNATION_WINDOW: usize = 25;

/// What the link stage knows of a statement.
struct Feature {
    /// Term ids, sorted (see [`Terms`]).
    terms: Vec<u32>,
    numbers: BTreeSet<String>,
    negated: bool,
    article: Option<String>,
    sentence: usize,
    source: Option<String>,
    kind: Kind,
    implicit: bool,
    contrast: Option<String>,
    /// The contrast marker is a weak one ("meanwhile", "trong khi đó").
    weak_contrast: bool,
    target: Option<String>,
    reciprocal: bool,
    /// Other actors that made the statement with its source.
    co_sources: Vec<String>,
    /// For a denial: the reported noun its content opens with (cáo buộc, the claim),
    /// and whether it names an accusation.
    reported: Option<(String, bool)>,
}

/// Interned terms: every distinct term string gets a small id, so term sets
/// are sorted id lists and intersect by merging. Ids are given in the order
/// terms are first met (statement order, then term order), so they do not
/// depend on the thread count. FxHash: the keys are short strings hashed
/// millions of times, and nothing here is exposed to hash flooding that a
/// keyed hasher would guard against (a hostile input only costs time, as
/// any other large input does).
#[derive(Default)]
struct Terms {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Terms {
    fn id(&mut self, term: String) -> u32 {
        if let Some(&i) = self.ids.get(term.as_str()) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(term.clone());
        self.ids.insert(term, i);
        i
    }
}

fn is_actor_term(names: &[String], t: u32) -> bool {
    names[t as usize].starts_with('@')
}

/// Joins the extractions (in order) into one set and adds the relations
/// between their statements.
pub fn link(ex: &Extractor, extractions: Vec<Extraction>) -> StatementSet {
    let mut set = StatementSet::default();
    let mut meta: Vec<Meta> = Vec::new();
    let mut actor_ids = std::collections::HashSet::new();
    for e in extractions {
        if let Some(a) = e.article {
            set.articles.push(a);
        }
        for (_, a) in e.actors {
            if actor_ids.insert(a.id.clone()) {
                set.actors.push(a);
            }
        }
        set.statements.extend(e.statements);
        meta.extend(e.meta);
        set.relations.extend(e.relations);
    }
    merge_actor_variants(&mut set);
    let relations = relate(ex, &set, &meta);
    set.relations.extend(relations);
    set
}

fn features(ex: &Extractor, set: &StatementSet, meta: &[Meta], interner: &mut Terms) -> Vec<Feature> {
    // Everything but the term ids, in parallel (each statement alone).
    let (mut f, words): (Vec<Feature>, Vec<Vec<String>>) = set
        .statements
        .par_iter()
        .zip(meta)
        .map(|(s, m)| {
            let language = m.language.unwrap_or(Language::En);
            let lex: &Lexicon = ex.lexicons().get(language);
            let folded = fold_case(&s.text);
            let (mut words, numbers) = terms(ex, lex, &s.text, &folded, &m.mentioned);
            // A statement's first MAX_TERMS terms are enough to find what it
            // relates to (a run-on crawl "sentence" would otherwise bring thousands).
            words.truncate(MAX_TERMS);
            let negated = lex.negations.iter().any(|n| {
                folded
                    .match_indices(n.as_str())
                    .any(|(i, x)| crate::extract::sentence::word_bounded(&folded, i, i + x.len()))
            });
            let reported = (s.kind == Kind::Denial)
                .then(|| {
                    let head: String = folded.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
                    lex.reported_nouns
                        .iter()
                        .filter(|n| head.contains(n.as_str()))
                        .max_by_key(|n| n.len())
                        .map(|n| (n.clone(), lex.accusation_nouns.contains(n)))
                })
                .flatten();
            let feature = Feature {
                co_sources: s.co_sources.clone(),
                reported,
                terms: Vec::new(),
                numbers,
                negated,
                article: s.article.clone(),
                sentence: s.sentence.unwrap_or(0),
                source: s.source.clone(),
                kind: s.kind,
                implicit: s.implicit,
                contrast: m.contrast.clone(),
                weak_contrast: m
                    .contrast
                    .as_deref()
                    .is_some_and(|c| lex.weak_contrast_markers.contains(&fold_case(c))),
                target: s.target.clone(),
                reciprocal: m.reciprocal,
            };
            (feature, words)
        })
        .unzip();
    // Ids in statement order, on one thread.
    for (x, words) in f.iter_mut().zip(words) {
        let mut terms: Vec<u32> = words.into_iter().map(|w| interner.id(w)).collect();
        terms.sort_unstable();
        x.terms = terms;
    }
    f
}

/// The content terms of a text: `@actor` for every actor named (names found
/// with the gazetteer, plus those extraction resolved), and its other words:
/// in Vietnamese, whose words are mostly two syllables, pairs of adjacent
/// syllables plus capitalised ones (names); in English, words of three
/// letters or more. Stop words never count; numbers are kept apart.
/// `folded` is `fold_case(text)`. The terms come sorted (as strings), without
/// duplicates.
fn terms(
    ex: &Extractor,
    lex: &Lexicon,
    text: &str,
    folded: &str,
    mentioned: &[String],
) -> (Vec<String>, BTreeSet<String>) {
    let gaz = ex.gazetteer();
    let names = gaz.find(text, folded, &|w| lex.np_words.contains(w));
    let mut terms: Vec<String> = mentioned.iter().map(|a| format!("@{a}")).collect();
    for n in &names {
        terms.push(format!("@{}", gaz.entry(gaz.speaker(n.entry)).id));
    }
    let mut numbers = BTreeSet::new();
    let mut prev: Option<(&str, usize)> = None;
    // Names are found left to right without overlapping: the one that may
    // hold a word is the first that ends after the word starts.
    let mut next_name = 0;
    for w in words(text) {
        while next_name < names.len() && names[next_name].end <= w.start {
            next_name += 1;
        }
        if names
            .get(next_name)
            .is_some_and(|n| n.start <= w.start && w.end <= n.end)
        {
            prev = None;
            continue;
        }
        let word = &folded[w.start..w.end];
        if word.chars().any(|c| c.is_ascii_digit()) {
            numbers.insert(word.to_string());
            terms.push(format!("#{word}"));
            prev = None;
            continue;
        }
        // Negations are polarity, not content.
        if lex.negations.iter().any(|n| n == word) {
            prev = None;
            continue;
        }
        for part in word.split('-').filter(|p| !p.is_empty()) {
            let stop = lex.stop_words.contains(part) || lex.link_stop_words.contains(part);
            match lex.language {
                Language::Vi => {
                    if !stop {
                        // Adjacent: parts of one word, or only spaces between.
                        if let Some((p, end)) = &prev
                            && (*end >= w.start || text.get(*end..w.start).is_some_and(|g| g.trim().is_empty()))
                        {
                            terms.push(format!("{p} {part}"));
                        }
                        if crate::text::is_capitalized(&text[w.start..w.end]) && part.chars().count() >= 2 {
                            terms.push(part.to_string());
                        }
                    }
                    prev = (!stop).then_some((part, w.end));
                }
                Language::En => {
                    if !stop && part.chars().count() >= 3 {
                        // Plurals count as their singular (ballots ~ ballot).
                        let stem = match part.strip_suffix('s') {
                            Some(s) if s.len() >= 3 && !s.ends_with('s') => s,
                            _ => part,
                        };
                        terms.push(stem.to_string());
                    }
                }
            }
        }
    }
    terms.sort_unstable();
    terms.dedup();
    (terms, numbers)
}

/// Terms two statements share (merge of two sorted id lists).
fn shared(a: &Feature, b: &Feature) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].cmp(&b.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a.terms[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Up to six shared terms for a reason, words before actors, alphabetical.
fn show_terms(names: &[String], terms: &[u32]) -> String {
    let mut v: Vec<&str> = terms.iter().map(|&t| names[t as usize].as_str()).collect();
    v.sort_by_key(|t| (t.starts_with('@'), *t));
    v.iter()
        .take(6)
        .map(|t| t.trim_start_matches('@'))
        .collect::<Vec<_>>()
        .join(", ")
}

fn name(set: &StatementSet, s: usize) -> String {
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

/// Same-article neighbours within the window, as (index) pairs, by article.
fn by_article(f: &[Feature]) -> HashMap<&str, Vec<usize>> {
    let mut m: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, x) in f.iter().enumerate() {
        if let Some(a) = &x.article {
            m.entry(a.as_str()).or_default().push(i);
        }
    }
    m
}

fn relate(ex: &Extractor, set: &StatementSet, meta: &[Meta]) -> Vec<Relation> {
    let mut interner = Terms::default();
    let f = features(ex, set, meta, &mut interner);
    let ids: Vec<String> = set.statements.iter().map(|s| s.id.clone()).collect();
    let index_of: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let ends = |r: &Relation| Some((*index_of.get(r.from.as_str())?, *index_of.get(r.to.as_str())?));
    let names = std::mem::take(&mut interner.names);
    let mut out = Out {
        names: Names(&names),
        relations: Vec::new(),
        pairs: Pairs {
            base: None,
            own: set
                .relations
                .iter()
                .filter_map(|r| ends(r).map(|(a, b)| ((a.min(b), a.max(b)), None)))
                .collect(),
        },
    };
    let denied: HashMap<usize, usize> = set
        .relations
        .iter()
        .filter(|r| r.kind == RelationType::Denies)
        .filter_map(|r| {
            ends(r)
                .filter(|&(_, b)| set.statements[b].implicit)
                .map(|(a, b)| (b, a))
        })
        .collect();

    // 1. Wire copies: keys in parallel, groups in statement order.
    let keys: Vec<Option<String>> = set
        .statements
        .par_iter()
        .map(|s| {
            let folded = fold_case(&s.text);
            let mut key = String::with_capacity(folded.len() + 16);
            key.push_str(s.source.as_deref().unwrap_or(""));
            key.push('|');
            for (n, w) in words(&folded).iter().enumerate() {
                if n > 0 {
                    key.push(' ');
                }
                key.push_str(&folded[w.start..w.end]);
            }
            (key.len() >= 24).then_some(key)
        })
        .collect();
    let mut first_of: FxHashMap<String, usize> = FxHashMap::default();
    let mut representative = vec![true; f.len()];
    for (i, key) in keys.into_iter().enumerate() {
        let Some(key) = key else { continue };
        match first_of.get(&key) {
            Some(&j) => {
                representative[i] = false;
                if set.statements[i].article != set.statements[j].article {
                    out.add(
                        &ids,
                        i,
                        j,
                        RelationType::Supports,
                        0.95,
                        format!(
                            "the same words in {} and {} (a wire copy)",
                            f[i].article.as_deref().unwrap_or("?"),
                            f[j].article.as_deref().unwrap_or("?")
                        ),
                    );
                }
            }
            None => {
                first_of.insert(key, i);
            }
        }
    }

    // 2. Same-article rules: each article on its own (in parallel), over the
    // pairs found so far; the articles' relations are then added in the order
    // of their names, as one pass would have added them.
    let articles = by_article(&f);
    let mut article_names: Vec<&str> = articles.keys().copied().collect();
    article_names.sort_unstable();
    let base = &out.pairs.own;
    let per_article: Vec<ArticleOut> = article_names
        .par_iter()
        .map(|a| {
            let list = &articles[a];
            let mut out = Out {
                relations: Vec::new(),
                pairs: Pairs {
                    base: Some(base),
                    own: FxHashMap::default(),
                },
                names: Names(&names),
            };
            let aims = answer::aims(&f, &out.names, list);
            for (pos, &b) in list.iter().enumerate() {
                if !representative[b] {
                    continue;
                }
                let fb = &f[b];
                // Statements are in sentence order: walk back only through the window.
                let window: Vec<usize> = list[..pos]
                    .iter()
                    .rev()
                    .copied()
                    .take_while(|&x| fb.sentence.saturating_sub(f[x].sentence) <= WINDOW)
                    .filter(|&x| representative[x])
                    .collect();
                contrast_rule(set, &f, &ids, &mut out, b, &window);
                let lo = list.partition_point(|&x| f[x].sentence + CONDEMNATION_WINDOW < fb.sentence);
                let hi = list.partition_point(|&x| f[x].sentence <= fb.sentence + CONDEMNATION_WINDOW);
                condemnation_rule(set, &f, &ids, &mut out, b, &list[lo..hi]);
                same_source_rule(set, &f, &ids, &mut out, b, &window);
                let earlier: Vec<usize> = list[..pos]
                    .iter()
                    .rev()
                    .copied()
                    .take_while(|&x| fb.sentence.saturating_sub(f[x].sentence) <= answer::ANSWER_WINDOW)
                    .filter(|&x| representative[x])
                    .collect();
                answer::answer_rule(set, &f, &ids, &mut out, &aims, b, &earlier);
            }
            (out.relations, out.pairs.own)
        })
        .collect();
    for (relations, pairs) in per_article {
        let offset = out.relations.len();
        out.pairs
            .own
            .extend(pairs.into_iter().map(|(k, v)| (k, v.map(|i| i + offset))));
        out.relations.extend(relations);
    }

    // 3. Index rules: denials of what others say, same proposition.
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); out.names.len()];
    for (i, x) in f.iter().enumerate() {
        if representative[i] {
            for &t in &x.terms {
                index[t as usize].push(i);
            }
        }
    }
    // Candidates and rules per statement in parallel (shared-term counts in
    // a dense array per thread, reset through the list of touched entries);
    // the proposals are then applied in statement order.
    let proposals: Vec<Vec<Proposal>> = (0..f.len())
        .into_par_iter()
        .map_init(
            || (vec![0u32; f.len()], Vec::new()),
            |(count, touched), i| {
                let x = &f[i];
                let mut proposals = Vec::new();
                if !representative[i] || x.terms.len() < 2 {
                    return proposals;
                }
                // The statement's rarest terms (prefix filtering): a pair worth a rule
                // shares most terms, so it shares some of the rare ones.
                let mut rare: Vec<u32> = x
                    .terms
                    .iter()
                    .copied()
                    .filter(|&t| (2..=MAX_POSTING).contains(&index[t as usize].len()))
                    .collect();
                rare.sort_by_key(|&t| (index[t as usize].len(), t));
                rare.truncate(RARE_TERMS);
                for &t in &rare {
                    let post = &index[t as usize];
                    for &j in post {
                        if j > i {
                            if count[j] == 0 {
                                touched.push(j);
                            }
                            count[j] += 1;
                        }
                    }
                }
                let mut cands: Vec<(usize, usize)> = Vec::new();
                for &j in touched.iter() {
                    if count[j] >= 2 {
                        cands.push((j, count[j] as usize));
                    }
                    count[j] = 0;
                }
                touched.clear();
                cands.sort_by(|p, q| q.1.cmp(&p.1).then(p.0.cmp(&q.0)));
                cands.truncate(MAX_CANDIDATES);
                cands.sort_by_key(|c| c.0);
                for (j, _) in cands {
                    pair_rules(set, &f, &names, &mut proposals, &denied, i, j);
                }
                proposals
            },
        )
        .collect();
    for p in proposals.into_iter().flatten() {
        out.add(&ids, p.from, p.to, p.kind, p.confidence, p.reason);
    }
    out.relations
}

/// Containment of the smaller term set in the larger.
fn containment(a: &Feature, b: &Feature, shared: usize) -> f64 {
    let small = a.terms.len().min(b.terms.len()).max(1);
    shared as f64 / small as f64
}

fn attributed(x: &Feature) -> bool {
    x.source.is_some()
}

/// "Trong khi đó, Armenia cáo buộc …": a statement opening with a contrast
/// marker disputes the nearby statements of another source that it answers.
fn contrast_rule(set: &StatementSet, f: &[Feature], ids: &[String], out: &mut Out, b: usize, window: &[usize]) {
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
fn condemnation_rule(set: &StatementSet, f: &[Feature], ids: &[String], out: &mut Out, c: usize, list: &[usize]) {
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
fn same_source_rule(set: &StatementSet, f: &[Feature], ids: &[String], out: &mut Out, b: usize, window: &[usize]) {
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
        // Only on the same matter: two content words in common, or one in the next sentence.
        if sh < 2 && !(sh == 1 && dist <= 1) {
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
fn pair_rules(
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
    // Two sources saying the same words in one sentence ("Quirin claimed sex had
    // been consensual; Redouane claimed sex was consensual") back each other.
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

/// Merges actors whose names differ only by spacing, hyphens or one letter
/// ("Nargorno - Karabakh" / "Nagorno-Karabakh"): the later takes the earlier's id.
fn merge_actor_variants(set: &mut StatementSet) {
    let compact = |s: &str| -> String { slug(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    let keys: Vec<String> = set.actors.iter().map(|a| compact(&a.name)).collect();
    let lens: Vec<usize> = keys.iter().map(|k| k.chars().count()).collect();
    let heads: Vec<String> = keys.iter().map(|k| k.chars().take(2).collect()).collect();
    let mut index = VariantIndex::default();
    let mut rename: HashMap<String, String> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        let n = lens[i];
        let head = &heads[i];
        // The earliest kept key one letter shorter, else of the same length,
        // else one longer, with the same first two letters, that is the same
        // key or (from 8 letters on) one edit away.
        let close = |j: usize| keys[j] == *k || (n >= 8 && within_one_edit(&keys[j], k));
        let target = index
            .candidates(head, k, n)
            .into_iter()
            .filter(|&j| lens[j] + 1 >= n && lens[j] <= n + 1 && heads[j] == *head)
            .filter(|&j| close(j))
            .min_by_key(|&j| (lens[j] + 1 - n, j));
        match target {
            Some(j) if set.actors[j].id != set.actors[i].id => {
                rename.insert(set.actors[i].id.clone(), set.actors[j].id.clone());
            }
            _ => index.keep(&keys[i], head.clone(), i, n),
        }
    }
    if rename.is_empty() {
        return;
    }
    for s in &mut set.statements {
        for field in [&mut s.source, &mut s.target] {
            if let Some(v) = field
                && let Some(to) = rename.get(v)
            {
                *v = to.clone();
            }
        }
    }
    // Sorted: aliases are added in the same order on every run.
    let mut renamed: Vec<(String, String)> = rename.into_iter().collect();
    renamed.sort_unstable();
    let mut position: HashMap<String, usize> = HashMap::new();
    for (i, a) in set.actors.iter().enumerate() {
        position.entry(a.id.clone()).or_insert(i);
    }
    let mut removed = vec![false; set.actors.len()];
    for (from, to) in renamed {
        let Some(&f) = position.get(&from) else { continue };
        if removed[f] {
            continue;
        }
        removed[f] = true;
        let name = std::mem::take(&mut set.actors[f].name);
        if let Some(&t) = position.get(&to)
            && !removed[t]
            && !set.actors[t].aliases.contains(&name)
        {
            set.actors[t].aliases.push(name);
        }
    }
    let mut i = 0;
    set.actors.retain(|_| {
        i += 1;
        !removed[i - 1]
    });
}

/// Longest key (in letters) whose one-letter deletions are indexed; longer
/// keys are compared one by one with their block, as they are rare.
const MAX_INDEXED: usize = 64;

/// The actor keys kept so far, found without comparing a new key with each:
/// by exact key, and (for keys of 8 letters or more) by every key with one
/// letter deleted, so that two keys one edit apart always share an entry
/// (symmetric deletion). Candidates are then checked with the edit distance.
#[derive(Default)]
struct VariantIndex {
    /// Kept keys by (first two letters, length), in the order kept.
    blocks: HashMap<(String, usize), Vec<usize>>,
    /// A kept key and each of its one-letter deletions → the keys.
    deletions: HashMap<String, Vec<usize>>,
}

impl VariantIndex {
    fn keep(&mut self, key: &str, head: String, i: usize, n: usize) {
        self.blocks.entry((head, n)).or_default().push(i);
        if n <= MAX_INDEXED + 1 {
            self.deletions.entry(key.to_string()).or_default().push(i);
            if n >= 7 {
                for d in one_deleted(key) {
                    self.deletions.entry(d).or_default().push(i);
                }
            }
        }
    }

    fn candidates(&self, head: &str, k: &str, n: usize) -> Vec<usize> {
        if n > MAX_INDEXED {
            return (n.saturating_sub(1)..=n + 1)
                .filter_map(|len| self.blocks.get(&(head.to_string(), len)))
                .flatten()
                .copied()
                .collect();
        }
        let mut out: Vec<usize> = self.deletions.get(k).cloned().unwrap_or_default();
        if n >= 8 {
            for d in one_deleted(k) {
                out.extend(self.deletions.get(&d).into_iter().flatten().copied());
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A word with each one of its letters deleted in turn.
fn one_deleted(k: &str) -> Vec<String> {
    k.char_indices()
        .map(|(i, c)| format!("{}{}", &k[..i], &k[i + c.len_utf8()..]))
        .collect()
}

/// `strsim::damerau_levenshtein(a, b) <= 1` in one pass: equal, or one
/// letter inserted, removed, replaced, or two neighbours swapped.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short.iter().zip(long.iter()).position(|(x, y)| x != y) else {
        return true; // equal, or one letter added at the end
    };
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
            || (i + 1 < short.len()
                && short[i] == long[i + 1]
                && short[i + 1] == long[i]
                && short[i + 2..] == long[i + 2..])
    } else {
        short[i..] == long[i + 1..]
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Actor, Statement};

    /// The relations one article gives: (from text, type, to text, reason).
    pub(crate) fn relations(text: &str) -> Vec<(String, RelationType, String, String)> {
        let ex = Extractor::bundled();
        let set = crate::extract_all(&ex, &[(std::path::PathBuf::from("a.txt"), text.to_string())], None);
        let text_of = |id: &str| {
            set.statements
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.text.clone())
                .unwrap_or_default()
        };
        set.relations
            .iter()
            .map(|r| {
                (
                    text_of(&r.from),
                    r.kind,
                    text_of(&r.to),
                    r.reason.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn relations_of(text: &str) -> Vec<(String, RelationType, String)> {
        relations(text).into_iter().map(|(a, k, b, _)| (a, k, b)).collect()
    }

    #[test]
    fn a_plain_claim_after_meanwhile_counters_only_what_it_is_aimed_at() {
        let rels = relations_of(
            "Fjord talks\n\nSweden said Norway had refused to attend the border talks in May.\n\n\
             Meanwhile, Finland said the Nordic fishing talks would go ahead as planned.\n",
        );
        assert!(
            !rels.iter().any(|(from, _, _)| from.contains("fishing talks")),
            "{rels:?}"
        );
    }

    #[test]
    fn a_plain_claim_after_however_with_other_figures_still_disputes() {
        let rels = relations_of(
            "Paper mill row\n\nTanner Paper said its plant released only 400 m3 of treated water a day.\n\n\
             However, residents said the plant released more than 1,000 m3 of black water each night.\n",
        );
        assert!(
            rels.iter().any(|(from, kind, to)| *kind == RelationType::Disputes
                && from.contains("1,000")
                && to.contains("400")),
            "{rels:?}"
        );
    }

    #[test]
    fn two_sources_saying_the_same_in_one_sentence_back_each_other() {
        let rels = relations_of(
            "Warehouse fight\n\nGuard Peter Shaw claimed the driver had attacked first; his colleague \
             Daniel Ruiz claimed the driver attacked first.\n",
        );
        assert!(
            rels.iter().any(|(from, kind, to)| *kind == RelationType::Supports
                && from.contains("driver attacked first")
                && to.contains("had attacked first")),
            "{rels:?}"
        );
        // Blame traded in one sentence is no echo: the actors named differ.
        let rels = relations_of(
            "Border clash\n\nArmenia accused Azerbaijan of shelling the border villages; Azerbaijan accused \
             Armenia of shelling the border villages.\n",
        );
        assert!(
            !rels.iter().any(|(_, kind, _)| *kind == RelationType::Supports),
            "{rels:?}"
        );
    }

    #[test]
    fn pronouns_and_quantifiers_are_no_content_terms() {
        let ex = Extractor::bundled();
        let lex = ex.lexicons().get(Language::Vi);
        let text = "Chúng tôi sẽ khởi công cây cầu";
        let (terms, _) = terms(&ex, lex, text, &fold_case(text), &[]);
        assert!(terms.iter().any(|t| t == "khởi công"), "{terms:?}");
        assert!(
            !terms.iter().any(|t| t.contains("chúng") || t.contains("tôi")),
            "{terms:?}"
        );
        // Quantifiers neither ("various" was shown as evidence, as "variou").
        let lex = ex.lexicons().get(Language::En);
        let text = "Trump made various legal challenges";
        let (en_terms, _) = super::terms(&ex, lex, text, &fold_case(text), &[]);
        assert!(en_terms.iter().any(|t| t == "challenge"), "{en_terms:?}");
        assert!(!en_terms.iter().any(|t| t.starts_with("variou")), "{en_terms:?}");
    }

    #[test]
    fn within_one_edit_is_damerau_levenshtein_at_most_one() {
        // Every string of up to 4 letters over a 3-letter alphabet, against each other.
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|s| ['a', 'b', 'đ'].map(|c| format!("{s}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        for x in &all {
            for y in &all {
                assert_eq!(
                    within_one_edit(x, y),
                    strsim::damerau_levenshtein(x, y) <= 1,
                    "{x:?} {y:?}"
                );
            }
        }
    }

    #[test]
    fn spelling_variants_of_actors_merge() {
        let mut set = StatementSet::default();
        for (id, name) in [
            ("a", "Nagorno-Karabakh"),
            ("b", "Nargorno - Karabakh"),
            ("c", "Kazakhstan"),
        ] {
            set.actors.push(Actor {
                id: id.into(),
                name: name.into(),
                aliases: vec![],
                kind: None,
            });
        }
        set.statements.push(Statement::new("s", Some("b".into()), "x"));
        merge_actor_variants(&mut set);
        assert_eq!(set.actors.len(), 2);
        assert_eq!(set.statements[0].source.as_deref(), Some("a"));
        assert!(set.actors[0].aliases.contains(&"Nargorno - Karabakh".to_string()));
    }

    /// The first form of the merge: each key compared with every kept key of
    /// its block (quadratic), kept here as the reference the index must match.
    fn merge_by_scan(set: &mut StatementSet) {
        let compact = |s: &str| -> String { slug(s).chars().filter(|c| c.is_alphanumeric()).collect() };
        let keys: Vec<String> = set.actors.iter().map(|a| compact(&a.name)).collect();
        let mut blocks: HashMap<(String, usize), Vec<usize>> = HashMap::new();
        let mut rename: Vec<(String, String)> = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            let n = k.chars().count();
            let head: String = k.chars().take(2).collect();
            let mut target = None;
            for len in n.saturating_sub(1)..=n + 1 {
                if let Some(list) = blocks.get(&(head.clone(), len)) {
                    target = list
                        .iter()
                        .copied()
                        .find(|&j| keys[j] == *k || (n >= 8 && strsim::damerau_levenshtein(&keys[j], k) <= 1));
                }
                if target.is_some() {
                    break;
                }
            }
            match target {
                Some(j) if set.actors[j].id != set.actors[i].id => {
                    rename.push((set.actors[i].id.clone(), set.actors[j].id.clone()))
                }
                _ => blocks.entry((head, n)).or_default().push(i),
            }
        }
        rename.sort_unstable();
        for (from, to) in rename {
            if let Some(pos) = set.actors.iter().position(|a| a.id == from) {
                let old = set.actors.remove(pos);
                if let Some(t) = set.actors.iter_mut().find(|a| a.id == to)
                    && !t.aliases.contains(&old.name)
                {
                    t.aliases.push(old.name);
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn variant_index_merges_as_the_scan_did(names in proptest::collection::vec("[abk]{1,3}[ab]{0,9}", 1..60)) {
            let mut set = StatementSet::default();
            for (i, name) in names.iter().enumerate() {
                set.actors.push(Actor { id: format!("x{i}"), name: name.clone(), aliases: vec![], kind: None });
            }
            let mut reference = set.clone();
            merge_by_scan(&mut reference);
            merge_actor_variants(&mut set);
            proptest::prop_assert_eq!(
                serde_json::to_string(&set.actors).unwrap(),
                serde_json::to_string(&reference.actors).unwrap()
            );
        }
    }
}
