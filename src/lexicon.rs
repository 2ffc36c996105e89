//! Language knowledge as data: cue words with their kind, contrast markers,
//! falsity predicates, negations, non-speech uses, pronouns, titles and stop
//! words, per language.
//!
//! The bundled files are data/lexicons/vi.json and en.json (compiled into the
//! binary, so it runs from anywhere); a user file given with `--lexicon`
//! extends them: same shape, its `language` says which lexicon it adds to.

use crate::error::{Diagnostic, Error, Result};
use crate::model::Kind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A language claimgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Vi,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" | "vie" | "vietnamese" => Some(Language::Vi),
            "en" | "eng" | "english" => Some(Language::En),
            _ => None,
        }
    }
}

/// One reporting cue.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub cue: String,
    pub kind: Kind,
    /// A relaying verb (đưa tin, reported): its subject relays, not asserts.
    #[serde(default)]
    pub relay: bool,
    /// Takes a recipient before the content (told X that …).
    #[serde(default)]
    pub takes_recipient: bool,
    /// Only a cue in a passive ("bị X gọi là").
    #[serde(default)]
    pub passive_only: bool,
    /// A word that must follow the cue in its clause ("X gọi Y **là** Z").
    #[serde(default)]
    pub then: Option<String>,
    /// A cue of backing ("backed", "ủng hộ"): the statement supports the
    /// statement of the actor its content names ("backed Solberg's account").
    #[serde(default)]
    pub backs: bool,
    /// A cue of refusal ("từ chối", "refused", "declined"): the statement
    /// answers an appeal made to its source ("urged X to repay" / "X refused to").
    #[serde(default)]
    pub refuses: bool,
}

/// A pronoun or anaphoric phrase and what it can refer to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pronoun {
    pub word: String,
    /// person | country | group | organisation | any
    pub refers: String,
    /// For a person: `m` or `f` when the word tells (she, bà, cô).
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// A personal title written before a name (ông, bà, TS, Mr, Governor).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub word: String,
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// A phrase in a statement's content that gives a neutral cue's statement its
/// kind: "Mỹ **nên** dừng …" (appeal), "… là **không thể chấp nhận**"
/// (condemnation), "**không liên quan**" (denial).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindMarker {
    pub phrase: String,
    pub kind: Kind,
    /// Only within the content's first `within` words (a modal after its
    /// subject); anywhere when absent.
    #[serde(default)]
    pub within: Option<usize>,
    /// Not as the content's first word: a subject comes before it ("nên"
    /// opening a clause is "so").
    #[serde(default)]
    pub after_subject: bool,
}

/// Grammatical gender of a person reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Gender {
    #[serde(rename = "m")]
    Male,
    #[serde(rename = "f")]
    Female,
}

