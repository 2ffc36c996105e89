//! Sentences: a normalised text split into paragraphs (lines) and sentences.
//!
//! A full stop does not end a sentence after an abbreviation (Mr., TP.), an
//! initial (J. Smith), inside a number or time (written without spaces, they
//! never reach the splitter), or when what follows is not a capital, a digit or
//! a quote. Nothing inside a quotation ends a sentence, so a quotation spanning
//! several sentences stays one unit for attribution (up to
//! [`MAX_QUOTE_BYTES`], after which an unclosed quote stops protecting).

use std::collections::HashSet;

/// A quotation longer than this stops holding sentences together.
pub const MAX_QUOTE_BYTES: usize = 2000;
/// A "sentence" longer than this (text without stops, a crawl's run-on
/// paragraph) is cut at spaces into pieces of at most this size, so the cost
/// of every per-sentence rule stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// A sentence: a byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (line) it is in.
    pub paragraph: usize,
    /// The article's headline: a first short line without final punctuation.
    pub headline: bool,
}

/// Sentence openers ("Về việc", "Theo đó"): folded phrases of at most four
/// words, looked up by their first word first (most capitals open none).
#[derive(Debug, Clone, Default)]
pub struct Openers {
    phrases: rustc_hash::FxHashSet<String>,
    first_words: rustc_hash::FxHashSet<String>,
}

impl Openers {
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

impl FromIterator<String> for Openers {
    fn from_iter<I: IntoIterator<Item = String>>(phrases: I) -> Openers {
        let phrases: rustc_hash::FxHashSet<String> = phrases.into_iter().collect();
        let first_words = phrases
            .iter()
            .filter_map(|p| p.split_whitespace().next())
            .map(str::to_string)
            .collect();
        Openers { phrases, first_words }
    }
}

/// Splits `text` (normalised) into sentences. `abbreviations` are folded words
/// after which a full stop does not end a sentence.
pub fn split_sentences(text: &str, abbreviations: &HashSet<String>) -> Vec<Sentence> {
    split_sentences_with(text, abbreviations, &Openers::default())
}

/// [`split_sentences`], and a sentence also starts, outside quotations, at a
/// capitalised opener phrase right after a lower-case word ("…thuở còn mặn
/// nồng Về việc Quang Huy cho rằng …": a caption or subheading glued to the
/// sentence). `openers` are folded phrases of at most four words.
pub fn split_sentences_with(text: &str, abbreviations: &HashSet<String>, openers: &Openers) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut paragraph = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let lead = body.len() - body.trim_start().len();
            let before = out.len();
            split_paragraph(trimmed, offset + lead, paragraph, abbreviations, openers, &mut out);
            if paragraph == 0 && out.len() - before == 1 && is_headline(trimmed) {
                out[before].headline = true;
            }
            paragraph += 1;
        }
        offset += line.len();
    }
    out
}

