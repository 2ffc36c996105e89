//! One sentence prepared for attribution: tokens with their folded forms,
//! the gazetteer names in it and the reporting cues in it.

use crate::actors::{Gazetteer, Mention};
use crate::lexicon::{Cue, Lexicon};
use crate::text::{is_capitalized, words};
use aho_corasick::AhoCorasick;

/// A token: a word or a punctuation character.
#[derive(Debug, Clone)]
pub struct Tok<'s> {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// The folded form (a slice of the folded sentence).
    pub folded: &'s str,
    pub cap: bool,
}

/// A reporting cue found in a sentence.
#[derive(Debug, Clone)]
pub struct CueHit<'l> {
    /// Token range [first, last+1).
    pub first: usize,
    pub last: usize,
    pub cue: &'l Cue,
}

/// A sentence ready for the attribution rules.
pub struct Prepared<'s, 'l> {
    pub text: &'s str,
    pub folded: &'s str,
    pub toks: Vec<Tok<'s>>,
    pub mentions: Vec<Mention>,
    /// Per token: the mention covering it.
    pub mention_at: Vec<Option<usize>>,
    pub cues: Vec<CueHit<'l>>,
    /// The lexicon the sentence was prepared with.
    pub lex: &'l Lexicon,
}

/// Tokenises: words (see [`crate::text::words`]) and every other non-space
/// character as its own token. `folded` is [`fold_case`](crate::text::fold_case) of `text` (same
/// byte offsets); tokens borrow their folded form from it.
pub fn tokenize<'s>(text: &str, folded: &'s str) -> Vec<Tok<'s>> {
    let ws = words(text);
    let mut out = Vec::with_capacity(ws.len() * 2);
    let push_punct = |from: usize, to: usize, out: &mut Vec<Tok<'s>>| {
        for (i, c) in text[from..to].char_indices() {
            if !c.is_whitespace() {
                let s = from + i;
                out.push(Tok {
                    start: s,
                    end: s + c.len_utf8(),
                    word: false,
                    folded: &folded[s..s + c.len_utf8()],
                    cap: false,
                });
            }
        }
    };
    let mut pos = 0;
    for w in ws {
        push_punct(pos, w.start, &mut out);
        out.push(Tok {
            start: w.start,
            end: w.end,
            word: true,
            folded: &folded[w.start..w.end],
            cap: is_capitalized(&text[w.start..w.end]),
        });
        pos = w.end;
    }
    push_punct(pos, text.len(), &mut out);
    join_domain_names(text, folded, out)
}

