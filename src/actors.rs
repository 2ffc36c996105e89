//! Actors: the gazetteer (data/actors/*.json, extendable with `--actors`)
//! and finding its names in text.
//!
//! Names are matched on whole words, longest first, case-insensitively, but a
//! capitalised name only where the text is capitalised too ("Anh", the United
//! Kingdom, is not "anh", brother). A one-word name glued to a capitalised word
//! that is not a title is part of a personal name ("Minh Đức" is not Germany).

use crate::error::{Diagnostic, Error, Result};
use crate::text::{fold_case, is_capitalized};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// country | organisation | media | person | party | …
    #[serde(default)]
    pub kind: Option<String>,
    /// For a person: the actor they speak for (an official for their state).
    #[serde(default)]
    pub represents: Option<String>,
    /// Adjectives of belonging ("Armenian media" → this actor).
    #[serde(default)]
    pub demonyms: Vec<String>,
}

impl Entry {
    pub fn is_media(&self) -> bool {
        self.kind.as_deref() == Some("media")
    }

    pub fn is_person(&self) -> bool {
        self.kind.as_deref() == Some("person")
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    #[allow(dead_code)]
    about: Option<String>,
    actors: Vec<Entry>,
}

/// The bundled gazetteer files.
pub const BUNDLED: [(&str, &str); 3] = [
    (
        "data/actors/countries.json",
        include_str!("../data/actors/countries.json"),
    ),
    (
        "data/actors/organisations.json",
        include_str!("../data/actors/organisations.json"),
    ),
    (
        "data/actors/not-actors.json",
        include_str!("../data/actors/not-actors.json"),
    ),
];

/// A name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    /// Index of the entry.
    pub entry: usize,
    /// Found through a demonym (Armenian), not a name.
    pub demonym: bool,
}

/// The gazetteer with its matcher.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    matcher: AhoCorasick,
    /// Per pattern: (entry, demonym, its first capitalised word (by index),
    /// one word).
    patterns: Vec<(usize, bool, Option<usize>, bool)>,
}

impl Gazetteer {
    /// The bundled gazetteer.
    pub fn bundled() -> Gazetteer {
        let mut entries = Vec::new();
        for (path, text) in BUNDLED {
            let f: File = serde_json::from_str(text).unwrap_or_else(|e| panic!("bundled gazetteer {path}: {e}"));
            entries.extend(f.actors);
        }
        Gazetteer::new(entries)
    }

    /// A gazetteer of these entries (later entries with an existing id add
    /// their names to it).
    pub fn new(list: Vec<Entry>) -> Gazetteer {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_id = HashMap::new();
        for e in list {
            match by_id.get(&e.id) {
                Some(&i) => {
                    let existing: &mut Entry = &mut entries[i];
                    for a in std::iter::once(e.name).chain(e.aliases) {
                        if !existing.aliases.contains(&a) && existing.name != a {
                            existing.aliases.push(a);
                        }
                    }
                    existing.demonyms.extend(e.demonyms);
                }
                None => {
                    by_id.insert(e.id.clone(), entries.len());
                    entries.push(e);
                }
            }
        }
        let mut names = Vec::new();
        let mut patterns = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let all = std::iter::once((&e.name, false))
                .chain(e.aliases.iter().map(|a| (a, false)))
                .chain(e.demonyms.iter().map(|d| (d, true)));
            for (name, demonym) in all {
                let folded = fold_case(name.trim());
                if folded.is_empty() {
                    continue;
                }
                names.push(folded);
                patterns.push((
                    i,
                    demonym,
                    // "the State Department": the name's capitals start at "State".
                    name.split_whitespace().position(is_capitalized),
                    !name.trim().contains([' ', '-']),
                ));
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&names)
            .expect("gazetteer patterns build");
        Gazetteer {
            entries,
            by_id,
            matcher,
            patterns,
        }
    }

