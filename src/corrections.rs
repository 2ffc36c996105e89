//! Corrections: statement files applied, in the order given, over what was
//! loaded before them.
//!
//! The statements extracted from the run's articles come first; each statement
//! file is then applied over everything before it:
//!
//! - a statement whose id was loaded before **replaces** it (in place, so the
//!   order of the report does not change); its optional `note` says why;
//! - a relation whose `from` and `to` were related before **replaces** that
//!   relation (a new type, confidence or reason);
//! - the file's `remove` list **removes** statements (with every relation
//!   touching them) and relations (by `from` and `to`), each with an optional
//!   `note`;
//! - everything else is **added**.
//!
//! An id the file names that is not there (a removal, a relation end) is an
//! error at its `file:line:column`. What each file changed is returned as
//! notes, one [`Diagnostic`] each, placed where the file says it.

use crate::actors::Gazetteer;
use crate::error::{Diagnostic, Error, Result};
use crate::graph::fold_name;
use crate::model::{Actor, Relation, Statement, StatementSet};
use crate::statement_file::{ParsedFile, Suggester, append};
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};

/// The merged set and what the files changed.
#[derive(Debug, Clone)]
pub struct Merged {
    pub set: StatementSet,
    /// One note per replacement, removal and (in a file that replaces or
    /// removes something) addition.
    pub changes: Vec<Diagnostic>,
    /// New statements whose id looks like an extracted one that is not there
    /// (the article changed, or a typo): added, not replaced.
    pub warnings: Vec<Diagnostic>,
}

/// Where something is in a file: (section, index, field).
type Loc = (&'static str, usize, &'static str);

/// A message to place in a file once positions are known. `{first}` in the
/// text is replaced by the place of `first`.
struct Pending {
    file: usize,
    at: Loc,
    /// (file, place) of an earlier definition.
    first: Option<(usize, Loc)>,
    text: String,
}

#[derive(Clone, Copy)]
enum Origin {
    /// From a known set (the extraction).
    Known,
    /// Statement `1` of file `0`.
    File(usize, usize),
}

/// Merges the known sets and the files, each file applied over everything
/// before it.
pub fn merge(files: &[ParsedFile], known: &[&StatementSet]) -> Result<Merged> {
    let mut m = Merger::default();
    for k in known {
        for s in &k.statements {
            m.push_statement(s.clone(), Origin::Known);
        }
        for r in &k.relations {
            m.push_relation(r.clone());
        }
        m.extracted_articles
            .extend(k.statements.iter().filter_map(|s| s.article.clone()));
    }
    for k in known {
        for a in &k.articles {
            m.article_paths
                .entry(a.id.clone())
                .or_insert_with(|| a.path.clone().unwrap_or_else(|| a.id.clone()));
        }
    }
    for (fi, f) in files.iter().enumerate() {
        m.apply(fi, &f.set);
    }
    let place = |pending: Vec<Pending>| -> Vec<Diagnostic> {
        let mut by_file: Vec<Vec<Loc>> = vec![Vec::new(); files.len()];
        for p in &pending {
            by_file[p.file].push(p.at);
            if let Some((f, loc)) = p.first {
                by_file[f].push(loc);
            }
        }
        let mut found: Vec<HashMap<Loc, Option<(usize, usize)>>> = Vec::new();
        for (f, wanted) in files.iter().zip(&by_file) {
            let positions = f.positions(wanted);
            found.push(wanted.iter().copied().zip(positions).collect());
        }
        pending
            .into_iter()
            .map(|p| {
                let path = &files[p.file].path;
                let mut text = p.text;
                if let Some((f, first)) = p.first {
                    let d = Diagnostic::at(&files[f].path, found[f][&first], "");
                    text = text.replace("{first}", &d.place());
                }
                Diagnostic::at(path, found[p.file][&p.at], text)
            })
            .collect()
    };
    if !m.problems.is_empty() {
        return Err(Error::Input(place(std::mem::take(&mut m.problems))));
    }
    // Notes in file order, and in each file in the order of its lines.
    let order: Vec<usize> = m.changes.iter().map(|p| p.file).collect();
    let mut changes: Vec<(usize, Diagnostic)> = order.into_iter().zip(place(std::mem::take(&mut m.changes))).collect();
    changes.sort_by_key(|(file, d)| (*file, d.line, d.column));
    let changes = changes.into_iter().map(|(_, d)| d).collect();
    let warnings = place(std::mem::take(&mut m.warnings));
    let mut set = StatementSet::default();
    for k in known {
        append(
            &mut set,
            &StatementSet {
                articles: k.articles.clone(),
                actors: k.actors.clone(),
                ..StatementSet::default()
            },
        );
    }
    for f in files {
        append(
            &mut set,
            &StatementSet {
                articles: f.set.articles.clone(),
                actors: f.set.actors.clone(),
                ..StatementSet::default()
            },
        );
    }
    set.statements = m
        .statements
        .into_iter()
        .zip(m.alive)
        .filter_map(|(s, alive)| alive.then_some(s))
        .collect();
    set.relations = m
        .relations
        .into_iter()
        .zip(m.relation_alive)
        .filter_map(|(r, alive)| alive.then_some(r))
        .collect();
    Ok(Merged { set, changes, warnings })
}