fn is_headline(line: &str) -> bool {
    let last = line.chars().next_back().unwrap_or('.');
    line.chars().count() <= 200
        && line.split_whitespace().count() >= 2
        && !matches!(last, '.' | '!' | '?' | '…' | ':' | ';' | ',' | '"' | '\'' | ')')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The character at byte `i` (a char boundary inside `p`).
fn ch(p: &str, i: usize) -> char {
    p[i..].chars().next().unwrap_or(' ')
}

/// At byte `j` (a capital after a space after a lower-case letter): an opener phrase.
fn opener_at(p: &str, j: usize, openers: &Openers) -> bool {
    let mut words = p[j..]
        .split(' ')
        .take(4)
        .map(|w| w.trim_end_matches([',', '.', ':', ';']));
    let Some(first) = words.next().filter(|w| !w.is_empty()) else {
        return false;
    };
    let mut phrase = crate::text::fold_case(first);
    if !openers.first_words.contains(&phrase) {
        return false;
    }
    if openers.phrases.contains(&phrase) {
        return true;
    }
    for word in words {
        if word.is_empty() {
            break;
        }
        phrase.push(' ');
        phrase.push_str(&crate::text::fold_case(word));
        if openers.phrases.contains(&phrase) {
            return true;
        }
    }
    false
}

fn split_paragraph(
    p: &str,
    base: usize,
    paragraph: usize,
    abbreviations: &HashSet<String>,
    openers: &Openers,
    out: &mut Vec<Sentence>,
) {
    // Byte offsets throughout: no per-character buffer, whatever the length.
    let mut start = 0usize;
    let mut quote_open: Option<usize> = None;
    let mut pos = 0usize;
    let mut prev: Option<char> = None;
    while pos < p.len() {
        let c = ch(p, pos);
        let next = pos + c.len_utf8();
        if c == '"' {
            quote_open = match quote_open {
                Some(_) => None,
                None => Some(pos),
            };
            // A closing quote right after a terminator may end the sentence.
            if quote_open.is_none() && prev.is_some_and(is_terminator) && boundary_follows(p, next) {
                push(out, p, base, start, next, paragraph);
                start = next_start(p, next);
            }
            prev = Some(c);
            pos = next;
            continue;
        }
        if let Some(q) = quote_open
            && pos - q > MAX_QUOTE_BYTES
        {
            quote_open = None;
        }
        if is_terminator(c) && quote_open.is_none() {
            // The whole run of terminators (?!, ..., .").
            let mut j = next;
            let mut last = c;
            while j < p.len() && (is_terminator(ch(p, j)) || ch(p, j) == ')') {
                last = ch(p, j);
                j += last.len_utf8();
            }
            if j < p.len() && ch(p, j) == '"' {
                // Handled when the quote closes.
                prev = Some(last);
                pos = j;
                continue;
            }
            let run_is_stop = c == '.' && j == next;
            if boundary_follows(p, j) && !(run_is_stop && no_stop_after(p, pos, abbreviations)) {
                push(out, p, base, start, j, paragraph);
                start = next_start(p, j);
            }
            prev = Some(last);
            pos = j;
            continue;
        }
        if c == ' '
            && quote_open.is_none()
            && !openers.is_empty()
            && prev.is_some_and(char::is_lowercase)
            && next < p.len()
            && ch(p, next).is_uppercase()
            && opener_at(p, next, openers)
        {
            push(out, p, base, start, pos, paragraph);
            start = next;
        }
        prev = Some(c);
        pos = next;
    }
    if start < p.len() {
        push(out, p, base, start, p.len(), paragraph);
    }
}

/// After byte j: end of paragraph, or a space then a capital, digit, quote,
/// bracket or dash.
fn boundary_follows(p: &str, j: usize) -> bool {
    let mut rest = p[j..].chars();
    match rest.next() {
        None => true,
        Some(' ') => match rest.next() {
            None => true,
            // "…” - Sonya Herridge" at the paragraph's end: the quotation's
            // signature, part of its sentence.
            Some('-') if signature(&p[j + 2..]) => false,
            Some(n) => n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '(' | '[' | '-' | '\''),
        },
        _ => false,
    }
}

/// The rest of a paragraph after a dash: a short capitalised name, at most
/// a full stop after it.
fn signature(rest: &str) -> bool {
    let name = rest.trim().trim_end_matches('.');
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !name.contains(['.', '!', '?', '"', ':', ';'])
}

