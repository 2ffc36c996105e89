//! Attribution: articles → statements (source, cue, kind, content, target,
//! via, implicit claims) and the relations extraction itself can see
//! (a denial and the claim it names, reciprocal blame).
//!
//! Per sentence ([`sentence::Prepared`]): every reporting cue gets a role.
//! - **independent**: a source noun phrase stands right before it ("Bộ Quốc
//!   phòng Armenia tuyên bố", "the ministry said"), after a passive marker
//!   ("bị X gọi là", "rejected by X"), after an apposition ("Nga, quốc gia
//!   …, lên án"), in the main clause before a subordinator ("Azerbaijan … sau
//!   khi cáo buộc"), or after the cue in an inversion ("…," said X);
//! - **coordinated**: "… và nói rằng", "…, kêu gọi …": same source as the
//!   statement before it;
//! - **nested**: a cue with its own source inside another statement's content
//!   is part of that content, except inside a relay ("Hãng RT đưa tin, Azerbaijan
//!   tuyên bố, …"), where it is the statement and the relay is its `via`.
//!
//! "Theo X, …" / "According to X, …" name the source (or, before another
//! attribution, who relayed it); a trailing "…, theo AFP" names who relayed it.
//! Sentences without a statement are the article's narration (source null).

mod entities;
pub mod sentence;

use crate::actors::Gazetteer;
use crate::graph::slug;
use crate::lexicon::{Gender, Language, Lexicon, Lexicons};
use crate::model::{Actor, ArticleRef, Kind, Relation, RelationType, Statement};
use crate::text::{self, Text, fold_case};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use entities::{Entities, EntityKind};
use sentence::{CueHit, Prepared};
use std::collections::BTreeMap;

/// The language tables compiled for matching.
struct Tables {
    cues: AhoCorasick,
    non_speech: AhoCorasick,
    falsity: AhoCorasick,
    falsity_phrases: Vec<String>,
}

impl Tables {
    fn new(lex: &Lexicon) -> Tables {
        let build = |pats: Vec<&str>| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(pats)
                .expect("lexicon patterns build")
        };
        Tables {
            cues: build(lex.cues.iter().map(|c| c.cue.as_str()).collect()),
            non_speech: build(lex.non_speech.iter().map(String::as_str).collect()),
            // Overlapping search (the longest phrase anywhere) needs the standard match kind.
            falsity: AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&lex.falsity)
                .expect("falsity patterns build"),
            falsity_phrases: lex.falsity.clone(),
        }
    }
}

/// Extra facts about an extracted statement that the link stage uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub language: Option<Language>,
    /// A contrast marker opening its sentence or clause (Trong khi đó, However).
    pub contrast: Option<String>,
    /// Actors named in its content (pronouns resolved).
    pub mentioned: Vec<String>,
    /// Other actors that made the same statement ("EU, Pháp và Đức").
    pub co_sources: Vec<String>,
    /// One of a pair of reciprocal accusations (A và B đổ lỗi cho nhau).
    pub reciprocal: bool,
}

/// What extraction makes of one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub article: Option<ArticleRef>,
    pub statements: Vec<Statement>,
    pub meta: Vec<Meta>,
    pub relations: Vec<Relation>,
    /// Actors referred to, by id.
    pub actors: BTreeMap<String, Actor>,
}

/// An article to extract from.
#[derive(Debug, Clone)]
pub struct ArticleInput<'a> {
    pub id: String,
    pub path: Option<String>,
    /// The original text (any line ends, NFC or NFD).
    pub text: &'a str,
    /// None: detect.
    pub language: Option<Language>,
}

/// The extractor: lexicons and gazetteer, compiled once, used from many threads.
pub struct Extractor {
    lexicons: Lexicons,
    gazetteer: Gazetteer,
    /// Compiled on first use of each language.
    vi: std::sync::OnceLock<Tables>,
    en: std::sync::OnceLock<Tables>,
    /// Abbreviations of both languages (articles mix them: "TP.", "Mr.").
    abbreviations: std::collections::HashSet<String>,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
struct Speaker {
    id: String,
    name: String,
    mention: String,
    kind: Option<String>,
    aliases: Vec<String>,
    person: bool,
    media: bool,
    co: Vec<Speaker>,
}

impl Speaker {
    /// A person or an organisation the text names and the gazetteer does not know.
    fn found(name: &str, mention: &str, person: bool) -> Speaker {
        Speaker {
            id: slug(name),
            name: name.to_string(),
            mention: mention.to_string(),
            kind: Some(if person { "person" } else { "organisation" }.to_string()),
            aliases: Vec::new(),
            person,
            media: false,
            co: Vec::new(),
        }
    }
}

/// A statement found in a sentence, before it is written out.
#[derive(Debug, Clone)]
struct Found {
    speaker: Option<Speaker>,
    cue: String,
    kind: Kind,
    /// Token range of the content.
    content: (usize, usize),
    via: Vec<String>,
    relay: bool,
    /// Token index of the cue (for ordering and boundaries).
    cue_tok: usize,
    /// Where the statement's source phrase starts (content before it ends here).
    np_start: usize,
    /// The content was given before the source ("…, X said").
    content_first: bool,
    /// A second part of a split quotation ("\"A,\" he said, \"B.\"").
    extra: Option<(usize, usize)>,
}

impl Found {
    /// A claim-shaped statement whose cue and source both sit at token `at`;
    /// callers change what differs.
    fn new(speaker: Option<Speaker>, cue: String, kind: Kind, content: (usize, usize), at: usize) -> Found {
        Found {
            speaker,
            cue,
            kind,
            content,
            via: Vec::new(),
            relay: false,
            cue_tok: at,
            np_start: at,
            content_first: false,
            extra: None,
        }
    }
}

/// Where a statement is being written: the sentence and its context.
struct Here<'a> {
    si: usize,
    sentence: &'a text::Sentence,
    normalized: &'a Text,
    contrast: &'a Option<String>,
    lang: Language,
}

impl Here<'_> {
    fn text(&self) -> &str {
        &self.normalized.text[self.sentence.start..self.sentence.end]
    }
}

/// A statement to write out.
struct New {
    speaker: Option<Speaker>,
    kind: Kind,
    content: String,
    span: [usize; 2],
    mentioned: Vec<String>,
    target: Option<String>,
}

/// What the article knows so far, for pronouns.
#[derive(Default)]
struct Memory {
    /// Recent speakers (latest last).
    speakers: Vec<Speaker>,
    /// By the last word of their name: the latest person in `speakers` with
    /// a name of several words (a surname alone is looked up here, not by a
    /// scan of every speaker so far).
    surnames: std::collections::HashMap<String, usize>,
    /// Recently named actors (latest last): (speaker, is country).
    /// The country named last (its speaker, as extraction would make it).
    last_country: Option<Speaker>,
    /// Every person and organisation named so far, for references.
    entities: Entities,
    /// The sentence being read.
    si: usize,
    /// Its personal and organisation names (token ranges), found once.
    persons: Vec<((usize, usize), Option<Gender>)>,
    orgs: Vec<((usize, usize), String)>,
}

impl Extractor {
    /// An extractor with the bundled lexicons and gazetteer.
    pub fn bundled() -> Extractor {
        Extractor::new(Lexicons::bundled(), Gazetteer::bundled())
    }

    pub fn new(lexicons: Lexicons, gazetteer: Gazetteer) -> Extractor {
        let vi = std::sync::OnceLock::new();
        let en = std::sync::OnceLock::new();
        let abbreviations = lexicons
            .vi
            .abbreviations
            .union(&lexicons.en.abbreviations)
            .cloned()
            .collect();
        Extractor {
            lexicons,
            gazetteer,
            vi,
            en,
            abbreviations,
        }
    }

    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    fn tables(&self, lang: Language) -> &Tables {
        match lang {
            Language::Vi => self.vi.get_or_init(|| Tables::new(&self.lexicons.vi)),
            Language::En => self.en.get_or_init(|| Tables::new(&self.lexicons.en)),
        }
    }