/// [`merge`] taking the files by value: one statement file over nothing (the
/// usual way to analyse a large statement file) is the file's set as it is
/// when its ids are unique, its relations' ends are its statements and it
/// removes nothing: it is moved, not copied and indexed. Anything else goes
/// through [`merge`].
pub fn merge_files(mut files: Vec<ParsedFile>, known: &[&StatementSet]) -> Result<Merged> {
    let nothing_known = known
        .iter()
        .all(|k| k.statements.is_empty() && k.relations.is_empty() && k.actors.is_empty() && k.articles.is_empty());
    if nothing_known && files.len() == 1 && is_plain(&files[0].set) {
        let set = std::mem::take(&mut files[0].set);
        return Ok(Merged {
            set: StatementSet {
                format: StatementSet::default().format,
                ..set
            },
            changes: Vec::new(),
            warnings: Vec::new(),
        });
    }
    merge(&files, known)
}

/// True when merging the set over nothing changes nothing and finds no
/// problem: no removals, unique statement, actor and article ids, relations
/// between two different statements of the set.
fn is_plain(set: &StatementSet) -> bool {
    fn unique<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Option<FxHashMap<&'a str, ()>> {
        let mut seen = FxHashMap::default();
        seen.reserve(ids.len());
        for id in ids {
            if seen.insert(id, ()).is_some() {
                return None;
            }
        }
        Some(seen)
    }
    if !set.remove.is_empty()
        || unique(set.actors.iter().map(|a| a.id.as_str())).is_none()
        || unique(set.articles.iter().map(|a| a.id.as_str())).is_none()
    {
        return false;
    }
    let Some(ids) = unique(set.statements.iter().map(|s| s.id.as_str())) else {
        return false;
    };
    set.relations
        .iter()
        .all(|r| r.from != r.to && ids.contains_key(r.from.as_str()) && ids.contains_key(r.to.as_str()))
}

/// A statement or relation a file adds (by its index in the file).
enum Added {
    Statement(usize),
    Relation(usize),
}

#[derive(Default)]
struct Merger {
    statements: Vec<Statement>,
    alive: Vec<bool>,
    origin: Vec<Origin>,
    /// FxHash: millions of ids are hashed when a large statement file is loaded.
    index: FxHashMap<String, usize>,
    relations: Vec<Relation>,
    relation_alive: Vec<bool>,
    /// (from, to) → relations, for replacing and removing.
    pairs: FxHashMap<(String, String), Vec<usize>>,
    extracted_articles: HashSet<String>,
    article_paths: HashMap<String, String>,
    problems: Vec<Pending>,
    changes: Vec<Pending>,
    warnings: Vec<Pending>,
    /// "Did you mean", bounded however many ids are unknown.
    suggester: Suggester,
}

impl Merger {
    fn push_statement(&mut self, s: Statement, origin: Origin) {
        self.index.entry(s.id.clone()).or_insert(self.statements.len());
        self.statements.push(s);
        self.alive.push(true);
        self.origin.push(origin);
    }

    fn push_relation(&mut self, r: Relation) {
        self.pairs
            .entry((r.from.clone(), r.to.clone()))
            .or_default()
            .push(self.relations.len());
        self.relations.push(r);
        self.relation_alive.push(true);
    }

