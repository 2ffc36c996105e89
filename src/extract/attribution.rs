//! Attribution: every reporting cue of a sentence gets a role (independent,
//! coordinated, nested) and becomes a [`Found`] statement: its speaker, cue,
//! kind and content as token ranges.

use super::*;

/// A statement found in a sentence, before it is written out.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) speaker: Option<Speaker>,
    pub(super) cue: String,
    pub(super) kind: Kind,
    /// Token range of the content.
    pub(super) content: (usize, usize),
    pub(super) via: Vec<String>,
    pub(super) relay: bool,
    /// Token index of the cue (for ordering and boundaries).
    pub(super) cue_tok: usize,
    /// Where the statement's source phrase starts (content before it ends here).
    pub(super) np_start: usize,
    /// The content was given before the source ("…, X said").
    pub(super) content_first: bool,
    /// A second part of a split quotation ("\"A,\" he said, \"B.\"").
    pub(super) extra: Option<(usize, usize)>,
    /// It answers the statement its sentence opens with as a topic ("Về việc X
    /// cho rằng …, Y bác bỏ").
    pub(super) answers_topic: bool,
}

impl Found {
    /// A claim-shaped statement whose cue and source both sit at token `at`;
    /// callers change what differs.
    pub(super) fn new(speaker: Option<Speaker>, cue: String, kind: Kind, content: (usize, usize), at: usize) -> Found {
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
            answers_topic: false,
        }
    }
}

