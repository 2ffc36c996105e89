//! References: the article's memory of who spoke and who was named, and how a
//! noun phrase, a surname, a role noun or a pronoun resolves to a speaker.

use super::*;

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Speaker {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) mention: String,
    pub(super) kind: Option<String>,
    pub(super) aliases: Vec<String>,
    pub(super) person: bool,
    pub(super) media: bool,
    pub(super) co: Vec<Speaker>,
}

impl Speaker {
    /// A person or an organisation the text names and the gazetteer does not know.
    pub(super) fn found(name: &str, mention: &str, person: bool) -> Speaker {
        Speaker {
            id: slug(name),
            name: name.to_string(),
            mention: mention.to_string(),
            kind: Some(if person { "person" } else { "organisation" }.to_string()),
            aliases: Vec::new(),
            person,
            media: false,
            co: Vec::new(),
        }
    }
}

/// What the article knows so far, for pronouns.
#[derive(Default)]
pub(super) struct Memory {
    /// Recent speakers (latest last).
    pub(super) speakers: Vec<Speaker>,
    /// By the last word of their name: the latest person in `speakers` with
    /// a name of several words (a surname alone is looked up here, not by a
    /// scan of every speaker so far).
    pub(super) surnames: std::collections::HashMap<String, usize>,
    /// Recently named actors (latest last): (speaker, is country).
    /// The country named last (its speaker, as extraction would make it).
    pub(super) last_country: Option<Speaker>,
    /// Every person and organisation named so far, for references.
    pub(super) entities: Entities,
    /// The sentence being read.
    pub(super) si: usize,
    /// Its personal and organisation names (token ranges), found once.
    pub(super) persons: Vec<((usize, usize), Option<Gender>)>,
    pub(super) orgs: Vec<((usize, usize), String)>,
}