    /// "extracted from PATH" or "given at FILE:LINE:COL" (`{first}`), for a statement.
    fn origin_text(&self, index: usize) -> (String, Option<(usize, Loc)>) {
        match self.origin[index] {
            Origin::Known => {
                let s = &self.statements[index];
                let from = s
                    .article
                    .as_ref()
                    .map(|a| self.article_paths.get(a).unwrap_or(a).clone())
                    .map_or_else(|| "loaded before".to_string(), |p| format!("extracted from {p}"));
                (from, None)
            }
            Origin::File(f, si) => ("given at {first}".to_string(), Some((f, ("statements", si, "id")))),
        }
    }

    fn live_pairs(&self, from: &str, to: &str) -> Vec<usize> {
        self.pairs
            .get(&(from.to_string(), to.to_string()))
            .map(|v| v.iter().copied().filter(|&i| self.relation_alive[i]).collect())
            .unwrap_or_default()
    }

    fn apply(&mut self, fi: usize, set: &StatementSet) {
        let before_statements = self.statements.len();
        let mut edits = 0;
        let mut additions = Vec::new();
        let problem = |at: Loc, text: String| Pending {
            file: fi,
            at,
            first: None,
            text,
        };

        // Removals first: a statement of the same file with a removed id comes back as given.
        for (ri, r) in set.remove.iter().enumerate() {
            let note = note_suffix(r.note.as_deref());
            match (&r.statement, &r.from, &r.to) {
                (Some(id), None, None) => match self.index.get(id.as_str()).copied() {
                    Some(i) if self.alive[i] => {
                        self.alive[i] = false;
                        let mut gone = 0;
                        for (j, rel) in self.relations.iter().enumerate() {
                            if self.relation_alive[j] && (rel.from == *id || rel.to == *id) {
                                self.relation_alive[j] = false;
                                gone += 1;
                            }
                        }
                        edits += 1;
                        self.changes.push(problem(
                            ("remove", ri, "statement"),
                            format!(
                                "removes statement \"{id}\" and {gone} relation{}{note}",
                                if gone == 1 { "" } else { "s" }
                            ),
                        ));
                    }
                    Some(_) => self.problems.push(problem(
                        ("remove", ri, "statement"),
                        format!("cannot remove statement \"{id}\": it was removed already"),
                    )),
                    None => self.problems.push(problem(
                        ("remove", ri, "statement"),
                        format!(
                            "cannot remove statement \"{id}\": no statement of that id was loaded before this file{}",
                            self.suggester.suggest(id, self.index.keys().map(String::as_str))
                        ),
                    )),
                },
                (None, Some(from), Some(to)) => {
                    let live = self.live_pairs(from, to);
                    if live.is_empty() {
                        self.problems.push(problem(
                            ("remove", ri, "from"),
                            format!(
                                "cannot remove the relation from \"{from}\" to \"{to}\": no such relation was loaded before this file"
                            ),
                        ));
                    } else {
                        let types: Vec<&str> = live.iter().map(|&j| self.relations[j].kind.as_str()).collect();
                        let types = types.join(", ");
                        for j in live {
                            self.relation_alive[j] = false;
                        }
                        edits += 1;
                        self.changes.push(problem(
                            ("remove", ri, "from"),
                            format!("removes relation \"{from}\" {types} \"{to}\"{note}"),
                        ));
                    }
                }
                _ => self.problems.push(problem(
                    ("remove", ri, "statement"),
                    "a removal names either a \"statement\" or a relation (\"from\" and \"to\"), not both or neither"
                        .to_string(),
                )),
            }
        }

        let mut in_file: FxHashMap<&str, usize> = FxHashMap::default();
        for (si, s) in set.statements.iter().enumerate() {
            if let Some(&first) = in_file.get(s.id.as_str()) {
                self.problems.push(Pending {
                    file: fi,
                    at: ("statements", si, "id"),
                    first: Some((fi, ("statements", first, "id"))),
                    text: format!("duplicate statement id \"{}\" (first defined at {{first}})", s.id),
                });
                continue;
            }
            in_file.insert(&s.id, si);
            match self.index.get(s.id.as_str()).copied() {
                Some(i) if i < before_statements => {
                    let s = &with_evidence(s, &self.statements[i]);
                    if self.alive[i] && self.statements[i] == *s {
                        continue;
                    }
                    let (from, first) = self.origin_text(i);
                    let verb = if self.alive[i] { "replaces" } else { "restores" };
                    self.changes.push(Pending {
                        file: fi,
                        at: ("statements", si, "id"),
                        first,
                        text: format!(
                            "{verb} statement \"{}\" ({from}){}",
                            s.id,
                            note_suffix(s.note.as_deref())
                        ),
                    });
                    self.statements[i] = s.clone();
                    self.alive[i] = true;
                    self.origin[i] = Origin::File(fi, si);
                    edits += 1;
                }
                _ => {
                    if let Some(article) = self.looks_extracted(&s.id) {
                        self.warnings.push(problem(
                            ("statements", si, "id"),
                            format!(
                                "statement \"{}\" is added, not replaced: no statement of that id was extracted from {article} (did the article change?)",
                                s.id
                            ),
                        ));
                    }
                    additions.push(Added::Statement(si));
                    self.push_statement(s.clone(), Origin::File(fi, si));
                }
            }
        }

        let before_relations = self.relations.len();
        let mut new_relations = Vec::new();
        for (ri, r) in set.relations.iter().enumerate() {
            let mut ok = true;
            for (end, id) in [("from", &r.from), ("to", &r.to)] {
                match self.index.get(id.as_str()) {
                    Some(&i) if self.alive[i] => {}
                    Some(_) => {
                        ok = false;
                        self.problems.push(problem(
                            ("relations", ri, end),
                            format!("relation {} refers to statement \"{id}\", which is removed", ri + 1),
                        ));
                    }
                    None => {
                        ok = false;
                        self.problems.push(problem(
                            ("relations", ri, end),
                            format!(
                                "relation {} refers to unknown statement \"{id}\"{}",
                                ri + 1,
                                self.suggester.suggest(id, self.index.keys().map(String::as_str))
                            ),
                        ));
                    }
                }
            }
            if r.from == r.to {
                ok = false;
                self.problems.push(problem(
                    ("relations", ri, "to"),
                    format!("relation {} relates statement \"{}\" to itself", ri + 1, r.from),
                ));
            }
            if !ok {
                continue;
            }
            let earlier: Vec<usize> = self
                .live_pairs(&r.from, &r.to)
                .into_iter()
                .filter(|&j| j < before_relations)
                .collect();
            match earlier.split_first() {
                Some((&first, rest)) => {
                    if rest.is_empty() && self.relations[first] == *r {
                        continue;
                    }
                    let old = self.relations[first].kind;
                    self.changes.push(problem(
                        ("relations", ri, "from"),
                        format!("replaces relation \"{}\" {old} \"{}\" with {}", r.from, r.to, r.kind),
                    ));
                    self.relations[first] = r.clone();
                    for &j in rest {
                        self.relation_alive[j] = false;
                    }
                    edits += 1;
                }
                None => {
                    additions.push(Added::Relation(ri));
                    new_relations.push(r.clone());
                }
            }
        }
        for r in new_relations {
            self.push_relation(r);
        }
        // Additions are worth a note only in a file that corrects something
        // (so their notes are written only then).
        if edits > 0 {
            for a in additions {
                self.changes.push(match a {
                    Added::Statement(si) => {
                        let s = &set.statements[si];
                        problem(
                            ("statements", si, "id"),
                            format!("adds statement \"{}\"{}", s.id, note_suffix(s.note.as_deref())),
                        )
                    }
                    Added::Relation(ri) => {
                        let r = &set.relations[ri];
                        problem(
                            ("relations", ri, "from"),
                            format!("adds relation \"{}\" {} \"{}\"", r.from, r.kind, r.to),
                        )
                    }
                });
            }
        }
    }