/// The file shape of a lexicon.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    pub language: String,
    #[serde(default)]
    pub about: Option<String>,
    #[serde(default)]
    pub cues: Vec<Cue>,
    #[serde(default)]
    pub non_speech: Vec<String>,
    #[serde(default)]
    pub complementizers: Vec<String>,
    #[serde(default)]
    pub according_to: Vec<String>,
    #[serde(default)]
    pub no_speaker_after_according_to: Vec<String>,
    #[serde(default)]
    pub contrast_markers: Vec<String>,
    #[serde(default)]
    pub weak_contrast_markers: Vec<String>,
    #[serde(default)]
    pub link_stop_words: Vec<String>,
    #[serde(default)]
    pub falsity: Vec<String>,
    #[serde(default)]
    pub negations: Vec<String>,
    #[serde(default)]
    pub reciprocal: Vec<String>,
    #[serde(default)]
    pub reported_nouns: Vec<String>,
    #[serde(default)]
    pub passive_markers: Vec<String>,
    #[serde(default)]
    pub passive_agent_markers: Vec<String>,
    #[serde(default)]
    pub relative_markers: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub subordinators: Vec<String>,
    #[serde(default)]
    pub pronouns: Vec<Pronoun>,
    #[serde(default)]
    pub np_words: Vec<String>,
    #[serde(default)]
    pub demonyms: BTreeMap<String, String>,
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Words followed by a full stop that does not end a sentence (Mr., TP.).
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Time words that may stand between a cue and its content (said Tuesday).
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Labels before a colon that name no speaker (Update:, Ảnh:).
    #[serde(default)]
    pub non_speaker_labels: Vec<String>,
    /// Places a country claims ("claims the islands" is not speech).
    #[serde(default)]
    pub territorial_nouns: Vec<String>,
    /// Authorities a relayed report can be about ("báo X đưa tin rằng chính phủ …").
    #[serde(default)]
    pub authority_nouns: Vec<String>,
    /// Personal titles before a name (ông, bà, luật sư, Mr, Governor), with a gender where they tell one.
    #[serde(default)]
    pub person_titles: Vec<Title>,
    /// Common nouns that head a speaker phrase on their own (người dân, chuyên gia, residents, officials).
    #[serde(default)]
    pub speaker_heads: Vec<String>,
    /// Head nouns of organisation names (Công ty, Bộ, Sở, Ministry, Company).
    #[serde(default)]
    pub organisation_heads: Vec<String>,
    /// Family names that open a personal name without a title (Nguyễn, Trần).
    #[serde(default)]
    pub surnames: Vec<String>,
    /// Words that open a speaker phrase before its head (một, các, some, the).
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Words that name an owner after a report noun ("thống kê của X", "the findings of X").
    #[serde(default)]
    pub owner_markers: Vec<String>,
    /// Words that close a fronted "theo X" phrase ("theo X thì …").
    #[serde(default)]
    pub then_markers: Vec<String>,
    /// Words that join a second reporting verb to the first, same speaker
    /// ("phủ nhận … cũng như khẳng định", "said … but denied").
    #[serde(default)]
    pub coordinators: Vec<String>,
    /// Words that join two parts of one name phrase ("Pháp và Đức", "Bộ Quốc
    /// phòng của Armenia", "the Ministry of Defence").
    #[serde(default)]
    pub name_connectors: Vec<String>,
    /// Head words of media names: a speaker so named is a medium ("báo", "hãng", "newspaper").
    #[serde(default)]
    pub media_heads: Vec<String>,
    /// Titles of office: a person introduced with one and a country or
    /// organisation ("Bộ trưởng Quốc phòng Mỹ X", "X, the company's chief
    /// executive,") speaks for that actor.
    #[serde(default)]
    pub office_titles: Vec<String>,
    /// Words that make a title of office a former one ("cựu", "former").
    #[serde(default)]
    pub former_markers: Vec<String>,
    /// Titles of those who speak for a person ("attorney", "publicist",
    /// "luật sư", "người đại diện"): "Solberg's publicist, Tamsin Reeve,"
    /// speaks for Solberg, as an office holder speaks for an organisation.
    #[serde(default)]
    pub representative_titles: Vec<String>,
    /// Words that open the content of a statement of backing ("ra thông báo
    /// **ủng hộ** lập trường của X", "voiced **support for** X's account"): it
    /// supports the named actor's statement, as a cue of backing does.
    #[serde(default)]
    pub backing_words: Vec<String>,
    /// Words before the one a statement is sent to ("khiếu nại **lên** VFF",
    /// "complained **to** the league that"): the recipient is no content.
    #[serde(default)]
    pub recipient_markers: Vec<String>,
    /// Organisation heads that name the same kind of body, each group a list
    /// (["công ty", "doanh nghiệp", "hãng"], ["company", "firm"]): "doanh
    /// nghiệp này" and "the firm" refer back to a "Công ty X" named before.
    #[serde(default)]
    pub head_kin: Vec<Vec<String>>,
    /// Heads of a country's own bodies ("bộ", "chính phủ", "ministry",
    /// "embassy"): such a body named with its country ("Bộ Quốc phòng Nga")
    /// speaks for the country; a city's or a province's body ("Sở GD-ĐT Hà
    /// Nội") keeps its own name.
    #[serde(default)]
    pub national_heads: Vec<String>,
    /// Prepositions of place ("ở", "tại", "in", "at"): a place named after one
    /// is where the speaker is, not the speaker ("a former executive on trial
    /// in Ho Chi Minh City denied").
    #[serde(default)]
    pub place_prepositions: Vec<String>,
    /// Nouns of administrative units ("xã", "phường", "huyện"): a group named
    /// with one and a place ("Hàng trăm hộ dân xã Phước Lợi") is the speaker,
    /// not the place.
    #[serde(default)]
    pub place_units: Vec<String>,
    /// Articles ("the", "a", "an"): a capitalised run after one is no personal name ("the White House"), and a phrase of articles alone names no one.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Words that close a phrase as a reference to something named before ("này", "ấy", "nói trên"), one word each.
    #[serde(default)]
    pub demonstratives: Vec<String>,
    /// Words that make a role noun refer to someone already named ("vị", "the").
    #[serde(default)]
    pub definite_markers: Vec<String>,
    /// Classifiers for a respected person before a role noun ("vị chuyên gia").
    #[serde(default)]
    pub person_classifiers: Vec<String>,
    /// Words that join names into a list of co-speakers ("và", "cùng", "and").
    #[serde(default)]
    pub list_joiners: Vec<String>,
    /// Lower-case words inside an English organisation name ("of", "for", "and", "&").
    #[serde(default)]
    pub org_name_joiners: Vec<String>,
    /// Words a subject phrase read back from its verb never crosses ("that", "because", "which", "but"): English subjects of common nouns.
    #[serde(default)]
    pub clause_barriers: Vec<String>,
    /// Finite auxiliaries and copulas ("is", "was", "had", "would"): a subject phrase holds none.
    #[serde(default)]
    pub finite_verbs: Vec<String>,
    /// Words a subject phrase never opens with (prepositions: "with", "over", "despite").
    #[serde(default)]
    pub not_subject_starts: Vec<String>,
    /// Words after a past tense that make it a verb with an object ("refused to", "expressed no"), besides determiners.
    #[serde(default)]
    pub object_openers: Vec<String>,
    /// Plural and classifier words that open a group subject of common nouns ("các", "những", "một số").
    #[serde(default)]
    pub group_openers: Vec<String>,
    /// Nouns of documents that speak for their owner ("poll", "database",
    /// "khảo sát"): "according to a Post poll" is the poll's statement, not a relay.
    #[serde(default)]
    pub document_nouns: Vec<String>,
    /// Phrases that open a sentence and never continue one: written with a
    /// capital right after a lower-case word, they start a new sentence (a
    /// caption or subheading glued to the text: "… rất thân Về việc X …").
    #[serde(default)]
    pub sentence_openers: Vec<String>,
    /// Words after a cue that name who was spoken to, not the content ("told **reporters**", "him").
    #[serde(default)]
    pub addressees: Vec<String>,
    /// Words by which a relayer names the source it quotes ("a report citing X", "dẫn lời X").
    #[serde(default)]
    pub citing_markers: Vec<String>,
    /// Words that open a fronted adverbial phrase ended by a comma ("Ở một diễn biến
    /// khác, …", "In a press release issued the next day, …").
    #[serde(default)]
    pub adverbial_openers: Vec<String>,
    /// Words that open a sentence going on with what the previous sentence's
    /// source said ("Theo đó, …").
    #[serde(default)]
    pub continuation_markers: Vec<String>,
    /// Reported nouns that name an accusation, not a plain claim (cáo buộc, allegation).
    #[serde(default)]
    pub accusation_nouns: Vec<String>,
    /// Words between a reported noun and what it reports ("tin về …", "reports of …").
    #[serde(default)]
    pub about_markers: Vec<String>,
    /// Cue forms that are also plural nouns ("zone claims", "news reports").
    #[serde(default)]
    pub noun_like_cues: Vec<String>,
    /// Content phrases that give a neutral cue's statement a kind.
    #[serde(default)]
    pub kind_markers: Vec<KindMarker>,
}

