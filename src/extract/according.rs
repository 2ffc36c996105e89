//! "Theo X" / "according to X": the source (or the relay) a sentence names
//! outside a reporting verb, leading, nested or trailing.

use super::*;

impl Extractor {
    /// "Theo X, …" / "According to X, …" at the start of the sentence:
    /// (speaker, phrase start, token where the rest starts).
    #[allow(clippy::type_complexity)]
    pub(super) fn leading_according_to(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
    ) -> Option<(Speaker, usize, usize, Option<String>)> {
        let mut i = 0;
        if let Some(k) = prep.phrase_starting_at(0, &|w| lex.contrast_markers.contains(w)) {
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
    /// report quoting the governor's office": the office speaks, the report
    /// relays (its name is the third value).
    pub(super) fn according_at(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        i: usize,
    ) -> Option<(Speaker, usize, Option<String>)> {
        let n = prep.toks.len();
        let mut k = prep.phrase_starting_at(i, &|w| lex.according_to.iter().any(|c| c == w))?;
        if let Some(x) = no_speaker_phrase(prep, lex, i, k) {
            // "Theo thống kê của Cục Đăng kiểm", "theo như giải thích của X": the owner speaks.
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
    pub(super) fn trailing_according_to(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
    ) -> Option<(Speaker, usize)> {
        let n = prep.toks.len();
        // The last comma followed by "according to"/"theo" (a relative clause may
        // follow the source: ", according to the survey, which is prepared …").
        // A dash too: "… flat out wrong - according to the journal."
        let (comma, k) = (1..n)
            .rev()
            .filter(|&j| prep.is_punct(j, ",") || prep.is_punct(j, "-"))
            .find_map(|j| {
                let k = prep.phrase_starting_at(j + 1, &|w| lex.according_to.iter().any(|c| c == w))?;
                Some((j, k))
            })?;
        if no_speaker_phrase(prep, lex, comma + 1, k).is_some() {
            return None;
        }
        let next = (comma + 1 + k..n).find(|&j| prep.is_punct(j, ","));
        // The source ends the sentence, or only a relative clause or an apposition
        // about it follows ("…, according to an analysis by X, a former official.").
        if let Some(c) = next
            && prep
                .phrase_starting_at(c + 1, &|w| lex.relative_markers.contains(w))
                .is_none()
            && !apposition_to_end(prep, lex, c)
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

    /// "…, AP reported." at the end: (relayer, token of the comma).
    pub(super) fn trailing_relay(&self, prep: &Prepared, lex: &Lexicon, memory: &Memory) -> Option<(Speaker, usize)> {
        let hit = prep.cues.last().filter(|h| h.cue.relay)?;
        if (hit.last..prep.toks.len()).any(|i| prep.toks[i].word) {
            return None;
        }
        // "… ignoring three inspection reports.": a plural noun after a common
        // noun, not "…, AP reports."
        if lex.noun_like_cues.contains(prep.toks[hit.first].folded)
            && hit.first > 0
            && prep.toks[hit.first - 1].word
            && !prep.toks[hit.first - 1].cap
        {
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
}

/// The length of a phrase after which "theo"/"according to" at `i` (of `k`
/// words) names no speaker ("theo luật", "theo thống kê"), unless a personal
/// title reaches past it: "Theo luật sư Yến" is a lawyer's word.
fn no_speaker_phrase(prep: &Prepared, lex: &Lexicon, i: usize, k: usize) -> Option<usize> {
    let x = prep.phrase_starting_at(i, &|w| lex.no_speaker_after_according_to.contains(w))?;
    let title = prep.phrase_starting_at(i + k, &|w| lex.person_titles.contains_key(w));
    title.is_none_or(|t| k + t <= x).then_some(x)
}

/// After the comma at `c`, a short noun phrase that closes the sentence: an
/// apposition ("a former Treasury official", "the agency's director"), no cue,
/// no other comma.
fn apposition_to_end(prep: &Prepared, lex: &Lexicon, c: usize) -> bool {
    let n = prep.toks.len();
    let words = (c + 1..n).filter(|&i| prep.toks[i].word).count();
    (1..=10).contains(&words)
        && prep
            // In Vietnamese a title ("giám đốc …"): a determiner (phía, các) opens clauses too.
            .phrase_starting_at(c + 1, &|w| {
                lex.person_titles.contains_key(w) || lex.language == Language::En && lex.determiners.contains(w)
            })
            .is_some()
        && (c + 1..n).all(|i| prep.toks[i].word || prep.is_punct(i, ".") || prep.is_punct(i, "'"))
        && !prep.cues.iter().any(|h| h.first > c)
}
