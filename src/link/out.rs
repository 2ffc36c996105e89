//! Where linking's rules put what they find: an [`Out`] per run and per
//! article (relations without duplicates, one per unordered pair), and the
//! [`Proposal`]s of the pair rules, applied in statement order.

use crate::model::{Relation, RelationType};
use rustc_hash::FxHashMap;

/// The relations found, without duplicates (one relation per unordered pair).
/// One `Out` holds the whole run; each article's same-article rules also get
/// their own (on the article's thread), over the pairs found before them.
pub(super) struct Out<'a> {
    pub(super) relations: Vec<Relation>,
    pub(super) pairs: Pairs<'a>,
    /// The term names, by id.
    pub(super) names: Names<'a>,
}

/// The term names, by id, shared by every `Out` of a run (`&out.names` is a
/// `&[String]`).
#[derive(Clone, Copy)]
pub(super) struct Names<'a>(pub(super) &'a [String]);

impl std::ops::Deref for Names<'_> {
    type Target = [String];
    fn deref(&self) -> &[String] {
        self.0
    }
}

/// What one article's rules found: relations and their pairs.
pub(super) type ArticleOut = (Vec<Relation>, FxHashMap<(usize, usize), Option<usize>>);

/// Unordered pairs that have a relation: those of the run before this `Out`
/// (`base`, read-only, shared between threads) and its own, with the index
/// of their relation in `Out::relations` (None for relations made by extraction).
pub(super) struct Pairs<'a> {
    pub(super) base: Option<&'a FxHashMap<(usize, usize), Option<usize>>>,
    pub(super) own: FxHashMap<(usize, usize), Option<usize>>,
}

impl Pairs<'_> {
    pub(super) fn contains_key(&self, key: &(usize, usize)) -> bool {
        self.own.contains_key(key) || self.base.is_some_and(|b| b.contains_key(key))
    }
}

/// A relation a pair rule proposes; proposals are applied in statement order
/// with [`Out::add`], as if the rules had run one after another.
pub(super) struct Proposal {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) kind: RelationType,
    pub(super) confidence: f64,
    pub(super) reason: String,
}

pub(super) fn propose(
    out: &mut Vec<Proposal>,
    from: usize,
    to: usize,
    kind: RelationType,
    confidence: f64,
    reason: String,
) {
    out.push(Proposal {
        from,
        to,
        kind,
        confidence,
        reason,
    });
}

impl Out<'_> {
    pub(super) fn add(
        &mut self,
        ids: &[String],
        from: usize,
        to: usize,
        kind: RelationType,
        confidence: f64,
        reason: String,
    ) {
        if from == to {
            return;
        }
        let key = (from.min(to), from.max(to));
        // The base holds what extraction related and the wire copies (pairs
        // of two articles): an article's rules never replace those.
        if self.pairs.base.is_some_and(|b| b.contains_key(&key)) {
            return;
        }
        match self.pairs.own.get(&key) {
            // A denial is more specific than a dispute found by a looser rule.
            Some(Some(i)) if kind == RelationType::Denies && self.relations[*i].kind == RelationType::Disputes => {
                self.relations[*i] = Relation {
                    from: ids[from].clone(),
                    to: ids[to].clone(),
                    kind,
                    confidence: Some((confidence * 100.0).round() / 100.0),
                    reason: Some(reason),
                };
                return;
            }
            Some(_) => return,
            None => {}
        }
        self.pairs.own.insert(key, Some(self.relations.len()));
        self.relations.push(Relation {
            from: ids[from].clone(),
            to: ids[to].clone(),
            kind,
            confidence: Some((confidence * 100.0).round() / 100.0),
            reason: Some(reason),
        });
    }
}
