//! Content bounds: where a statement's proposition starts and ends in its
//! sentence (after the cue and complementiser, before a trailing clause of its
//! own, a quotation before its speaker).

use super::*;

impl Extractor {
    /// Where the content after a cue starts: after a recipient, a
    /// complementizer (rằng, that) and a colon.
    pub(super) fn content_start(&self, prep: &Prepared, lex: &Lexicon, hit: &CueHit) -> usize {
        let n = prep.toks.len();
        let mut j = hit.last;
        // "that" after a few words of time or recipient (said Tuesday that,
        // told reporters on Monday that).
        if lex.language == Language::En {
            for k in j..(j + 6).min(n) {
                let t = &prep.toks[k];
                if lex.complementizers.contains(t.folded) {
                    return k + 1;
                }
                let filler = !t.word && t.folded == ","
                    || t.word
                        && (t.cap
                            || lex.np_words.contains(t.folded)
                            || lex.addressees.contains(t.folded)
                            || lex.time_words.contains(t.folded));
                if !filler {
                    break;
                }
            }
        }
        if hit.cue.takes_recipient {
            // The recipient: names, titles, addressees ("phóng viên"), joined by "và".
            let mut r = j;
            while r < n && prep.toks[r].word {
                let phrase = |set: &dyn Fn(&str) -> bool| prep.phrase_starting_at(r, set);
                if let Some(k) = phrase(&|w| {
                    lex.addressees.contains(w) || lex.np_words.contains(w) || lex.person_titles.contains_key(w)
                }) {
                    r += k;
                } else if prep.toks[r].cap || lex.list_joiners.contains(prep.toks[r].folded) {
                    r += 1;
                } else {
                    break;
                }
            }
            // "nói với Tổng thống Putin và Tổng thống Macron về hành động …": what
            // is said is about the matter. In Vietnamese the recipient must end at
            // an about-marker, a complementiser or punctuation to be one.
            let about = prep.phrase_starting_at(r, &|w| lex.about_markers.contains(w));
            let ends = about.is_some()
                || r >= n
                || !prep.toks[r].word
                || prep
                    .phrase_starting_at(r, &|w| lex.complementizers.contains(w))
                    .is_some();
            if lex.language == Language::En || ends {
                j = r + about.unwrap_or(0);
            }
        }
        // "khiếu nại lên Liên đoàn Bóng đá Việt Nam (VFF), cáo buộc …", "complained
        // to the league that …": a recipient that opens with a capital (or is an
        // addressee) runs to a comma, an about-marker or a complementiser.
        if let Some(k) = prep.phrase_starting_at(j, &|w| lex.recipient_markers.contains(w))
            && prep
                .toks
                .get(j + k)
                .is_some_and(|t| t.cap || lex.addressees.contains(t.folded) || lex.np_words.contains(t.folded))
        {
            let stop = |i: usize| {
                prep.is_punct(i, ",")
                    || prep.is_punct(i, "\"")
                    || prep
                        .phrase_starting_at(i, &|w| lex.complementizers.contains(w) || lex.about_markers.contains(w))
                        .is_some()
            };
            if let Some(end) = (j + k..n.min(j + k + 12)).find(|&i| stop(i)) {
                j = end;
                if let Some(about) = prep.phrase_starting_at(j, &|w| lex.about_markers.contains(w)) {
                    j += about;
                }
            }
        }
        // Time words right after the cue (said Tuesday, told them this weekend).
        while j < n && prep.toks[j].word && lex.time_words.contains(prep.toks[j].folded) && lex.language == Language::En
        {
            j += 1;
        }
        if let Some(k) = prep.phrase_starting_at(j, &|w| lex.complementizers.contains(w)) {
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
}

/// The inside of a sentence that is one quotation (and nothing else).
pub(super) fn pure_quote(sentence: &str) -> Option<&str> {
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

/// A clause boundary (";", ", nhưng", ", but") between two tokens, or a
/// coordinator right before the new subject at `b` (", and he accused …",
/// "— and he noted …", "… and Democrats accused …").
pub(super) fn boundary_between(prep: &Prepared, lex: &Lexicon, a: usize, b: usize) -> bool {
    let coordinator_before_b = |i: usize| {
        prep.phrase_starting_at(i, &|w| lex.coordinators.contains(w))
            .is_some_and(|k| i + k == b)
    };
    // A coordinator (at most four words) ends right at `b`: look only there.
    let coordinated = (b.saturating_sub(5).max(a)..b).any(|i| {
        ((prep.is_punct(i, ",") || prep.is_punct(i, "-")) && coordinator_before_b(i + 1))
            || (i > a + 1 && prep.toks[i - 1].word && coordinator_before_b(i))
    });
    coordinated
        || (a..b).any(|i| {
            prep.is_punct(i, ";")
                || (prep.is_punct(i, ",")
                    && prep
                        .phrase_starting_at(i + 1, &|w| lex.contrast_markers.contains(w))
                        .is_some())
        })
}

/// The start of the clause that contains token `i`.
pub(super) fn clause_start(prep: &Prepared, lex: &Lexicon, i: usize) -> usize {
    let mut j = i;
    // A fronted adverbial ("Trong một diễn biến khác hôm qua, …"): its comma.
    let adverbial_end = prep
        .phrase_starting_at(0, &|w| lex.adverbial_openers.contains(w))
        .and_then(|_| (1..prep.toks.len().min(16)).find(|&c| prep.is_punct(c, ",")));
    // A dateline in capitals ("HÀ NỘI -", "RIVERTON —") ends before the clause.
    let dateline = prep.capitals_dash(0, 7);
    if let Some(d) = dateline
        && j <= d
    {
        return (d + 1).min(prep.toks.len());
    }
    while j > 0 {
        if prep.is_punct(j - 1, ";") || prep.is_punct(j - 1, ":") || dateline == Some(j - 1) {
            break;
        }
        if prep.is_punct(j - 1, ",") {
            // A comma after an opening phrase (Trong khi đó, Về phần mình) starts the clause.
            let opener = prep.phrase_starting_at(0, &|w| lex.contrast_markers.contains(w));
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
pub(super) fn content_before(
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
    // "\"…,\" panel Chairman Rep. Chaffetz said": a few lower-case words of
    // description between the quotation that opens the sentence and the name.
    if prep.is_punct(0, "\"")
        && let Some(q) = (np_start.saturating_sub(4)..np_start)
            .rev()
            .find(|&i| !prep.toks[i].word)
        && prep.is_punct(q, "\"")
        && q > 0
    {
        before = q;
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
    // A sentence that opens with the quotation closed right before its speaker
    // ("\"…,\" Clinton said to cheers from …"): the quotation, whatever the tail,
    // unless the content goes on right after the cue ("\"…,\" she said, \"…\"").
    let opens_quoted = quote_closed && prep.is_punct(0, "\"");
    let near = if opens_quoted { tail.len().min(2) } else { tail.len() };
    let has_content = tail[..near].iter().any(|t| {
        (!t.word && matches!(t.folded, ":" | "\""))
            || (t.word && lex.complementizers.contains(t.folded) && lex.language == Language::En)
    });
    // Without quotation marks the cue must close its clause ("P, X khẳng định."):
    // "Trao đổi với phóng viên, ông X khẳng định P" holds P after the cue.
    let unquoted = !quote_closed && !prep.is_punct(before.saturating_sub(1), "\"");
    if tail_words > 8 && !opens_quoted || has_content || unquoted && tail_words > 3 {
        return None;
    }
    let mut end = before;
    if !quote_closed && end > 0 && prep.is_punct(end - 1, "\"") {
        end -= 1;
    }
    // Without quotation marks, a few words before the comma are a fronted
    // adverbial ("Mấy ngày qua, người dân … phản bác"), not what was said.
    if unquoted
        && ((0..end).filter(|&i| prep.toks[i].word).count() < 4
            || prep
                .phrase_starting_at(0, &|w| lex.adverbial_openers.contains(w))
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
pub(super) fn trailing_quote(prep: &Prepared, from: usize) -> Option<(usize, usize)> {
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
pub(super) fn trim_content(prep: &Prepared, lex: &Lexicon, c: &mut (usize, usize)) {
    let (mut a, mut b) = *c;
    b = b.min(prep.toks.len());
    loop {
        if a < b && !prep.toks[a].word && !matches!(prep.toks[a].folded, "(" | "[") {
            a += 1;
        } else if let Some(k) = (a < b)
            .then(|| prep.phrase_starting_at(a, &|w| lex.complementizers.contains(w)))
            .flatten()
            .filter(|&k| a + k < b && lex.language == Language::Vi)
        {
            a += k;
        } else {
            break;
        }
    }
    // Back over punctuation and a dangling contrast marker or coordinator (", nhưng",
    // ", and", "… the investigation and" before the next statement's source).
    loop {
        if b > a && !prep.toks[b - 1].word && !matches!(prep.toks[b - 1].folded, ")" | "]" | "%") {
            b -= 1;
        } else if let Some(k) = prep
            .phrase_ending_at(b, &|w| lex.coordinators.contains(w))
            .filter(|&k| b - k > a && b < prep.toks.len())
        {
            b -= k;
        } else if let Some(k) = prep
            .phrase_ending_at(b, &|w| lex.contrast_markers.contains(w) || lex.coordinators.contains(w))
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
pub(super) fn opening_contrast(prep: &Prepared, lex: &Lexicon) -> Option<String> {
    let k = prep.phrase_starting_at(0, &|w| lex.contrast_markers.contains(w))?;
    Some(prep.span(0, k).to_string())
}

pub(super) fn starts_with_phrase(folded: &str, phrases: &[String]) -> bool {
    let words: Vec<&str> = folded.split_whitespace().take(4).collect();
    let head = words.join(" ");
    phrases.iter().any(|p| head == *p || head.starts_with(&format!("{p} ")))
}

pub(super) fn sentence_initial_function_word(prep: &Prepared, lex: &Lexicon, i: usize) -> bool {
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