/// A loaded lexicon of one language, with its phrase lists folded to lower case.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub language: Language,
    pub cues: Vec<Cue>,
    pub non_speech: Vec<String>,
    pub complementizers: HashSet<String>,
    pub according_to: Vec<String>,
    pub no_speaker_after_according_to: HashSet<String>,
    pub contrast_markers: HashSet<String>,
    /// Contrast markers that often only move the story on ("meanwhile", "trong khi
    /// đó"): a plain claim after one counters only a statement it is aimed at.
    pub weak_contrast_markers: HashSet<String>,
    /// Words that are no content when linking statements, beyond the stop words:
    /// the speaker's and hearer's pronouns ("chúng tôi", "we"), which any two
    /// quotations share.
    pub link_stop_words: HashSet<String>,
    pub falsity: Vec<String>,
    pub negations: Vec<String>,
    pub reciprocal: Vec<String>,
    pub reported_nouns: HashSet<String>,
    pub passive_markers: HashSet<String>,
    pub passive_agent_markers: HashSet<String>,
    pub relative_markers: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub subordinators: HashSet<String>,
    pub pronouns: HashMap<String, String>,
    pub np_words: HashSet<String>,
    pub stop_words: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub time_words: HashSet<String>,
    pub non_speaker_labels: HashSet<String>,
    pub territorial_nouns: HashSet<String>,
    pub authority_nouns: HashSet<String>,
    pub pronoun_gender: HashMap<String, Gender>,
    pub person_titles: HashMap<String, Option<Gender>>,
    pub speaker_heads: HashSet<String>,
    pub organisation_heads: HashSet<String>,
    pub surnames: HashSet<String>,
    pub determiners: HashSet<String>,
    pub owner_markers: HashSet<String>,
    pub then_markers: HashSet<String>,
    pub coordinators: HashSet<String>,
    pub citing_markers: HashSet<String>,
    pub name_connectors: HashSet<String>,
    pub media_heads: HashSet<String>,
    pub addressees: HashSet<String>,
    pub sentence_openers: HashSet<String>,
    pub document_nouns: HashSet<String>,
    pub office_titles: HashSet<String>,
    pub former_markers: HashSet<String>,
    pub representative_titles: HashSet<String>,
    pub backing_words: Vec<String>,
    pub recipient_markers: HashSet<String>,
    /// Folded organisation head → the other heads of its group (see `LexiconFile::head_kin`).
    pub head_kin: HashMap<String, Vec<String>>,
    pub national_heads: HashSet<String>,
    pub place_prepositions: HashSet<String>,
    pub place_units: HashSet<String>,
    pub articles: HashSet<String>,
    pub demonstratives: HashSet<String>,
    pub definite_markers: HashSet<String>,
    pub person_classifiers: HashSet<String>,
    pub list_joiners: HashSet<String>,
    pub org_name_joiners: HashSet<String>,
    pub clause_barriers: HashSet<String>,
    pub finite_verbs: HashSet<String>,
    pub not_subject_starts: HashSet<String>,
    pub object_openers: HashSet<String>,
    pub group_openers: HashSet<String>,
    pub adverbial_openers: HashSet<String>,
    pub continuation_markers: HashSet<String>,
    pub accusation_nouns: HashSet<String>,
    pub about_markers: HashSet<String>,
    pub noun_like_cues: HashSet<String>,
    /// Folded, split into words.
    pub kind_markers: Vec<(Vec<String>, KindMarker)>,
    /// For the first word of every phrase of two words or more anywhere in
    /// this lexicon: the most words such a phrase has. A phrase lookup at a
    /// token whose word opens none tries that one word only.
    pub phrase_starts: HashMap<String, u8>,
    /// The same for the last word of a phrase.
    pub phrase_ends: HashMap<String, u8>,
}