/// The word before the full stop at byte `dot` is an abbreviation or an initial.
fn no_stop_after(p: &str, dot: usize, abbreviations: &HashSet<String>) -> bool {
    let word_start = p[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(crate::text::is_word_char(c) || c == '.'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &p[word_start..dot];
    if word.is_empty() {
        return false;
    }
    let folded = crate::text::fold_case(word);
    // An initial ("J. Smith"); a one-letter word with a diacritic ("châu Á.") is a word.
    let single_capital = word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    single_capital || abbreviations.contains(&folded) || abbreviations.contains(folded.trim_end_matches('.'))
}

fn next_start(p: &str, j: usize) -> usize {
    j + (p[j..].len() - p[j..].trim_start_matches(' ').len())
}

fn push(out: &mut Vec<Sentence>, p: &str, base: usize, mut start: usize, end: usize, paragraph: usize) {
    while end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !p.is_char_boundary(cut) {
            cut -= 1;
        }
        // The last space before the limit (or the limit itself in a space-less run).
        let cut = p[start..cut].rfind(' ').map_or(cut, |i| start + i + 1).max(start + 1);
        let cut = (start + 1..=cut).rev().find(|&c| p.is_char_boundary(c)).unwrap_or(cut);
        push_one(out, p, base, start, cut, paragraph);
        start = cut;
    }
    push_one(out, p, base, start, end, paragraph);
}

fn push_one(out: &mut Vec<Sentence>, p: &str, base: usize, start: usize, end: usize, paragraph: usize) {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().is_empty() {
        return;
    }
    out.push(Sentence {
        start: base + start + lead,
        end: base + end - trail,
        paragraph,
        headline: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitalised_opener_after_a_lower_case_word_starts_a_sentence() {
        let abbr = HashSet::new();
        let openers: Openers = ["về việc", "theo đó"].iter().map(|s| s.to_string()).collect();
        let t = "Hai người từng rất thân Về việc Huy cho rằng vậy, Hà bác bỏ. Ông nói \"thân Về việc\" và Về.";
        let got: Vec<&str> = split_sentences_with(t, &abbr, &openers)
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            [
                "Hai người từng rất thân",
                "Về việc Huy cho rằng vậy, Hà bác bỏ.",
                "Ông nói \"thân Về việc\" và Về."
            ]
        );
    }

    fn split(t: &str) -> Vec<&str> {
        let abbr: HashSet<String> = ["mr", "tp", "u.s", "dr"].iter().map(|s| s.to_string()).collect();
        split_sentences(t, &abbr).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn a_one_letter_word_is_no_initial() {
        assert_eq!(
            split("Họ gây khó ở châu Âu. Người phát ngôn nói vậy."),
            vec!["Họ gây khó ở châu Âu.", "Người phát ngôn nói vậy."]
        );
        assert_eq!(split("Ông J. Smith nói vậy."), vec!["Ông J. Smith nói vậy."]);
    }

    #[test]
    fn a_signature_after_a_quotation_stays_with_it() {
        assert_eq!(
            split("\"He scares me. He is wrong.\" - Krystal Correa."),
            vec!["\"He scares me. He is wrong.\" - Krystal Correa."]
        );
        // A dash that opens a longer sentence still starts one.
        assert_eq!(
            split("\"It ended.\" - Then the council met again on Monday to vote."),
            vec!["\"It ended.\"", "- Then the council met again on Monday to vote."]
        );
    }

    #[test]
    fn splits_on_stops_before_capitals() {
        assert_eq!(
            split("Một câu. Hai câu! Ba câu? Bốn."),
            ["Một câu.", "Hai câu!", "Ba câu?", "Bốn."]
        );
    }

    #[test]
    fn abbreviations_initials_numbers_and_times_hold() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones in the U.S. Army base."),
            ["Mr. Smith met Dr. Jones in the U.S. Army base."]
        );
        assert_eq!(
            split("J. K. Rowling wrote it. Then left."),
            ["J. K. Rowling wrote it.", "Then left."]
        );
        assert_eq!(
            split("Có 4.400 người, 1,1 triệu USD lúc 2:30 sáng 13/9 và 11h52, nhiệt độ 14.7 độ. Hết."),
            [
                "Có 4.400 người, 1,1 triệu USD lúc 2:30 sáng 13/9 và 11h52, nhiệt độ 14.7 độ.",
                "Hết."
            ]
        );
        assert_eq!(
            split("Ông ở TP. Hồ Chí Minh. Bà ở TP.HCM."),
            ["Ông ở TP. Hồ Chí Minh.", "Bà ở TP.HCM."]
        );
    }

    #[test]
    fn quotations_stay_one_unit() {
        assert_eq!(
            split("Ông nói: \"Chúng tôi sẽ đi. Không ai cản được... Thế thôi.\" Sau đó ông rời đi."),
            [
                "Ông nói: \"Chúng tôi sẽ đi. Không ai cản được... Thế thôi.\"",
                "Sau đó ông rời đi."
            ]
        );
        assert_eq!(
            split("\"It is over,\" he said. Then he left."),
            ["\"It is over,\" he said.", "Then he left."]
        );
    }

    #[test]
    fn ellipsis_before_lower_case_holds() {
        assert_eq!(split("Chờ đã... rồi đi. Xong."), ["Chờ đã... rồi đi.", "Xong."]);
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_pieces() {
        let text = "từ ".repeat(10_000);
        let s = split_sentences(text.trim(), &HashSet::new());
        assert!(s.len() >= 7);
        assert!(s.iter().all(|x| x.end - x.start <= MAX_SENTENCE_BYTES));
        let spaceless = "ư".repeat(5_000);
        let s = split_sentences(&spaceless, &HashSet::new());
        assert!(
            s.iter()
                .all(|x| spaceless.is_char_boundary(x.start) && spaceless.is_char_boundary(x.end))
        );
        assert_eq!(s.iter().map(|x| x.end - x.start).sum::<usize>(), spaceless.len());
    }

    #[test]
    fn paragraphs_and_headline() {
        let t = "Armenia và Azerbaijan đọ súng\nCâu một. Câu hai.\n\nĐoạn hai.";
        let abbr = HashSet::new();
        let s = split_sentences(t, &abbr);
        assert_eq!(s.len(), 4);
        assert!(s[0].headline);
        assert!(!s[1].headline);
        assert_eq!((s[1].paragraph, s[3].paragraph), (1, 2));
    }
}