impl Extractor {
    pub(super) fn attribute(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Vec<Found> {
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
        // "… yêu cầu phường tạm dừng thu phí và báo cáo trước ngày 15/11": a
        // second verb whose content is only a time says nothing.
        found.retain(|f| f.content_first || f.extra.is_some() || !time_only(prep, lex, f.content));
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
                // "Theo TS Khoa, sự việc đã được phản ánh đầy đủ, đại diện X cũng lên tiếng
                // …": a clause of X's own before the next speaker is X's statement too.
                let first = found.iter().map(|f| f.np_start).min().unwrap_or(limit);
                let own = (rest..first).rev().find(|&i| prep.is_punct(i, ","));
                let mut inserted = false;
                if let Some(comma) = own
                    && (rest..comma).filter(|&i| prep.toks[i].word).count() >= 4
                    // Not an adverbial ("Theo đài RT, trong các cuộc điện đàm riêng, …").
                    && prep.phrase_starting_at(rest, &|w| lex.adverbial_openers.contains(w)).is_none()
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
                // A medium's own poll, database or analysis speaks for itself
                // ("…, according to a new Washington Post-ABC News poll"); a
                // medium named alone relays ("…, theo AFP").
                let document = (start..prep.toks.len()).any(|i| lex.document_nouns.contains(prep.toks[i].folded));
                let mut speaker = speaker;
                speaker.media &= !document;
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
        // "khiếu nại lên VFF, cáo buộc …": a statement whose content would open,
        // after a comma, with another statement's cue is carried by that one.
        let cue_starts: Vec<usize> = out.iter().map(|f| f.cue_tok).collect();
        out.retain(|f| {
            let c = f.content.0;
            !(c > 0
                && c > f.cue_tok
                && prep.is_punct(c - 1, ",")
                && prep.cues.iter().any(|h| h.first == c && cue_starts.contains(&h.first)))
        });
        if out.is_empty()
            && let Some(f) = self
                .label_or_dash(prep, lex, memory)
                .or_else(|| self.owned_report(prep, lex, memory))
        {
            out.push(f);
        }
        out
    }

    /// "… dựa trên số liệu của Hội Bảo vệ Người tiêu dùng (VICA) rằng, P", "the
    /// report by the county's laboratory that P": a reported noun, its owner and
    /// a complementiser; the owner says P.
    pub(super) fn owned_report(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Option<Found> {
        let n = prep.toks.len();
        for i in 0..n {
            let Some(k) = prep.phrase_starting_at(i, &|w| lex.reported_nouns.contains(w)) else {
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
                .find(|&j| prep.toks[j].folded != "là" && lex.complementizers.contains(prep.toks[j].folded))
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
    pub(super) fn label_or_dash(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Option<Found> {
        let n = prep.toks.len();
        let found = |speaker: Speaker, cue: &str, content, at| {
            Found::new(Some(speaker), cue.to_string(), Kind::Claim, content, at)
        };
        // A label may open a quotation ("\"PENCE: Well, …").
        let s0 = usize::from(prep.is_punct(0, "\""));
        if let Some(colon) = (s0 + 1..n.min(16)).find(|&i| prep.is_punct(i, ":")) {
            let label = prep.folded_words(s0, colon);
            // Names, or a name with its apposition ("Ông Đỗ Văn Khánh, Chủ tịch Tập đoàn Hưng Phát").
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
    pub(super) fn role(
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
            // After a document noun it is a verb ("a Reuters analysis shows", "the
            // poll shows"), not "TV shows".
            let after_noun = before.word
                && !before.cap
                && !lex.np_words.contains(before.folded)
                && !lex.pronouns.contains_key(before.folded)
                && !lex.document_nouns.contains(before.folded);
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
        // "Phòng Tiếp nhận Khiếu nại": a capitalised cue word after a capitalised
        // word is part of a name.
        if lex.language == Language::Vi
            && hit.first > 0
            && prep.toks[hit.first].cap
            && prep.toks[hit.first - 1].word
            && prep.toks[hit.first - 1].cap
        {
            return None;
        }
        // "Sở X bị tố cấp phép sai", "The company was accused of …": a passive
        // marker right before the cue (in English a participle), no agent: the
        // phrase before it is who is accused, not who speaks.
        if after_aux > 0
            && lex.passive_markers.contains(prep.toks[after_aux - 1].folded)
            // ("X was quoted as saying" still has X speak.)
            && (lex.language == Language::Vi
                || hit.cue.kind != Kind::Claim && prep.toks[hit.last - 1].folded.ends_with("ed"))
        {
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
        if let Some(k) = prep.phrase_ending_at(after_aux, &|w| lex.relative_markers.contains(w))
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
        // A cue coordinated with the sentence's own verb, no statement before it:
        // "Mr. Schultz generally supported Democrats …, and said he did not …".
        // The subject is the phrase that opens the sentence.
        if found.is_empty()
            && let Some(k) = prep.phrase_ending_at(after_aux, &|w| lex.coordinators.contains(w))
            && after_aux - k > 2
            && (hit.last..prep.toks.len()).filter(|&i| prep.toks[i].word).count() >= 2
            && let Some((a, b)) = self.np_after(prep, lex, clause_start(prep, lex, 0))
            && b < after_aux - k
            && (has_mention(prep, a, b) || memory.persons.iter().any(|&((x, y), _)| a <= x && y <= b))
            // Not a passive ("She was … searched and interviewed for days").
            && !(b..(b + 2).min(after_aux - k)).any(|i| lex.passive_markers.iter().any(|m| m == prep.toks[i].folded))
            && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
        {
            return Some(base(speaker, after_aux - k, self.content_start(prep, lex, hit)));
        }
        // "Colombia and Mexico issued a joint statement urging …", "released a
        // report saying …": a participle right after the statement or document it
        // qualifies; the subject of the sentence speaks, as after a comma.
        if lex.language == Language::En
            && after_aux == hit.first
            && hit.first > 0
            && prep.toks[hit.first].folded.ends_with("ing")
            && (lex.reported_nouns.contains(prep.toks[hit.first - 1].folded)
                || lex.document_nouns.contains(prep.toks[hit.first - 1].folded))
            && !hit.cue.relay
            // Not "according to a report citing …" (a relay, read elsewhere).
            && !(hit.first.saturating_sub(5)..hit.first).any(|i| lex.according_to.iter().any(|c| c.ends_with(prep.toks[i].folded)))
            && found.is_empty()
            && let Some((a, b)) = self
                .np_after(prep, lex, clause_start(prep, lex, 0))
                .filter(|&(a, b)| b < hit.first && is_list(prep, lex, a, b))
                .or_else(|| self.participle_subject(prep, lex, memory, hit.first - 1))
            && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
        {
            return Some(base(speaker, hit.first, self.content_start(prep, lex, hit)));
        }
        // "…, which Moscow denies", "…, a claim the company has denied", "…, điều
        // mà công ty bác bỏ": a denial that closes the sentence after a relative
        // word or a reported noun answers the statement before it; the earlier
        // content ends at the comma.
        if hit.cue.kind == Kind::Denial
            && !(hit.last..prep.toks.len()).any(|i| prep.toks[i].word)
            && let Some(comma) = (after_aux.saturating_sub(8)..after_aux)
                .rev()
                .find(|&i| prep.is_punct(i, ","))
            && let Some(x) = (comma + 2..after_aux).find(|&x| relative_tail(prep, lex, comma + 1, x))
            && let Some(speaker) = self.resolve_np(prep, lex, memory, x, after_aux)
            && found
                .last()
                .is_some_and(|prev| prev.speaker.as_ref().is_some_and(|p| p.id != speaker.id))
        {
            return Some(base(speaker, comma, hit.last));
        }
        let np = widen_to_org(lex, memory, self.np_before(prep, lex, after_aux), after_aux);
        if let Some((a, b)) = np {
            let speaker = self.resolve_np(prep, lex, memory, a, b)?;
            // "Về việc X cho rằng …, Y đều bác bỏ.": a cue that ends a sentence opened
            // by a topic answers the topic; it is not nested in it.
            let answers_topic = prep.toks[0].word
                && lex.about_markers.contains(prep.toks[0].folded)
                && a > 0
                && prep.is_punct(a - 1, ",")
                && !(hit.last..prep.toks.len()).any(|i| prep.toks[i].word);
            // "Công ty X cho biết sản phẩm an toàn, Bộ Y tế khẳng định …", "The union
            // said wages were too low, the company insisted …": after a comma, a
            // named speaker and its cue open a statement of their own.
            let second_clause = a > 0
                && !answers_topic
                && (hit.last..prep.toks.len()).filter(|&i| prep.toks[i].word).count() >= 2
                && prep.is_punct(a - 1, ",")
                && b == after_aux
                && !prep.is_punct(hit.last, ",")
                && (has_mention(prep, a, b)
                    || memory.persons.iter().any(|&((x, y), _)| x >= a && y <= b)
                    || memory.orgs.iter().any(|&((x, y), _)| x >= a && y <= b)
                    || (a..b).any(|i| prep.toks[i].cap)
                    || lex.definite_markers.contains(prep.toks[a].folded))
                && found.last().is_some_and(|prev| {
                    prev.speaker.as_ref().is_some_and(|p| p.id != speaker.id)
                        && (prev.content.0..a - 1).filter(|&i| prep.toks[i].word).count() >= 2
                });
            // Nested inside the running content of an earlier statement?
            if let Some(prev) = found.last()
                && !prev.content_first
                && a >= prev.content.0
                && !boundary_between(prep, lex, prev.cue_tok, a)
                && !prev.relay
                && !answers_topic
                && !second_clause
            {
                return None;
            }
            let mut f = base(speaker, a, self.content_start(prep, lex, hit));
            if !second_clause && let Some((content, extra)) = content_before(prep, lex, a, hit.last) {
                f.content = content;
                f.content_first = true;
                f.extra = extra;
            }
            f.answers_topic = answers_topic;
            return Some(f);
        }
        // Coordinated: "… và nói rằng", "…, kêu gọi".
        if let Some(prev) = found.last()
            && after_aux > 0
            && (lex.list_joiners.contains(prep.toks[after_aux - 1].folded)
                    && lex.coordinators.contains(prep.toks[after_aux - 1].folded)
                || prep.is_punct(after_aux - 1, ",")
                // "… as \"a desperate distraction,\" adding that …": the comma
                // inside the closing quotation mark.
                || after_aux > 1
                    && prep.is_punct(after_aux - 1, "\"")
                    && prep.is_punct(after_aux - 2, ",")
                    && prev.cue_tok + 1 < after_aux - 2
                    && prep.toks[hit.first].folded.ends_with("ing"))
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
        if let Some(k) = prep.phrase_ending_at(after_aux, &|w| lex.subordinators.contains(w))
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
            // "… sau khi Lloyd Austin, Bộ trưởng Quốc phòng Mỹ, thăm Nhật Bản và nói …":
            // the subject that follows the last subordinator before the clause.
            let opener = (0..after_aux - k).rev().take(30).find_map(|i| {
                let len = prep.phrase_starting_at(i, &|w| lex.subordinators.contains(w))?;
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
            // ("Maria Lindqvist, an EU envoy for … who had looked into the matter, warned").
            let opening_name = seg_start.is_some_and(|c| {
                c > 1 && c <= 4 && (0..c).all(|i| prep.toks[i].word && prep.toks[i].cap)
                    || memory.persons.iter().any(|&((_, y), _)| y == c)
            });
            if let Some(c) = seg_start
                && (after_aux - 1 - c <= 15 || opening_name && after_aux - 1 - c <= 30)
                && !prep.cues.iter().any(|h| h.first > c && h.first < after_aux)
                && let Some((a, b)) = widen_to_org(lex, memory, self.np_before(prep, lex, c), c)
                && (has_mention(prep, a, b)
                    || (a..b).any(|i| prep.toks[i].cap && i > 0)
                    // "The company, founded in 1990, said": a definite role noun.
                    || lex.definite_markers.contains(prep.toks[a].folded)
                        && (a + 1..b).any(|i| lex.organisation_heads.contains(prep.toks[i].folded)))
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
        // A second verb after a comma in Vietnamese ("Hơn 80 tiểu thương đã gửi đơn lên
        // UBND huyện, cáo buộc …"): the subject of the clause before the comma,
        // when a predicate stands between them.
        if lex.language == Language::Vi
            && after_aux > 1
            && prep.is_punct(after_aux - 1, ",")
            && found.is_empty()
            && let start = clause_start(prep, lex, after_aux - 1)
            // The sentence's own subject (after a dateline at most).
            && (start == 0 || prep.is_punct(start - 1, "-"))
            && let Some((a, b)) = group_np(prep, lex, start)
                .or_else(|| memory.orgs.iter().find(|&&((x, _), _)| x == start).map(|&(r, _)| r))
                .or_else(|| self.np_after(prep, lex, start))
            && b + 1 < after_aux - 1
            && (b..after_aux - 1).all(|i| prep.toks[i].word || prep.is_punct(i, "(") || prep.is_punct(i, ")"))
            && !(a..b).any(|i| lex.time_words.contains(prep.toks[i].folded))
            && (has_mention(prep, a, b)
                || memory.orgs.iter().any(|&((x, _), _)| x == a)
                || memory.persons.iter().any(|&((x, _), _)| x == a || x == a + 1)
                || prep.phrase_starting_at(a, &|w| lex.group_openers.contains(w)).is_some())
            && let Some(speaker) = self.resolve_np(prep, lex, memory, a, b)
        {
            return Some(base(speaker, after_aux - 1, self.content_start(prep, lex, hit)));
        }
        // A participle after a comma (", saying …"): the subject of the sentence.
        // The subject is the first actor or person the sentence names outside a
        // quotation ("On Thursday, Leyla Demir, fiancée of …, addressed reporters in
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
            // What comes before is a quotation or a clause, not a name and its
            // apposition ("Solberg, 31, accused Delacroix of …": Solberg speaks).
            && inverted_content(prep, after_aux - 1)
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
}

/// Before the comma (or quotation mark) at `end`: what an inversion reports
/// ("\"…,\" said X", "The plan failed, said X"): a quotation, or a clause of
/// four words or more.
fn inverted_content(prep: &Prepared, end: usize) -> bool {
    (0..end).any(|i| prep.is_punct(i, "\"")) || (0..end).filter(|&i| prep.toks[i].word).count() >= 4
}

/// Content of at most four words, each a time word, a number or a function
/// word ("trước ngày 15/11", "chỉ vài giờ sau", "on Tuesday").
fn time_only(prep: &Prepared, lex: &Lexicon, (a, b): (usize, usize)) -> bool {
    let words: Vec<&str> = (a..b.min(prep.toks.len()))
        .filter(|&i| prep.toks[i].word)
        .map(|i| prep.toks[i].folded)
        .collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().any(|w| lex.time_words.contains(*w))
        && words.iter().all(|w| {
            lex.time_words.contains(*w)
                || lex.stop_words.contains(*w)
                || w.bytes().next().is_some_and(|c| c.is_ascii_digit())
        })
}

/// A group of people opening a clause: a group opener, up to four words of
/// quantity, a speaker head, and its place ("Hơn 80 tiểu thương chợ Bình
/// Lợi", "Hàng trăm hộ dân xã Phước Lợi").
fn group_np(prep: &Prepared, lex: &Lexicon, start: usize) -> Option<(usize, usize)> {
    let n = prep.toks.len();
    let k = prep.phrase_starting_at(start, &|w| lex.group_openers.contains(w))?;
    let mut i = start + k;
    let head = (i..n.min(i + 5)).find_map(|j| {
        prep.phrase_starting_at(j, &|w| lex.speaker_heads.contains(w))
            .map(|len| (j, len))
            .filter(|_| (i..j).all(|x| prep.toks[x].word && !prep.toks[x].cap))
    })?;
    i = head.0 + head.1;
    // Its place: a unit noun and a capitalised name ("chợ Bình Lợi").
    if let Some(u) = prep.phrase_starting_at(i, &|w| lex.place_units.contains(w)) {
        let name = (i + u..n)
            .take_while(|&x| prep.toks[x].word && prep.toks[x].cap)
            .count();
        if name > 0 {
            i += u + name;
        }
    }
    Some((start, i))
}

/// Whether tokens `from..to` are a relative word or a reported noun that
/// takes up what was said before ("which", "điều mà", "a claim", "the
/// allegations that"), with an optional determiner and complementiser.
fn relative_tail(prep: &Prepared, lex: &Lexicon, from: usize, to: usize) -> bool {
    let mut i = from;
    while i < to && lex.determiners.contains(prep.toks[i].folded) {
        i += 1;
    }
    let Some(k) = prep.phrase_starting_at(i, &|w| {
        lex.relative_markers.contains(w) || lex.reported_nouns.contains(w)
    }) else {
        return false;
    };
    i += k;
    if i < to && lex.complementizers.contains(prep.toks[i].folded) {
        i += 1;
    }
    i == to
}

/// The phrase before `end`, or the organisation name the sentence's discovery
/// found ending there when it starts earlier ("the Texas health department
/// said": the name, not "department" alone). English: a Vietnamese phrase
/// finds its organisation's lower-case tail itself.
fn widen_to_org(lex: &Lexicon, memory: &Memory, np: Option<(usize, usize)>, end: usize) -> Option<(usize, usize)> {
    if lex.language != Language::En {
        return np;
    }
    let org = memory
        .orgs
        .iter()
        .find(|&&((x, y), _)| y == end && x < end)
        .map(|&(r, _)| r);
    match (np, org) {
        (Some((a, b)), Some((x, y))) if x < a && b == y => Some((x, y)),
        (None, Some(r)) => Some(r),
        (np, _) => np,
    }
}