impl Extractor {
    /// Notes the people and organisations a sentence names in the article's
    /// entity table (a later surname, pronoun or role noun refers to them).
    pub(super) fn discover(&self, prep: &Prepared, lex: &Lexicon, memory: &mut Memory) {
        let si = memory.si;
        let quotes: Vec<usize> = prep.text.match_indices('"').map(|(i, _)| i).collect();
        let quoted = |pos: usize| quotes.partition_point(|&q| q < pos) % 2 == 1;
        for m in &prep.mentions {
            let e = self.gazetteer.entry(m.entry);
            let sp = self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]);
            if e.is_person() {
                memory
                    .entities
                    .note(&sp, EntityKind::Person, None, (si, m.start), None, quoted(m.start));
            } else if !matches!(e.kind.as_deref(), Some("country") | Some("media")) && !m.demonym {
                let head = org_head(lex, &fold_case(&e.name));
                memory
                    .entities
                    .note(&sp, EntityKind::Organisation, None, (si, m.start), head, false);
            }
        }
        memory.orgs = entities::organisation_names(prep, lex);
        memory.persons = entities::person_names(prep, lex);
        for ((a, b), head) in memory.orgs.clone() {
            let name = prep.span(a, b).to_string();
            let (start, end) = (prep.toks[a].start, prep.toks[b - 1].end);
            // "Bộ Quốc phòng Nga": a country's own body (lexicon `national_heads`)
            // speaks for the country, as its statements do.
            let country = || {
                prep.mentions
                    .iter()
                    .filter(|m| m.start >= start && m.end <= end && !m.demonym)
                    .map(|m| self.speaker_of_entry(m.entry, &name))
                    .find(|sp| sp.kind.as_deref() == Some("country"))
            };
            let sp = memory
                .entities
                .by_name(&fold_case(&name))
                .map(|e| e.speaker.clone())
                .or_else(|| lex.national_heads.contains(&head).then(country).flatten())
                .unwrap_or_else(|| Speaker::found(&name, &name, false));
            // A country's body is an entity of its own name: the country's id is
            // no organisation entity for its spokespeople to be filed under.
            let key = if sp.kind.as_deref() == Some("country") {
                slug(&name)
            } else {
                sp.id.clone()
            };
            memory.entities.note_keyed(
                &key,
                &sp,
                EntityKind::Organisation,
                None,
                (si, start),
                Some(head),
                false,
            );
        }
        // A known person named again by one word ("Keller", "bà Hoa"): a fresh mention.
        for (i, t) in prep.toks.iter().enumerate() {
            if t.word
                && t.cap
                && prep.mention_at[i].is_none()
                && !(i == 0 && lex.stop_words.contains(t.folded))
                // Vietnamese: a capitalised first syllable may open a common word
                // ("Liên hệ với …"); a name alone opens a clause with a verb after it.
                && !(i == 0
                    && lex.language == Language::Vi
                    && prep.toks.get(1).is_some_and(|n| n.word)
                    && !prep.cues.iter().any(|h| h.first == 1)
                    && !lex.auxiliaries.iter().any(|x| x == prep.toks[1].folded))
                && !prep.toks.get(i + 1).is_some_and(|n| n.word && n.cap)
                && !(i > 0 && prep.toks[i - 1].word && prep.toks[i - 1].cap)
                && let Some(e) = memory.entities.by_name(t.folded)
                && e.kind == EntityKind::Person
            {
                // Under the entity's own key: a person who speaks for an
                // organisation is not the organisation's entity.
                let (key, sp) = (e.key.clone(), e.speaker.clone());
                memory.entities.note_keyed(
                    &key,
                    &sp,
                    EntityKind::Person,
                    None,
                    (si, t.start),
                    None,
                    quoted(t.start),
                );
            }
        }
        for ((a, b), gender) in memory.persons.clone() {
            let name = entities::without_possessive(prep.span(a, b)).to_string();
            let title = entities::title_before(prep, lex, a).map_or(0, |t| t.0);
            let title_words = prep.folded_words(a - title, a).into_owned();
            let mention = prep.span(a - title, b).to_string();
            let folded = fold_case(&name);
            let known = memory
                .entities
                .by_name(&folded)
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| e.speaker.clone());
            // A person introduced as an office holder of a country or organisation
            // ("Bộ trưởng Quốc phòng Mỹ Lloyd Austin", "Lloyd Austin, Bộ trưởng Quốc
            // phòng Mỹ,") speaks for it, as the gazetteer's office holders do.
            let sp = known.unwrap_or_else(|| match self.represented(prep, lex, memory, a - title, b) {
                Some(mut rep) => {
                    rep.mention = name.clone();
                    rep.person = true;
                    rep
                }
                None => Speaker::found(&name, &mention, true),
            });
            let start = prep.toks[a].start;
            let i = memory.entities.note_keyed(
                &slug(&name),
                &sp,
                EntityKind::Person,
                gender,
                (si, start),
                None,
                quoted(start),
            );
            if title > 0 {
                memory.entities.set_title(i, &title_words);
            }
        }
    }

    pub(super) fn speaker_of_entry(&self, entry: usize, mention: &str) -> Speaker {
        let person = self.gazetteer.entry(entry).is_person();
        let e = self.gazetteer.entry(self.gazetteer.speaker(entry));
        Speaker {
            id: e.id.clone(),
            name: e.name.clone(),
            mention: mention.to_string(),
            kind: e.kind.clone(),
            aliases: e.aliases.clone(),
            person,
            media: e.is_media(),
            co: Vec::new(),
        }
    }

    /// The actor a person named at tokens `a..b` holds an office of: a title
    /// of office (lexicon `office_titles`) with a country or organisation in
    /// the phrase before the name or in an apposition right after it.
    pub(super) fn represented(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        a: usize,
        b: usize,
    ) -> Option<Speaker> {
        let n = prep.toks.len();
        // The noun phrase before the name, and ", <apposition>," after it.
        let mut lo = a;
        while lo > 0 && a - lo < 10 && prep.toks[lo - 1].word && !prep.cues.iter().any(|h| h.last == lo) {
            lo -= 1;
        }
        let mut windows = vec![(lo, a)];
        // "Solberg's publicist, Tamsin Reeve,": the phrase before a comma.
        if lo == a && a >= 2 && prep.is_punct(a - 1, ",") {
            let end = a - 1;
            let mut start = end;
            while start > 0 && end - start < 10 && prep.toks[start - 1].word {
                start -= 1;
            }
            windows.push((start, end));
        }
        if prep.is_punct(b, ",") {
            let end = (b + 1..n.min(b + 14))
                .find(|&i| !prep.toks[i].word)
                .unwrap_or(n.min(b + 14));
            windows.push((b + 1, end));
        }
        windows.into_iter().find_map(|(x, y)| {
            let has = |set: &rustc_hash::FxHashSet<String>| {
                (x..y).any(|i| prep.phrase_starting_at(i, &|w| set.contains(w)).is_some())
            };
            if x >= y
                // A former office holder ("cựu tổng giám đốc", "former CEO") speaks for himself.
                || (x..y).any(|i| lex.former_markers.contains(prep.toks[i].folded))
            {
                return None;
            }
            let office = has(&lex.office_titles);
            let representative = has(&lex.representative_titles);
            let organisation = office
                .then(|| self.organisation_named_in(prep, lex, memory, x, y))
                .flatten();
            // "Delacroix's attorney", "luật sư của bà Thương": a person of the article.
            organisation.or_else(|| {
                representative
                    .then(|| entity_in_capitals(prep, memory, x, y, EntityKind::Person))
                    .flatten()
            })
        })
    }

    /// The organisation (or country) named in tokens `x..y`, for an office
    /// holder introduced with them.
    fn organisation_named_in(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        x: usize,
        y: usize,
    ) -> Option<Speaker> {
        let (lo, hi) = (prep.toks[x].start, prep.toks[y - 1].end);
        // An organisation's own name first ("Sở GD-ĐT Hà Giang", not the province in it).
        if let Some(((p, q), _)) = memory.orgs.iter().find(|((p, q), _)| *p >= x && *q <= y)
            && let Some(e) = memory.entities.by_name(&fold_case(prep.span(*p, *q)))
        {
            return Some(e.speaker.clone());
        }
        // An organisation the article named before ("a spokesman for Baymouth Marine").
        if let Some(sp) = entity_in_capitals(prep, memory, x, y, EntityKind::Organisation) {
            return Some(sp);
        }
        prep.mentions
            .iter()
            .filter(|m| m.start >= lo && m.end <= hi)
            .map(|m| self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]))
            .find(|sp| !sp.person)
            .or_else(|| self.bare_head_after_owner(prep, lex, memory, x, y))
    }

    /// "đại diện chính thức của Bộ", "a spokesman for the ministry": a bare
    /// organisation head after an owner marker is the organisation so headed
    /// that the article named before, or the latest speaker named with it
    /// ("Bộ Quốc phòng Nga").
    fn bare_head_after_owner(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        x: usize,
        y: usize,
    ) -> Option<Speaker> {
        let (i, k) = (x + 1..y).find_map(|i| {
            let owner = lex.owner_markers.contains(prep.toks[i - 1].folded)
                || i >= 2
                    && lex.owner_markers.contains(prep.toks[i - 2].folded)
                    && lex.articles.contains(prep.toks[i - 1].folded);
            let k = prep.phrase_starting_at(i, &|w| lex.organisation_heads.contains(w))?;
            (owner && !prep.toks.get(i + k).is_some_and(|t| t.word && t.cap) && i + k <= y).then_some((i, k))
        })?;
        let head = prep.folded_words(i, i + k);
        let prefix = format!("{head} ");
        let lo = prep.toks[x].start;
        memory
            .entities
            .organisation_headed(lex, &head)
            // Named earlier in the sentence ("Bộ Quốc phòng Nga đã phủ nhận …, … của Bộ cho biết").
            .or_else(|| {
                prep.mentions
                    .iter()
                    .rev()
                    .filter(|m| m.end <= lo && fold_case(&prep.text[m.start..m.end]).starts_with(&prefix))
                    .map(|m| self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]))
                    .find(|sp| !sp.person)
            })
            .or_else(|| {
                memory
                    .speakers
                    .iter()
                    .rev()
                    .find(|s| !s.person && fold_case(&s.mention).starts_with(&prefix))
                    .cloned()
            })
    }

    /// Actor ids named in a token range (speakers of the names).
    pub(super) fn mentioned_ids(&self, prep: &Prepared, a: usize, b: usize) -> Vec<String> {
        let (lo, hi) = (
            prep.toks.get(a).map_or(usize::MAX, |t| t.start),
            prep.toks.get(b.saturating_sub(1)).map_or(0, |t| t.end),
        );
        let mut ids = Vec::new();
        for m in &prep.mentions {
            if m.start >= lo && m.end <= hi {
                let id = self.gazetteer.entry(self.gazetteer.speaker(m.entry)).id.clone();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids
    }

    // -----------------------------------------------------------------------
    // Roles of the cues of one sentence

    /// Who a source phrase names.
    pub(super) fn resolve_np(
        &self,
        prep: &Prepared,
        lex: &Lexicon,
        memory: &Memory,
        a: usize,
        b: usize,
    ) -> Option<Speaker> {
        // "(Ảnh minh họa) Hùng nói": a parenthesis closed before the head (a photo
        // credit, an aside) is no part of the speaker's name.
        let a = match (a..b).rev().find(|&i| prep.is_punct(i, ")")) {
            Some(p) if p + 1 < b && (a..p).any(|i| prep.is_punct(i, "(")) && prep.toks[p + 1].word => p + 1,
            _ => a,
        };
        // A dateline in capitals ("GLENFORD -") is no part of the speaker's name.
        let a = match prep.capitals_dash(a, b.min(a + 6)) {
            Some(d) if d + 1 < b => d + 1,
            _ => a,
        };
        let mention = prep.span(a, b).trim().to_string();
        if mention.is_empty() {
            return None;
        }
        let folded = prep.folded_words(a, b);
        // "vị lãnh đạo nói trên", "vị chuyên gia này": a role noun with a
        // demonstrative names the latest speaker so described, before any pronoun rule.
        let role = RolePhrase::new(prep, lex, a, b);
        let described = |sp: &Speaker| {
            let mut sp = sp.clone();
            sp.mention = mention.clone();
            sp.co.clear();
            sp
        };
        if role.demonstrative
            && let Some(known) = role.latest_speaker(memory)
        {
            return Some(described(known));
        }
        if let Some(refers) = lex.pronouns.get(folded.as_ref()) {
            let at = (memory.si, prep.toks[a].start);
            let from_table = match refers.as_str() {
                "person" => memory
                    .entities
                    .person(lex.pronoun_gender.get(folded.as_ref()).copied(), at),
                "organisation" => memory.entities.organisation(lex, org_head(lex, &folded).as_deref()),
                _ => None,
            };
            if let Some(mut sp) = from_table {
                sp.mention = mention;
                return Some(sp);
            }
            // "the club" after the Football Association spoke: the latest speaker
            // whose name has no other organisation head.
            if refers == "organisation"
                && let Some(h) = org_head(lex, &folded)
                && let Some(known) = memory
                    .speakers
                    .iter()
                    .rev()
                    .find(|s| org_head(lex, &fold_case(&s.name)).is_none_or(|x| x == h))
            {
                let mut sp = known.clone();
                sp.mention = mention;
                sp.co.clear();
                return Some(sp);
            }
            // Unresolved (nothing named before): the pronoun itself.
            let gender = lex.pronoun_gender.get(folded.as_ref()).copied();
            return resolve_pronoun(memory, refers, &mention, gender).or_else(|| {
                Some(Speaker {
                    id: slug(&mention),
                    name: mention.clone(),
                    mention: mention.clone(),
                    kind: (refers == "person").then(|| "person".to_string()),
                    aliases: Vec::new(),
                    person: refers == "person",
                    media: false,
                    co: Vec::new(),
                })
            });
        }
        // A title alone ("bị cáo", "the governor", "doanh nhân này"): the person
        // last introduced with it. A role described as known ("vị chuyên gia", "the
        // expert"): the latest speaker so described, else the person last introduced
        // with that title, else the latest person who spoke.
        if let Some(known) = role.latest_speaker(memory) {
            return Some(described(known));
        }
        // A bare organisation head ("Công ty", "Quận", "phía công ty", "the
        // ministry"): the organisation so headed that the article named last.
        if lex.organisation_heads.contains(role.core.as_str())
            && (a..b).all(|i| prep.mention_at[i].is_none())
            && let Some(known) = memory.entities.organisation_headed(lex, &role.core)
        {
            return Some(described(&known));
        }
        if lex.person_titles.contains_key(role.core.as_str())
            && let Some(e) = memory.entities.by_title(&role.core)
        {
            return Some(described(&e.speaker));
        }
        if role.role_noun
            && let Some(known) = memory.speakers.iter().rev().find(|s| s.person)
        {
            return Some(described(known));
        }
        // "Ông Khang và bà Thương", "Actor Grant Delacroix and Mira Solberg": two
        // people or organisations the gazetteer does not know, joined as a list:
        // the first speaks, the second with it.
        if (a..b).filter(|&i| prep.mention_at[i].is_some()).count() == 0
            && let Some(j) = (a + 1..b.saturating_sub(1))
                .find(|&i| prep.toks[i].word && lex.list_joiners.contains(prep.toks[i].folded))
            // Not the "và" of one organisation's name ("Sở Tài nguyên và Môi trường").
            && !memory.orgs.iter().any(|&((x, y), _)| x < j && j < y)
            && (a..j).any(|i| prep.toks[i].cap && (i > a || !lex.np_words.contains(prep.toks[i].folded)))
            && (j + 1..b).any(|i| prep.toks[i].cap)
            && let Some(left) = self.resolve_np(prep, lex, memory, a, j)
            && let Some(right) = self.resolve_np(prep, lex, memory, j + 1, b)
            && left.id != right.id
        {
            let mut sp = left;
            sp.mention = mention;
            let mut co = right;
            co.co.clear();
            sp.co = vec![co];
            return Some(sp);
        }
        // Names in the phrase, speakers first (a medium only if nothing else).
        let mut speakers: Vec<Speaker> = Vec::new();
        let lo = prep.toks[a].start;
        let hi = prep.toks[b - 1].end;
        for m in prep.mentions.iter().filter(|m| m.start >= lo && m.end <= hi) {
            let sp = self.speaker_of_entry(m.entry, &prep.text[m.start..m.end]);
            if !speakers.iter().any(|s| s.id == sp.id) {
                speakers.push(sp);
            }
        }
        let list = is_list(prep, lex, a, b);
        let primary = speakers.iter().position(|s| !s.media).unwrap_or(0);
        if let Some(first) = speakers.get(primary).cloned() {
            let mut sp = first;
            sp.mention = mention;
            // "Người phát ngôn … Uông Văn Bân", "ông Peskov": a person speaks
            // (for the actor named); pronouns like "ông này" may refer to them.
            let unnamed_caps = (a..b)
                .filter(|&i| {
                    prep.toks[i].cap && prep.mention_at[i].is_none() && !lex.np_words.contains(prep.toks[i].folded)
                })
                .count();
            sp.person |= (a..b).any(|i| lex.person_titles.contains_key(prep.toks[i].folded)) || unnamed_caps >= 2;
            if list {
                sp.co = speakers
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| *i != primary)
                    .map(|(_, s)| s)
                    .collect();
            }
            return Some(sp);
        }
        // An organisation named in the phrase ("Công ty TNHH Minh Phát", "Sở Giao thông
        // vận tải Quảng Ngãi"): the one the entity table holds.
        if let Some(&((x, y), _)) = memory.orgs.iter().find(|((x, y), _)| *x >= a && *y <= b)
            && let Some(e) = memory.entities.by_name(&fold_case(prep.span(x, y)))
        {
            let mut sp = e.speaker.clone();
            sp.mention = mention;
            return Some(sp);
        }
        // A person named inside the phrase ("Chủ tịch UBND phường Yên Hòa Nguyễn Thị
        // Bích Vân", "VFF Đoàn Minh Triết"): that person speaks.
        if let Some(&((x, y), _)) = memory.persons.iter().rfind(|((x, y), _)| *x >= a && *y <= b && *x > a) {
            let folded_name = fold_case(prep.span(x, y));
            let mut sp = match memory.entities.by_name(&folded_name) {
                Some(e) => e.speaker.clone(),
                None => Speaker::found(prep.span(x, y), "", true),
            };
            sp.mention = mention;
            return Some(sp);
        }
        // An unknown name: its capitalised words; a generic one: the phrase.
        // Capitalised words, less a sentence-initial generic phrase ("Chủ tịch phường").
        let mut generic_until = a;
        if a == 0 || (a == 1 && !prep.toks[0].word) {
            while let Some(k) = prep.phrase_starting_at(generic_until, &|w| {
                lex.np_words.contains(w)
                    || lex.speaker_heads.contains(w)
                    || lex.person_titles.contains_key(w)
                    || lex.determiners.contains(w)
            }) {
                generic_until += k;
            }
        }
        let caps: Vec<usize> = (a..b)
            .filter(|&i| {
                let t = &prep.toks[i];
                // "… by the health department in June": a month names no one.
                // "Hàng trăm hộ dân": a quantifier opening the sentence is no name.
                i >= generic_until
                    && t.cap
                    && !lex.np_words.contains(t.folded)
                    && !lex.time_words.contains(t.folded)
                    && !(i == 0 && lex.group_openers.contains(t.folded))
            })
            .collect();
        let name = match (caps.first(), caps.last()) {
            (Some(&f), Some(&l)) => prep.span(f, l + 1).to_string(),
            _ => mention.clone(),
        };
        let person = (a..b).any(|i| lex.person_titles.contains_key(prep.toks[i].folded)) || caps.len() >= 2;
        // A name introduced before: the full name again, or its last word alone
        // ("Hoa" after "Trần Thị Hoa", "Price" after "Ellen Price").
        if !caps.is_empty() {
            let folded_name = fold_case(&name);
            if let Some(e) = memory.entities.by_name(&folded_name)
                && (e.kind == EntityKind::Person || caps.len() >= 2 || !person)
            {
                let mut sp = e.speaker.clone();
                sp.mention = mention;
                return Some(sp);
            }
        }
        // A surname alone after the full name ("Lopez" after "Maria Lopez").
        if caps.len() == 1
            && let Some(known) = memory.surnames.get(&name).map(|&i| &memory.speakers[i])
        {
            let mut sp = known.clone();
            sp.mention = mention;
            sp.co.clear();
            return Some(sp);
        }
        Some(Speaker {
            id: slug(&name),
            name,
            mention,
            kind: person.then(|| "person".to_string()),
            aliases: Vec::new(),
            person,
            media: (a..b).any(|i| lex.media_heads.contains(prep.toks[i].folded)),
            co: Vec::new(),
        })
    }

    // -----------------------------------------------------------------------
    // Writing statements out
}