/// The bundled lexicon files, by language.
pub const BUNDLED: [(Language, &str, &str); 2] = [
    (
        Language::Vi,
        "data/lexicons/vi.json",
        include_str!("../data/lexicons/vi.json"),
    ),
    (
        Language::En,
        "data/lexicons/en.json",
        include_str!("../data/lexicons/en.json"),
    ),
];

fn fold(s: &str) -> String {
    crate::text::fold_case(s.trim())
}

fn fold_all(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(|s| fold(s)).filter(|s| !s.is_empty()).collect();
    out.sort();
    out.dedup();
    out
}

/// Each folded head of a group → the other heads of its groups, sorted.
fn kin_map(groups: Vec<Vec<String>>) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::default();
    for group in groups {
        let group = fold_all(group);
        for head in &group {
            let kin = out.entry(head.clone()).or_default();
            kin.extend(group.iter().filter(|k| *k != head).cloned());
            kin.sort();
            kin.dedup();
        }
    }
    out
}

impl Lexicon {
    /// The heads that name the same kind of body as `head` (none when it has no group).
    pub fn kin_of(&self, head: &str) -> &[String] {
        self.head_kin.get(head).map_or(&[], Vec::as_slice)
    }

    fn from_file(language: Language, f: LexiconFile) -> Lexicon {
        let mut cues: Vec<Cue> = f
            .cues
            .into_iter()
            .map(|mut c| {
                c.cue = fold(&c.cue);
                c
            })
            .filter(|c| !c.cue.is_empty())
            .collect();
        cues.sort_by(|a, b| a.cue.cmp(&b.cue));
        cues.dedup_by(|a, b| a.cue == b.cue);
        let mut lexicon = Lexicon {
            language,
            cues,
            non_speech: fold_all(f.non_speech),
            complementizers: fold_all(f.complementizers).into_iter().collect(),
            according_to: fold_all(f.according_to),
            no_speaker_after_according_to: fold_all(f.no_speaker_after_according_to).into_iter().collect(),
            contrast_markers: fold_all(f.contrast_markers).into_iter().collect(),
            weak_contrast_markers: fold_all(f.weak_contrast_markers).into_iter().collect(),
            link_stop_words: fold_all(f.link_stop_words).into_iter().collect(),
            falsity: fold_all(f.falsity),
            negations: fold_all(f.negations),
            reciprocal: fold_all(f.reciprocal),
            reported_nouns: fold_all(f.reported_nouns).into_iter().collect(),
            passive_markers: fold_all(f.passive_markers).into_iter().collect(),
            passive_agent_markers: fold_all(f.passive_agent_markers).into_iter().collect(),
            relative_markers: fold_all(f.relative_markers).into_iter().collect(),
            auxiliaries: fold_all(f.auxiliaries).into_iter().collect(),
            subordinators: fold_all(f.subordinators).into_iter().collect(),
            pronoun_gender: f
                .pronouns
                .iter()
                .filter_map(|p| Some((fold(&p.word), p.gender?)))
                .collect(),
            pronouns: f.pronouns.into_iter().map(|p| (fold(&p.word), p.refers)).collect(),
            person_titles: f.person_titles.into_iter().map(|t| (fold(&t.word), t.gender)).collect(),
            speaker_heads: fold_all(f.speaker_heads).into_iter().collect(),
            organisation_heads: fold_all(f.organisation_heads).into_iter().collect(),
            surnames: fold_all(f.surnames).into_iter().collect(),
            determiners: fold_all(f.determiners).into_iter().collect(),
            owner_markers: fold_all(f.owner_markers).into_iter().collect(),
            then_markers: fold_all(f.then_markers).into_iter().collect(),
            coordinators: fold_all(f.coordinators).into_iter().collect(),
            citing_markers: fold_all(f.citing_markers).into_iter().collect(),
            name_connectors: fold_all(f.name_connectors).into_iter().collect(),
            media_heads: fold_all(f.media_heads).into_iter().collect(),
            addressees: fold_all(f.addressees).into_iter().collect(),
            sentence_openers: fold_all(f.sentence_openers).into_iter().collect(),
            document_nouns: fold_all(f.document_nouns).into_iter().collect(),
            office_titles: fold_all(f.office_titles).into_iter().collect(),
            former_markers: fold_all(f.former_markers).into_iter().collect(),
            representative_titles: fold_all(f.representative_titles).into_iter().collect(),
            backing_words: fold_all(f.backing_words),
            recipient_markers: fold_all(f.recipient_markers).into_iter().collect(),
            head_kin: kin_map(f.head_kin),
            national_heads: fold_all(f.national_heads).into_iter().collect(),
            place_prepositions: fold_all(f.place_prepositions).into_iter().collect(),
            place_units: fold_all(f.place_units).into_iter().collect(),
            articles: fold_all(f.articles).into_iter().collect(),
            demonstratives: fold_all(f.demonstratives).into_iter().collect(),
            definite_markers: fold_all(f.definite_markers).into_iter().collect(),
            person_classifiers: fold_all(f.person_classifiers).into_iter().collect(),
            list_joiners: fold_all(f.list_joiners).into_iter().collect(),
            org_name_joiners: fold_all(f.org_name_joiners).into_iter().collect(),
            clause_barriers: fold_all(f.clause_barriers).into_iter().collect(),
            finite_verbs: fold_all(f.finite_verbs).into_iter().collect(),
            not_subject_starts: fold_all(f.not_subject_starts).into_iter().collect(),
            object_openers: fold_all(f.object_openers).into_iter().collect(),
            group_openers: fold_all(f.group_openers).into_iter().collect(),
            adverbial_openers: fold_all(f.adverbial_openers).into_iter().collect(),
            continuation_markers: fold_all(f.continuation_markers).into_iter().collect(),
            accusation_nouns: fold_all(f.accusation_nouns).into_iter().collect(),
            about_markers: fold_all(f.about_markers).into_iter().collect(),
            noun_like_cues: fold_all(f.noun_like_cues).into_iter().collect(),
            kind_markers: f
                .kind_markers
                .into_iter()
                .map(|m| (fold(&m.phrase).split_whitespace().map(str::to_string).collect(), m))
                .filter(|(words, _): &(Vec<String>, KindMarker)| !words.is_empty())
                .collect(),
            np_words: fold_all(f.np_words).into_iter().collect(),
            stop_words: fold_all(f.stop_words).into_iter().collect(),
            abbreviations: fold_all(f.abbreviations).into_iter().collect(),
            time_words: fold_all(f.time_words).into_iter().collect(),
            non_speaker_labels: fold_all(f.non_speaker_labels).into_iter().collect(),
            territorial_nouns: fold_all(f.territorial_nouns).into_iter().collect(),
            authority_nouns: fold_all(f.authority_nouns).into_iter().collect(),
            phrase_starts: HashMap::default(),
            phrase_ends: HashMap::default(),
        };
        lexicon.index_phrases();
        lexicon
    }