    /// The article an id like `ARTICLE/sN` would have been extracted from, when
    /// that article was extracted in this run.
    fn looks_extracted(&self, id: &str) -> Option<String> {
        let (article, n) = id.rsplit_once("/s")?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || !self.extracted_articles.contains(article) {
            return None;
        }
        Some(
            self.article_paths
                .get(article)
                .map_or(article, String::as_str)
                .to_string(),
        )
    }
}

/// A replacement, with the evidence it leaves out taken from the statement it
/// replaces: where it came from and how the text named the source and the cue.
fn with_evidence(new: &Statement, old: &Statement) -> Statement {
    let mut s = new.clone();
    let keep = |field: &mut Option<String>, old: &Option<String>| {
        if field.is_none() {
            field.clone_from(old);
        }
    };
    keep(&mut s.article, &old.article);
    keep(&mut s.quote, &old.quote);
    keep(&mut s.source_mention, &old.source_mention);
    keep(&mut s.cue, &old.cue);
    s.sentence = s.sentence.or(old.sentence);
    s.line = s.line.or(old.line);
    s.span = s.span.or(old.span);
    s
}

fn note_suffix(note: Option<&str>) -> String {
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!(": {n}"),
        None => String::new(),
    }
}

/// Hand-written sources through the gazetteer: a source (or co-source) that
/// is neither an actor id nor a name of the set's actors, but a name or alias
/// of a gazetteer entry, becomes that entry's actor (added to the set's
/// actors), so "Thái Lan", "thailand" and "Bangkok" are one actor. The words as
/// written stay in `source_mention`. Names are compared as [`fold_name`] does.
pub fn resolve_sources(set: &mut StatementSet, gazetteer: &Gazetteer) {
    let mut known: HashSet<String> = HashSet::new();
    for a in &set.actors {
        known.insert(a.id.clone());
        known.extend(std::iter::once(&a.name).chain(&a.aliases).map(|n| fold_name(n)));
    }
    let mut names: Option<HashMap<String, usize>> = None;
    // Sources repeat: each distinct one is folded and looked up once.
    let mut memo: HashMap<String, Option<usize>> = HashMap::new();
    let mut lookup = |name: &str| -> Option<usize> {
        if let Some(&found) = memo.get(name) {
            return found;
        }
        if known.contains(name) || known.contains(&fold_name(name)) {
            memo.insert(name.to_string(), None);
            return None;
        }
        let names = names.get_or_insert_with(|| {
            let mut map = HashMap::new();
            for (i, e) in gazetteer.entries().iter().enumerate() {
                if e.kind.as_deref() == Some("ignore") {
                    continue;
                }
                for n in std::iter::once(&e.id).chain(std::iter::once(&e.name)).chain(&e.aliases) {
                    map.entry(fold_name(n)).or_insert(i);
                }
            }
            map
        });
        let found = names.get(&fold_name(name)).map(|&i| gazetteer.speaker(i));
        memo.insert(name.to_string(), found);
        found
    };
    let mut added: Vec<usize> = Vec::new();
    for s in &mut set.statements {
        if let Some(source) = &s.source
            && let Some(entry) = lookup(source)
        {
            if s.source_mention.is_none() {
                s.source_mention = Some(source.clone());
            }
            s.source = Some(gazetteer.entry(entry).id.clone());
            added.push(entry);
        }
        for co in &mut s.co_sources {
            if let Some(entry) = lookup(co) {
                *co = gazetteer.entry(entry).id.clone();
                added.push(entry);
            }
        }
    }
    // Looked up in a set: 80k actors are not compared with each other.
    let mut present: HashSet<String> = set.actors.iter().map(|a| a.id.clone()).collect();
    for entry in added {
        let e = gazetteer.entry(entry);
        if present.insert(e.id.clone()) {
            set.actors.push(Actor {
                id: e.id.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                kind: e.kind.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement_file::parse;
    use std::path::Path;

    fn file(name: &str, text: &str) -> ParsedFile {
        parse(Path::new(name), text).expect("a valid file")
    }

    fn base() -> StatementSet {
        let mut set = StatementSet::default();
        for (id, source) in [("a/s1", "x"), ("a/s2", "y"), ("a/s3", "x")] {
            let mut s = Statement::new(id, Some(source.into()), format!("text of {id}"));
            s.article = Some("a".into());
            s.cue = Some("said".into());
            set.statements.push(s);
        }
        set.relations.push(Relation {
            from: "a/s2".into(),
            to: "a/s1".into(),
            kind: crate::RelationType::Disputes,
            confidence: Some(0.5),
            reason: Some("r".into()),
        });
        set
    }

    #[test]
    fn one_file_over_nothing_is_moved_and_equals_the_merge() {
        let text = r#"{"actors": [{"id": "x", "name": "X"}],
            "statements": [{"id": "s1", "source": "x", "text": "one"}, {"id": "s2", "source": "y", "text": "two"}],
            "relations": [{"from": "s2", "to": "s1", "type": "denies"}, {"from": "s1", "to": "s2", "type": "supports"}]}"#;
        let empty = StatementSet::default();
        let slow = merge(&[file("f.json", text)], &[&empty]).unwrap();
        let fast = merge_files(vec![file("f.json", text)], &[&empty]).unwrap();
        assert_eq!(fast.set, slow.set);
        assert!(fast.changes.is_empty() && fast.warnings.is_empty());
        // A problem goes through the full merge, which names it.
        let bad = r#"{"statements": [{"id": "s1", "source": "x", "text": "one"}],
            "relations": [{"from": "s1", "to": "s9", "type": "denies"}]}"#;
        let err = merge_files(vec![file("f.json", bad)], &[&empty]).unwrap_err();
        assert!(err.to_string().contains("unknown statement \"s9\""), "{err}");
    }

    #[test]
    fn replace_remove_add_in_place() {
        let f = file(
            "f.json",
            r#"{"statements": [{"id": "a/s2", "source": "z", "text": "new", "note": "why"},
                {"id": "n1", "source": null, "text": "added"}],
               "relations": [{"from": "n1", "to": "a/s2", "type": "supports"}],
               "remove": [{"statement": "a/s3", "note": "not said"}]}"#,
        );
        let m = merge(&[f], &[&base()]).unwrap();
        let ids: Vec<&str> = m.set.statements.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a/s1", "a/s2", "n1"]);
        let s2 = &m.set.statements[1];
        assert_eq!(
            (s2.text.as_str(), s2.cue.as_deref()),
            ("new", Some("said")),
            "evidence kept"
        );
        assert_eq!(m.set.relations.len(), 2);
        let notes: Vec<String> = m.changes.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            notes,
            [
                "replaces statement \"a/s2\" (extracted from a): why",
                "adds statement \"n1\"",
                "adds relation \"n1\" supports \"a/s2\"",
                "removes statement \"a/s3\" and 0 relations: not said",
            ]
        );
    }

    #[test]
    fn identical_statements_and_relations_change_nothing() {
        let set = base();
        let f = file("f.json", &set.to_json());
        let m = merge(&[f], &[&base()]).unwrap();
        assert_eq!(m.set.statements, set.statements);
        assert_eq!(m.set.relations, set.relations);
        assert!(m.changes.is_empty(), "{:?}", m.changes);
    }

    #[test]
    fn a_relation_with_the_same_ends_replaces() {
        let f = file(
            "f.json",
            r#"{"statements": [], "relations": [{"from": "a/s2", "to": "a/s1", "type": "denies"}]}"#,
        );
        let m = merge(&[f], &[&base()]).unwrap();
        assert_eq!(m.set.relations.len(), 1);
        assert_eq!(m.set.relations[0].kind, crate::RelationType::Denies);
        assert_eq!(
            m.changes[0].message,
            "replaces relation \"a/s2\" disputes \"a/s1\" with denies"
        );
        assert_eq!(m.changes[0].place(), "f.json:1:35");
    }

    #[test]
    fn a_removal_names_one_thing() {
        let f = file(
            "f.json",
            r#"{"statements": [], "remove": [{"statement": "a/s1", "from": "a/s2", "to": "a/s1"}, {}]}"#,
        );
        let Err(Error::Input(d)) = merge(&[f], &[&base()]) else {
            panic!("an error")
        };
        assert_eq!(d.len(), 2);
        assert!(d[0].message.contains("either a \"statement\" or a relation"));
    }

    #[test]
    fn duplicate_ids_in_one_file_are_errors() {
        let f = file(
            "f.json",
            "{\"statements\": [\n{\"id\": \"q\", \"source\": null, \"text\": \"x\"},\n{\"id\": \"q\", \"source\": null, \"text\": \"y\"}]}",
        );
        let Err(Error::Input(d)) = merge(&[f], &[]) else {
            panic!("an error")
        };
        assert_eq!(
            d[0].to_string(),
            "f.json:3:2: duplicate statement id \"q\" (first defined at f.json:2:2)"
        );
    }

    #[test]
    fn sources_resolve_through_the_gazetteer_and_the_run() {
        let mut set = StatementSet::default();
        for (i, name) in ["Thái Lan", "thailand", "Bangkok", "  THAILAND "].iter().enumerate() {
            set.statements
                .push(Statement::new(format!("s{i}"), Some(name.to_string()), "x"));
        }
        set.statements
            .push(Statement::new("u", Some("Nobody Known".into()), "x"));
        resolve_sources(&mut set, &Gazetteer::bundled());
        let sources: Vec<_> = set.statements.iter().map(|s| s.source.as_deref().unwrap()).collect();
        assert_eq!(
            sources,
            ["thailand", "thailand", "thailand", "thailand", "Nobody Known"]
        );
        assert_eq!(set.statements[2].source_mention.as_deref(), Some("Bangkok"));
        assert_eq!(set.actors.iter().filter(|a| a.id == "thailand").count(), 1);
    }
}
