//! Language detection (Vietnamese or English) from the letters of a text.

use crate::lexicon::Language;

/// Letters that occur in Vietnamese and not in English.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c,
        'ă' | 'â' | 'đ' | 'ê' | 'ô' | 'ơ' | 'ư' | 'Ă' | 'Â' | 'Đ' | 'Ê' | 'Ô' | 'Ơ' | 'Ư'
        | 'à'..='ã' | 'è'..='ê' | 'ì' | 'í' | 'ò'..='õ' | 'ù' | 'ú' | 'ý'
        | 'À'..='Ã' | 'È'..='Ê' | 'Ì' | 'Í' | 'Ò'..='Õ' | 'Ù' | 'Ú' | 'Ý'
        | 'ĩ' | 'ũ' | 'Ĩ' | 'Ũ' | '\u{1EA0}'..='\u{1EF9}')
}

/// Letters found only in Vietnamese (ă, đ, ơ, ư and the tone-marked vowels
/// of the Latin Extended Additional block) weigh 3; other accented letters
/// that Vietnamese shares with French or German weigh 1.
fn weight(c: char) -> usize {
    match c {
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | '\u{1EA0}'..='\u{1EF9}' => {
            3
        }
        c if is_vietnamese_letter(c) => 1,
        _ => 0,
    }
}

/// Vietnamese when the weighted Vietnamese letters reach 3% of the letters
/// (of the first 20,000 characters), and at least 2; English otherwise.
pub fn detect_language(text: &str) -> Language {
    let (mut letters, mut vietnamese) = (0usize, 0usize);
    for c in text
        .chars()
        .take(20_000)
        .filter(|&c| crate::text::is_word_char(c) && !c.is_ascii_digit())
    {
        letters += 1;
        vietnamese += weight(c);
    }
    if vietnamese >= 2 && vietnamese * 100 >= letters * 3 {
        Language::Vi
    } else {
        Language::En
    }
}

/// The language whose function words (each lexicon's stop words) the text
/// uses more: an English report quoting "Nguyễn Thị Hương" is English, a
/// Vietnamese one naming "The Guardian" is Vietnamese. Falls back to the
/// letters ([`detect_language`]) when neither list is met. Counting stops
/// at the first 20,000 characters, or once one language leads by 100.
pub fn detect_language_by_words(text: &str, vi: &dyn Fn(&str) -> bool, en: &dyn Fn(&str) -> bool) -> Language {
    detect_language_by_folded_words(&crate::text::fold_case(head(text)), vi, en)
}

/// Function words one language must lead by for the count to stop early.
const DECISIVE_LEAD: usize = 100;

/// The first 20,000 characters of a text.
fn head(text: &str) -> &str {
    if text.len() <= 20_000 {
        return text;
    }
    text.char_indices().nth(20_000).map_or(text, |(i, _)| &text[..i])
}

/// [`detect_language_by_words`] of a text already [case-folded](crate::text::fold_case)
/// (an article is folded once for every stage).
pub fn detect_language_by_folded_words(folded: &str, vi: &dyn Fn(&str) -> bool, en: &dyn Fn(&str) -> bool) -> Language {
    let (mut v, mut e) = (0usize, 0usize);
    let folded = head(folded);
    for w in crate::text::words(folded) {
        let word = &folded[w.start..w.end];
        // Words both lists hold say nothing.
        match (vi(word), en(word)) {
            (true, false) => v += 1,
            (false, true) => e += 1,
            _ => {}
        }
        // A lead this large is never a close call: the rest cannot matter.
        if v.abs_diff(e) >= DECISIVE_LEAD {
            break;
        }
    }
    if v == 0 && e == 0 {
        // Letters weigh the same in either case.
        return detect_language(folded);
    }
    if e > v { Language::En } else { Language::Vi }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_decide_over_names() {
        let vi: std::collections::HashSet<String> = ["của", "và", "là", "các"].iter().map(|s| s.to_string()).collect();
        let en: std::collections::HashSet<String> =
            ["the", "of", "and", "said"].iter().map(|s| s.to_string()).collect();
        let text = "Nguyễn Thị Hương, the head of the Đồng Nai office, said the plan was fair.";
        let (v, e) = (|w: &str| vi.contains(w), |w: &str| en.contains(w));
        assert_eq!(detect_language_by_words(text, &v, &e), Language::En);
        let text = "Tờ The Guardian đưa tin các quan chức của Việt Nam và Lào đã gặp nhau.";
        assert_eq!(detect_language_by_words(text, &v, &e), Language::Vi);
    }

    #[test]
    fn detects_both() {
        assert_eq!(
            detect_language("Armenia cáo buộc nước láng giềng Azerbaijan khởi động"),
            Language::Vi
        );
        assert_eq!(
            detect_language("Armenia accused neighbouring Azerbaijan of launching"),
            Language::En
        );
        assert_eq!(detect_language("Café in Zürich"), Language::En);
        assert_eq!(detect_language(""), Language::En);
    }
}