    /// Every phrase of the lexicon, whatever its list.
    fn phrases(&self) -> impl Iterator<Item = &str> {
        let sets = [
            &self.complementizers,
            &self.no_speaker_after_according_to,
            &self.contrast_markers,
            &self.reported_nouns,
            &self.passive_markers,
            &self.passive_agent_markers,
            &self.relative_markers,
            &self.auxiliaries,
            &self.subordinators,
            &self.np_words,
            &self.stop_words,
            &self.abbreviations,
            &self.time_words,
            &self.non_speaker_labels,
            &self.territorial_nouns,
            &self.authority_nouns,
            &self.speaker_heads,
            &self.organisation_heads,
            &self.surnames,
            &self.determiners,
            &self.owner_markers,
            &self.then_markers,
            &self.coordinators,
            &self.citing_markers,
            &self.name_connectors,
            &self.media_heads,
            &self.addressees,
            &self.sentence_openers,
            &self.document_nouns,
            &self.office_titles,
            &self.former_markers,
            &self.representative_titles,
            &self.recipient_markers,
            &self.place_prepositions,
            &self.place_units,
            &self.articles,
            &self.demonstratives,
            &self.definite_markers,
            &self.person_classifiers,
            &self.list_joiners,
            &self.org_name_joiners,
            &self.clause_barriers,
            &self.finite_verbs,
            &self.not_subject_starts,
            &self.object_openers,
            &self.group_openers,
            &self.adverbial_openers,
            &self.continuation_markers,
            &self.accusation_nouns,
            &self.about_markers,
            &self.noun_like_cues,
        ];
        let lists = [
            &self.non_speech,
            &self.according_to,
            &self.falsity,
            &self.negations,
            &self.reciprocal,
        ];
        sets.into_iter()
            .flat_map(|s| s.iter())
            .chain(lists.into_iter().flat_map(|l| l.iter()))
            .chain(self.pronouns.keys())
            .chain(self.person_titles.keys())
            .chain(self.cues.iter().map(|c| &c.cue))
            .map(String::as_str)
    }