/// A speaker phrase read as a title or a role ("bị cáo", "vị lãnh đạo nói trên",
/// "the expert"): its words without determiners, classifier or demonstrative.
pub(super) struct RolePhrase {
    /// The words after the determiners, before a demonstrative ("lãnh đạo").
    core: String,
    /// The core is a role noun (a speaker head, not an organisation's) made
    /// definite by "vị", "the" or a demonstrative.
    role_noun: bool,
    /// A demonstrative ends the phrase ("này", "nói trên").
    demonstrative: bool,
    /// The role noun itself, after a classifier.
    role: String,
}

impl RolePhrase {
    pub(super) fn new(prep: &Prepared, lex: &Lexicon, a: usize, b: usize) -> RolePhrase {
        let x = after_determiners(prep, lex, a, b);
        let mut y = b;
        while y > x && lex.demonstratives.contains(prep.toks[y - 1].folded) {
            y -= 1;
        }
        let classifier = prep
            .toks
            .get(x)
            .is_some_and(|t| lex.person_classifiers.contains(t.folded))
            && x + 1 < y;
        // Definite: a classifier for a respected person (vị), "the", or a demonstrative.
        let marked = (a..x).any(|i| lex.definite_markers.contains(prep.toks[i].folded));
        let rx = if classifier { x + 1 } else { x };
        let role = prep.folded_words(rx, y).into_owned();
        let role_noun = (classifier || y < b || marked)
            && (rx..y).all(|i| !prep.toks[i].cap || i == a)
            && lex.speaker_heads.contains(role.as_str())
            && !lex.organisation_heads.contains(role.as_str());
        RolePhrase {
            core: prep.folded_words(x, y).into_owned(),
            role_noun,
            demonstrative: y < b,
            role,
        }
    }

