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
//!
//! The layers, one module each: [`sentence`] (tokens, names, cues of one
//! sentence: `Prepared`) → `references` (the article's memory and how a phrase
//! resolves: `Speaker`) → `phrases` (where a source phrase sits: token ranges)
//! → `attribution` and `according` (each cue's role: `Found`) → `content`
//! (content bounds) → `emit` (a `Found` written out: `Statement`).

mod according;
mod attribution;
mod content;
mod emit;
mod entities;
mod phrases;
mod references;
pub mod sentence;

use crate::actors::Gazetteer;
use crate::graph::slug;
use crate::lexicon::{Gender, Language, Lexicon, Lexicons};
use crate::model::{Actor, ArticleRef, Kind, Relation, RelationType, Statement};
use crate::text::{self, Text, fold_case};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use attribution::*;
use content::*;
use emit::*;
use entities::{Entities, EntityKind};
use phrases::*;
use references::*;
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
    /// Sentence openers of both languages (a glued caption ends before one).
    openers: text::Openers,
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
        let openers = lexicons
            .vi
            .sentence_openers
            .union(&lexicons.en.sentence_openers)
            .cloned()
            .collect();
        Extractor {
            lexicons,
            gazetteer,
            vi,
            en,
            abbreviations,
            openers,
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
        // Folding keeps byte offsets: one fold serves detection and every sentence.
        let folded = fold_case(&normalized.text);
        let lang = input.language.unwrap_or_else(|| {
            text::detect_language_by_folded_words(&folded, &|w| self.lexicons.vi.stop_words.contains(w), &|w| {
                self.lexicons.en.stop_words.contains(w)
            })
        });
        let lex = self.lexicons.get(lang);
        let sentences = text::split_sentences_with(&normalized.text, &self.abbreviations, &self.openers);
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
            let sfolded = &folded[s.start..s.end];
            let prep = Prepared::new(stext, sfolded, lex, &tables.cues, &tables.non_speech, &self.gazetteer);
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
                // What a claim reported, an appeal asked for or a denial set
                // right, not what a condemnation was about.
                && matches!(out.statements[prev].kind, Kind::Claim | Kind::Appeal | Kind::Denial)
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
}