    /// Builds [`Lexicon::phrase_starts`] and [`Lexicon::phrase_ends`].
    fn index_phrases(&mut self) {
        let mut starts: HashMap<String, u8> = HashMap::default();
        let mut ends: HashMap<String, u8> = HashMap::default();
        for phrase in self.phrases() {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let n = u8::try_from(words.len()).unwrap_or(u8::MAX);
            for (map, word) in [(&mut starts, words[0]), (&mut ends, words[words.len() - 1])] {
                let e = map.entry(word.to_string()).or_insert(0);
                *e = (*e).max(n);
            }
        }
        self.phrase_starts = starts;
        self.phrase_ends = ends;
    }

    /// Adds the entries of another file of the same language.
    fn extend(&mut self, f: LexiconFile) {
        let other = Lexicon::from_file(self.language, f);
        for c in other.cues {
            match self.cues.iter_mut().find(|x| x.cue == c.cue) {
                Some(x) => *x = c,
                None => self.cues.push(c),
            }
        }
        self.cues.sort_by(|a, b| a.cue.cmp(&b.cue));
        let merge = |a: &mut Vec<String>, b: Vec<String>| {
            a.extend(b);
            a.sort();
            a.dedup();
        };
        merge(&mut self.non_speech, other.non_speech);
        self.complementizers.extend(other.complementizers);
        merge(&mut self.according_to, other.according_to);
        self.no_speaker_after_according_to
            .extend(other.no_speaker_after_according_to);
        self.contrast_markers.extend(other.contrast_markers);
        self.weak_contrast_markers.extend(other.weak_contrast_markers);
        self.link_stop_words.extend(other.link_stop_words);
        merge(&mut self.falsity, other.falsity);
        merge(&mut self.negations, other.negations);
        merge(&mut self.reciprocal, other.reciprocal);
        self.reported_nouns.extend(other.reported_nouns);
        self.relative_markers.extend(other.relative_markers);
        self.subordinators.extend(other.subordinators);
        self.passive_markers.extend(other.passive_markers);
        self.passive_agent_markers.extend(other.passive_agent_markers);
        self.auxiliaries.extend(other.auxiliaries);
        self.pronouns.extend(other.pronouns);
        self.np_words.extend(other.np_words);
        self.stop_words.extend(other.stop_words);
        self.abbreviations.extend(other.abbreviations);
        self.time_words.extend(other.time_words);
        self.non_speaker_labels.extend(other.non_speaker_labels);
        self.territorial_nouns.extend(other.territorial_nouns);
        self.authority_nouns.extend(other.authority_nouns);
        self.pronoun_gender.extend(other.pronoun_gender);
        self.person_titles.extend(other.person_titles);
        self.speaker_heads.extend(other.speaker_heads);
        self.organisation_heads.extend(other.organisation_heads);
        self.surnames.extend(other.surnames);
        self.determiners.extend(other.determiners);
        self.owner_markers.extend(other.owner_markers);
        self.then_markers.extend(other.then_markers);
        self.coordinators.extend(other.coordinators);
        self.citing_markers.extend(other.citing_markers);
        self.name_connectors.extend(other.name_connectors);
        self.media_heads.extend(other.media_heads);
        self.addressees.extend(other.addressees);
        self.sentence_openers.extend(other.sentence_openers);
        self.document_nouns.extend(other.document_nouns);
        self.office_titles.extend(other.office_titles);
        self.former_markers.extend(other.former_markers);
        self.representative_titles.extend(other.representative_titles);
        self.backing_words.extend(other.backing_words);
        self.recipient_markers.extend(other.recipient_markers);
        self.national_heads.extend(other.national_heads);
        for (head, kin) in other.head_kin {
            let mine = self.head_kin.entry(head).or_default();
            for k in kin {
                if !mine.contains(&k) {
                    mine.push(k);
                }
            }
            mine.sort();
        }
        self.place_prepositions.extend(other.place_prepositions);
        self.place_units.extend(other.place_units);
        self.articles.extend(other.articles);
        self.demonstratives.extend(other.demonstratives);
        self.definite_markers.extend(other.definite_markers);
        self.person_classifiers.extend(other.person_classifiers);
        self.list_joiners.extend(other.list_joiners);
        self.org_name_joiners.extend(other.org_name_joiners);
        self.clause_barriers.extend(other.clause_barriers);
        self.finite_verbs.extend(other.finite_verbs);
        self.not_subject_starts.extend(other.not_subject_starts);
        self.object_openers.extend(other.object_openers);
        self.group_openers.extend(other.group_openers);
        self.adverbial_openers.extend(other.adverbial_openers);
        self.continuation_markers.extend(other.continuation_markers);
        self.accusation_nouns.extend(other.accusation_nouns);
        self.about_markers.extend(other.about_markers);
        self.noun_like_cues.extend(other.noun_like_cues);
        self.kind_markers.extend(other.kind_markers);
        self.index_phrases();
    }