/// "Tintuc.vn", "vnexpress.net": a word, a full stop and a short
/// lower-case suffix written together are one name, not a sentence's end.
fn join_domain_names<'s>(text: &str, folded: &'s str, toks: Vec<Tok<'s>>) -> Vec<Tok<'s>> {
    // Nearly every sentence has a full stop; few have one glued between two words.
    let glued = |i: usize| {
        let t = &toks[i];
        t.folded == "."
            && i > 0
            && toks.get(i + 1).is_some_and(|n| n.word && n.start == t.end)
            && toks[i - 1].word
            && toks[i - 1].end == t.start
    };
    if !(0..toks.len()).any(glued) {
        return toks;
    }
    let mut out: Vec<Tok<'s>> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.folded == "."
            && let (Some(prev), Some(next)) = (out.last(), toks.get(i + 1))
            && prev.word
            && next.word
            && prev.end == t.start
            && next.start == t.end
            && (2..=4).contains(&next.folded.len())
            && text[next.start..next.end].chars().all(|c| c.is_ascii_lowercase())
        {
            let start = prev.start;
            let cap = prev.cap;
            out.pop();
            out.push(Tok {
                start,
                end: next.end,
                word: true,
                folded: &folded[start..next.end],
                cap,
            });
            i += 2;
            continue;
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

impl<'s, 'l> Prepared<'s, 'l> {
    /// Prepares `text`; `folded` must be `fold_case(text)`.
    pub fn new(
        text: &'s str,
        folded: &'s str,
        lex: &'l Lexicon,
        cue_matcher: &AhoCorasick,
        non_speech: &AhoCorasick,
        gazetteer: &Gazetteer,
    ) -> Self {
        let toks = tokenize(text, folded);
        let is_title = |w: &str| lex.np_words.contains(w);
        let mut mentions = gazetteer.find(text, folded, &is_title);
        // "Ông Đức", "Mr. Jordan": a name right after a personal honorific (a title
        // that tells a gender) is a person's, not the country's.
        // "Anh K.L cho biết", "Anh Vũ Minh Tâm nói": a country's name that is
        // also a personal title, opening the sentence before a capitalised
        // word, is the title.
        mentions.retain(|m| {
            let before = folded[..m.start].trim_end();
            let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            let one_word = text[m.start..m.end].split_whitespace().count() == 1;
            let opens_as_title = one_word
                && before.chars().all(|c| !c.is_alphanumeric())
                && lex
                    .person_titles
                    .get(&folded[m.start..m.end])
                    .is_some_and(|g| g.is_some())
                && text[m.end..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && text[m.end..].starts_with(' ');
            !(one_word
                && !gazetteer.entry(m.entry).is_person()
                && (lex.person_titles.get(word).is_some_and(|g| g.is_some()) || opens_as_title))
        });
        // Mentions and tokens are both in text order: one merge pass.
        let mut mention_at = vec![None; toks.len()];
        let mut ti = 0;
        for (mi, m) in mentions.iter().enumerate() {
            while ti < toks.len() && toks[ti].start < m.start {
                ti += 1;
            }
            let mut k = ti;
            while k < toks.len() && toks[k].end <= m.end {
                mention_at[k] = Some(mi);
                k += 1;
            }
        }
        // Non-speech phrases (tuyên bố độc lập, nói trên) hide the cues they
        // cover; no cue word at all, nothing to hide (most narration).
        let cue_matches: Vec<aho_corasick::Match> = cue_matcher.find_iter(folded).collect();
        let blocked: Vec<(usize, usize)> = if cue_matches.is_empty() {
            Vec::new()
        } else {
            non_speech
                .find_iter(folded)
                .filter(|m| word_bounded(folded, m.start(), m.end()))
                .map(|m| (m.start(), m.end()))
                .collect()
        };
        // Quotation spans: a cue inside someone's quotation is part of it.
        let mut quotes = Vec::new();
        let mut open: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c == '"' {
                match open.take() {
                    Some(s) => quotes.push((s, i)),
                    None => open = Some(i),
                }
            }
        }
        let mut cues = Vec::new();
        for m in cue_matches {
            if quotes.iter().any(|&(s, e)| s < m.start() && m.end() <= e) {
                continue;
            }
            if !word_bounded(folded, m.start(), m.end()) {
                continue;
            }
            if blocked.iter().any(|&(s, e)| s < m.end() && m.start() < e) {
                continue;
            }
            // A cue word inside a name (Liên bang Xô viết) is part of the name.
            if mentions.iter().any(|x| x.start < m.end() && m.start() < x.end) {
                continue;
            }
            let Some(cue) = lex.cue(&folded[m.start()..m.end()]) else {
                continue;
            };
            // "claims the whole valley": a territorial claim, not speech.
            if folded[m.start()..m.end()].starts_with("claim")
                && folded[m.end()..]
                    .split_whitespace()
                    .take(5)
                    .take_while(|w| !lex.complementizers.contains(*w))
                    .any(|w| {
                        lex.territorial_nouns
                            .contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
                    })
            {
                continue;
            }
            let first = toks.binary_search_by_key(&m.start(), |t| t.start).ok();
            // A capitalised cue word inside a capitalised name ("báo Tiếng Nói Miền Trung").
            if let Some(f) = first
                && f > 0
                && toks[f].cap
                && toks[f - 1].word
                && toks[f - 1].cap
                && toks.get(f + 1).is_some_and(|t| t.word && t.cap)
            {
                continue;
            }
            let last = toks.binary_search_by_key(&m.end(), |t| t.end).ok();
            // "X gọi Y là Z": without its second word in the clause the cue is
            // another verb ("gọi điện cho phóng viên, nói rằng …" is said by X).
            if let (Some(w), Some(l)) = (&cue.then, last)
                && !(l + 1..toks.len().min(l + 13))
                    .take_while(|&i| toks[i].word || toks[i].folded == "\"")
                    .any(|i| toks[i].folded == w.as_str())
            {
                continue;
            }
            if let (Some(first), Some(last)) = (first, last) {
                cues.push(CueHit {
                    first,
                    last: last + 1,
                    cue,
                });
            }
        }
        // "bác bỏ cáo buộc này", "denied the allegations": a reported noun right
        // after a denial or condemnation is what it rejects, not a cue of its own.
        let rejected: Vec<usize> = cues
            .iter()
            .filter(|h| {
                matches!(
                    h.cue.kind,
                    crate::model::Kind::Denial | crate::model::Kind::Condemnation
                )
            })
            .map(|h| h.last)
            .collect();
        cues.retain(|h| !(rejected.contains(&h.first) && lex.reported_nouns.contains(h.cue.cue.as_str())));
        Prepared {
            text,
            folded,
            toks,
            mentions,
            mention_at,
            cues,
            lex,
        }
    }

    /// The text of a token range.
    pub fn span(&self, a: usize, b: usize) -> &'s str {
        if a >= b || a >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// A dash before token `end` after a run of words without a lower-case
    /// letter that starts at token `a`: the end of a dateline ("HÀ NỘI -",
    /// "GLENFORD -") or of a label before a name ("NASA - Antti Pulkkinen").
    pub fn capitals_dash(&self, a: usize, end: usize) -> Option<usize> {
        (a + 1..end.min(self.toks.len()))
            .find(|&d| self.is_punct(d, "-") || self.is_punct(d, "—") || self.is_punct(d, "–"))
            .filter(|&d| (a..d).all(|i| self.toks[i].word && !self.span(i, i + 1).chars().any(char::is_lowercase)))
    }

    /// The folded words of a token range joined by single spaces (a slice of
    /// the folded sentence when the tokens are spaced that way already).
    pub fn folded_words(&self, a: usize, b: usize) -> std::borrow::Cow<'s, str> {
        if a >= b {
            return std::borrow::Cow::Borrowed("");
        }
        let slice = &self.folded[self.toks[a].start..self.toks[b - 1].end];
        // Tokens one space apart: the slice is the phrase already.
        let bytes = self.folded.as_bytes();
        let spaced = self.toks[a..b]
            .windows(2)
            .all(|w| w[1].start == w[0].end + 1 && bytes[w[0].end] == b' ');
        if spaced {
            return std::borrow::Cow::Borrowed(slice);
        }
        let mut s = String::new();
        for t in &self.toks[a..b] {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(t.folded);
        }
        std::borrow::Cow::Owned(s)
    }

    /// Length (in tokens, up to 4) of the longest phrase of `set` that ends
    /// just before token `end`.
    pub fn phrase_ending_at(&self, end: usize, has: &dyn Fn(&str) -> bool) -> Option<usize> {
        // Lexicon phrases are words only: never look across punctuation.
        let end = end.min(self.toks.len());
        let words = self.toks[..end].iter().rev().take(4).take_while(|t| t.word).count();
        if words == 0 {
            return None;
        }
        // Only a word that ends a phrase of the lexicon is worth the longer lookups.
        let longest = self
            .lex
            .phrase_ends
            .get(self.toks[end - 1].folded)
            .map_or(1, |&m| usize::from(m).min(words));
        (1..=longest).rev().find(|&k| has(&self.folded_words(end - k, end)))
    }

    /// Length of the longest phrase of `set` that starts at token `start`.
    pub fn phrase_starting_at(&self, start: usize, has: &dyn Fn(&str) -> bool) -> Option<usize> {
        let words = self
            .toks
            .get(start..)
            .map_or(0, |t| t.iter().take(4).take_while(|t| t.word).count());
        if words == 0 {
            return None;
        }
        let longest = self
            .lex
            .phrase_starts
            .get(self.toks[start].folded)
            .map_or(1, |&m| usize::from(m).min(words));
        (1..=longest).rev().find(|&k| has(&self.folded_words(start, start + k)))
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word && t.folded == c)
    }
}

/// The match is not inside a longer word.
pub fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(crate::text::is_word_char) && !after.is_some_and(crate::text::is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_case;

    #[test]
    fn tokens_are_words_and_punctuation() {
        let text = "Ông Peskov nói: \"Cần có\".";
        let folded = fold_case(text);
        let t = tokenize(text, &folded);
        let s: Vec<&str> = t.iter().map(|t| t.folded).collect();
        assert_eq!(s, ["ông", "peskov", "nói", ":", "\"", "cần", "có", "\"", "."]);
        assert!(t[0].cap && t[0].word && !t[3].word);
    }
}
