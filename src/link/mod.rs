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
mod features;
mod out;
mod rules;
mod variants;

use features::{Feature, Terms, features, is_actor_term, shared, show_terms};
use out::{ArticleOut, Names, Out, Pairs, Proposal};
use rules::{
    attributed, backing_rule, condemnation_rule, contrast_rule, denial_grounds_rule, name, pair_rules,
    quoted_echo_rule, same_source_rule,
};
use variants::merge_actor_variants;

use crate::extract::{Extraction, Extractor, Meta};
use crate::model::{Relation, RelationType, StatementSet};
use crate::text::{fold_case, words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

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
    let mut f = features(ex, set, meta, &mut interner);
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
    for &denial in denied.values() {
        f[denial].denies_reported = true;
    }
    // A denial extraction already linked to what it rejects ("…, which Moscow
    // denies", "Về việc X cho rằng P, Y bác bỏ") answers nothing else.
    for r in set.relations.iter().filter(|r| r.kind == RelationType::Denies) {
        if let Some((a, _)) = ends(r) {
            f[a].denies_reported = true;
        }
    }
    // A denial → the reported claim extraction linked it to.
    let denied_claim: HashMap<usize, usize> = denied.iter().map(|(&claim, &denial)| (denial, claim)).collect();
    let f = f;

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
                answer::answer_rule(set, &f, &ids, &mut out, &aims, b, &earlier, list);
                backing_rule(set, &f, &ids, &mut out, b, &earlier, list);
                quoted_echo_rule(set, &f, &ids, &mut out, &aims, b, &earlier);
            }
            // The grounds a denial gives in its sentence dispute what it denies.
            let mut denials: Vec<(usize, usize)> = out
                .relations
                .iter()
                .filter(|r| r.kind == RelationType::Denies)
                .filter_map(|r| Some((*index_of.get(r.from.as_str())?, *index_of.get(r.to.as_str())?)))
                .collect();
            denials.extend(list.iter().filter_map(|&b| denied_claim.get(&b).map(|&a| (b, a))));
            for (b, a) in denials {
                denial_grounds_rule(set, &f, &ids, &mut out, b, a, list);
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

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
}