    /// The cue entry of a folded cue phrase.
    pub fn cue(&self, folded: &str) -> Option<&Cue> {
        self.cues
            .binary_search_by(|c| c.cue.as_str().cmp(folded))
            .ok()
            .map(|i| &self.cues[i])
    }
}

/// Every language's lexicon.
#[derive(Debug, Clone)]
pub struct Lexicons {
    pub vi: Lexicon,
    pub en: Lexicon,
}

impl Lexicons {
    /// The bundled lexicons.
    pub fn bundled() -> Lexicons {
        let load = |(lang, path, text): (Language, &str, &str)| {
            let f: LexiconFile =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("bundled lexicon {path} is invalid: {e}"));
            Lexicon::from_file(lang, f)
        };
        Lexicons {
            vi: load(BUNDLED[0]),
            en: load(BUNDLED[1]),
        }
    }

    /// The lexicon of a language.
    pub fn get(&self, language: Language) -> &Lexicon {
        match language {
            Language::Vi => &self.vi,
            Language::En => &self.en,
        }
    }

    /// Extends the lexicons with a user file (its `language` picks which).
    pub fn extend_from_file(&mut self, path: &Path) -> Result<()> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::input(crate::statement_file::read_error(path, &e)))?;
        let f: LexiconFile = serde_json::from_str(&text).map_err(|e| {
            Error::input(Diagnostic::at(
                path,
                crate::error::json_position(&text, &e),
                format!("invalid lexicon file: {}", strip_position(&e.to_string())),
            ))
        })?;
        let Some(lang) = Language::parse(&f.language) else {
            return Err(Error::input(Diagnostic::file(
                path,
                format!("unknown lexicon language \"{}\" (vi or en)", f.language),
            )));
        };
        match lang {
            Language::Vi => self.vi.extend(f),
            Language::En => self.en.extend(f),
        }
        Ok(())
    }
}

