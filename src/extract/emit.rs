//! Statements out: a [`Found`] becomes a [`Statement`] with its text, span,
//! kind, target and mentions; a denial that names a report gives the report's
//! implicit claim and the relation between them.

use super::*;

/// Where a statement is being written: the sentence and its context.
pub(super) struct Here<'a> {
    pub(super) si: usize,
    pub(super) sentence: &'a text::Sentence,
    pub(super) normalized: &'a Text,
    pub(super) contrast: &'a Option<String>,
    pub(super) lang: Language,
}

impl Here<'_> {
    pub(super) fn text(&self) -> &str {
        &self.normalized.text[self.sentence.start..self.sentence.end]
    }
}

/// A statement to write out.
pub(super) struct New {
    pub(super) speaker: Option<Speaker>,
    pub(super) kind: Kind,
    pub(super) content: String,
    pub(super) span: [usize; 2],
    pub(super) mentioned: Vec<String>,
    pub(super) target: Option<String>,
}

impl Extractor {
    pub(super) fn emit(
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
        } else if kind == Kind::Claim
            && let Some(k) = content_kind(prep, lex, f.content)
        {
            kind = k;
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
        let implicit = self.reported_claim(prep, lex, memory, &f, kind, falsity.as_deref());
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
        // "Về việc X cho rằng P, Y bác bỏ": Y's answer to X's statement P.
        if f.answers_topic
            && let Some(topic) = out.statements.iter().rposition(|p| {
                p.sentence == Some(si)
                    && p.id != id
                    && p.source.is_some()
                    && p.source.as_ref() != f.speaker.as_ref().map(|s| &s.id)
            })
        {
            let answered = &out.statements[topic];
            let reason = format!(
                "{} answers (\"{}\") the statement its sentence opens with: {} that \"{}\"",
                f.speaker.as_ref().map_or("the article", |s| s.name.as_str()),
                f.cue,
                answered
                    .source_mention
                    .as_deref()
                    .or(answered.source.as_deref())
                    .unwrap_or("someone"),
                truncate(&answered.text, 80)
            );
            out.relations.push(Relation {
                from: id.clone(),
                to: answered.id.clone(),
                kind: if kind == Kind::Denial {
                    RelationType::Denies
                } else {
                    RelationType::Disputes
                },
                confidence: Some(0.8),
                reason: Some(reason),
            });
        }
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
    pub(super) fn push(&self, out: &mut Extraction, memory: &mut Memory, f: &Found, here: &Here, new: New) -> String {
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
            // An office holder speaking for an actor ("ông Huỳnh Minh Đức" for his
            // company): the person's own name, from the mention.
            let own_name = sp
                .person
                .then(|| {
                    let caps: Vec<&str> = sp
                        .mention
                        .split_whitespace()
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .collect();
                    (caps.len() >= 2 && speaks_for_another(sp)).then(|| caps.join(" "))
                })
                .flatten();
            let surname = match &own_name {
                Some(name) => name.rsplit_once(' ').map(|(_, s)| s),
                None => sp.name.rsplit_once(' ').map(|(_, s)| s),
            };
            if sp.person
                && let Some(surname) = surname
            {
                memory.surnames.insert(surname.to_string(), memory.speakers.len());
            }
            memory.speakers.push(sp.clone());
            let at = (here.si, 0);
            let kind_is = |k: &str| sp.kind.as_deref() == Some(k);
            if sp.person {
                let lex = self.lexicons.get(here.lang);
                let gender = lex.pronoun_gender.get(fold_case(&sp.mention).as_str()).copied();
                // An office holder is an entity of their own, found by their own name.
                match own_name.filter(|name| slug(name) != sp.id) {
                    Some(name) => {
                        let mut named = sp.clone();
                        named.mention = name;
                        memory.entities.note_keyed(
                            &slug(&named.mention),
                            &named,
                            EntityKind::Person,
                            gender,
                            at,
                            None,
                            false,
                        );
                    }
                    None => {
                        memory.entities.note(sp, EntityKind::Person, gender, at, None, false);
                    }
                }
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
    pub(super) fn content_mentions(
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
            // Not words of an organisation's name ("Office of Natural Resources").
            let in_org = memory.orgs.iter().any(|&((p, q), _)| p <= x && y <= q);
            if x >= a && y <= b && !in_org {
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
        // Organisations found in the content that are entities of the article
        // under another name ("Sở Giáo dục và Đào tạo" for "Sở GD-ĐT Hà Giang").
        for &((x, y), _) in &memory.orgs {
            if x >= a
                && y <= b
                && let Some(e) = memory.entities.by_name(&fold_case(prep.span(x, y)))
                && !ids.contains(&e.speaker.id)
            {
                ids.push(e.speaker.id.clone());
            }
        }
        // A title or an organisation head used alone for one of the article's
        // entities: "lời khai của bị cáo" (the defendant introduced so), "the
        // company's explanation", "doanh nghiệp này".
        let end = b.min(prep.toks.len());
        let mut i = a;
        while i < end {
            // "the President's claims": the title with a possessive.
            let title = prep.phrase_starting_at(i, &|w| {
                lex.person_titles.get(w).is_some_and(Option::is_none)
                    || lex
                        .person_titles
                        .get(entities::name_key(w))
                        .is_some_and(Option::is_none)
            });
            if let Some(n) = title
                && !prep.toks.get(i + n).is_some_and(|t| t.word && t.cap)
                && let Some(e) = memory
                    .entities
                    .by_title(entities::name_key(&prep.folded_words(i, i + n)))
                && !ids.contains(&e.speaker.id)
            {
                ids.push(e.speaker.id.clone());
            }
            let head = prep.phrase_starting_at(i, &|w| {
                lex.organisation_heads.contains(w) || lex.organisation_heads.contains(entities::name_key(w))
            });
            // Definite: "the company's", "công ty này", "thông tin của doanh nghiệp".
            if let Some(n) = head
                && (i > 0
                    && (lex.definite_markers.contains(prep.toks[i - 1].folded)
                        || lex.owner_markers.contains(prep.toks[i - 1].folded)
                            && !prep.toks.get(i + n).is_some_and(|t| t.word && t.cap))
                    || prep
                        .toks
                        .get(i + n)
                        .is_some_and(|t| lex.demonstratives.contains(t.folded)))
                && let Some(sp) = memory
                    .entities
                    .organisation_headed(lex, entities::name_key(&prep.folded_words(i, i + n)))
                && !ids.contains(&sp.id)
            {
                ids.push(sp.id);
            }
            i += title.or(head).unwrap_or(1);
        }
        // Organisations of the article named in full ("bác bỏ cáo buộc của CLB
        // Phù Sa Cần Thơ"): a name of two words or more, as whole words.
        let hay = format!(" {} ", prep.folded_words(a, b.min(prep.toks.len())));
        for e in memory.entities.organisations() {
            if e.full_names.iter().any(|n| hay.contains(n.as_str())) && !ids.contains(&e.speaker.id) {
                ids.push(e.speaker.id.clone());
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
    pub(super) fn reported_claim(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
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
            .find(|&i| lex.complementizers.contains(prep.toks[i].folded) && i > ca)
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
        // "gọi các cáo buộc là \"bịa đặt và vô căn cứ\"": a copula before the
        // denier's own word of falsity opens no reported claim.
        let first_word = (start..end).find(|&i| prep.toks[i].word).unwrap_or(end);
        if lex
            .falsity
            .iter()
            .any(|fp| prep.phrase_starting_at(first_word, &|w| w == fp.as_str()).is_some())
        {
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
            .find(|sp| Some(&sp.id) != denier.as_ref())
            .or_else(|| {
                // One of the article's people or organisations ("thông tin của doanh
                // nghiệp", "the company's claim").
                let comp_tok = prep.toks.iter().position(|t| t.start >= hi).unwrap_or(cb);
                self.content_mentions(prep, lex, memory, ca, comp_tok, f.speaker.as_ref())
                    .into_iter()
                    .filter(|id| Some(id) != denier.as_ref())
                    .find_map(|id| memory.entities.get(&id).map(|e| e.speaker.clone()))
            });
        Some((claim, span, source, noun))
    }
}

/// A new claim of the same source as statement `prev` (a quotation or a "Theo
/// đó, …" sentence that goes on with it); returns its index.
/// A person speaking for another actor (an office holder: "ông Huỳnh Minh
/// Đức" for his company): no word of the actor's name is in the mention.
fn speaks_for_another(sp: &Speaker) -> bool {
    let mention = fold_case(&sp.mention);
    let words: Vec<&str> = mention.split_whitespace().collect();
    !fold_case(&sp.name).split_whitespace().any(|w| words.contains(&w))
}

/// How many words into a content a kind marker is looked for.
const KIND_MARKER_REACH: usize = 40;

/// The kind a neutral cue's content gives its statement: a stronger cue that
/// opens the content ("tuyên bố \"cáo buộc …\""), else the first of the
/// lexicon's `kind_markers` found where it may stand.
pub(super) fn content_kind(prep: &Prepared, lex: &Lexicon, (ca, cb): (usize, usize)) -> Option<Kind> {
    let cb = cb.min(prep.toks.len());
    // The content's first word, after an opening quotation mark.
    let first = (ca..cb).find(|&i| !prep.is_punct(i, "\""))?;
    if let Some(h) = prep.cues.iter().find(|h| h.first == first)
        && h.cue.kind != Kind::Claim
        && !h.cue.relay
    {
        return Some(h.cue.kind);
    }
    // Markers near the start only: a run-on "sentence" of thousands of words
    // (a crawl without stops) must not cost its length for every statement in it.
    (first..cb.min(first + KIND_MARKER_REACH)).find_map(|i| {
        lex.kind_markers.iter().find_map(|(words, m)| {
            let fits = m.within.is_none_or(|w| i < first + w) && !(m.after_subject && i == first);
            let end = i + words.len();
            (fits && end <= cb && words.iter().zip(&prep.toks[i..end]).all(|(w, t)| w == t.folded)).then_some(m.kind)
        })
    })
}

pub(super) fn follow_on(
    out: &mut Extraction,
    prev: usize,
    text: String,
    si: usize,
    span: [usize; 2],
    quote: &str,
) -> usize {
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

/// The longest falsity phrase in a folded text, on whole words.
pub(super) fn find_phrase(folded: &str, tables: &Tables) -> Option<String> {
    tables
        .falsity
        .find_overlapping_iter(folded)
        .filter(|m| sentence::word_bounded(folded, m.start(), m.end()))
        .map(|m| &tables.falsity_phrases[m.pattern().as_usize()])
        .max_by_key(|p| p.len())
        .cloned()
}

pub(super) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use crate::extract::{ArticleInput, Extractor};
    use crate::lexicon::Language;

    /// The texts of the implicit (reported) statements extracted from `text`.
    fn implicit(text: &str) -> Vec<String> {
        let ex = Extractor::bundled();
        ex.extract(&ArticleInput {
            id: "t".into(),
            path: None,
            text,
            language: Some(Language::Vi),
        })
        .statements
        .into_iter()
        .filter(|s| s.implicit)
        .map(|s| s.text)
        .collect()
    }

    /// (source, kind, text) of every attributed statement.
    fn attributed(text: &str, language: Language) -> Vec<(String, crate::model::Kind, String)> {
        let ex = Extractor::bundled();
        ex.extract(&ArticleInput {
            id: "t".into(),
            path: None,
            text,
            language: Some(language),
        })
        .statements
        .into_iter()
        .filter_map(|s| Some((s.source?, s.kind, s.text)))
        .collect()
    }

    #[test]
    fn a_negated_admission_is_a_denial_by_the_one_who_does_not_admit() {
        use crate::model::Kind;
        let vi = attributed(
            "Tin\n\nBị cáo Đặng Văn Hùng, cựu giám đốc Công ty Sông Hồng, không thừa nhận hành vi lừa đảo.\n",
            Language::Vi,
        );
        assert_eq!(vi, [("đặng-văn-hùng".into(), Kind::Denial, "hành vi lừa đảo".into())]);
        let en = attributed(
            "Title\n\nHarris never admitted that the payments were bribes.\n",
            Language::En,
        );
        assert_eq!(en, [("harris".into(), Kind::Denial, "the payments were bribes".into())]);
    }

    #[test]
    fn a_role_noun_before_an_apposition_speaks() {
        use crate::model::Kind;
        let got = attributed(
            "Title\n\nHarbor Steel Company denied the report. The company, founded in 1990, said its filters worked.\n",
            Language::En,
        );
        assert!(
            got.contains(&("harbor-steel-company".into(), Kind::Claim, "its filters worked".into())),
            "{got:?}"
        );
    }

    #[test]
    fn a_plural_cue_after_a_document_noun_is_a_verb() {
        use crate::model::Kind;
        let got = attributed(
            "Title\n\nDonations hit $1 billion by August, a Tax Foundation analysis shows. \
             The network's late-night shows drew record audiences.\n",
            Language::En,
        );
        assert_eq!(
            got,
            [(
                "tax-foundation".into(),
                Kind::Claim,
                "Donations hit $1 billion by August".into()
            )]
        );
    }

    #[test]
    fn a_trailing_according_to_may_close_with_an_apposition() {
        use crate::model::Kind;
        let got = attributed(
            "Title\n\nFamilies would pay more, according to an analysis by Mary Jones, a former Treasury official.\n",
            Language::En,
        );
        assert_eq!(
            got,
            [("mary-jones".into(), Kind::Claim, "Families would pay more".into())]
        );
        let got = attributed(
            "Tin\n\nGiá đất tăng mạnh, theo ông Lê Văn Tâm, giám đốc sở.\n\nVề giá, theo báo X, phía nam thì cao hơn.\n",
            Language::Vi,
        );
        assert_eq!(got, [("lê-văn-tâm".into(), Kind::Claim, "Giá đất tăng mạnh".into())]);
    }

    #[test]
    fn states_after_a_number_and_a_byline_report_nothing() {
        use crate::model::Kind;
        let got = attributed(
            "Title\n\nBy Monday 18 states and industry groups are challenging the rule in court. \
             Jane Doe reported from Kabul. The senator states that the rule is legal.\n",
            Language::En,
        );
        assert_eq!(got, [("the-senator".into(), Kind::Claim, "the rule is legal".into())]);
    }

    #[test]
    fn a_copula_before_a_word_of_falsity_reports_no_claim() {
        // The denier calls the accusations false: nothing is reported.
        let got = implicit(
            "Tin\n\nBộ Ngoại giao Ba Lan bác bỏ báo cáo của Belarus, gọi các cáo buộc trong đó là \"bịa đặt và vô căn cứ\".\n",
        );
        assert!(got.iter().all(|t| !t.contains("bịa đặt")), "{got:?}");
        // The accusation's content before the falsity phrase is reported.
        let got = implicit(
            "Tin\n\nBộ Quốc phòng Nga bác bỏ cáo buộc của Ukraine rằng quân đội Nga pháo kích nhà máy là hoàn toàn sai sự thật.\n",
        );
        assert!(got.iter().any(|t| t.starts_with("quân đội Nga pháo kích")), "{got:?}");
    }
}
