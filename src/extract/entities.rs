//! The entities an article mentions, for references: every person and
//! organisation named so far (speakers or not), so that a later surname
//! ("Sokha", "bà Hoa", "Wang"), a pronoun ("she", "ông này", "cô") or a
//! role noun ("the company", "doanh nghiệp này") resolves to the entity
//! already introduced instead of becoming an actor of its own.
//!
//! One table per article; lookups are hash-map reads, so an article with many
//! speakers costs linear time.

use super::Speaker;
use super::sentence::Prepared;
use crate::lexicon::{Gender, Language, Lexicon};
use crate::text::fold_case;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// What an entity is, for the references that may point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EntityKind {
    Person,
    Organisation,
}

/// One entity of the article.
#[derive(Debug, Clone)]
pub(super) struct Entity {
    /// The key it was noted under (its speaker's id, or a person's own name
    /// when the person speaks for another actor).
    pub key: String,
    pub speaker: Speaker,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
    /// Where it was last mentioned: (sentence, byte offset in the sentence).
    pub last: (usize, usize),
    /// Folded organisation head (công ty, ministry) when it has one.
    pub head: Option<String>,
    /// Folded personal title it was introduced with (bị cáo, luật sư, governor).
    pub title: Option<String>,
    /// An organisation's folded names of two words or more, each between
    /// spaces, to find it named in full in a statement's folded words.
    pub full_names: Vec<String>,
}

/// The article's entity table.
#[derive(Debug, Default)]
pub(super) struct Entities {
    list: Vec<Entity>,
    /// Folded full name or last name word → entity.
    by_name: HashMap<String, usize>,
    /// Entity id → entity.
    by_id: HashMap<String, usize>,
    /// An organisation's letters ("sở giáo dục và đào tạo", "sở gd-đt" → "sgdđt")
    /// → entity: names written in full, and names with an abbreviation, so that
    /// one finds the other ("Sở GD-ĐT Hà Giang" and "Sở Giáo dục và Đào tạo").
    by_letters: [HashMap<String, usize>; 2],
    /// (sentence, offset, entity) of every person mention outside quotations, in text order.
    person_mentions: Vec<(usize, usize, usize)>,
}

/// A folded name without a possessive ending ("spanton's" → "spanton").
pub(super) fn name_key(folded: &str) -> &str {
    folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("’s"))
        .unwrap_or(folded)
}

/// The words of a folded name, split at spaces, hyphens and "&", without the
/// joining words ("và", "and", "of").
fn name_words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| c.is_whitespace() || c == '-' || c == '&' || c == '(' || c == ')')
        .filter(|w| !w.is_empty() && !matches!(*w, "và" | "and" | "of" | "for" | "the"))
        .collect()
}