/// serde_json's message without its " at line L column C" suffix.
pub fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_load_and_find_cues() {
        let l = Lexicons::bundled();
        assert_eq!(l.vi.cue("bác bỏ").unwrap().kind, Kind::Denial);
        assert_eq!(l.en.cue("accused").unwrap().kind, Kind::Accusation);
        assert!(l.vi.cue("đưa tin").unwrap().relay);
        assert!(l.vi.falsity.iter().any(|f| f == "sai sự thật"));
    }

    #[test]
    fn user_file_extends() {
        let mut l = Lexicons::bundled();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        std::fs::write(
            &p,
            r#"{"language":"en","cues":[{"cue":"Mused","kind":"claim"}],"falsity":["hogwash"]}"#,
        )
        .unwrap();
        l.extend_from_file(&p).unwrap();
        assert!(l.en.cue("mused").is_some());
        assert!(l.en.falsity.iter().any(|f| f == "hogwash"));
    }

    #[test]
    fn bad_user_file_names_file_and_position() {
        let mut l = Lexicons::bundled();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.json");
        std::fs::write(&p, "{\"language\":\"en\",\n\"cuez\":[]}").unwrap();
        let e = l.extend_from_file(&p).unwrap_err().to_string();
        assert!(e.contains("bad.json:2:") && e.contains("cuez"), "{e}");
    }
}
