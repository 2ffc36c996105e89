//! Actors whose names are spelling variants of each other merge into one.

use crate::graph::slug;
use crate::model::StatementSet;
use std::collections::HashMap;

/// Merges actors whose names differ only by spacing, hyphens or one letter
/// ("Nargorno - Karabakh" / "Nagorno-Karabakh"): the later takes the earlier's id.
pub(super) fn merge_actor_variants(set: &mut StatementSet) {
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
mod tests {
    use super::*;
    use crate::model::Actor;
    use crate::model::Statement;

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