    /// The latest speaker whose words named this role ("lãnh đạo VFF" for "vị lãnh đạo").
    pub(super) fn latest_speaker<'m>(&self, memory: &'m Memory) -> Option<&'m Speaker> {
        if !self.role_noun {
            return None;
        }
        memory
            .speakers
            .iter()
            .rev()
            .find(|s| fold_case(&s.mention).contains(self.role.as_str()))
    }
}

pub(super) fn register_actor(out: &mut Extraction, sp: &Speaker) {
    out.actors.entry(sp.id.clone()).or_insert_with(|| Actor {
        id: sp.id.clone(),
        name: sp.name.clone(),
        aliases: sp.aliases.clone(),
        kind: sp.kind.clone(),
    });
}

pub(super) fn resolve_pronoun(memory: &Memory, refers: &str, mention: &str, gender: Option<Gender>) -> Option<Speaker> {
    let found = match refers {
        "person" => memory
            .speakers
            .iter()
            .rev()
            .find(|s| s.person && memory.entities.gender_agrees(&s.id, gender))
            .cloned(),
        "country" => memory.last_country.clone().or_else(|| {
            memory
                .speakers
                .iter()
                .rev()
                .find(|s| s.kind.as_deref() == Some("country"))
                .cloned()
        }),
        "group" => memory.speakers.iter().rev().find(|s| !s.person).cloned(),
        _ => memory.speakers.last().cloned(),
    };
    found.map(|mut s| {
        s.mention = mention.to_string();
        s.co.clear();
        s
    })
}

/// The speaker of an entity of this kind that the article named before, named
/// again by a run of capitalised words in tokens `x..y` ("Baymouth Marine",
/// "Solberg's", "bà Thương"); a person's name inside an organisation's does
/// not count.
fn entity_in_capitals(prep: &Prepared, memory: &Memory, x: usize, y: usize, kind: EntityKind) -> Option<Speaker> {
    let mut i = x;
    while i < y {
        let run = (i..y).take_while(|&k| prep.toks[k].word && prep.toks[k].cap).count();
        let in_organisation = kind == EntityKind::Person && memory.orgs.iter().any(|((p, q), _)| *p <= i && i < *q);
        if run > 0
            && !in_organisation
            && let Some(e) = memory.entities.by_name(&fold_case(prep.span(i, i + run)))
            && e.kind == kind
        {
            return Some(e.speaker.clone());
        }
        i += run.max(1);
    }
    None
}
