//! One sentence prepared for attribution: tokens with their folded forms,
//! the gazetteer names in it and the reporting cues in it.

use crate::actors::{Gazetteer, Mention};
use crate::lexicon::{Cue, Lexicon};
use crate::text::{fold_case, is_capitalized, words};
use aho_corasick::AhoCorasick;

/// A token: a word or a punctuation character.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    pub folded: String,
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
    pub folded: String,
    pub toks: Vec<Tok>,
    pub mentions: Vec<Mention>,
    /// Per token: the mention covering it.
    pub mention_at: Vec<Option<usize>>,
    pub cues: Vec<CueHit<'l>>,
}

/// Tokenises: words (see [`crate::text::words`]) and every other non-space
/// character as its own token.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let ws = words(text);
    let mut out = Vec::with_capacity(ws.len() * 2);
    let push_punct = |from: usize, to: usize, out: &mut Vec<Tok>| {
        for (i, c) in text[from..to].char_indices() {
            if !c.is_whitespace() {
                let s = from + i;
                out.push(Tok {
                    start: s,
                    end: s + c.len_utf8(),
                    word: false,
                    folded: c.to_string(),
                    cap: false,
                });
            }
        }
    };
    let mut pos = 0;
    for w in ws {
        push_punct(pos, w.start, &mut out);
        let s = &text[w.start..w.end];
        out.push(Tok {
            start: w.start,
            end: w.end,
            word: true,
            folded: fold_case(s),
            cap: is_capitalized(s),
        });
        pos = w.end;
    }
    push_punct(pos, text.len(), &mut out);
    out
}

impl<'s, 'l> Prepared<'s, 'l> {
    pub fn new(
        text: &'s str,
        lex: &'l Lexicon,
        cue_matcher: &AhoCorasick,
        non_speech: &AhoCorasick,
        gazetteer: &Gazetteer,
    ) -> Self {
        let folded = fold_case(text);
        let toks = tokenize(text);
        let is_title = |w: &str| lex.np_words.contains(w);
        let mentions = gazetteer.find(text, &folded, &is_title);
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
        // Non-speech phrases (tuyên bố độc lập, nói trên) hide the cues they cover.
        let blocked: Vec<(usize, usize)> = non_speech
            .find_iter(&folded)
            .filter(|m| word_bounded(&folded, m.start(), m.end()))
            .map(|m| (m.start(), m.end()))
            .collect();
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
        for m in cue_matcher.find_iter(&folded) {
            if quotes.iter().any(|&(s, e)| s < m.start() && m.end() <= e) {
                continue;
            }
            if !word_bounded(&folded, m.start(), m.end()) {
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
            let first = toks.binary_search_by_key(&m.start(), |t| t.start).ok();
            let last = toks.binary_search_by_key(&m.end(), |t| t.end).ok();
            if let (Some(first), Some(last)) = (first, last) {
                cues.push(CueHit {
                    first,
                    last: last + 1,
                    cue,
                });
            }
        }
        Prepared {
            text,
            folded,
            toks,
            mentions,
            mention_at,
            cues,
        }
    }

    /// The text of a token range.
    pub fn span(&self, a: usize, b: usize) -> &'s str {
        if a >= b || a >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// The folded words of a token range joined by single spaces.
    pub fn folded_words(&self, a: usize, b: usize) -> String {
        let mut s = String::new();
        for t in &self.toks[a..b] {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&t.folded);
        }
        s
    }

    /// Length (in tokens, up to 4) of the longest phrase of `set` that ends
    /// just before token `end`.
    pub fn phrase_ending_at(&self, end: usize, has: &dyn Fn(&str) -> bool) -> Option<usize> {
        (1..=4.min(end)).rev().find(|&k| has(&self.folded_words(end - k, end)))
    }

    /// Length of the longest phrase of `set` that starts at token `start`.
    pub fn phrase_starting_at(&self, start: usize, has: &dyn Fn(&str) -> bool) -> Option<usize> {
        (1..=4.min(self.toks.len().saturating_sub(start)))
            .rev()
            .find(|&k| has(&self.folded_words(start, start + k)))
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word && t.folded == c)
    }
}

/// The match is not inside a longer word.
pub fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_words_and_punctuation() {
        let t = tokenize("Ông Peskov nói: \"Cần có\".");
        let s: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(s, ["ông", "peskov", "nói", ":", "\"", "cần", "có", "\"", "."]);
        assert!(t[0].cap && t[0].word && !t[3].word);
    }
}