/// A word written without a vowel is an abbreviation ("gd", "đt", "ubnd",
/// "csgt"): every Vietnamese syllable has one.
fn is_abbreviation(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && !word.nfd().any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// The letters of a folded organisation name of three letters or more:
/// an abbreviation's letters and the other words' initials ("sở gd-đt hà
/// giang" → "sgdđthg"), with the name up to its abbreviation ("sgdđt") too.
/// Whether the name holds an abbreviation comes first.
fn letter_keys(folded: &str) -> (bool, Vec<String>) {
    let words = name_words(folded);
    let key = |ws: &[&str]| -> String {
        ws.iter()
            .flat_map(|w| {
                let n = if is_abbreviation(w) { w.chars().count() } else { 1 };
                w.chars().take(n)
            })
            .collect()
    };
    let last_abbr = words.iter().rposition(|w| is_abbreviation(w));
    let mut keys = Vec::new();
    if last_abbr.is_some() || words.len() >= 3 {
        keys.push(key(&words));
    }
    if let Some(l) = last_abbr
        && l + 1 < words.len()
    {
        keys.push(key(&words[..=l]));
    }
    keys.retain(|k| k.chars().count() >= 3);
    (last_abbr.is_some(), keys)
}

/// The folded last word of a name ("Trần Thị Hoa" → "hoa", "Ellen Price" → "price").
fn last_word(name: &str) -> Option<String> {
    let w = name.split_whitespace().last()?;
    let w = fold_case(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let w = name_key(&w).to_string();
    (w.chars().count() >= 2).then_some(w)
}

impl Entities {
    /// Notes an entity mentioned at (sentence, offset); returns its index.
    /// A mention inside a quotation names the entity but is no antecedent for a pronoun.
    pub fn note(
        &mut self,
        speaker: &Speaker,
        kind: EntityKind,
        gender: Option<Gender>,
        at: (usize, usize),
        head: Option<String>,
        quoted: bool,
    ) -> usize {
        self.note_keyed(&speaker.id, speaker, kind, gender, at, head, quoted)
    }

    /// [`Entities::note`] under a key of its own: a person who speaks for an
    /// organisation is an entity of their own whose speaker is the organisation.
    #[allow(clippy::too_many_arguments)]
    pub fn note_keyed(
        &mut self,
        key: &str,
        speaker: &Speaker,
        kind: EntityKind,
        gender: Option<Gender>,
        at: (usize, usize),
        head: Option<String>,
        quoted: bool,
    ) -> usize {
        let i = match self.by_id.get(key) {
            Some(&i) => {
                let e = &mut self.list[i];
                e.last = e.last.max(at);
                if e.gender.is_none() {
                    e.gender = gender;
                }
                if e.head.is_none() {
                    e.head = head;
                }
                i
            }
            None => {
                let i = self.list.len();
                let mut sp = speaker.clone();
                sp.co.clear();
                let full_names = if kind == EntityKind::Organisation {
                    [&sp.name, &sp.mention]
                        .into_iter()
                        .map(|n| fold_case(n))
                        .filter(|n| n.split_whitespace().nth(1).is_some())
                        .map(|n| format!(" {} ", n.trim()))
                        .collect()
                } else {
                    Vec::new()
                };
                self.list.push(Entity {
                    key: key.to_string(),
                    speaker: sp,
                    kind,
                    gender,
                    last: at,
                    head,
                    title: None,
                    full_names,
                });
                self.by_id.insert(key.to_string(), i);
                i
            }
        };
        // Names by which it can be referred to later: the caps words of the mention
        // (its last word is the surname in English, the given name in Vietnamese).
        let mut keys: Vec<String> = Vec::new();
        // A person speaking for an organisation is found by their own name only.
        let names: &[&String] = if key == speaker.id {
            &[&speaker.name, &speaker.mention]
        } else {
            &[&speaker.mention]
        };
        for &name in names {
            let caps: Vec<&str> = name
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .map(without_possessive)
                .collect();
            if kind == EntityKind::Person && !caps.is_empty() {
                keys.push(name_key(&fold_case(&caps.join(" "))).to_string());
                if let Some(w) = last_word(&caps.join(" ")) {
                    keys.push(w);
                }
                // "Hoài Thương" for "Mai Hoài Thương": the last two words too.
                if caps.len() >= 3 {
                    keys.push(name_key(&fold_case(&caps[caps.len() - 2..].join(" "))).to_string());
                }
            } else if kind == EntityKind::Organisation {
                let folded = fold_case(name);
                let (abbreviated, letters) = letter_keys(&folded);
                for k in letters {
                    self.by_letters[abbreviated as usize].entry(k).or_insert(i);
                }
                keys.push(folded);
            }
        }
        // The latest entity named so wins ("Volkov" after "người phát ngôn Bộ
        // Quốc phòng Nga Sergei Volkov" speaks for Russia).
        for k in keys {
            self.by_name.insert(k, i);
        }
        if kind == EntityKind::Person && !quoted {
            // Kept in text order (mentions of one sentence may come in any order).
            let pos = self.person_mentions.partition_point(|m| (m.0, m.1) <= at);
            self.person_mentions.insert(pos, (at.0, at.1, i));
        }
        i
    }

    /// Records the personal title an entity was named with ("bị cáo Đặng Văn A").
    pub fn set_title(&mut self, i: usize, title: &str) {
        self.list[i].title = Some(title.to_string());
    }

    /// The person last introduced with a title, for "bị cáo", "the governor",
    /// "doanh nhân này" used alone.
    pub fn by_title(&self, title: &str) -> Option<&Entity> {
        self.list
            .iter()
            .filter(|e| e.title.as_deref() == Some(title))
            .max_by_key(|e| e.last)
    }

    /// The entity a name refers to ("Hoa", "Price", "Trần Thị Hoa").
    pub fn by_name(&self, folded: &str) -> Option<&Entity> {
        self.by_name
            .get(name_key(folded))
            .or_else(|| self.by_abbreviation(folded))
            .map(|&i| &self.list[i])
    }

    /// An organisation named by its abbreviation ("sở gd-đt hà giang" for "Sở
    /// Giáo dục và Đào tạo (GD-ĐT) tỉnh này"), or in full after its abbreviation.
    fn by_abbreviation(&self, folded: &str) -> Option<&usize> {
        // Most lookups miss in an article with no organisation of three words or
        // an abbreviation: no letters to compute.
        if self.by_letters.iter().all(HashMap::is_empty) {
            return None;
        }
        let (abbreviated, letters) = letter_keys(folded);
        // Two names written in full with the same initials are two organisations.
        let maps: &[HashMap<String, usize>] = if abbreviated {
            &self.by_letters
        } else {
            &self.by_letters[1..]
        };
        letters.iter().find_map(|k| maps.iter().find_map(|m| m.get(k)))
    }

    /// Whether a person of this id may be meant by a pronoun of this gender.
    pub fn gender_agrees(&self, id: &str, gender: Option<Gender>) -> bool {
        gender.is_none() || self.get(id).is_none_or(|e| e.gender.is_none() || e.gender == gender)
    }

    /// The organisations of the article, in the order first met.
    pub fn organisations(&self) -> impl Iterator<Item = &Entity> {
        self.list.iter().filter(|e| e.kind == EntityKind::Organisation)
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.list[i])
    }

    /// The person a personal pronoun at (sentence, offset) refers to: a person
    /// mentioned earlier in the same sentence (the first), else the first
    /// person of the latest sentence that has one, within four sentences;
    /// gender must agree where both are known.
    pub fn person(&self, gender: Option<Gender>, at: (usize, usize)) -> Option<Speaker> {
        let compatible = |e: &Entity| gender.is_none() || e.gender.is_none() || e.gender == gender;
        // Nearest sentence first; within it, one whose gender is known to agree,
        // else the first compatible one.
        let pick = |range: &[(usize, usize, usize)]| -> Option<usize> {
            let exact = range
                .iter()
                .find(|m| gender.is_some() && self.list[m.2].gender == gender)
                .map(|m| m.2);
            exact.or_else(|| range.iter().find(|m| compatible(&self.list[m.2])).map(|m| m.2))
        };
        let end = self.person_mentions.partition_point(|m| (m.0, m.1) < at);
        let same_start = self.person_mentions[..end].partition_point(|m| m.0 < at.0);
        let mut best = pick(&self.person_mentions[same_start..end]);
        let mut k = same_start;
        while best.is_none() && k > 0 {
            let s = self.person_mentions[k - 1].0;
            if s + 4 < at.0 {
                break;
            }
            let first = self.person_mentions[..k].partition_point(|m| m.0 < s);
            best = pick(&self.person_mentions[first..k]);
            k = first;
        }
        best.map(|i| self.list[i].speaker.clone())
    }

    /// The organisation a role noun refers to ("the company", "công ty này"):
    /// the latest organisation with that head noun, else the latest one.
    /// The latest organisation whose head noun is `head` ("công ty", "quận",
    /// "ministry"), if the article named one.
    /// Else the latest whose name holds it after its head ("UBND quận Hoàng
    /// Mai" for "Quận").
    /// Then the latest with another head of the same kind of body (lexicon
    /// `head_kin`: "công ty" for "doanh nghiệp").
    pub fn organisation_headed(&self, lex: &Lexicon, head: &str) -> Option<Speaker> {
        let kin = lex.kin_of(head);
        let orgs = self.list.iter().filter(|e| e.kind == EntityKind::Organisation);
        let named = |e: &&Entity| {
            let name = fold_case(&e.speaker.name);
            let words: Vec<&str> = name.split_whitespace().collect();
            let n = head.split_whitespace().count();
            n > 0 && words.windows(n).skip(1).any(|w| w.join(" ") == head)
        };
        orgs.clone()
            .filter(|e| e.head.as_deref() == Some(head))
            .max_by_key(|e| e.last)
            .or_else(|| orgs.clone().filter(named).max_by_key(|e| e.last))
            .or_else(|| {
                orgs.filter(|e| e.head.as_ref().is_some_and(|h| kin.contains(h)))
                    .max_by_key(|e| e.last)
            })
            .map(|e| e.speaker.clone())
    }

    /// The organisation "nước này", "the company" or "doanh nghiệp này" means:
    /// the latest one with that head (or whose name holds it), else the latest
    /// one whose head is unknown ("Ashford Rovers" for "the club"); never one
    /// with another head ("the club" is not the Football Association).
    pub fn organisation(&self, lex: &Lexicon, head: Option<&str>) -> Option<Speaker> {
        let orgs = self.list.iter().filter(|e| e.kind == EntityKind::Organisation);
        let Some(h) = head else {
            return orgs.max_by_key(|e| e.last).map(|e| e.speaker.clone());
        };
        self.organisation_headed(lex, h).or_else(|| {
            orgs.filter(|e| e.head.is_none())
                .max_by_key(|e| e.last)
                .map(|e| e.speaker.clone())
        })
    }
}

/// The personal title phrase ending just before token `end` ("bà", "luật sư", "Governor"), if any.
pub(super) fn title_before(prep: &Prepared, lex: &Lexicon, end: usize) -> Option<(usize, Option<Gender>)> {
    // "Mr. Tom Reyes": an abbreviated title keeps its full stop.
    let dot = usize::from(end > 0 && prep.is_punct(end - 1, "."));
    let e = end - dot;
    let k = prep.phrase_ending_at(e, &|w| lex.person_titles.contains_key(w))?;
    let g = lex
        .person_titles
        .get(prep.folded_words(e - k, e).as_ref())
        .copied()
        .flatten();
    Some((k + dot, g))
}

/// Person names in a sentence that the gazetteer does not know: a title and
/// capitalised words ("bà Thủy", "Governor Ellen Price"), or (Vietnamese) capitalised
/// words opening with a family name ("Trần Thị Hoa"). Returns (token range of the
/// name, gender from the title).
pub(super) fn person_names(prep: &Prepared, lex: &Lexicon) -> Vec<((usize, usize), Option<Gender>)> {
    let n = prep.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    let cap_word = |j: usize| {
        let t = &prep.toks[j];
        t.word && t.cap && prep.mention_at[j].is_none() && !lex.person_titles.contains_key(t.folded)
    };
    while i < n {
        if !cap_word(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && cap_word(j) && j - i < 8 {
            j += 1;
        }
        let title = title_before(prep, lex, i);
        let sentence_initial = i == 0 || (i == 1 && !prep.toks[0].word);
        // "the Eastern Mediterranean", "the White House": people take no article.
        let after_article = i > 0 && lex.articles.contains(prep.toks[i - 1].folded);
        // An organisation head or an acronym (UBND, VFF) opens no personal name.
        let acronym = |k: usize| {
            let w = &prep.text[prep.toks[k].start..prep.toks[k].end];
            w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase())
        };
        let org_like = lex.organisation_heads.contains(prep.toks[i].folded) || acronym(i);
        // Vietnamese: a family name inside a capitalised run opens the personal
        // name ("Yên Hòa Nguyễn Thị Bích Vân", "VFF Đoàn Minh Triết").
        if lex.language == Language::Vi
            && let Some(s) = (i..j).find(|&k| lex.surnames.contains(prep.toks[k].folded) && j - k >= 2 && j - k <= 4)
            && (s > i || org_like)
        {
            out.push(((s, j), None));
            i = j;
            continue;
        }
        let named = match lex.language {
            Language::Vi if org_like => false,
            // A foreign name is known by its apposition: "John Kerry, Bộ trưởng Ngoại giao Mỹ,".
            Language::Vi => {
                title.is_some()
                    || (j - i >= 2 && lex.surnames.contains(prep.toks[i].folded) && j - i <= 4)
                    || (j - i >= 2
                        && j - i <= 4
                        && prep.is_punct(j, ",")
                        && prep
                            .phrase_starting_at(j + 1, &|w| {
                                lex.office_titles.contains(w) || lex.person_titles.contains_key(w)
                            })
                            .is_some())
            }
            Language::En => {
                title.is_some()
                    || (j - i >= 2
                        && j - i <= 3
                        && !after_article
                        && !(sentence_initial && lex.stop_words.contains(prep.toks[i].folded))
                        && (i..j).all(|k| {
                            let w = prep.toks[k].folded;
                            !lex.organisation_heads.contains(w)
                                && !lex.stop_words.contains(w)
                                && !lex.time_words.contains(w)
                        }))
            }
        };
        if named {
            out.push(((i, j), title.and_then(|t| t.1)));
        }
        i = j.max(i + 1);
    }
    out
}

/// Organisation names the gazetteer does not know, with their folded head noun:
/// in Vietnamese a capitalised head noun and the name after it ("Công ty TNHH
/// Giấy Phú An", "Sở Giao thông vận tải Quảng Ngãi"); in English capitalised
/// words holding a head noun ("Riverton Water Authority", "Department of Health").
pub(super) fn organisation_names(prep: &Prepared, lex: &Lexicon) -> Vec<((usize, usize), String)> {
    let n = prep.toks.len();
    let cue_at: Vec<bool> = {
        let mut v = vec![false; n];
        for h in &prep.cues {
            v[h.first] = true;
        }
        v
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let t = &prep.toks[i];
        if !(t.word && t.cap) {
            i += 1;
            continue;
        }
        match lex.language {
            Language::Vi => {
                let Some(k) = prep.phrase_starting_at(i, &|w| lex.organisation_heads.contains(w)) else {
                    i += 1;
                    continue;
                };
                let mut j = i + k;
                if !(j < n && prep.toks[j].word && prep.toks[j].cap && prep.mention_at[j].is_none()) {
                    i += 1;
                    continue;
                }
                // Capitalised words, and up to three lower-case ones before another capitalised word.
                let mut end = j;
                while j < n && prep.toks[j].word && !cue_at[j] && j - i < 12 {
                    if prep.toks[j].cap {
                        end = j + 1;
                    } else if !(j + 1..(j + 4).min(n))
                        .take_while(|&x| prep.toks[x].word && !cue_at[x])
                        .any(|x| prep.toks[x].cap)
                    {
                        break;
                    }
                    j += 1;
                }
                // The second syllable of the last word, written in lower case ("Sở Giáo
                // dục và Đào tạo (GD-ĐT)", "Bộ Y tế,"), where the name ends at punctuation or a cue.
                if end < n
                    && end > i + k
                    && prep.toks[end - 1].cap
                    && prep.toks[end].word
                    && !prep.toks[end].cap
                    && !cue_at[end]
                    && prep.mention_at[end].is_none()
                    && !lex.auxiliaries.contains(prep.toks[end].folded)
                    && !lex.stop_words.contains(prep.toks[end].folded)
                    && !lex.time_words.contains(prep.toks[end].folded)
                    && !lex.name_connectors.contains(prep.toks[end].folded)
                    && prep.toks.get(end + 1).is_none_or(|t| !t.word || cue_at[end + 1])
                {
                    end += 1;
                }
                out.push(((i, end), prep.folded_words(i, i + k).into_owned()));
                i = end.max(i + 1);
            }
            Language::En => {
                let mut j = i;
                let mut head = None;
                while j < n && j - i < 8 {
                    let t = &prep.toks[j];
                    let joiner = t.word && lex.org_name_joiners.contains(t.folded) && j > i;
                    if !(t.word && (t.cap || joiner)) {
                        break;
                    }
                    if lex.organisation_heads.contains(t.folded) {
                        head = Some((j, t.folded.to_string()));
                    }
                    j += 1;
                }
                while j > i && !prep.toks[j - 1].cap {
                    j -= 1;
                }
                // A name followed by a few lower-case nouns and a head ("the Saxony
                // state environment office", "the Texas health department"): the
                // head ends the name. Not a verb (-ed, -ing), a stop word or a cue.
                if head.is_none()
                    && j > i
                    && !(i..j).any(|x| lex.time_words.contains(prep.toks[x].folded))
                    // Not an owner's ("Mayor Victor Almeida's office": the mayor speaks).
                    && !["'s", "’s"].iter().any(|s| prep.toks[j - 1].folded.ends_with(s))
                    && let Some(h) = (j..(j + 4).min(n)).find(|&x| {
                        let t = &prep.toks[x];
                        t.word && !t.cap && lex.organisation_heads.contains(t.folded)
                    })
                    && (j..h).all(|x| {
                        let t = &prep.toks[x];
                        t.word
                            && !t.cap
                            && !cue_at[x]
                            && !t.folded.ends_with("ed")
                            && !t.folded.ends_with("ing")
                            && !lex.stop_words.contains(t.folded)
                            && !lex.organisation_heads.contains(t.folded)
                    })
                    && !cue_at[h]
                {
                    head = Some((h, prep.toks[h].folded.to_string()));
                    j = h + 1;
                }
                let sentence_initial_stop = lex.stop_words.contains(prep.toks[i].folded);
                let start = if sentence_initial_stop { i + 1 } else { i };
                match head {
                    Some((h, word)) if h < j && j - start >= 2 && (start..j).all(|x| prep.mention_at[x].is_none()) => {
                        out.push(((start, j), word))
                    }
                    _ => {}
                }
                i = j.max(i + 1);
            }
        }
    }
    out
}

/// A name without the English possessive it was written with ("Almeida's" → "Almeida").
pub(super) fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s").filter(|w| !w.is_empty()).unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use crate::extract::{ArticleInput, Extractor};
    use crate::lexicon::Language;

    /// (source id, text) of every attributed statement.
    fn sources(text: &str, lang: Language) -> Vec<(String, String)> {
        let ex = Extractor::bundled();
        let out = ex.extract(&ArticleInput {
            id: "t".into(),
            path: None,
            text,
            language: Some(lang),
        });
        out.statements
            .iter()
            .filter_map(|s| Some((s.source.clone()?, s.text.clone())))
            .collect()
    }

    fn source_of(all: &[(String, String)], words: &str) -> String {
        all.iter()
            .find(|(_, t)| t.contains(words))
            .map(|(s, _)| s.clone())
            .unwrap_or_else(|| panic!("no statement with {words:?} in {all:?}"))
    }

    #[test]
    fn a_given_name_refers_to_the_person_introduced() {
        let all = sources(
            "Rác ngập phố\n\nBà Trần Thị Hoa cho biết rác đã tồn đọng nhiều ngày. Ông Lâm Văn Sơn nói phường đã thu gom. \"Mùi hôi không chịu nổi\", bà Hoa nói.\n",
            Language::Vi,
        );
        assert_eq!(source_of(&all, "tồn đọng"), source_of(&all, "Mùi hôi"));
        assert_ne!(source_of(&all, "thu gom"), source_of(&all, "Mùi hôi"));
    }

    #[test]
    fn a_pronoun_follows_gender_and_a_title_alone_its_person() {
        let all = sources(
            "Budget row\n\nGovernor Ellen Price said the budget was balanced. The mayor, Mr. Tom Reyes, said the city was short of funds. She added that the state would help.\n\nThe governor also said taxes would not rise.\n",
            Language::En,
        );
        let price = source_of(&all, "budget was balanced");
        assert_eq!(source_of(&all, "state would help"), price);
        assert_eq!(source_of(&all, "taxes would not rise"), price);
        assert_ne!(source_of(&all, "short of funds"), price);
    }

    #[test]
    fn a_role_noun_refers_to_the_organisation_named() {
        let all = sources(
            "Tranh cãi về nước thải\n\nCông ty TNHH Minh Phát khẳng định hệ thống xử lý hoạt động bình thường. Người dân cho rằng cá chết vì nước thải. Doanh nghiệp này cho biết sẽ mời đơn vị độc lập lấy mẫu.\n",
            Language::Vi,
        );
        let company = source_of(&all, "hệ thống xử lý");
        assert!(company.contains("minh-phát"), "{company}");
        assert_eq!(source_of(&all, "lấy mẫu"), company);
    }

    #[test]
    fn an_organisation_with_a_place_name_is_the_organisation() {
        let all = sources(
            "Đường ven biển\n\nSở Giao thông vận tải Quảng Ngãi bác bỏ thông tin nghiệm thu khống đường ven biển.\n",
            Language::Vi,
        );
        assert!(source_of(&all, "nghiệm thu").starts_with("sở-giao-thông"), "{all:?}");
    }

    #[test]
    fn the_paper_and_its_article_refer_back_to_the_newspaper() {
        let all = sources(
            "Tin\n\nBáo Sông Lam đã đăng loạt bài về công trình. Bài báo cho rằng nhà thầu được nghiệm thu khống. \
             Tờ báo cho biết đã gửi tài liệu cho cơ quan chức năng.\n",
            Language::Vi,
        );
        assert_eq!(source_of(&all, "nghiệm thu khống"), "báo-sông-lam");
        assert_eq!(source_of(&all, "gửi tài liệu"), "báo-sông-lam");
    }

    #[test]
    fn an_english_name_with_lower_case_words_before_its_head_is_one_organisation() {
        let all = sources(
            "Salt row\n\nA report by the Saxony state environment office, published Friday, found salt levels were high. \
             The office said the mine was to blame. Mayor Ann Cole's office said the river was safe. \
             Yesterday police said the road was closed.\n",
            Language::En,
        );
        assert_eq!(source_of(&all, "salt levels"), "saxony-state-environment-office");
        assert_eq!(source_of(&all, "to blame"), "saxony-state-environment-office");
        // An owner's office speaks for the owner; a time word is no name.
        assert_eq!(source_of(&all, "river was safe"), "ann-cole");
        assert_ne!(source_of(&all, "road was closed"), "yesterday-police");
    }

    #[test]
    fn an_abbreviation_and_the_name_in_full_are_one_organisation() {
        use super::letter_keys;
        // The abbreviation first, the name in full later, and back.
        let all = sources(
            "Tin\n\nSở GD-ĐT Hà Giang khẳng định việc bổ nhiệm là đúng quy trình.\n\nÔng An cho biết Sở Giáo dục và Đào tạo đã nhận đơn.\n",
            Language::Vi,
        );
        assert_eq!(source_of(&all, "đúng quy trình"), "sở-gd-đt-hà-giang");
        let all = sources(
            "Tin\n\nSở Tài nguyên và Môi trường cho biết đã thu hồi giấy phép.\n\nSở TN-MT khẳng định việc cấp phép là đúng.\n",
            Language::Vi,
        );
        assert_eq!(source_of(&all, "cấp phép là đúng"), source_of(&all, "thu hồi"));
        // Two names in full with the same initials stay two.
        assert_eq!(letter_keys("sở tài chính").1, vec!["stc".to_string()]);
        assert!(!letter_keys("sở tài chính").0);
        assert!(letter_keys("sở gd-đt hà giang").0);
        assert_eq!(
            letter_keys("sở gd-đt hà giang").1,
            vec!["sgdđthg".to_string(), "sgdđt".to_string()]
        );
    }

    #[test]
    fn a_lower_case_last_syllable_ends_an_organisation_name() {
        let ex = Extractor::bundled();
        let out = ex.extract(&ArticleInput {
            id: "t".into(),
            path: None,
            text: "Tin\n\nÔng An tố cáo Sở Giáo dục và Đào tạo (GD-ĐT) cấp bằng sai.\n",
            language: Some(Language::Vi),
        });
        let targets: Vec<_> = out.statements.iter().filter_map(|s| s.target.clone()).collect();
        assert_eq!(targets, vec!["sở-giáo-dục-và-đào-tạo".to_string()]);
    }
}
