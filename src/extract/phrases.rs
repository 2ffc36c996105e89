//! Speaker phrases: where the noun phrase that names a statement's source starts
//! and ends (before the cue, after it, after a passive marker, a participle's
//! subject), as token ranges of a [`Prepared`] sentence.

use super::*;

impl Extractor {
    /// A source phrase ending just before token `end`.
    pub(super) fn np_before(&self, prep: &Prepared, lex: &Lexicon, end: usize) -> Option<(usize, usize)> {
        // "Bà Trần Thị Hoa (Tổ phó …) cho biết": the name before a parenthesis.
        if end > 1
            && prep.is_punct(end - 1, ")")
            && let Some(open) = (end.saturating_sub(40)..end - 1).rev().find(|&i| prep.is_punct(i, "("))
            && open > 0
            && !(open + 1..end - 1).any(|i| prep.is_punct(i, "(") || prep.is_punct(i, "\""))
        {
            return self.np_before(prep, lex, open);
        }
        // "Solberg, 31, accused", "Bà Lan, 45 tuổi, cho biết": the name before an
        // age between commas.
        if let Some(comma) = age_apposition(prep, end) {
            return self.np_before(prep, lex, comma);
        }
        // "Sở Tài nguyên và Môi trường cho biết", "Sở Nông nghiệp và Phát triển
        // nông thôn khẳng định": an organisation's name whose last words are in
        // lower case (the syllables after a word's first) runs to the cue.
        if lex.language == Language::Vi
            && prep.toks.get(end).is_none_or(|t| !t.cap)
            && let Some(k) = (1..=3)
                .take_while(|&k| {
                    end > k && {
                        let t = &prep.toks[end - k];
                        t.word
                            && !t.cap
                            && prep.mention_at[end - k].is_none()
                            && !lex.auxiliaries.contains(t.folded)
                            && !lex.stop_words.contains(t.folded)
                            && !lex.time_words.contains(t.folded)
                            && !lex.name_connectors.contains(t.folded)
                            && !lex.pronouns.contains_key(t.folded)
                            && !lex.np_words.contains(t.folded)
                    }
                })
                .filter(|&k| prep.toks[end - k - 1].word && prep.toks[end - k - 1].cap)
                .last()
            && let Some((a, b)) = self.np_before(prep, lex, end - k)
            && b == end - k
            // A head and a name after it ("Sở Tài", not "Vụ" alone).
            && prep
                .phrase_starting_at(a, &|w| lex.organisation_heads.contains(w))
                .is_some_and(|h| a + h < b)
        {
            return Some((a, end));
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
            // A title before a name inside the phrase ("và doanh nhân Quách Vĩnh Khang").
            let titled = |k: usize| j < end && prep.toks[j].cap && k > 0;
            if let Some(k) = prep
                .phrase_ending_at(j, &|w| lex.np_words.contains(w) || lex.pronouns.contains_key(w))
                .or_else(|| {
                    prep.phrase_ending_at(j, &|w| lex.person_titles.contains_key(w))
                        .filter(|&k| titled(k))
                })
            {
                j -= k;
                continue;
            }
            if np_like(i) {
                j -= 1;
                continue;
            }
            // The stop of an abbreviated title inside the name ("Mr. Sharpton",
            // "Chairman Rep. Jason Chaffetz").
            if prep.is_punct(i, ".")
                && i > 0
                && j < end
                && prep.toks[i - 1].cap
                && (lex.abbreviations.contains(prep.toks[i - 1].folded)
                    || lex.person_titles.contains_key(prep.toks[i - 1].folded))
            {
                j -= 1;
                continue;
            }
            // A comma, dash or "và/của/and/of" inside a name list or apposition:
            // a phrase on both sides.
            // A comma joins names only in a list closed by "và"/"and" ("EU, Pháp và
            // Đức"); "Sau những chia sẻ của Quang Huy, Mai Thu Hà" is two phrases.
            let list_comma = !prep.is_punct(i, ",")
                || (i + 1..end).any(|k| {
                    let w = prep.toks[k].folded;
                    w == "&" || lex.name_connectors.contains(w) && lex.coordinators.contains(w)
                });
            if (!prep.toks[i].word && matches!(prep.toks[i].folded, "," | "-" | "(" | ")")
                || lex.name_connectors.contains(prep.toks[i].folded))
                && list_comma
                && i > 0
                && i + 1 < end
                && np_like(i - 1)
                && (np_like(i + 1)
                    || prep.mention_at[i + 1].is_some()
                    // "Ca sĩ Hoài Thương và doanh nhân Quách Vĩnh Khang": a titled name.
                    || prep.phrase_starting_at(i + 1, &|w| lex.person_titles.contains_key(w)).is_some_and(|k| {
                        prep.toks.get(i + 1 + k).is_some_and(|t| t.cap) && i + 1 + k < end
                    }))
            {
                j -= 1;
                continue;
            }
            break;
        }
        // "German environmental authorities said": a demonym, up to two
        // lower-case modifiers, then a speaker noun.
        if j < end
            && lex.language == Language::En
            && is_speaker_noun(lex, prep.toks[j].folded)
            && let Some(d) = (j.saturating_sub(3)..j.saturating_sub(1)).rev().find(|&d| {
                prep.mention_at[d].is_some_and(|m| prep.mentions[m].demonym)
                    && (d + 1..j).all(|i| {
                        let t = &prep.toks[i];
                        t.word && !t.cap && !lex.stop_words.contains(t.folded) && !lex.time_words.contains(t.folded)
                    })
            })
        {
            j = d;
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
        let connector = |t: &sentence::Tok| !t.word || lex.name_connectors.contains(t.folded);
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
        // "Hàng trăm hộ dân xã Phước Lợi phản ánh": a group of common nouns, a
        // unit noun and the place's name: the group speaks.
        if let Some(u) = prep.phrase_ending_at(a, &|w| lex.place_units.contains(w))
            && a > u
            && (a..b).all(|i| prep.toks[i].cap && !lex.organisation_heads.contains(prep.toks[i].folded))
        {
            // Back over lower-case words (a capital only opening the sentence).
            let d = a - u;
            let mut c = d;
            while c > 0 && prep.toks[c - 1].word && (!prep.toks[c - 1].cap || c == 1) && d - c < 6 {
                c -= 1;
            }
            let speaker_noun = |i: usize| {
                is_speaker_noun(lex, prep.toks[i].folded)
                    || prep
                        .phrase_starting_at(i, &|w| lex.speaker_heads.contains(w))
                        .is_some_and(|k| i + k <= d)
            };
            if c < d && (c..d).any(speaker_noun) {
                return Some((c, d));
            }
        }
        // "A former executive on trial in Ho Chi Minh City denied": a name the
        // gazetteer does not know, after a preposition of place, is where the
        // speaker is; the speaker stands before it. (A known capital or country
        // there is a metonym: "officials in Beijing" speak for China.)
        // The preposition may stand before a unit noun ("ở khu Tân Mai").
        let place_at = (a.saturating_sub(3)..a).rev().find(|&p| {
            lex.place_prepositions.contains(prep.toks[p].folded)
                && (p + 1..a).all(|i| {
                    let t = &prep.toks[i];
                    t.word
                        && !t.cap
                        && !is_speaker_noun(lex, t.folded)
                        && !lex.relative_markers.contains(t.folded)
                        && !lex.pronouns.contains_key(t.folded)
                })
        });
        if let Some(p) = place_at
            && (a..b).all(|i| {
                let t = &prep.toks[i];
                t.cap
                    && prep.mention_at[i].is_none()
                    && !lex.organisation_heads.contains(t.folded)
                    && !lex.person_titles.contains_key(t.folded)
                    && !is_speaker_noun(lex, t.folded)
            })
        {
            return self
                .np_before(prep, lex, p)
                .or_else(|| self.np_before_english_fallback(prep, lex, p));
        }
        Some((a, b))
    }

    /// The first name of an actor or person before token `end`, outside quotations:
    /// a gazetteer name (not a demonym) or a personal name, with its title.
    /// The subject of a sentence whose participle (", saying …") stands at
    /// `end`: a capitalised name that opens the clause ("On Thursday, Leyla
    /// Demir, fiancée of …"), else the first actor or person it names, else
    /// the phrase that opens the clause.
    pub(super) fn participle_subject(
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

    pub(super) fn first_actor(&self, prep: &Prepared, memory: &Memory, end: usize) -> Option<(usize, usize)> {
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
    pub(super) fn org_name_start(&self, prep: &Prepared, lex: &Lexicon, a: usize, end: usize) -> Option<usize> {
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
    pub(super) fn np_before_english_fallback(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        end: usize,
    ) -> Option<(usize, usize)> {
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
                || prep.phrase_ending_at(a, &|w| lex.contrast_markers.contains(w)) == Some(a);
            if !at_clause_start || a == end {
                return None;
            }
            let opens = lex.group_openers.contains(prep.toks[a].folded);
            if opens && end - a >= 2 {
                return Some((a, end));
            }
            // "Trong khi chủ cửa hàng cho rằng": the clause opens after the marker.
            if let Some(k) = prep
                .phrase_starting_at(a, &|w| {
                    lex.contrast_markers.contains(w) || lex.subordinators.contains(w)
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
            // No subordinate clause and no other cue ("Anh K.L cho biết nhân viên đòi …").
            let no_clause_inside = !(a..end).any(|i| {
                lex.subordinators.contains(prep.toks[i].folded) || lex.complementizers.contains(prep.toks[i].folded)
            }) && !prep.cues.iter().any(|h| h.first >= a && h.first < end);
            if !(headed && no_clause_inside && end - a <= 8) {
                return None;
            }
            // "cư dân lại gửi tài liệu phản bác": the phrase ends where
            // an auxiliary opens the verb phrase.
            let b = (h + 1..end)
                .find(|&i| prep.phrase_starting_at(i, &|w| lex.auxiliaries.contains(w)).is_some())
                .unwrap_or(end);
            return Some((a, b));
        }
        // The words back to the start of the clause: "Experts on North Korea
        // said", "all the experts I interviewed said".
        let mut a = end;
        while a > 0 {
            let t = &prep.toks[a - 1];
            // A cue word: another statement's verb ("The ministry said its own
            // inspectors had found …").
            let barrier = if t.word {
                lex.clause_barriers.contains(t.folded)
                    || prep
                        .cues
                        .iter()
                        .any(|h| h.first < a && a <= h.last && !lex.noun_like_cues.contains(prep.toks[h.first].folded))
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
        if (a..end).any(|i| lex.finite_verbs.contains(prep.toks[i].folded)) {
            return None;
        }
        // Nor a preposition or a lone quantifier at its start ("Over 1,000
        // rescuers", "Unlike", "Several"), nor a past-tense verb ("the
        // commission refused to …").
        if lex.not_subject_starts.contains(prep.toks[a].folded)
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
                    && (lex.determiners.contains(next) || lex.object_openers.contains(next))
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
    pub(super) fn np_after(&self, prep: &Prepared, lex: &Lexicon, start: usize) -> Option<(usize, usize)> {
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
            } else if prep.is_punct(j, ".") && j > start && lex.person_titles.contains_key(prep.toks[j - 1].folded) {
                // The stop of an abbreviated title ("Mr. Schultz").
                j += 1;
            } else {
                break;
            }
        }
        let mut b = j;
        while b > start
            && (lex.name_connectors.contains(prep.toks[b - 1].folded)
                || lex.determiners.contains(prep.toks[b - 1].folded))
        {
            b -= 1;
        }
        (b > start
            && ((start..b).any(|i| prep.toks[i].cap || prep.mention_at[i].is_some())
                || lex.pronouns.contains_key(prep.folded_words(start, b).as_ref())))
        .then_some((start, b))
    }

    /// "bị X gọi là" (vi) / "was dismissed by X" (en).
    pub(super) fn passive_agent(
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
                        || lex.articles.contains(prep.toks[b].folded))
                {
                    b += 1;
                }
                if (a..b).all(|i| lex.articles.contains(prep.toks[i].folded)) {
                    return None;
                }
                Some((
                    self.resolve_np(prep, lex, memory, a, b)?,
                    if marked { after_aux - 1 } else { after_aux },
                ))
            }
        }
    }

    /// A subject at `start` naming an authority ("chính phủ Nhật Bản", "the
    /// defence ministry"): its token range, when it holds an authority noun
    /// and a name (or a pronoun for one).
    pub(super) fn authority_subject(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
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
}

/// Tokens back from `end` over auxiliaries (đã, cũng, also, has).
pub(super) fn skip_aux_back(prep: &Prepared, lex: &Lexicon, end: usize) -> usize {
    let mut j = end;
    while let Some(k) = prep.phrase_ending_at(j, &|w| lex.auxiliaries.contains(w)) {
        j -= k;
    }
    j
}

/// "… wrote former union official Dana Whitfield": a few lower-case words
/// of description, then a capitalised name to the end of the clause.
pub(super) fn described_name_after(prep: &Prepared, lex: &Lexicon, start: usize) -> Option<(usize, usize)> {
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

/// The organisation head noun a folded name opens with ("công ty", "ministry"),
/// or ends with in English ("the health ministry").
pub(super) fn org_head(lex: &Lexicon, folded: &str) -> Option<String> {
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| !lex.determiners.contains(*w) && !lex.demonstratives.contains(*w))
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
pub(super) fn after_determiners(prep: &Prepared, lex: &Lexicon, a: usize, b: usize) -> usize {
    let mut h = a;
    while let Some(k) = prep
        .phrase_starting_at(h, &|w| lex.determiners.contains(w))
        .filter(|&k| h + k < b)
    {
        h += k;
    }
    h
}

pub(super) fn has_mention(prep: &Prepared, a: usize, b: usize) -> bool {
    (a..b).any(|i| prep.mention_at[i].is_some())
}

/// Two or more names joined by "và", "and" or commas.
pub(super) fn is_list(prep: &Prepared, lex: &Lexicon, a: usize, b: usize) -> bool {
    let names = (a..b)
        .filter_map(|i| prep.mention_at[i])
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    names >= 2 && (a..b).any(|i| lex.list_joiners.contains(prep.toks[i].folded))
}

/// Common nouns that can head a source phrase on their own (sources, officials):
/// words of noun phrases that are not determiners or function words.
pub(super) fn is_speaker_noun(lex: &Lexicon, w: &str) -> bool {
    lex.np_words.contains(w) && !lex.determiners.contains(w) && !lex.stop_words.contains(w)
}

/// ", 31," or ", 45 tuổi," / ", 45 years old," just before token `end`: the
/// token of the comma that opens it (a name stands before it).
fn age_apposition(prep: &Prepared, end: usize) -> Option<usize> {
    if end < 4 || !prep.is_punct(end - 1, ",") {
        return None;
    }
    let number = |t: &sentence::Tok| t.word && t.folded.bytes().all(|b| b.is_ascii_digit()) && t.folded.len() <= 3;
    // Up to two lower-case words after the number.
    (2..=4).find_map(|k| {
        let open = end.checked_sub(k + 1)?;
        let ok = open > 0
            && prep.is_punct(open, ",")
            && number(&prep.toks[open + 1])
            && (open + 2..end - 1).all(|i| prep.toks[i].word && !prep.toks[i].cap)
            && prep.toks[open - 1].word
            && prep.toks[open - 1].cap;
        ok.then_some(open)
    })
}