    /// Adds the entries of a user file (same shape as data/actors/*.json).
    pub fn extend_from_file(&mut self, path: &Path) -> Result<()> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::input(crate::statement_file::read_error(path, &e)))?;
        let f: File = serde_json::from_str(&text).map_err(|e| {
            Error::input(Diagnostic::at(
                path,
                crate::error::json_position(&text, &e),
                format!(
                    "invalid actors file: {}",
                    crate::lexicon::strip_position(&e.to_string())
                ),
            ))
        })?;
        let mut all = std::mem::take(&mut self.entries);
        all.extend(f.actors);
        *self = Gazetteer::new(all);
        Ok(())
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The entry a mention stands for: a person who represents an actor
    /// stands for that actor.
    pub fn speaker(&self, entry: usize) -> usize {
        self.entries[entry]
            .represents
            .as_deref()
            .and_then(|r| self.index_of(r))
            .unwrap_or(entry)
    }

    /// Every name in `text` (whose folded form is `folded`, of the same
    /// length), leftmost-longest, on whole words. `is_title` tells whether a
    /// capitalised word before a one-word name is a title (so the name is not
    /// part of a personal name).
    pub fn find(&self, text: &str, folded: &str, is_title: &dyn Fn(&str) -> bool) -> Vec<Mention> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(folded) {
            let (start, end) = (m.start(), m.end());
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(crate::text::is_word_char) || after.is_some_and(crate::text::is_word_char) {
                continue;
            }
            let (entry, demonym, capital, one_word) = self.patterns[m.pattern().as_usize()];
            // Written with its capitals ("the state Department of Health" is not
            // "the State Department").
            if capital.is_some_and(|k| !text[start..end].split_whitespace().nth(k).is_some_and(is_capitalized)) {
                continue;
            }
            if one_word && !demonym && glued_to_name(text, start, is_title) {
                continue;
            }
            // A false friend ("Nhật báo"): the longer phrase won, and names no one.
            if self.entries[entry].kind.as_deref() == Some("ignore") {
                continue;
            }
            out.push(Mention {
                start,
                end,
                entry,
                demonym,
            });
        }
        out
    }
}

/// The word just before `start` is capitalised and not a title: the name at
/// `start` continues a personal name.
fn glued_to_name(text: &str, start: usize, is_title: &dyn Fn(&str) -> bool) -> bool {
    let before = &text[..start];
    if !before.ends_with(' ') {
        return false;
    }
    let before = before.trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() || !is_capitalized(word) {
        return false;
    }
    // Sentence-initial words are capitalised anyway.
    let sentence_start = before[..word_start].trim_end().is_empty()
        || before[..word_start]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '\n']);
    !sentence_start && !is_title(&fold_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        g.find(text, &fold_case(text), &|w| {
            ["ngoại", "tổng", "bộ", "hãng", "điện"].contains(&w)
        })
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), g.entry(m.entry).id.clone()))
        .collect()
    }

    #[test]
    fn a_name_matches_only_with_its_capitals() {
        let g = Gazetteer::bundled();
        // "the State Department" is written with a capital S; a state's department of health is not it.
        assert!(find(&g, "a complaint with the state Department of Health").is_empty());
        assert_eq!(
            find(&g, "a complaint with the State Department"),
            [("the State Department".to_string(), "usa".to_string())]
        );
    }

    #[test]
    fn finds_names_aliases_metonyms_and_demonyms() {
        let g = Gazetteer::bundled();
        let got = find(
            &g,
            "Phát ngôn viên Điện Kremlin và Ngoại trưởng Mỹ gặp Armenian media ở Bắc Kinh",
        );
        assert_eq!(
            got,
            [
                ("Điện Kremlin".into(), "russia".into()),
                ("Mỹ".into(), "usa".into()),
                ("Armenian".into(), "armenia".into()),
                ("Bắc Kinh".into(), "china".into())
            ]
        );
    }

    #[test]
    fn respects_capitals_words_and_personal_names() {
        let g = Gazetteer::bundled();
        assert!(find(&g, "anh ấy nói").is_empty());
        assert!(find(&g, "Ông Nguyễn Minh Đức nói").is_empty());
        assert_eq!(find(&g, "Thủ tướng Đức nói").len(), 1);
        assert!(find(&g, "EUROPE").is_empty());
    }

    #[test]
    fn false_friends_name_no_actor() {
        let g = Gazetteer::bundled();
        assert!(find(&g, "Tờ Nhật báo Nhân dân viết").is_empty());
        assert_eq!(
            find(&g, "Thủ tướng Nhật nói"),
            [("Nhật".to_string(), "japan".to_string())]
        );
    }

    #[test]
    fn officials_speak_for_their_state() {
        let g = Gazetteer::bundled();
        let peskov = g.index_of("peskov").unwrap();
        assert_eq!(g.entry(g.speaker(peskov)).id, "russia");
    }
}
