//! What linking knows of each statement: its content terms (interned to
//! small ids), numbers, polarity, and the extraction's facts about it
//! ([`Feature`]), built once per run and shared by every rule.

use super::MAX_TERMS;
use crate::extract::{Extractor, Meta};
use crate::lexicon::{Language, Lexicon};
use crate::model::{Kind, StatementSet};
use crate::text::{fold_case, words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// What the link stage knows of a statement.
pub(super) struct Feature {
    /// Term ids, sorted (see [`Terms`]).
    pub(super) terms: Vec<u32>,
    pub(super) numbers: BTreeSet<String>,
    pub(super) negated: bool,
    pub(super) article: Option<String>,
    pub(super) sentence: usize,
    pub(super) source: Option<String>,
    pub(super) kind: Kind,
    pub(super) implicit: bool,
    pub(super) contrast: Option<String>,
    /// The contrast marker is a weak one ("meanwhile", "trong khi đó").
    pub(super) weak_contrast: bool,
    pub(super) target: Option<String>,
    pub(super) reciprocal: bool,
    /// Other actors that made the statement with its source.
    pub(super) co_sources: Vec<String>,
    /// For a denial: the reported noun its content opens with (cáo buộc, the claim),
    /// and whether it names an accusation.
    pub(super) reported: Option<(String, bool)>,
    /// Words in the content.
    pub(super) words: usize,
    /// Said with a cue of backing ("backed", "ủng hộ").
    pub(super) backs: bool,
    /// Said with a cue of refusal ("từ chối", "refused").
    pub(super) refuses: bool,
    /// A denial that extraction already linked to the claim it reports
    /// ("denied reports in X that …"): it answers nothing else.
    pub(super) denies_reported: bool,
    /// Terms per word: 2 in Vietnamese (a word of two syllables gives a pair
    /// and often a capitalised syllable), 1 in English.
    pub(super) term_weight: usize,
}

/// Interned terms: every distinct term string gets a small id, so term sets
/// are sorted id lists and intersect by merging. Ids are given in the order
/// terms are first met (statement order, then term order), so they do not
/// depend on the thread count. FxHash: the keys are short strings hashed
/// millions of times, and nothing here is exposed to hash flooding that a
/// keyed hasher would guard against (a hostile input only costs time, as
/// any other large input does).
#[derive(Default)]
pub(super) struct Terms {
    pub(super) ids: FxHashMap<String, u32>,
    pub(super) names: Vec<String>,
}

impl Terms {
    pub(super) fn id(&mut self, term: String) -> u32 {
        if let Some(&i) = self.ids.get(term.as_str()) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(term.clone());
        self.ids.insert(term, i);
        i
    }
}

pub(super) fn is_actor_term(names: &[String], t: u32) -> bool {
    names[t as usize].starts_with('@')
}

pub(super) fn features(ex: &Extractor, set: &StatementSet, meta: &[Meta], interner: &mut Terms) -> Vec<Feature> {
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
                words: folded.split_whitespace().count(),
                refuses: s
                    .cue
                    .as_deref()
                    .is_some_and(|c| lex.cue(&fold_case(c)).is_some_and(|c| c.refuses)),
                backs: s
                    .cue
                    .as_deref()
                    .is_some_and(|c| lex.cue(&fold_case(c)).is_some_and(|c| c.backs))
                    || lex.backing_words.iter().any(|w| {
                        folded
                            .trim_start()
                            .strip_prefix(w.as_str())
                            .is_some_and(|r| r.starts_with(' '))
                    }),
                denies_reported: false,
                term_weight: if language == Language::Vi { 2 } else { 1 },
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
pub(super) fn terms(
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
pub(super) fn shared(a: &Feature, b: &Feature) -> Vec<u32> {
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
pub(super) fn show_terms(names: &[String], terms: &[u32]) -> String {
    let mut v: Vec<&str> = terms.iter().map(|&t| names[t as usize].as_str()).collect();
    v.sort_by_key(|t| (t.starts_with('@'), *t));
    v.iter()
        .take(6)
        .map(|t| t.trim_start_matches('@'))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