    /// Extracts the statements of one article.
    pub fn extract(&self, input: &ArticleInput) -> Extraction {
        let normalized: Text = text::normalize(input.text);
        let lang = input.language.unwrap_or_else(|| {
            text::detect_language_by_words(&normalized.text, &|w| self.lexicons.vi.stop_words.contains(w), &|w| {
                self.lexicons.en.stop_words.contains(w)
            })
        });
        let lex = self.lexicons.get(lang);
        let sentences = text::split_sentences(&normalized.text, &self.abbreviations);
        let title = sentences
            .first()
            .filter(|s| s.headline)
            .map(|s| normalized.text[s.start..s.end].to_string());
        let mut out = Extraction {
            article: Some(ArticleRef {
                id: input.id.clone(),
                path: input.path.clone(),
                title,
                language: Some(lang.code().to_string()),
            }),
            ..Extraction::default()
        };
        let mut memory = Memory::default();
        let tables = self.tables(lang);
        // The last attributed statement: (index, paragraph, sentence).
        let mut last_attributed: Option<(usize, usize, usize)> = None;
        // A quotation given its predecessor's speaker only by being next to it.
        let mut inherited: Option<usize> = None;
        for (si, s) in sentences.iter().enumerate() {
            let stext = &normalized.text[s.start..s.end];
            let sfolded = fold_case(stext);
            let prep = Prepared::new(stext, &sfolded, lex, &tables.cues, &tables.non_speech, &self.gazetteer);
            memory.si = si;
            self.discover(&prep, lex, &mut memory);
            let mut found = self.attribute(&prep, lex, &memory);
            let contrast = opening_contrast(&prep, lex);
            // "\"Why was that money sitting in the bank?\" Mr. Clyburn said, echoing …":
            // the quotation ended its own sentence; the speaker and cue that open this
            // one, with nothing said after them, sign it.
            if let Some(first) = found.first()
                && first.np_start == 0
                && first.cue_tok <= 6
                && !first.content_first
                && prep.toks.get(first.cue_tok + 1).is_none_or(|t| !t.word)
                && si > 0
                && sentences[si - 1].paragraph == s.paragraph
                && let Some(last) = out.statements.last()
                && (last.source.is_none() || inherited == Some(out.statements.len() - 1))
                && last.sentence == Some(si - 1)
                && let Some(inner) = pure_quote(&normalized.text[sentences[si - 1].start..sentences[si - 1].end])
            {
                let inner = inner.to_string();
                let span = last.span;
                let prev_sentence = &sentences[si - 1];
                out.statements.pop();
                out.meta.pop();
                let f = found.remove(0);
                let here = Here {
                    si: si - 1,
                    sentence: prev_sentence,
                    normalized: &normalized,
                    contrast: &None,
                    lang,
                };
                self.push(
                    &mut out,
                    &mut memory,
                    &f,
                    &here,
                    New {
                        speaker: f.speaker.clone(),
                        kind: f.kind,
                        content: inner,
                        span: span.unwrap_or_default(),
                        mentioned: Vec::new(),
                        target: None,
                    },
                );
            }
            let before = out.statements.len();
            let mut emitted_any = false;
            for f in found {
                let here = Here {
                    si,
                    sentence: s,
                    normalized: &normalized,
                    contrast: &contrast,
                    lang,
                };
                emitted_any |= self.emit(&mut out, &prep, lex, &mut memory, f, &here);
            }
            // A quotation right after an attributed one inherits its speaker:
            // in the same paragraph it continues the statement, at the start
            // of the next one it is a new statement of the same source.
            if !emitted_any
                && let Some((prev, para, psi)) = last_attributed
                && psi + 1 == si
                && let Some(inner) = pure_quote(stext)
            {
                let offset = stext.find(inner).unwrap_or(0);
                let end_span = normalized.original_span(s.start + offset, s.start + offset + inner.len());
                if para == s.paragraph {
                    let st = &mut out.statements[prev];
                    st.text = format!("{} {}", st.text, inner);
                    if let Some(sp) = &mut st.span {
                        sp[1] = end_span[1];
                    }
                    if let Some(q) = &mut st.quote {
                        q.push(' ');
                        q.push_str(stext);
                    }
                    last_attributed = Some((prev, para, si));
                    emitted_any = true;
                } else if para + 1 == s.paragraph {
                    let i = follow_on(&mut out, prev, inner.to_string(), si, end_span, stext);
                    last_attributed = Some((i, s.paragraph, si));
                    inherited = Some(i);
                    emitted_any = true;
                }
            }
            // "Theo đó, …" right after an attributed sentence goes on with what its
            // source said.
            if !emitted_any
                && let Some((prev, _, psi)) = last_attributed
                && psi + 1 == si
                // What a claim reported, not what a condemnation or appeal was about.
                && out.statements[prev].kind == Kind::Claim
                && let Some(k) = prep.phrase_starting_at(0, &|w| lex.continuation_markers.contains(w))
                && prep.is_punct(k, ",")
                && k + 1 < prep.toks.len()
            {
                let (a, b) = (prep.toks[k + 1].start, stext.trim_end().len());
                let inner = stext[a..b].trim_end_matches(['.', ' ']).to_string();
                let span = normalized.original_span(s.start + a, s.start + b);
                let i = follow_on(&mut out, prev, inner, si, span, stext);
                out.statements[i].cue = Some(prep.span(0, k).to_string());
                out.statements[i].target = None;
                emitted_any = true;
            }
            if emitted_any {
                if let Some(i) = out.statements[before..]
                    .iter()
                    .rposition(|x| x.source.is_some() && !x.implicit)
                {
                    last_attributed = Some((before + i, s.paragraph, si));
                }
            } else {
                let text = stext.trim().to_string();
                let mut st = Statement::new(format!("{}/s{}", input.id, out.statements.len() + 1), None, text);
                st.article = Some(input.id.clone());
                st.sentence = Some(si);
                st.span = Some(normalized.original_span(s.start, s.end));
                st.quote = Some(stext.to_string());
                st.headline = s.headline;
                out.statements.push(st);
                out.meta.push(Meta {
                    language: Some(lang),
                    contrast: contrast.clone(),
                    mentioned: self.mentioned_ids(&prep, 0, prep.toks.len()),
                    co_sources: Vec::new(),
                    reciprocal: false,
                });
            }
            for st in &mut out.statements[before..] {
                st.headline = s.headline;
            }
            // Remember the last country named, for "nước này" / "the country" later.
            // The country a later "nước này" means: the first one the latest sentence names
            // (its subject, as a rule), not the last.
            if let Some(m) = prep
                .mentions
                .iter()
                .find(|m| self.gazetteer.entry(self.gazetteer.speaker(m.entry)).kind.as_deref() == Some("country"))
            {
                memory.last_country = Some(self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]));
            }
        }
        out
    }

    /// Notes the people and organisations a sentence names in the article's
    /// entity table (a later surname, pronoun or role noun refers to them).
    fn discover(&self, prep: &Prepared, lex: &Lexicon, memory: &mut Memory) {
        let si = memory.si;
        let quotes: Vec<usize> = prep.text.match_indices('"').map(|(i, _)| i).collect();
        let quoted = |pos: usize| quotes.partition_point(|&q| q < pos) % 2 == 1;
        for m in &prep.mentions {
            let e = self.gazetteer.entry(m.entry);
            let sp = self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]);
            if e.is_person() {
                memory
                    .entities
                    .note(&sp, EntityKind::Person, None, (si, m.start), None, quoted(m.start));
            } else if !matches!(e.kind.as_deref(), Some("country") | Some("media")) && !m.demonym {
                let head = org_head(lex, &fold_case(&e.name));
                memory
                    .entities
                    .note(&sp, EntityKind::Organisation, None, (si, m.start), head, false);
            }
        }
        memory.orgs = entities::organisation_names(prep, lex);
        memory.persons = entities::person_names(prep, lex);
        for ((a, b), head) in memory.orgs.clone() {
            let name = prep.span(a, b).to_string();
            let sp = match memory.entities.by_name(&fold_case(&name)) {
                Some(e) => e.speaker.clone(),
                None => Speaker::found(&name, &name, false),
            };
            let start = prep.toks[a].start;
            memory
                .entities
                .note(&sp, EntityKind::Organisation, None, (si, start), Some(head), false);
        }
        // A known person named again by one word ("Quirin", "bà Liên"): a fresh mention.
        for (i, t) in prep.toks.iter().enumerate() {
            if t.word
                && t.cap
                && prep.mention_at[i].is_none()
                && !(i == 0 && lex.stop_words.contains(t.folded))
                // Vietnamese: a capitalised first syllable may open a common word
                // ("Liên hệ với …"); a name alone opens a clause with a verb after it.
                && !(i == 0
                    && lex.language == Language::Vi
                    && prep.toks.get(1).is_some_and(|n| n.word)
                    && !prep.cues.iter().any(|h| h.first == 1)
                    && !lex.auxiliaries.iter().any(|x| x == prep.toks[1].folded))
                && !prep.toks.get(i + 1).is_some_and(|n| n.word && n.cap)
                && !(i > 0 && prep.toks[i - 1].word && prep.toks[i - 1].cap)
                && let Some(e) = memory.entities.by_name(t.folded)
                && e.kind == EntityKind::Person
            {
                let sp = e.speaker.clone();
                memory
                    .entities
                    .note(&sp, EntityKind::Person, None, (si, t.start), None, quoted(t.start));
            }
        }
        for ((a, b), gender) in memory.persons.clone() {
            let name = prep.span(a, b).to_string();
            let title = entities::title_before(prep, lex, a).map_or(0, |t| t.0);
            let title_words = prep.folded_words(a - title, a).into_owned();
            let mention = prep.span(a - title, b).to_string();
            let folded = fold_case(&name);
            let known = memory
                .entities
                .by_name(&folded)
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| e.speaker.clone());
            let sp = known.unwrap_or_else(|| Speaker::found(&name, &mention, true));
            let start = prep.toks[a].start;
            let i = memory
                .entities
                .note(&sp, EntityKind::Person, gender, (si, start), None, quoted(start));
            if title > 0 {
                memory.entities.set_title(i, &title_words);
            }
        }
    }

    fn speaker_of_entry(&self, entry: usize, mention: &str) -> Speaker {
        let person = self.gazetteer.entry(entry).is_person();
        let e = self.gazetteer.entry(self.gazetteer.speaker(entry));
        Speaker {
            id: e.id.clone(),
            name: e.name.clone(),
            mention: mention.to_string(),
            kind: e.kind.clone(),
            aliases: e.aliases.clone(),
            person,
            media: e.is_media(),
            co: Vec::new(),
        }
    }

    /// Actor ids named in a token range (speakers of the names).
    fn mentioned_ids(&self, prep: &Prepared, a: usize, b: usize) -> Vec<String> {
        let (lo, hi) = (
            prep.toks.get(a).map_or(usize::MAX, |t| t.start),
            prep.toks.get(b.saturating_sub(1)).map_or(0, |t| t.end),
        );
        let mut ids = Vec::new();
        for m in &prep.mentions {
            if m.start >= lo && m.end <= hi {
                let id = self.gazetteer.entry(self.gazetteer.speaker(m.entry)).id.clone();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids
    }

    // -----------------------------------------------------------------------
    // Roles of the cues of one sentence

    fn attribute(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Vec<Found> {
        let n = prep.toks.len();
        let mut found: Vec<Found> = Vec::new();
        let leading = self.leading_according_to(prep, lex, memory);
        let trailing = self
            .trailing_according_to(prep, lex, memory)
            .or_else(|| self.trailing_relay(prep, lex, memory));
        let limit = trailing.as_ref().map_or(n, |t| t.1);
        for hit in &prep.cues {
            if hit.first >= limit {
                break;
            }
            if leading.as_ref().is_some_and(|l| hit.first < l.2) {
                continue;
            }
            if let Some(f) = self.role(prep, lex, memory, hit, &mut found) {
                found.push(f);
            }
        }
        // Content ends where the next statement's source starts.
        for i in 0..found.len() {
            let end = found
                .get(i + 1)
                .filter(|next| next.np_start > found[i].content.0)
                .map_or(limit, |next| next.np_start.min(limit));
            if !found[i].content_first {
                found[i].content.1 = end.max(found[i].content.0);
            }
        }
        for f in &mut found {
            trim_content(prep, lex, &mut f.content);
        }
        let lead_at = leading.as_ref().map(|l| l.1);
        if let Some((speaker, _, rest, relayer)) = leading {
            // After "Theo X, …" a later speaker's content is not read back into
            // the "theo" phrase: it follows the cue.
            for f in &mut found {
                if f.content_first && f.content.0 < rest {
                    let cue_len = f.cue.split_whitespace().count();
                    f.content = ((f.cue_tok + cue_len).min(limit), limit);
                    f.content_first = false;
                    f.extra = None;
                    trim_content(prep, lex, &mut f.content);
                }
            }
            if found.is_empty() {
                let mut content = (rest, limit);
                trim_content(prep, lex, &mut content);
                let cue = lex.according_to.first().cloned().unwrap_or_default();
                let mut f = Found::new(Some(speaker), cue, Kind::Claim, content, 0);
                f.via.extend(relayer);
                found.push(f);
            } else {
                // "Theo TS Tín, sự việc đã được phản ánh đầy đủ, đại diện X cũng lên tiếng
                // …": a clause of X's own before the next speaker is X's statement too.
                let first = found.iter().map(|f| f.np_start).min().unwrap_or(limit);
                let own = (rest..first).rev().find(|&i| prep.is_punct(i, ","));
                let mut inserted = false;
                if let Some(comma) = own
                    && (rest..comma).filter(|&i| prep.toks[i].word).count() >= 4
                    // Not an adverbial ("Theo đài RT, trong các cuộc điện đàm riêng, …").
                    && prep.phrase_starting_at(rest, &|w| lex.adverbial_openers.iter().any(|o| o == w)).is_none()
                    && !found.iter().any(|f| f.content_first)
                {
                    let mut content = (rest, comma);
                    trim_content(prep, lex, &mut content);
                    let cue = lex.according_to.first().cloned().unwrap_or_default();
                    let mut f = Found::new(Some(speaker.clone()), cue, Kind::Claim, content, 0);
                    f.via.extend(relayer.clone());
                    f.content_first = true;
                    found.insert(0, f);
                    inserted = true;
                }
                for f in found.iter_mut().skip(usize::from(inserted)) {
                    f.via.push(speaker.name.clone());
                    f.via.extend(relayer.clone());
                }
            }
        }
        if let Some((speaker, start)) = trailing {
            if found.is_empty() {
                let mut content = (0, start);
                trim_content(prep, lex, &mut content);
                let cue = lex.according_to.first().cloned().unwrap_or_default();
                let mut f = Found::new(
                    (!speaker.media).then_some(speaker.clone()),
                    cue,
                    Kind::Claim,
                    content,
                    start,
                );
                if speaker.media {
                    f.via.push(speaker.name.clone());
                }
                f.content_first = true;
                found.push(f);
            } else {
                for f in &mut found {
                    f.via.push(speaker.name.clone());
                }
            }
        }
        // A relay statement that contains an attribution is only its `via`.
        let mut out: Vec<Found> = Vec::new();
        for f in found {
            if let Some(prev) = out.last_mut()
                && prev.relay
                && prev.speaker.is_some()
                && f.np_start >= prev.cue_tok
                && !f.content_first
                && prev.content.1 >= f.np_start
                && !boundary_between(prep, lex, prev.cue_tok, f.np_start)
            {
                let relayers = prev.speaker.take().map(|s| {
                    let mut names = vec![s.name.clone()];
                    names.extend(s.co.iter().map(|c| c.name.clone()));
                    names
                });
                let mut f = f;
                let mut via = relayers.unwrap_or_default();
                via.append(&mut f.via);
                f.via = via;
                *prev = f;
                continue;
            }
            out.push(f);
        }
        // "báo X đưa tin rằng chính phủ nước này đã …": the authority the report
        // is about speaks; the medium relays.
        for f in &mut out {
            if f.relay
                && let Some((a, b)) = self.authority_subject(prep, lex, f.content.0, f.content.1)
                && let Some(authority) = self.resolve_np(prep, lex, memory, a, b)
                && f.speaker.as_ref().is_some_and(|s| s.id != authority.id)
            {
                let medium = f.speaker.take().map(|s| s.name);
                f.via.extend(medium);
                f.speaker = Some(authority);
                f.relay = false;
            }
        }
        // "X cho biết theo nguồn tin từ Y thì …": Y speaks, X relays.
        for f in &mut out {
            if let Some(old) = &f.speaker
                && lead_at.is_none_or(|l| f.content.0 > l)
                && let Some((inner, rest, relayer)) = self.according_at(prep, lex, memory, f.content.0)
                && inner.id != old.id
                && rest < f.content.1
            {
                f.via.push(old.name.clone());
                f.via.extend(relayer);
                f.speaker = Some(inner);
                f.content.0 = rest;
                trim_content(prep, lex, &mut f.content);
            }
        }
        out.retain(|f| f.speaker.is_some() || !f.via.is_empty());
        if out.is_empty()
            && let Some(f) = self
                .label_or_dash(prep, lex, memory)
                .or_else(|| self.owned_report(prep, lex, memory))
        {
            out.push(f);
        }
        out
    }

    /// "… xuất phát từ thống kê của Ủy ban Bảo vệ Nhà báo (CPJ) rằng, P", "the
    /// report by the county's laboratory that P": a reported noun, its owner and
    /// a complementiser; the owner says P.
    fn owned_report(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Option<Found> {
        let n = prep.toks.len();
        for i in 0..n {
            let Some(k) = prep.phrase_starting_at(i, &|w| lex.reported_nouns.iter().any(|r| r == w)) else {
                continue;
            };
            let owner = i + k;
            if !prep
                .toks
                .get(owner)
                .is_some_and(|t| lex.owner_markers.contains(t.folded))
            {
                continue;
            }
            let Some(that) = (owner + 1..n.min(owner + 14))
                .take_while(|&j| prep.toks[j].word || matches!(prep.toks[j].folded, "(" | ")" | "," | "."))
                // "rằng", "that" (not "là", which also links a noun to its predicate).
                .find(|&j| prep.toks[j].folded != "là" && lex.complementizers.iter().any(|c| c == prep.toks[j].folded))
            else {
                continue;
            };
            let mut end = that;
            while end > owner + 1 && !prep.toks[end - 1].word && prep.toks[end - 1].folded != ")" {
                end -= 1;
            }
            if end <= owner + 1 || that + 1 >= n {
                continue;
            }
            let speaker = self.resolve_np(prep, lex, memory, owner + 1, end)?;
            let mut content = (that + 1, n);
            trim_content(prep, lex, &mut content);
            let cue = prep.span(i, owner).to_string();
            let mut f = Found::new(Some(speaker), cue, Kind::Claim, content, i);
            f.np_start = owner + 1;
            return Some(f);
        }
        None
    }

    /// "Putin: …" / "PENCE: …" (a short name, a colon, the words), and
    /// "\"…\" - Name" (a quotation signed with a dash).
    fn label_or_dash(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Option<Found> {
        let n = prep.toks.len();
        let found = |speaker: Speaker, cue: &str, content, at| {
            Found::new(Some(speaker), cue.to_string(), Kind::Claim, content, at)
        };
        // A label may open a quotation ("\"PENCE: Well, …").
        let s0 = usize::from(prep.is_punct(0, "\""));
        if let Some(colon) = (s0 + 1..n.min(16)).find(|&i| prep.is_punct(i, ":")) {
            let label = prep.folded_words(s0, colon);
            // Names, or a name with its apposition ("Ông Trịnh Văn Quyết, Chủ tịch Tập đoàn FLC").
            let in_name = |i: usize| {
                let t = &prep.toks[i];
                t.word
                    && (t.cap
                        || prep.mention_at[i].is_some()
                        || i > 0 && prep.toks[i - 1].cap && !lex.stop_words.contains(t.folded))
                    || (t.folded == "," && i > 0 && i + 1 < colon)
            };
            let names = (colon - s0 < 6 || prep.toks[s0].cap && (s0..colon).any(|i| prep.is_punct(i, ",")))
                && (s0..colon).all(in_name)
                && prep.toks[s0].word;
            let words_after = (colon + 1..n).filter(|&i| prep.toks[i].word).count();
            if names && words_after >= 3 && !lex.non_speaker_labels.contains(label.as_ref()) {
                let speaker = self.resolve_np(prep, lex, memory, s0, colon)?;
                let mut content = (colon + 1, n);
                trim_content(prep, lex, &mut content);
                return Some(found(speaker, ":", content, colon));
            }
        }
        // "\"…\" - Name": a closing quote, a dash, a short name to the end.
        let dash = (1..n)
            .rev()
            .take(8)
            .find(|&i| prep.is_punct(i, "-") && prep.is_punct(i - 1, "\""))?;
        let (a, b) = self.np_after(prep, lex, dash + 1)?;
        if (b..n).any(|i| prep.toks[i].word) || !prep.is_punct(0, "\"") {
            return None;
        }
        let speaker = self.resolve_np(prep, lex, memory, a, b)?;
        let mut content = (0, dash);
        trim_content(prep, lex, &mut content);
        Some(found(speaker, "-", content, dash))
    }

    /// The role of one cue; pushes nothing for a nested or unattributed cue.
    fn role(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        hit: &CueHit,
        found: &mut [Found],
    ) -> Option<Found> {
        let cue_text = prep.span(hit.first, hit.last).to_string();
        let base = |speaker: Speaker, np_start: usize, content_start: usize| {
            let mut f = Found::new(
                Some(speaker),
                cue_text.clone(),
                hit.cue.kind,
                (content_start, prep.toks.len()),
                hit.first,
            );
            f.relay = hit.cue.relay;
            f.np_start = np_start;
            f
        };
        let after_aux = skip_aux_back(prep, lex, hit.first);
        // "… exclusive economic zone claims", "Some reports suggest": a plural
        // noun after a common noun or a determiner, not a cue; but "as the
        // network claims the order …" opens a clause.
        if lex.noun_like_cues.contains(prep.toks[hit.first].folded) && after_aux == hit.first && hit.first > 0 {
            // "zone (EEZ) claims": look past an acronym in parentheses.
            let mut bi = hit.first - 1;
            if prep.is_punct(bi, ")")
                && let Some(open) = (bi.saturating_sub(6)..bi).rev().find(|&i| prep.is_punct(i, "("))
                && open > 0
            {
                bi = open - 1;
            }
            let before = &prep.toks[bi];
            let clause_follows = prep
                .toks
                .get(hit.last)
                .is_some_and(|t| lex.determiners.contains(t.folded) || lex.pronouns.contains_key(t.folded));
            let after_noun = before.word
                && !before.cap
                && !lex.np_words.contains(before.folded)
                && !lex.pronouns.contains_key(before.folded);
            if lex.determiners.contains(before.folded) || after_noun && !clause_follows {
                return None;
            }
        }

        // Passive: "bị X gọi là", "was rejected by X".
        if let Some((speaker, np_start)) = self.passive_agent(prep, lex, memory, hit, after_aux) {
            let mut f = base(speaker, np_start, self.content_start(prep, lex, hit));
            if lex.language == Language::En {
                // The subject before the passive marker is what was rejected.
                f.content = (clause_start(prep, lex, np_start), np_start);
                f.content_first = true;
                f.np_start = np_start;
            }
            return Some(f);
        }
        if hit.cue.passive_only {
            return None;
        }
        // "X gọi Y là Z": the cue holds only with its second word in the clause.
        if let Some(w) = &hit.cue.then
            && !(hit.last..prep.toks.len().min(hit.last + 12))
                .take_while(|&i| prep.toks[i].word || prep.is_punct(i, "\""))
                .any(|i| prep.toks[i].folded == w.as_str())
        {
            return None;
        }
        // Relative clause: "chính quyền ly khai Armenia, những người nói rằng", "Smith, who said".
        if let Some(k) = prep.phrase_ending_at(after_aux, &|w| lex.relative_markers.iter().any(|r| r == w))
            && after_aux - k > 0
            && prep.is_punct(after_aux - k - 1, ",")
            && let Some((a, b)) = self.np_before(prep, lex, after_aux - k - 1)
            && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
        {
            return Some(base(speaker, after_aux - k, self.content_start(prep, lex, hit)));
        }
        // A second cue of the same speaker: "phủ nhận … cũng như khẳng định …",
        // "said … but denied that …".
        if let Some(prev) = found.last()
            && prev.speaker.is_some()
            && !prev.content_first
            && let Some(k) = prep.phrase_ending_at(after_aux, &|w| lex.coordinators.contains(w))
            && after_aux - k > prev.cue_tok + 1
            // "… kiểm tra văn bản và thông tin sau": a noun, not a second cue.
            && (hit.last..prep.toks.len()).filter(|&i| prep.toks[i].word).count() >= 2
        {
            let speaker = prev.speaker.clone()?;
            let mut f = base(speaker, after_aux - k, self.content_start(prep, lex, hit));
            f.via = prev.via.clone();
            return Some(f);
        }
        let np = self.np_before(prep, lex, after_aux);
        if let Some((a, b)) = np {
            let speaker = self.resolve_np(prep, lex, memory, a, b)?;
            // "Về việc X cho rằng …, Y đều bác bỏ.": a cue that ends a sentence opened
            // by a topic answers the topic; it is not nested in it.
            let answers_topic = prep.toks[0].word
                && lex.about_markers.contains(prep.toks[0].folded)
                && a > 0
                && prep.is_punct(a - 1, ",")
                && !(hit.last..prep.toks.len()).any(|i| prep.toks[i].word);
            // Nested inside the running content of an earlier statement?
            if let Some(prev) = found.last()
                && !prev.content_first
                && a >= prev.content.0
                && !boundary_between(prep, lex, prev.cue_tok, a)
                && !prev.relay
                && !answers_topic
            {
                return None;
            }
            let mut f = base(speaker, a, self.content_start(prep, lex, hit));
            if let Some((content, extra)) = content_before(prep, lex, a, hit.last) {
                f.content = content;
                f.content_first = true;
                f.extra = extra;
            }
            return Some(f);
        }
        // Coordinated: "… và nói rằng", "…, kêu gọi".
        if let Some(prev) = found.last()
            && after_aux > 0
            && (prep.toks[after_aux - 1].folded == "và"
                || prep.toks[after_aux - 1].folded == "and"
                || prep.is_punct(after_aux - 1, ","))
            && prev.speaker.is_some()
            && hit.first > prev.cue_tok
            && (hit.last..prep.toks.len()).filter(|&i| prep.toks[i].word).count() >= 2
            && (!prev.content_first
                // "\"…,\" she said, asking …": right after the speaker and cue.
                || hit.first - prev.cue_tok <= 5 && !(prev.cue_tok..hit.first).any(|i| prep.is_punct(i, "\"")))
        {
            let speaker = prev.speaker.clone()?;
            let mut f = base(speaker, after_aux - 1, self.content_start(prep, lex, hit));
            f.via = prev.via.clone();
            return Some(f);
        }
        // Subordinate clause: "Azerbaijan … sau khi cáo buộc …".
        if let Some(k) = prep.phrase_ending_at(after_aux, &|w| lex.subordinators.iter().any(|s| s == w))
            && found.is_empty()
        {
            let start = clause_start(prep, lex, after_aux - k);
            if let Some((a, b)) = self.np_after(prep, lex, start)
                && b <= after_aux - k
                && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
                && has_mention(prep, a, b)
            {
                return Some(base(speaker, after_aux - k, self.content_start(prep, lex, hit)));
            }
            // "… sau khi James Mattis, Bộ trưởng Quốc phòng Mỹ, thăm Nhật Bản và nói …":
            // the subject that follows the last subordinator before the clause.
            let opener = (0..after_aux - k).rev().take(30).find_map(|i| {
                let len = prep.phrase_starting_at(i, &|w| lex.subordinators.iter().any(|s| s == w))?;
                (!lex.coordinators.contains(prep.toks[i].folded)).then_some(i + len)
            });
            if let Some(o) = opener
                && let Some((a, b)) = self.np_after(prep, lex, o)
                && b <= after_aux - k
                && (a..b).any(|i| prep.toks[i].cap)
                && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
                && (has_mention(prep, a, b) || speaker.person)
            {
                return Some(base(speaker, after_aux - k, self.content_start(prep, lex, hit)));
            }
        }
        // Apposition: "Nga, quốc gia bảo lãnh …, lên án".
        if after_aux > 0 && prep.is_punct(after_aux - 1, ",") {
            let seg_start = (0..after_aux - 1).rev().find(|&i| prep.is_punct(i, ","));
            // "The county clerk, James Whitfield, rejected": the name between the commas.
            if let Some(c) = seg_start
                && after_aux - 1 - c <= 6
                && (c + 1..after_aux - 1).all(|i| {
                    prep.toks[i].word && (prep.toks[i].cap || prep.mention_at[i].is_some())
                        || prep.is_punct(i, ".") && i > c + 1
                })
                && let Some(speaker) = self.resolve_np(prep, lex, memory, c + 1, after_aux - 1)
            {
                let start = self.np_before(prep, lex, c).map_or(c + 1, |(a, _)| a);
                let mut speaker = speaker;
                speaker.mention = prep.span(start, after_aux - 1).to_string();
                return Some(base(speaker, start, self.content_start(prep, lex, hit)));
            }
            // A long apposition only after a name that opens the sentence
            // ("Agnès Callamard, a UN rapporteur for … who had investigated the case, cautioned").
            let opening_name = seg_start.is_some_and(|c| {
                c > 1 && c <= 4 && (0..c).all(|i| prep.toks[i].word && prep.toks[i].cap)
                    || memory.persons.iter().any(|&((_, y), _)| y == c)
            });
            if let Some(c) = seg_start
                && (after_aux - 1 - c <= 15 || opening_name && after_aux - 1 - c <= 30)
                && !prep.cues.iter().any(|h| h.first > c && h.first < after_aux)
                && let Some((a, b)) = self.np_before(prep, lex, c)
                && (has_mention(prep, a, b) || (a..b).any(|i| prep.toks[i].cap && i > 0))
                && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
            {
                let mut f = base(speaker, a, self.content_start(prep, lex, hit));
                if let Some((content, extra)) = content_before(prep, lex, a, hit.last) {
                    f.content = content;
                    f.content_first = true;
                    f.extra = extra;
                }
                return Some(f);
            }
        }
        // A participle after a comma (", saying …"): the subject of the sentence.
        // The subject is the first actor or person the sentence names outside a
        // quotation ("On Thursday, Hatice Cengiz, fiancée of …, addressed reporters in
        // New York, calling for …"), else the phrase that opens the clause.
        if after_aux > 0
            && prep.is_punct(after_aux - 1, ",")
            && prep.toks[hit.first].folded.ends_with("ing")
            && found.is_empty()
            && let Some((a, b)) = self.participle_subject(prep, lex, memory, after_aux - 1)
            && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
        {
            return Some(base(speaker, after_aux - 1, self.content_start(prep, lex, hit)));
        }
        // Inversion: "\"…,\" said Smith" (a finite verb: ", asking X" is no inversion).
        // In Vietnamese only after a quotation ("X phản ứng, tố Mỹ …" is a
        // second verb of X).
        if after_aux > 0
            && !(lex.language == Language::En && prep.toks[hit.first].folded.ends_with("ing"))
            && (lex.language == Language::En
                || prep.is_punct(after_aux - 1, "\"")
                || after_aux > 1 && prep.is_punct(after_aux - 2, "\""))
            && (prep.is_punct(after_aux - 1, ",") || prep.is_punct(after_aux - 1, "\""))
            && let Some((a, b)) = self
                .np_after(prep, lex, hit.last)
                .or_else(|| described_name_after(prep, lex, hit.last))
            && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
        {
            let mut f = base(speaker, hit.first, hit.last);
            let end = (0..hit.first)
                .rev()
                .find(|&i| prep.is_punct(i, ","))
                .unwrap_or(hit.first);
            f.content = (0, end);
            f.content_first = true;
            f.extra = trailing_quote(prep, b);
            return Some(f);
        }
        // A light verb between the subject and the cue ("Bộ Ngoại giao đã gửi công
        // hàm tới Ankara với nội dung bác bỏ …", "X đăng đàn phản pháo …"): the
        // subject of the clause speaks.
        let start = clause_start(prep, lex, hit.first);
        if found.last().is_none_or(|p| p.cue_tok < start)
            && let Some((a, b)) = self.np_after(prep, lex, start)
            && b < hit.first
            && b - a <= 8
            && hit.first - b <= 14
            // Words only, or a comma right before the cue ("X phản ứng, tố …").
            && (b..hit.first).all(|i| prep.toks[i].word || i + 1 == hit.first && prep.is_punct(i, ","))
            && !prep.cues.iter().any(|h| h.first >= b && h.first < hit.first)
            && (has_mention(prep, a, b) || (a..b).any(|i| prep.toks[i].cap && i > 0) || {
                let h = after_determiners(prep, lex, a, b);
                prep.phrase_starting_at(h, &|w| {
                    lex.speaker_heads.contains(w) || lex.person_titles.contains_key(w)
                })
                .is_some()
            })
            && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
        {
            return Some(base(speaker, a, self.content_start(prep, lex, hit)));
        }
        None
    }

    /// Where the content after a cue starts: after a recipient, a
    /// complementizer (rằng, that) and a colon.
    fn content_start(&self, prep: &Prepared, lex: &Lexicon, hit: &CueHit) -> usize {
        let n = prep.toks.len();
        let mut j = hit.last;
        // "that" after a few words of time or recipient (said Tuesday that,
        // told reporters on Monday that).
        if lex.language == Language::En {
            for k in j..(j + 6).min(n) {
                let t = &prep.toks[k];
                if lex.complementizers.iter().any(|c| c == t.folded) {
                    return k + 1;
                }
                let filler = !t.word && t.folded == ","
                    || t.word
                        && (t.cap
                            || lex.np_words.contains(t.folded)
                            || is_object_pronoun(t.folded)
                            || lex.time_words.contains(t.folded));
                if !filler {
                    break;
                }
            }
        }
        if hit.cue.takes_recipient {
            while j < n
                && prep.toks[j].word
                && (prep.toks[j].cap
                    || lex.np_words.contains(prep.toks[j].folded)
                    || is_object_pronoun(prep.toks[j].folded))
            {
                j += 1;
            }
        }
        // Time words right after the cue (said Tuesday, told them this weekend).
        while j < n && prep.toks[j].word && lex.time_words.contains(prep.toks[j].folded) && lex.language == Language::En
        {
            j += 1;
        }
        if let Some(k) = prep.phrase_starting_at(j, &|w| lex.complementizers.iter().any(|c| c == w)) {
            j += k;
        }
        while j < n && (prep.is_punct(j, ":") || prep.is_punct(j, ",")) {
            j += 1;
        }
        // "đưa thông báo sau cuộc họp: \"…\"": the quotation is the content.
        if let Some(colon) = (j..n.min(j + 15)).find(|&k| prep.is_punct(k, ":"))
            && prep.is_punct(colon + 1, "\"")
        {
            return colon + 1;
        }
        j
    }

    /// A source phrase ending just before token `end`.
    fn np_before(&self, prep: &Prepared, lex: &Lexicon, end: usize) -> Option<(usize, usize)> {
        // "Bà Lê Thị Liên (Tổ phó …) cho biết": the name before a parenthesis.
        if end > 1
            && prep.is_punct(end - 1, ")")
            && let Some(open) = (end.saturating_sub(40)..end - 1).rev().find(|&i| prep.is_punct(i, "("))
            && open > 0
            && !(open + 1..end - 1).any(|i| prep.is_punct(i, "(") || prep.is_punct(i, "\""))
        {
            return self.np_before(prep, lex, open);
        }
        let mut j = end;
        let np_like = |i: usize| -> bool {
            let t = &prep.toks[i];
            t.word
                && !lex.time_words.contains(t.folded)
                && (prep.mention_at[i].is_some()
                    || (t.cap && !sentence_initial_function_word(prep, lex, i))
                    || lex.np_words.contains(t.folded))
        };
        while j > 0 {
            let i = j - 1;
            if let Some(m) = prep.mention_at[i] {
                let start = prep
                    .toks
                    .iter()
                    .position(|t| t.start >= prep.mentions[m].start)
                    .unwrap_or(i);
                j = start.min(i);
                continue;
            }
            if let Some(k) = prep.phrase_ending_at(j, &|w| lex.np_words.contains(w) || lex.pronouns.contains_key(w)) {
                j -= k;
                continue;
            }
            if np_like(i) {
                j -= 1;
                continue;
            }
            // A comma, dash or "và/của/and/of" inside a name list or apposition:
            // a phrase on both sides.
            // A comma joins names only in a list closed by "và"/"and" ("EU, Pháp và
            // Đức"); "Sau những chia sẻ của Bảo Duy, Phi Thanh Vân" is two phrases.
            let list_comma = !prep.is_punct(i, ",")
                || (i + 1..end).any(|k| matches!(prep.toks[k].folded, "và" | "and" | "cùng" | "&"));
            if (!prep.toks[i].word && matches!(prep.toks[i].folded, "," | "-" | "(" | ")")
                || is_connector_word(prep.toks[i].folded))
                && list_comma
                && i > 0
                && i + 1 < end
                && np_like(i - 1)
                && (np_like(i + 1) || prep.mention_at[i + 1].is_some())
            {
                j -= 1;
                continue;
            }
            break;
        }
        let mut a = j;
        // An organisation's name reaches back to its capitalised head noun over
        // lower-case words ("Sở Giao thông vận tải Quảng Ngãi", "Công ty TNHH Giấy").
        if let Some(h) = self.org_name_start(prep, lex, a, end) {
            a = h;
        }
        // A dateline ("HÀ NỘI -", "TP HCM -") is not part of the speaker.
        if let Some(d) = (a..end).find(|&i| prep.is_punct(i, "-"))
            && (0..d).all(|i| prep.toks[i].word && prep.toks[i].cap)
            && d <= 5
        {
            a = a.max(d + 1);
        }
        let mut b = end;
        // Trim connectors at both ends.
        let connector =
            |t: &sentence::Tok| !t.word || ["và", "của", "and", "of", "cùng", "với", "for"].contains(&t.folded);
        while a < b && connector(&prep.toks[a]) {
            a += 1;
        }
        while b > a && connector(&prep.toks[b - 1]) {
            b -= 1;
        }
        if a >= b {
            return self.np_before_english_fallback(prep, lex, end);
        }
        let head = (a..b).any(|i| prep.toks[i].cap || prep.mention_at[i].is_some())
            || lex.pronouns.contains_key(prep.folded_words(a, b).as_ref())
            || (a..b).any(|i| is_speaker_noun(lex, prep.toks[i].folded));
        if !head {
            return self.np_before_english_fallback(prep, lex, end);
        }
        Some((a, b))
    }

    /// The first name of an actor or person before token `end`, outside quotations:
    /// a gazetteer name (not a demonym) or a personal name, with its title.
    /// The subject of a sentence whose participle (", saying …") stands at
    /// `end`: a capitalised name that opens the clause ("On Thursday, Hatice
    /// Cengiz, fiancée of …"), else the first actor or person it names, else
    /// the phrase that opens the clause.
    fn participle_subject(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        end: usize,
    ) -> Option<(usize, usize)> {
        let opening = self.np_after(prep, lex, clause_start(prep, lex, 0));
        let name = opening.filter(|&(a, b)| {
            b <= end
                && b - a >= 2
                && (a..b).all(|i| prep.toks[i].word && prep.toks[i].cap)
                && !(a..b).all(|i| lex.time_words.contains(prep.toks[i].folded))
        });
        let actor = self.first_actor(prep, memory, end);
        match (name, actor) {
            (Some(n), Some(f)) if n.0 <= f.0 => Some(n),
            (n, f) => f.or(n).or(opening),
        }
    }

    fn first_actor(&self, prep: &Prepared, memory: &Memory, end: usize) -> Option<(usize, usize)> {
        let quotes: Vec<usize> = prep.text.match_indices('"').map(|(i, _)| i).collect();
        let quoted = |i: usize| quotes.partition_point(|&q| q < prep.toks[i].start) % 2 == 1;
        let gaz = (0..end).find(|&i| prep.mention_at[i].is_some_and(|m| !prep.mentions[m].demonym) && !quoted(i));
        let person = memory
            .persons
            .iter()
            .map(|&(r, _)| r)
            .find(|&(x, y)| y <= end && !quoted(x));
        let span = |i: usize| {
            let m = prep.mention_at[i]?;
            let last = (i..end).take_while(|&k| prep.mention_at[k] == Some(m)).last()?;
            Some((i, last + 1))
        };
        match (gaz.and_then(span), person) {
            (Some(g), Some(p)) => Some(if g.0 <= p.0 { g } else { p }),
            (g, p) => g.or(p),
        }
    }

    /// The start of an organisation name that ends at `end` and whose
    /// capitalised head noun stands at most six words before `a`.
    fn org_name_start(&self, prep: &Prepared, lex: &Lexicon, a: usize, end: usize) -> Option<usize> {
        if lex.language != Language::Vi || a == 0 || a >= end {
            return None;
        }
        let mut i = a;
        let mut best = None;
        while i > 0 && a - i < 7 && prep.toks[i - 1].word {
            i -= 1;
            // A capitalised head, then the name (its administrative level may come
            // first in lower case: "UBND huyện Đức Hòa", "Tòa án nhân dân TP Thủ Đức").
            if prep.toks[i].cap
                && let Some(k) = prep.phrase_starting_at(i, &|w| lex.organisation_heads.contains(w))
                && i + k < end
                && (i + k..(i + k + 4).min(end)).any(|x| prep.toks[x].cap)
            {
                best = Some(i);
            }
        }
        best
    }

    /// Subjects with common nouns: "the Republican nominee said", "Các nhà
    /// kinh tế cho rằng".
    fn np_before_english_fallback(&self, prep: &Prepared, lex: &Lexicon, end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        if lex.language == Language::Vi {
            // Back to the clause start over words only; the phrase opens with a
            // plural or classifier word (các, những, nhiều, một số, giới), or
            // with the head noun of a speaker (người dân, chủ phương tiện, vị
            // chuyên gia, nguồn tin của …).
            let mut a = end;
            while a > 0 && prep.toks[a - 1].word && end - a < 10 {
                a -= 1;
            }
            let at_clause_start = a == 0
                || (!prep.toks[a - 1].word && !matches!(prep.toks[a - 1].folded, "-" | "/" | "%"))
                || prep.phrase_ending_at(a, &|w| lex.contrast_markers.iter().any(|c| c == w)) == Some(a);
            if !at_clause_start || a == end {
                return None;
            }
            let opens = ["các", "những", "nhiều", "một", "giới", "phần", "đa"].contains(&prep.toks[a].folded);
            if opens && end - a >= 2 {
                return Some((a, end));
            }
            // "Trong khi chủ phương tiện cho rằng": the clause opens after the marker.
            if let Some(k) = prep
                .phrase_starting_at(a, &|w| {
                    lex.contrast_markers.iter().any(|c| c == w) || lex.subordinators.iter().any(|c| c == w)
                })
                .filter(|&k| a + k < end)
            {
                a += k;
            }
            let h = after_determiners(prep, lex, a, end);
            let headed = prep
                .phrase_starting_at(h, &|w| {
                    lex.speaker_heads.contains(w) || lex.person_titles.contains_key(w)
                })
                .is_some_and(|k| h + k <= end);
            let no_clause_inside = !(a..end).any(|i| {
                lex.subordinators.iter().any(|s| s == prep.toks[i].folded)
                    || lex.complementizers.iter().any(|c| c == prep.toks[i].folded)
            });
            return (headed && no_clause_inside && end - a <= 8).then_some((a, end));
        }
        // The words back to the start of the clause: "Experts on North Korea
        // said", "all the experts I interviewed said".
        const BARRIERS: [&str; 20] = [
            "that", "because", "while", "when", "if", "as", "after", "before", "since", "although", "though",
            "whether", "where", "which", "who", "but", "so", "than", "until", "unless",
        ];
        let mut a = end;
        while a > 0 {
            let t = &prep.toks[a - 1];
            let barrier = if t.word {
                BARRIERS.contains(&t.folded)
            } else {
                !matches!(t.folded, "-" | "'" | "’" | "." | "&")
            };
            if barrier || end - a >= 12 {
                break;
            }
            a -= 1;
        }
        if end - a > 12 || a == end {
            return None;
        }
        // A subject holds no finite verb ("the audit was incomplete and").
        const VERBS: [&str; 20] = [
            "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should",
            "may", "might", "must", "did", "does", "do",
        ];
        if (a..end).any(|i| VERBS.contains(&prep.toks[i].folded)) {
            return None;
        }
        // Nor a preposition or a lone quantifier at its start ("Over 1,000
        // rescuers", "Unlike", "Several"), nor a past-tense verb ("the
        // commission refused to …").
        const NOT_SUBJECT_START: [&str; 16] = [
            "with", "over", "unlike", "after", "before", "during", "in", "on", "at", "for", "from", "by", "despite",
            "since", "into", "part",
        ];
        if NOT_SUBJECT_START.contains(&prep.toks[a].folded)
            || (end - a == 1 && lex.determiners.contains(prep.toks[a].folded))
            || (a..end).any(|i| {
                // A past tense with an object ("refused to", "expressed no"); a
                // participle before a preposition ("released on", "hired by") is fine.
                let t = &prep.toks[i];
                let next = prep.toks.get(i + 1).map_or("", |n| n.folded);
                t.word
                    && !t.cap
                    && t.folded.len() > 4
                    && t.folded.ends_with("ed")
                    && i > a
                    && (lex.determiners.contains(next)
                        || matches!(next, "to" | "no" | "that" | "his" | "her" | "their"))
            })
        {
            return None;
        }
        // Not an adverb or a bare verb phrase: the clause must hold a noun-like word.
        let has_noun = (a..end).any(|i| {
            let t = &prep.toks[i];
            t.word
                && (t.cap
                    || lex.np_words.contains(t.folded)
                    || t.folded.chars().any(|c| c.is_ascii_digit())
                    || t.folded.ends_with('s') && !lex.stop_words.contains(t.folded))
        });
        has_noun.then_some((a, end))
    }

    /// A source phrase starting at token `start` (capitals, names, titles).
    fn np_after(&self, prep: &Prepared, lex: &Lexicon, start: usize) -> Option<(usize, usize)> {
        let n = prep.toks.len();
        let mut j = start;
        while j < n {
            let t = &prep.toks[j];
            // Title and head phrases go whole ("Tổng thống", "Bộ trưởng", "người phát ngôn").
            if let Some(k) = prep.phrase_starting_at(j, &|w| {
                lex.np_words.contains(w) || lex.person_titles.contains_key(w) || lex.organisation_heads.contains(w)
            }) {
                j += k;
            } else if t.word
                && (t.cap
                    || prep.mention_at[j].is_some()
                    || lex.np_words.contains(t.folded)
                    || lex.pronouns.contains_key(t.folded))
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut b = j;
        while b > start && ["và", "của", "and", "of", "the", "a"].contains(&prep.toks[b - 1].folded) {
            b -= 1;
        }
        (b > start
            && ((start..b).any(|i| prep.toks[i].cap || prep.mention_at[i].is_some())
                || lex.pronouns.contains_key(prep.folded_words(start, b).as_ref())))
        .then_some((start, b))
    }

    /// "bị X gọi là" (vi) / "was dismissed by X" (en).
    fn passive_agent(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        hit: &CueHit,
        after_aux: usize,
    ) -> Option<(Speaker, usize)> {
        match lex.language {
            Language::Vi => {
                // "bị các doanh nghiệp Mỹ gọi là": the agent between the marker and the cue.
                let marker = (after_aux.saturating_sub(9)..after_aux)
                    .rev()
                    .take_while(|&i| prep.toks[i].word)
                    .find(|&i| lex.passive_markers.contains(prep.toks[i].folded))?;
                if marker + 1 >= after_aux || !hit.cue.passive_only && !has_mention(prep, marker + 1, after_aux) {
                    return None;
                }
                Some((self.resolve_np(prep, lex, memory, marker + 1, after_aux)?, marker))
            }
            Language::En => {
                let by = hit.last;
                // "was dismissed by X", or a participle after a noun: "a proposal rejected by X".
                let marked = after_aux > 0 && lex.passive_markers.contains(prep.toks[after_aux - 1].folded);
                let participle = prep.toks[hit.last - 1].folded.ends_with("ed")
                    && after_aux > 0
                    && prep.toks[after_aux - 1].word
                    && !lex.stop_words.contains(prep.toks[after_aux - 1].folded);
                if !(marked || participle) {
                    return None;
                }
                if !prep
                    .toks
                    .get(by)
                    .is_some_and(|t| lex.passive_agent_markers.contains(t.folded))
                {
                    return None;
                }
                // The agent: words after "by" up to a function word ("by the
                // opposition would…", "by Moscow as…"), at most six.
                let a = by + 1;
                let mut b = a;
                while b < prep.toks.len()
                    && b - a < 6
                    && prep.toks[b].word
                    && (prep.toks[b].cap
                        || !lex.stop_words.contains(prep.toks[b].folded)
                        || ["the", "a", "an"].contains(&prep.toks[b].folded))
                {
                    b += 1;
                }
                if !(a..b).any(|i| !["the", "a", "an"].contains(&prep.toks[i].folded)) {
                    return None;
                }
                Some((
                    self.resolve_np(prep, lex, memory, a, b)?,
                    if marked { after_aux - 1 } else { after_aux },
                ))
            }
        }
    }

    /// "Theo X, …" / "According to X, …" at the start of the sentence:
    /// (speaker, phrase start, token where the rest starts).
    #[allow(clippy::type_complexity)]
    fn leading_according_to(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
    ) -> Option<(Speaker, usize, usize, Option<String>)> {
        let mut i = 0;
        if let Some(k) = prep.phrase_starting_at(0, &|w| lex.contrast_markers.iter().any(|c| c == w)) {
            i = k;
            while prep.is_punct(i, ",") {
                i += 1;
            }
        }
        let (speaker, rest, relayer) = self.according_at(prep, lex, memory, i)?;
        Some((speaker, i, rest, relayer))
    }

    /// "theo X, …", "theo thống kê của X …", "theo như giải thích của X thì …",
    /// "according to X, …" starting at token `i`: the speaker X and the token
    /// where what X says starts. X ends at a comma, at "thì", or (with neither
    /// within 16 tokens) where the name that opens it ends. "according to a
    /// report citing the mayor's office": the office speaks, the report
    /// relays (its name is the third value).
    fn according_at(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        i: usize,
    ) -> Option<(Speaker, usize, Option<String>)> {
        let n = prep.toks.len();
        let mut k = prep.phrase_starting_at(i, &|w| lex.according_to.iter().any(|c| c == w))?;
        if let Some(x) = prep.phrase_starting_at(i, &|w| lex.no_speaker_after_according_to.iter().any(|c| c == w)) {
            // "Theo thống kê của Cục CSGT", "theo như giải thích của X": the owner speaks.
            let of = (i + x..(i + x + 4).min(n))
                .take_while(|&j| prep.toks[j].word)
                .find(|&j| lex.owner_markers.contains(prep.toks[j].folded))?;
            k = of + 1 - i;
        }
        let start = i + k;
        let stop = (start..(start + 16).min(n))
            .find(|&j| prep.is_punct(j, ",") || lex.then_markers.contains(prep.toks[j].folded));
        let (end, rest) = match stop {
            Some(e) => (e, e + 1),
            None => {
                // The name that opens the phrase: a gazetteer name or an
                // organisation or person the sentence introduces.
                let named = prep.mention_at.get(start).copied().flatten().map(|m| {
                    let last = (start..n)
                        .take_while(|&j| prep.mention_at[j] == Some(m))
                        .last()
                        .unwrap_or(start);
                    last + 1
                });
                let entity = memory
                    .orgs
                    .iter()
                    .map(|&(r, _)| r)
                    .chain(memory.persons.iter().map(|&(r, _)| r))
                    .find(|&(x, _)| x == start)
                    .map(|(_, y)| y);
                let e = entity.or(named)?;
                // "Cục X trong dịp Tết …": the name stops at a function word.
                let e = (start + 1..e)
                    .find(|&j| !prep.toks[j].cap && lex.stop_words.contains(prep.toks[j].folded))
                    .unwrap_or(e);
                (e, e)
            }
        };
        if end <= start || rest >= n {
            return None;
        }
        if let Some(c) = (start + 1..end).find(|&c| {
            prep.phrase_starting_at(c, &|w| lex.citing_markers.contains(w))
                .is_some()
        }) && let Some(k) = prep.phrase_starting_at(c, &|w| lex.citing_markers.contains(w))
            && c + k < end
            && let Some(cited) = self.resolve_np(prep, lex, memory, c + k, end)
        {
            let relayer = prep.span(start, c).trim().to_string();
            return Some((cited, rest, Some(relayer)));
        }
        Some((self.resolve_np(prep, lex, memory, start, end)?, rest, None))
    }

    /// "…, theo AFP." / "…, according to X." at the end: (speaker, token of the comma).
    fn trailing_according_to(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Option<(Speaker, usize)> {
        let n = prep.toks.len();
        // The last comma followed by "according to"/"theo" (a relative clause may
        // follow the source: ", according to the survey, which is prepared …").
        let (comma, k) = (1..n).rev().filter(|&j| prep.is_punct(j, ",")).find_map(|j| {
            let k = prep.phrase_starting_at(j + 1, &|w| lex.according_to.iter().any(|c| c == w))?;
            Some((j, k))
        })?;
        if prep
            .phrase_starting_at(comma + 1, &|w| lex.no_speaker_after_according_to.iter().any(|c| c == w))
            .is_some()
        {
            return None;
        }
        let next = (comma + 1 + k..n).find(|&j| prep.is_punct(j, ","));
        // The source ends the sentence, or only a relative clause about it follows.
        if let Some(c) = next
            && prep
                .phrase_starting_at(c + 1, &|w| lex.relative_markers.iter().any(|r| r == w))
                .is_none()
        {
            return None;
        }
        let mut b = next.unwrap_or(n);
        while b > comma + 1 + k && !prep.toks[b - 1].word {
            b -= 1;
        }
        if b <= comma + 1 + k || b - (comma + 1 + k) > 16 {
            return None;
        }
        Some((self.resolve_np(prep, lex, memory, comma + 1 + k, b)?, comma))
    }

    /// A subject at `start` naming an authority ("chính phủ Nhật Bản", "the
    /// defence ministry"): its token range, when it holds an authority noun
    /// and a name (or a pronoun for one).
    fn authority_subject(&self, prep: &Prepared, lex: &Lexicon, start: usize, end: usize) -> Option<(usize, usize)> {
        let mut j = start;
        let limit = end.min(start + 8);
        let mut authority = false;
        while j < limit {
            let t = &prep.toks[j];
            if !t.word {
                break;
            }
            if let Some(k) = prep.phrase_starting_at(j, &|w| lex.authority_nouns.contains(w)) {
                authority = true;
                j += k;
            } else if let Some(k) =
                prep.phrase_starting_at(j, &|w| lex.pronouns.contains_key(w) || lex.np_words.contains(w))
            {
                j += k;
            } else if t.cap || prep.mention_at[j].is_some() {
                j += 1;
            } else {
                break;
            }
        }
        let named = (start..j).any(|i| prep.mention_at[i].is_some() || prep.toks[i].cap)
            || (start..j).any(|i| {
                prep.phrase_starting_at(i, &|w| lex.pronouns.get(w).is_some_and(|r| r == "country"))
                    .is_some()
            });
        (authority && named && j > start).then_some((start, j))
    }

    /// "…, AP reported." at the end: (relayer, token of the comma).
    fn trailing_relay(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Option<(Speaker, usize)> {
        let hit = prep.cues.last().filter(|h| h.cue.relay)?;
        if (hit.last..prep.toks.len()).any(|i| prep.toks[i].word) {
            return None;
        }
        let (a, b) = self.np_before(prep, lex, skip_aux_back(prep, lex, hit.first))?;
        if a == 0 || !prep.is_punct(a - 1, ",") {
            return None;
        }
        let mut speaker = self.resolve_np(prep, lex, memory, a, b)?;
        speaker.media = true;
        Some((speaker, a - 1))
    }

    /// Who a source phrase names.
    fn resolve_np(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory, a: usize, b: usize) -> Option<Speaker> {
        // "(Ảnh VNE) Tuấn nói": a parenthesis closed before the head (a photo
        // credit, an aside) is no part of the speaker's name.
        let a = match (a..b).rev().find(|&i| prep.is_punct(i, ")")) {
            Some(p) if p + 1 < b && (a..p).any(|i| prep.is_punct(i, "(")) && prep.toks[p + 1].word => p + 1,
            _ => a,
        };
        let mention = prep.span(a, b).trim().to_string();
        if mention.is_empty() {
            return None;
        }
        let folded = prep.folded_words(a, b);
        // "vị lãnh đạo nói trên", "vị chuyên gia này": a role noun with a
        // demonstrative names the latest speaker so described, before any pronoun rule.
        let role = RolePhrase::new(prep, lex, a, b);
        let described = |sp: &Speaker| {
            let mut sp = sp.clone();
            sp.mention = mention.clone();
            sp.co.clear();
            sp
        };
        if role.demonstrative
            && let Some(known) = role.latest_speaker(memory)
        {
            return Some(described(known));
        }
        if let Some(refers) = lex.pronouns.get(folded.as_ref()) {
            let at = (memory.si, prep.toks[a].start);
            let from_table = match refers.as_str() {
                "person" => memory
                    .entities
                    .person(lex.pronoun_gender.get(folded.as_ref()).copied(), at),
                "organisation" => memory.entities.organisation(org_head(lex, &folded).as_deref()),
                _ => None,
            };
            if let Some(mut sp) = from_table {
                sp.mention = mention;
                return Some(sp);
            }
            // Unresolved (nothing named before): the pronoun itself.
            let gender = lex.pronoun_gender.get(folded.as_ref()).copied();
            return resolve_pronoun(memory, refers, &mention, gender).or_else(|| {
                Some(Speaker {
                    id: slug(&mention),
                    name: mention.clone(),
                    mention: mention.clone(),
                    kind: (refers == "person").then(|| "person".to_string()),
                    aliases: Vec::new(),
                    person: refers == "person",
                    media: false,
                    co: Vec::new(),
                })
            });
        }
        // A title alone ("bị cáo", "the governor", "doanh nhân này"): the person
        // last introduced with it. A role described as known ("vị chuyên gia", "the
        // expert"): the latest speaker so described, else the person last introduced
        // with that title, else the latest person who spoke.
        if let Some(known) = role.latest_speaker(memory) {
            return Some(described(known));
        }
        if lex.person_titles.contains_key(role.core.as_str())
            && let Some(e) = memory.entities.by_title(&role.core)
        {
            return Some(described(&e.speaker));
        }
        if role.role_noun
            && let Some(known) = memory.speakers.iter().rev().find(|s| s.person)
        {
            return Some(described(known));
        }
        // Names in the phrase, speakers first (a medium only if nothing else).
        let mut speakers: Vec<Speaker> = Vec::new();
        let lo = prep.toks[a].start;
        let hi = prep.toks[b - 1].end;
        for m in prep.mentions.iter().filter(|m| m.start >= lo && m.end <= hi) {
            let sp = self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]);
            if !speakers.iter().any(|s| s.id == sp.id) {
                speakers.push(sp);
            }
        }
        let list = is_list(prep, a, b);
        let primary = speakers.iter().position(|s| !s.media).unwrap_or(0);
        if let Some(first) = speakers.get(primary).cloned() {
            let mut sp = first;
            sp.mention = mention;
            // "Người phát ngôn … Uông Văn Bân", "ông Peskov": a person speaks
            // (for the actor named); pronouns like "ông này" may refer to them.
            let unnamed_caps = (a..b)
                .filter(|&i| {
                    prep.toks[i].cap && prep.mention_at[i].is_none() && !lex.np_words.contains(prep.toks[i].folded)
                })
                .count();
            sp.person |= (a..b).any(|i| is_person_title(prep.toks[i].folded)) || unnamed_caps >= 2;
            if list {
                sp.co = speakers
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| *i != primary)
                    .map(|(_, s)| s)
                    .collect();
            }
            return Some(sp);
        }
        // An organisation named in the phrase ("Công ty TNHH Minh Phát", "Sở Giao thông
        // vận tải Quảng Ngãi"): the one the entity table holds.
        if let Some(&((x, y), _)) = memory.orgs.iter().find(|((x, y), _)| *x >= a && *y <= b)
            && let Some(e) = memory.entities.by_name(&fold_case(prep.span(x, y)))
        {
            let mut sp = e.speaker.clone();
            sp.mention = mention;
            return Some(sp);
        }
        // A person named inside the phrase ("Chủ tịch UBND phường Yên Hòa Nguyễn Thị
        // Bích Vân", "VFF Đoàn Minh Triết"): that person speaks.
        if let Some(&((x, y), _)) = memory.persons.iter().rfind(|((x, y), _)| *x >= a && *y <= b && *x > a) {
            let folded_name = fold_case(prep.span(x, y));
            let mut sp = match memory.entities.by_name(&folded_name) {
                Some(e) => e.speaker.clone(),
                None => Speaker::found(prep.span(x, y), "", true),
            };
            sp.mention = mention;
            return Some(sp);
        }
        // An unknown name: its capitalised words; a generic one: the phrase.
        // Capitalised words, less a sentence-initial generic phrase ("Chủ tịch phường").
        let mut generic_until = a;
        if a == 0 || (a == 1 && !prep.toks[0].word) {
            while let Some(k) = prep.phrase_starting_at(generic_until, &|w| {
                lex.np_words.contains(w)
                    || lex.speaker_heads.contains(w)
                    || lex.person_titles.contains_key(w)
                    || lex.determiners.contains(w)
            }) {
                generic_until += k;
            }
        }
        let caps: Vec<usize> = (a..b)
            .filter(|&i| i >= generic_until && prep.toks[i].cap && !lex.np_words.contains(prep.toks[i].folded))
            .collect();
        let name = match (caps.first(), caps.last()) {
            (Some(&f), Some(&l)) => prep.span(f, l + 1).to_string(),
            _ => mention.clone(),
        };
        let person = (a..b)
            .any(|i| is_person_title(prep.toks[i].folded) || lex.person_titles.contains_key(prep.toks[i].folded))
            || caps.len() >= 2;
        // A name introduced before: the full name again, or its last word alone
        // ("Liên" after "Lê Thị Liên", "Price" after "Ellen Price").
        if !caps.is_empty() {
            let folded_name = fold_case(&name);
            if let Some(e) = memory.entities.by_name(&folded_name)
                && (e.kind == EntityKind::Person || caps.len() >= 2 || !person)
            {
                let mut sp = e.speaker.clone();
                sp.mention = mention;
                return Some(sp);
            }
        }
        // A surname alone after the full name ("Lopez" after "Maria Lopez").
        if caps.len() == 1
            && let Some(known) = memory.surnames.get(&name).map(|&i| &memory.speakers[i])
        {
            let mut sp = known.clone();
            sp.mention = mention;
            sp.co.clear();
            return Some(sp);
        }
        Some(Speaker {
            id: slug(&name),
            name,
            mention,
            kind: person.then(|| "person".to_string()),
            aliases: Vec::new(),
            person,
            media: (a..b).any(|i| is_media_word(prep.toks[i].folded)),
            co: Vec::new(),
        })
    }

    // -----------------------------------------------------------------------
    // Writing statements out

    fn emit(
        &self,
        out: &mut Extraction,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &mut Memory,
        f: Found,
        here: &Here,
    ) -> bool {
        let article = out.article.as_ref().map(|a| a.id.clone()).unwrap_or_default();
        let (si, s, normalized, lang) = (here.si, here.sentence, here.normalized, here.lang);
        let sentence_text = here.text();
        let (ca, cb) = f.content;
        let mut content = prep.span(ca, cb).trim().to_string();
        if let Some((ea, eb)) = f.extra {
            content = format!("{content} {}", prep.span(ea, eb).trim());
        }
        let span = if ca < cb && cb <= prep.toks.len() {
            let (a, b) = (prep.toks[ca].start, prep.toks[cb - 1].end);
            normalized.original_span(s.start + a, s.start + b)
        } else {
            normalized.original_span(s.start, s.end)
        };
        let mut kind = f.kind;
        let falsity = find_phrase(&fold_case(&content), self.tables(lang));
        if falsity.is_some() {
            kind = Kind::Denial;
        }
        let next_id = |out: &Extraction| format!("{article}/s{}", out.statements.len() + 1);

        // A denial with nothing after it denies what came just before.
        if content.is_empty() && kind == Kind::Denial {
            let Some(prev) = out.statements.iter().rposition(|p| {
                p.sentence.is_some_and(|x| x + 1 >= si) && p.source != f.speaker.as_ref().map(|s| s.id.clone())
            }) else {
                return false;
            };
            content = out.statements[prev].text.clone();
            let id = self.push(
                out,
                memory,
                &f,
                here,
                New {
                    speaker: f.speaker.clone(),
                    kind,
                    content,
                    span,
                    mentioned: Vec::new(),
                    target: None,
                },
            );
            let denied = out.statements[prev].id.clone();
            let reason = format!(
                "{} rejects (\"{}\") what was reported just before it: \"{}\"",
                f.speaker.as_ref().map_or("the article", |s| s.name.as_str()),
                f.cue,
                truncate(&out.statements[prev].text, 80)
            );
            out.relations.push(Relation {
                from: id,
                to: denied,
                kind: RelationType::Denies,
                confidence: Some(0.8),
                reason: Some(reason),
            });
            return true;
        }
        if content.is_empty() {
            content = sentence_text.trim().to_string();
        }
        let mentioned = self.content_mentions(prep, lex, memory, ca, cb, f.speaker.as_ref());

        // Reciprocal blame: "A và B đổ lỗi cho nhau".
        if let Some(sp) = &f.speaker
            && !sp.co.is_empty()
            && starts_with_phrase(&fold_case(&content), &lex.reciprocal)
        {
            // The content reads from the cue: "đổ lỗi cho nhau về …".
            let from_cue = prep.toks.get(f.cue_tok).map_or(0, |t| t.start);
            let end = prep.toks.get(cb.saturating_sub(1)).map_or(prep.text.len(), |t| t.end);
            let content = prep.text[from_cue..end.max(from_cue)].trim().to_string();
            let mut a = sp.clone();
            a.co.clear();
            let b = sp.co[0].clone();
            // Each accuses the other.
            let [ida, idb] = [(&a, &b), (&b, &a)].map(|(accuser, accused)| {
                let id = self.push(
                    out,
                    memory,
                    &f,
                    here,
                    New {
                        speaker: Some(accuser.clone()),
                        kind: Kind::Accusation,
                        content: content.clone(),
                        span,
                        mentioned: vec![accused.id.clone()],
                        target: Some(accused.id.clone()),
                    },
                );
                if let Some(m) = out.meta.last_mut() {
                    m.reciprocal = true;
                }
                id
            });
            out.relations.push(Relation {
                from: idb,
                to: ida,
                kind: RelationType::Disputes,
                confidence: Some(0.9),
                reason: Some(format!(
                    "reciprocal blame (\"{} … {}\"): {} and {} each blame the other",
                    f.cue,
                    content.split_whitespace().take(2).collect::<Vec<_>>().join(" "),
                    a.name,
                    b.name
                )),
            });
            return true;
        }

        // A denial of a reported claim: the claim becomes an implicit statement.
        let implicit = self.reported_claim(prep, lex, &f, kind, falsity.as_deref());
        let target = if kind == Kind::Claim {
            None
        } else {
            mentioned
                .iter()
                .find(|m| Some(*m) != f.speaker.as_ref().map(|s| &s.id))
                .cloned()
        };
        let id = self.push(
            out,
            memory,
            &f,
            here,
            New {
                speaker: f.speaker.clone(),
                kind,
                content,
                span,
                mentioned,
                target,
            },
        );
        if let Some((claim, claim_span, claim_source, noun)) = implicit {
            let iid = next_id(out);
            let mut st = Statement::new(iid.clone(), claim_source.as_ref().map(|s| s.id.clone()), claim.clone());
            st.article = Some(article.clone());
            st.sentence = Some(si);
            st.kind = Kind::Claim;
            st.implicit = true;
            st.quote = Some(sentence_text.to_string());
            st.source_mention = claim_source.as_ref().map(|s| s.mention.clone());
            st.span = claim_span.map(|(a, b)| normalized.original_span(s.start + a, s.start + b));
            if let Some(cs) = &claim_source {
                register_actor(out, cs);
            }
            out.statements.push(st);
            out.meta.push(Meta {
                language: Some(lang),
                contrast: None,
                mentioned: self.mentioned_ids(prep, 0, prep.toks.len()),
                co_sources: Vec::new(),
                reciprocal: false,
            });
            let who = claim_source
                .as_ref()
                .map_or_else(|| "unnamed reports".to_string(), |s| s.name.clone());
            let denier = f.speaker.as_ref().map_or("the article", |s| s.name.as_str());
            let reason = match &falsity {
                Some(p) => format!(
                    "{denier} says the \"{noun}\" of {who} that \"{}\" is \"{p}\"",
                    truncate(&claim, 80)
                ),
                None => format!(
                    "{denier} rejects (\"{}\") the \"{noun}\" of {who} that \"{}\"",
                    f.cue,
                    truncate(&claim, 80)
                ),
            };
            out.relations.push(Relation {
                from: id,
                to: iid,
                kind: RelationType::Denies,
                confidence: Some(0.9),
                reason: Some(reason),
            });
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    /// Writes out one statement; returns its id.
    fn push(&self, out: &mut Extraction, memory: &mut Memory, f: &Found, here: &Here, new: New) -> String {
        let New {
            speaker,
            kind,
            content,
            span,
            mentioned,
            target,
        } = new;
        let article = out.article.as_ref().map(|a| a.id.clone());
        let id = format!("{}/s{}", article.as_deref().unwrap_or(""), out.statements.len() + 1);
        let mut st = Statement::new(id.clone(), speaker.as_ref().map(|s| s.id.clone()), content);
        st.article = article;
        st.sentence = Some(here.si);
        st.kind = kind;
        st.cue = Some(f.cue.clone());
        st.source_mention = speaker.as_ref().map(|s| s.mention.clone());
        st.target = target;
        st.via = f.via.clone();
        st.quote = Some(here.text().to_string());
        st.span = Some(span);
        let mut co_sources = Vec::new();
        if let Some(sp) = &speaker {
            register_actor(out, sp);
            for c in &sp.co {
                register_actor(out, c);
                co_sources.push(c.id.clone());
            }
            st.co_sources = co_sources.clone();
            if sp.person
                && let Some((_, surname)) = sp.name.rsplit_once(' ')
            {
                memory.surnames.insert(surname.to_string(), memory.speakers.len());
            }
            memory.speakers.push(sp.clone());
            let at = (here.si, 0);
            let kind_is = |k: &str| sp.kind.as_deref() == Some(k);
            if sp.person {
                let lex = self.lexicons.get(here.lang);
                let gender = lex.pronoun_gender.get(fold_case(&sp.mention).as_str()).copied();
                memory.entities.note(sp, EntityKind::Person, gender, at, None, false);
            } else if !kind_is("country") && !sp.media {
                let lex = self.lexicons.get(here.lang);
                let head = org_head(lex, &fold_case(&sp.name));
                if head.is_some() || kind_is("organisation") {
                    memory
                        .entities
                        .note(sp, EntityKind::Organisation, None, at, head, false);
                }
            }
        }
        out.statements.push(st);
        out.meta.push(Meta {
            language: Some(here.lang),
            contrast: here.contrast.clone(),
            mentioned,
            co_sources,
            reciprocal: false,
        });
        id
    }

    /// Actors named in the content, with "nước này"/"it" resolved to the
    /// nearest country named before it in the sentence or the article.
    fn content_mentions(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        a: usize,
        b: usize,
        speaker: Option<&Speaker>,
    ) -> Vec<String> {
        let mut ids = self.mentioned_ids(prep, a, b);
        // People and organisations of the article named in the content.
        for &((x, y), _) in &memory.persons {
            if x >= a && y <= b {
                let folded = fold_case(prep.span(x, y));
                let id = memory
                    .entities
                    .by_name(&folded)
                    .map_or_else(|| slug(prep.span(x, y)), |e| e.speaker.id.clone());
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        for i in a..b.min(prep.toks.len()) {
            let t = &prep.toks[i];
            if t.word
                && t.cap
                && prep.mention_at[i].is_none()
                && let Some(e) = memory.entities.by_name(t.folded)
                && !ids.contains(&e.speaker.id)
            {
                ids.push(e.speaker.id.clone());
            }
        }
        // Only when the sentence holds a pronoun for a country at all.
        let country_pronoun = lex
            .pronouns
            .iter()
            .any(|(w, r)| r == "country" && prep.folded.contains(w.as_str()));
        for i in (a..b.min(prep.toks.len())).filter(|_| country_pronoun) {
            if prep
                .phrase_starting_at(i, &|w| lex.pronouns.get(w).is_some_and(|r| r == "country"))
                .is_none()
            {
                continue;
            }
            let pos = prep.toks[i].start;
            let in_sentence = prep
                .mentions
                .iter()
                .filter(|m| m.end <= pos)
                .map(|m| self.gazetteer.entry(self.gazetteer.speaker(m.entry)))
                .rfind(|e| {
                    e.kind.as_deref() == Some("country") && speaker.is_none_or(|s| !s.co.iter().any(|c| c.id == e.id))
                })
                .map(|e| e.id.clone());
            let resolved = in_sentence.or_else(|| memory.last_country.as_ref().map(|s| s.id.clone()));
            if let Some(id) = resolved
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        ids
    }

    /// "tuyên bố của phía Y nói rằng P là sai sự thật", "bác bỏ các thông tin
    /// rằng P", "denied Y's allegations that P": (P, its byte span in the
    /// sentence, its source, the reported noun).
    #[allow(clippy::type_complexity)]
    fn reported_claim(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        f: &Found,
        kind: Kind,
        falsity: Option<&str>,
    ) -> Option<(String, Option<(usize, usize)>, Option<Speaker>, String)> {
        if kind != Kind::Denial {
            return None;
        }
        let (ca, cb) = f.content;
        // The first complementizer in the content, after a reported noun.
        // Or, within a few words of the noun, "về" / "about" / "of" ("tin của Al
        // Jazeera về cái chết của …", "denied reports of a second blast").
        let comp = (ca..cb)
            .find(|&i| lex.complementizers.iter().any(|c| c == prep.toks[i].folded) && i > ca)
            .or_else(|| {
                (ca + 1..cb.min(ca + 12)).find(|&i| {
                    lex.about_markers.contains(prep.toks[i].folded)
                        && lex
                            .reported_nouns
                            .iter()
                            .any(|n| prep.folded_words(ca, i).contains(n.as_str()))
                })
            })?;
        let noun_part = prep.folded_words(ca, comp);
        let noun = lex
            .reported_nouns
            .iter()
            .filter(|n| noun_part.contains(n.as_str()))
            .max_by_key(|n| n.len())?
            .clone();
        // The claim: after the complementizer, up to the falsity phrase (and its copula).
        let mut end = cb;
        if let Some(fp) = falsity {
            let fp_words = fp.split_whitespace().count();
            if let Some(pos) = (comp + 1..cb).find(|&i| prep.folded_words(i, (i + fp_words).min(cb)) == fp) {
                end = pos;
                // Back over "là (hoàn toàn)", "is (completely)", "were".
                while end > comp + 1 {
                    let w = prep.toks[end - 1].folded;
                    if [
                        "là",
                        "hoàn",
                        "toàn",
                        "is",
                        "are",
                        "was",
                        "were",
                        "completely",
                        "totally",
                        "entirely",
                        "hoàn toàn",
                    ]
                    .contains(&w)
                        || !prep.toks[end - 1].word
                    {
                        end -= 1;
                    } else {
                        break;
                    }
                }
            }
        }
        let start = comp + 1;
        if start >= end {
            return None;
        }
        let claim = prep.span(start, end).trim().to_string();
        if claim.split_whitespace().count() < 2 {
            return None;
        }
        let span = Some((prep.toks[start].start, prep.toks[end - 1].end));
        // Whose claim: a name in the noun part other than the denier.
        let denier = f.speaker.as_ref().map(|s| s.id.clone());
        let lo = prep.toks[ca].start;
        let hi = prep.toks[comp].start;
        let source = prep
            .mentions
            .iter()
            .filter(|m| m.start >= lo && m.end <= hi)
            .map(|m| {
                let mut sp = self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]);
                // Keep "phía Azerbaijan", "Y's" as written.
                sp.mention = prep.text[m.start..m.end].to_string();
                sp
            })
            .find(|sp| Some(&sp.id) != denier.as_ref());
        Some((claim, span, source, noun))
    }
}

/// The inside of a sentence that is one quotation (and nothing else).
fn pure_quote(sentence: &str) -> Option<&str> {
    let t = sentence.trim();
    let body = t.strip_prefix('"')?;
    let end = body.rfind('"')?;
    let after = &body[end + 1..];
    if body[..end].contains('"') || after.chars().any(char::is_alphanumeric) {
        return None;
    }
    let inner = body[..end].trim();
    (!inner.is_empty()).then_some(inner)
}

/// A speaker phrase read as a title or a role ("bị cáo", "vị lãnh đạo nói trên",
/// "the expert"): its words without determiners, classifier or demonstrative.
struct RolePhrase {
    /// The words after the determiners, before a demonstrative ("lãnh đạo").
    core: String,
    /// The core is a role noun (a speaker head, not an organisation's) made
    /// definite by "vị", "the" or a demonstrative.
    role_noun: bool,
    /// A demonstrative ends the phrase ("này", "nói trên").
    demonstrative: bool,
    /// The role noun itself, after a classifier.
    role: String,
}

impl RolePhrase {
    fn new(prep: &Prepared, lex: &Lexicon, a: usize, b: usize) -> RolePhrase {
        let x = after_determiners(prep, lex, a, b);
        let mut y = b;
        while y > x && matches!(prep.toks[y - 1].folded, "này" | "ấy" | "đó" | "nói" | "trên") {
            y -= 1;
        }
        let classifier = prep.toks.get(x).is_some_and(|t| t.folded == "vị") && x + 1 < y;
        // Definite: a classifier for a respected person (vị), "the", or a demonstrative.
        let marked = (a..x).any(|i| matches!(prep.toks[i].folded, "vị" | "the"));
        let rx = if classifier { x + 1 } else { x };
        let role = prep.folded_words(rx, y).into_owned();
        let role_noun = (classifier || y < b || marked)
            && (rx..y).all(|i| !prep.toks[i].cap || i == a)
            && lex.speaker_heads.contains(role.as_str())
            && !lex.organisation_heads.contains(role.as_str());
        RolePhrase {
            core: prep.folded_words(x, y).into_owned(),
            role_noun,
            demonstrative: y < b,
            role,
        }
    }

    /// The latest speaker whose words named this role ("lãnh đạo VFF" for "vị lãnh đạo").
    fn latest_speaker<'m>(&self, memory: &'m Memory) -> Option<&'m Speaker> {
        if !self.role_noun {
            return None;
        }
        memory
            .speakers
            .iter()
            .rev()
            .find(|s| fold_case(&s.mention).contains(self.role.as_str()))
    }
}

/// A new claim of the same source as statement `prev` (a quotation or a "Theo
/// đó, …" sentence that goes on with it); returns its index.
fn follow_on(out: &mut Extraction, prev: usize, text: String, si: usize, span: [usize; 2], quote: &str) -> usize {
    let article = out.article.as_ref().map(|a| a.id.as_str()).unwrap_or_default();
    let mut st = out.statements[prev].clone();
    st.id = format!("{article}/s{}", out.statements.len() + 1);
    st.text = text;
    st.kind = Kind::Claim;
    st.implicit = false;
    st.sentence = Some(si);
    st.span = Some(span);
    st.quote = Some(quote.to_string());
    let meta = out.meta[prev].clone();
    out.statements.push(st);
    out.meta.push(meta);
    out.statements.len() - 1
}

fn register_actor(out: &mut Extraction, sp: &Speaker) {
    out.actors.entry(sp.id.clone()).or_insert_with(|| Actor {
        id: sp.id.clone(),
        name: sp.name.clone(),
        aliases: sp.aliases.clone(),
        kind: sp.kind.clone(),
    });
}

fn resolve_pronoun(memory: &Memory, refers: &str, mention: &str, gender: Option<Gender>) -> Option<Speaker> {
    let found = match refers {
        "person" => memory
            .speakers
            .iter()
            .rev()
            .find(|s| s.person && memory.entities.gender_agrees(&s.id, gender))
            .cloned(),
        "country" => memory.last_country.clone().or_else(|| {
            memory
                .speakers
                .iter()
                .rev()
                .find(|s| s.kind.as_deref() == Some("country"))
                .cloned()
        }),
        "group" => memory.speakers.iter().rev().find(|s| !s.person).cloned(),
        _ => memory.speakers.last().cloned(),
    };
    found.map(|mut s| {
        s.mention = mention.to_string();
        s.co.clear();
        s
    })
}

/// Tokens back from `end` over auxiliaries (đã, cũng, also, has).
fn skip_aux_back(prep: &Prepared, lex: &Lexicon, end: usize) -> usize {
    let mut j = end;
    while let Some(k) = prep.phrase_ending_at(j, &|w| lex.auxiliaries.contains(w)) {
        j -= k;
    }
    j
}

/// A clause boundary (";", ", nhưng", ", but") between two tokens.
fn boundary_between(prep: &Prepared, lex: &Lexicon, a: usize, b: usize) -> bool {
    (a..b).any(|i| {
        prep.is_punct(i, ";")
            || (prep.is_punct(i, ",")
                && prep
                    .phrase_starting_at(i + 1, &|w| lex.contrast_markers.iter().any(|c| c == w))
                    .is_some())
            // ", and he accused …": a coordinator, then the new subject at `b`.
            || (prep.is_punct(i, ",")
                && prep
                    .phrase_starting_at(i + 1, &|w| lex.coordinators.contains(w))
                    .is_some_and(|k| i + 1 + k == b))
    })
}

/// "… tweeted former thinktank executive Ken Gude": a few lower-case words
/// of description, then a capitalised name to the end of the clause.
fn described_name_after(prep: &Prepared, lex: &Lexicon, start: usize) -> Option<(usize, usize)> {
    let n = prep.toks.len();
    let first_cap = (start..n.min(start + 6))
        .take_while(|&i| prep.toks[i].word)
        .find(|&i| prep.toks[i].cap)?;
    if (start..first_cap).any(|i| lex.stop_words.contains(prep.toks[i].folded) && prep.toks[i].folded != "the") {
        return None;
    }
    let end = (first_cap..n)
        .take_while(|&i| prep.toks[i].word && prep.toks[i].cap)
        .last()?
        + 1;
    ((end..n).all(|i| !prep.toks[i].word)).then_some((start, end))
}

/// The start of the clause that contains token `i`.
fn clause_start(prep: &Prepared, lex: &Lexicon, i: usize) -> usize {
    let mut j = i;
    // A fronted adverbial ("Ở một diễn biến có liên quan trước đó, …"): its comma.
    let adverbial_end = prep
        .phrase_starting_at(0, &|w| lex.adverbial_openers.iter().any(|c| c == w))
        .and_then(|_| (1..prep.toks.len().min(16)).find(|&c| prep.is_punct(c, ",")));
    while j > 0 {
        if prep.is_punct(j - 1, ";") || prep.is_punct(j - 1, ":") {
            break;
        }
        if prep.is_punct(j - 1, ",") {
            // A comma after an opening phrase (Trong khi đó, Về phần mình) starts the clause.
            let opener = prep.phrase_starting_at(0, &|w| lex.contrast_markers.iter().any(|c| c == w));
            if opener.is_some_and(|k| k + 1 == j) || j - 1 <= 4 || adverbial_end == Some(j - 1) {
                break;
            }
        }
        j -= 1;
    }
    j
}

/// "CONTENT, SOURCE CUE [short tail]." → the content before the source,
/// and a second part of the quotation after the cue (", \"B.\"").
#[allow(clippy::type_complexity)]
fn content_before(
    prep: &Prepared,
    lex: &Lexicon,
    np_start: usize,
    cue_end: usize,
) -> Option<((usize, usize), Option<(usize, usize)>)> {
    if np_start == 0 {
        return None;
    }
    let mut before = np_start - 1;
    // "\"…\" - bà Thủy cho hay": a dash after the closing quotation mark.
    if prep.is_punct(before, "-") && before > 0 && prep.is_punct(before - 1, "\"") {
        before -= 1;
    }
    let quote_closed = prep.is_punct(before, "\"");
    if !(prep.is_punct(before, ",") || quote_closed) {
        return None;
    }
    // The tail after the cue: a few words, then the end, a second quotation,
    // or another cue after a comma (", adding that …").
    let extra = trailing_quote(prep, cue_end);
    let next_cue = prep
        .cues
        .iter()
        .find(|h| h.first > cue_end && h.first > 0 && prep.is_punct(h.first - 1, ","))
        .map(|h| h.first - 1);
    let tail_end = extra
        .map(|(a, _)| a.saturating_sub(1))
        .or(next_cue)
        .unwrap_or(prep.toks.len());
    let tail: Vec<&sentence::Tok> = prep.toks[cue_end..tail_end.max(cue_end)].iter().collect();
    let tail_words = tail.iter().filter(|t| t.word).count();
    let has_content = tail.iter().any(|t| {
        (!t.word && matches!(t.folded, ":" | "\""))
            || (t.word && lex.complementizers.iter().any(|c| c == t.folded) && lex.language == Language::En)
    });
    // A sentence that opens with the quotation closed right before its speaker
    // ("\"…,\" Clinton said to cheers from …"): the quotation, whatever the tail.
    let opens_quoted = quote_closed && prep.is_punct(0, "\"");
    if tail_words > 8 && !opens_quoted || has_content {
        return None;
    }
    let mut end = before;
    if !quote_closed && end > 0 && prep.is_punct(end - 1, "\"") {
        end -= 1;
    }
    // Without quotation marks, a few words before the comma are a fronted
    // adverbial ("Mấy ngày qua, người dân … phản bác"), not what was said.
    if !quote_closed
        && !prep.is_punct(before.saturating_sub(1), "\"")
        && ((0..end).filter(|&i| prep.toks[i].word).count() < 4
            || prep
                .phrase_starting_at(0, &|w| lex.adverbial_openers.iter().any(|o| o == w))
                .is_some())
    {
        return None;
    }
    // "… is no mystery: \"I love depreciation,\" he said": only the quotation.
    let start = if quote_closed {
        (0..before)
            .rev()
            .find(|&i| prep.is_punct(i, "\""))
            .map_or(0, |open| open + 1)
    } else {
        0
    };
    (end > start).then_some(((start, end), extra))
}

/// After token `from`: ", \"…\"" up to the end of the sentence → the quote's tokens.
fn trailing_quote(prep: &Prepared, from: usize) -> Option<(usize, usize)> {
    let n = prep.toks.len();
    let mut j = from;
    while j < n && prep.toks[j].word && j - from < 12 {
        j += 1;
    }
    if !(prep.is_punct(j, ",") && prep.is_punct(j + 1, "\"")) {
        return None;
    }
    let start = j + 2;
    let mut end = n;
    while end > start && !prep.toks[end - 1].word {
        end -= 1;
    }
    (end > start).then_some((start, end))
}

/// Strips punctuation, quotes and a leading complementizer from content.
fn trim_content(prep: &Prepared, lex: &Lexicon, c: &mut (usize, usize)) {
    let (mut a, mut b) = *c;
    b = b.min(prep.toks.len());
    loop {
        if a < b && !prep.toks[a].word && !matches!(prep.toks[a].folded, "(" | "[") {
            a += 1;
        } else if let Some(k) = (a < b)
            .then(|| prep.phrase_starting_at(a, &|w| lex.complementizers.iter().any(|x| x == w)))
            .flatten()
            .filter(|&k| a + k < b && lex.language == Language::Vi)
        {
            a += k;
        } else {
            break;
        }
    }
    // Back over punctuation and a dangling contrast marker or coordinator (", nhưng", ", and").
    loop {
        if b > a && !prep.toks[b - 1].word && !matches!(prep.toks[b - 1].folded, ")" | "]" | "%") {
            b -= 1;
        } else if let Some(k) = prep
            .phrase_ending_at(b, &|w| {
                lex.contrast_markers.iter().any(|m| m == w) || lex.coordinators.contains(w)
            })
            .filter(|&k| b - k > a && !prep.toks[b - k - 1].word)
        {
            b -= k;
        } else {
            break;
        }
    }
    *c = (a, b);
}

/// A contrast marker at the start of the sentence.
fn opening_contrast(prep: &Prepared, lex: &Lexicon) -> Option<String> {
    let k = prep.phrase_starting_at(0, &|w| lex.contrast_markers.iter().any(|c| c == w))?;
    Some(prep.span(0, k).to_string())
}

/// The longest falsity phrase in a folded text, on whole words.
fn find_phrase(folded: &str, tables: &Tables) -> Option<String> {
    tables
        .falsity
        .find_overlapping_iter(folded)
        .filter(|m| sentence::word_bounded(folded, m.start(), m.end()))
        .map(|m| &tables.falsity_phrases[m.pattern().as_usize()])
        .max_by_key(|p| p.len())
        .cloned()
}

fn starts_with_phrase(folded: &str, phrases: &[String]) -> bool {
    let words: Vec<&str> = folded.split_whitespace().take(4).collect();
    let head = words.join(" ");
    phrases.iter().any(|p| head == *p || head.starts_with(&format!("{p} ")))
}

/// The organisation head noun a folded name opens with ("công ty", "ministry"),
/// or ends with in English ("the health ministry").
fn org_head(lex: &Lexicon, folded: &str) -> Option<String> {
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| !lex.determiners.contains(*w) && *w != "này")
        .collect();
    for k in (1..=words.len().min(3)).rev() {
        let first = words[..k].join(" ");
        if lex.organisation_heads.contains(&first) {
            return Some(first);
        }
        let last = words[words.len() - k..].join(" ");
        if lex.organisation_heads.contains(&last) {
            return Some(last);
        }
    }
    None
}

/// The first token of `a..b` after its determiners ("một", "các", "the", "some"),
/// leaving at least one token.
fn after_determiners(prep: &Prepared, lex: &Lexicon, a: usize, b: usize) -> usize {
    let mut h = a;
    while let Some(k) = prep
        .phrase_starting_at(h, &|w| lex.determiners.contains(w))
        .filter(|&k| h + k < b)
    {
        h += k;
    }
    h
}

fn has_mention(prep: &Prepared, a: usize, b: usize) -> bool {
    (a..b).any(|i| prep.mention_at[i].is_some())
}

/// Two or more names joined by "và", "and" or commas.
fn is_list(prep: &Prepared, a: usize, b: usize) -> bool {
    let names = (a..b)
        .filter_map(|i| prep.mention_at[i])
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    names >= 2 && (a..b).any(|i| matches!(prep.toks[i].folded, "và" | "and" | "cùng"))
}

fn sentence_initial_function_word(prep: &Prepared, lex: &Lexicon, i: usize) -> bool {
    let initial = i == 0 || (i == 1 && prep.is_punct(0, "\""));
    initial
        && (lex.stop_words.contains(prep.toks[i].folded)
            || lex
                .contrast_markers
                .iter()
                .any(|c| c.split_whitespace().next() == Some(prep.toks[i].folded))
            || lex
                .subordinators
                .iter()
                .any(|c| c.split_whitespace().next() == Some(prep.toks[i].folded)))
}

/// Words that join two parts of a name phrase (Pháp và Đức, Bộ Quốc phòng của Armenia).
fn is_connector_word(w: &str) -> bool {
    ["và", "của", "cùng", "and", "of", "for", "'s", "from", "at"].contains(&w)
}

fn is_object_pronoun(w: &str) -> bool {
    ["him", "her", "them", "me", "us", "you", "reporters", "journalists"].contains(&w)
}

fn is_person_title(w: &str) -> bool {
    [
        "ông",
        "bà",
        "mr",
        "mr.",
        "mrs",
        "ms",
        "dr",
        "tổng thống",
        "thủ tướng",
        "ngoại trưởng",
        "bộ trưởng",
        "president",
        "senator",
        "spokesman",
        "spokeswoman",
        "phát ngôn viên",
        "người phát ngôn",
        "đại sứ",
    ]
    .contains(&w)
}

fn is_media_word(w: &str) -> bool {
    [
        "báo",
        "tờ",
        "hãng",
        "đài",
        "kênh",
        "truyền thông",
        "newspaper",
        "media",
        "agency",
    ]
    .contains(&w)
}

/// Common nouns that can head a source phrase on their own (sources, officials).
fn is_speaker_noun(lex: &Lexicon, w: &str) -> bool {
    lex.np_words.contains(w)
        && ![
            "the", "a", "an", "of", "and", "for", "của", "và", "các", "những", "một", "cùng", "-", ",", "his", "her",
            "their", "its", "this", "that", "these", "those", "some", "many", "most", "several", "two", "three",
            "both", "other", "another", "one", "new", "tại", "ở", "thuộc",
        ]
        .contains(&w)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n).collect();
    t.push('…');
    t
}
