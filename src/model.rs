//! The data model shared by every stage: statements, actors, relations and the
//! [`StatementSet`] that a statement file serialises.
//!
//! The serde layout here *is* the statement-file format (`claimgraph/1`, see
//! docs/statement-format.md). Loading with validation lives in
//! [`crate::statement_file`]; this module only defines the types.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` value written into every statement file.
pub const FORMAT: &str = "claimgraph/1";

/// What a statement does: the kind of speech act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An assertion that something is (or was, or will be) the case.
    #[default]
    Claim,
    /// A claim that someone did something wrong.
    Accusation,
    /// A claim that another claim is false.
    Denial,
    /// A moral or political rejection of someone's action.
    Condemnation,
    /// A call on someone to act.
    Appeal,
}

impl Kind {
    /// Every kind, in a fixed order.
    pub const ALL: [Kind; 5] = [
        Kind::Claim,
        Kind::Accusation,
        Kind::Denial,
        Kind::Condemnation,
        Kind::Appeal,
    ];

    /// The name used in statement files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Accusation => "accusation",
            Kind::Denial => "denial",
            Kind::Condemnation => "condemnation",
            Kind::Appeal => "appeal",
        }
    }

    /// Parses the name used in statement files.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of a relation between two statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationType {
    /// `from` backs `to`: agreement.
    Supports,
    /// `from` contests `to`: a rival account, a counter-accusation.
    Disputes,
    /// `from` says `to` is false.
    Denies,
}

impl RelationType {
    /// Every type, in a fixed order.
    pub const ALL: [RelationType; 3] = [RelationType::Supports, RelationType::Disputes, RelationType::Denies];

    /// The name used in statement files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::Supports => "supports",
            RelationType::Disputes => "disputes",
            RelationType::Denies => "denies",
        }
    }

    /// Parses the name used in statement files.
    pub fn parse(name: &str) -> Option<RelationType> {
        RelationType::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Disputes and denies are negative: they put their ends on opposite sides.
    pub fn is_negative(self) -> bool {
        !matches!(self, RelationType::Supports)
    }
}

impl fmt::Display for RelationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An article that statements were extracted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Someone who can say things: a country, an organisation, a person, a medium.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// One thing someone (or the article itself) says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Unique across everything loaded together.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    /// An actor id, a plain name, or `None` for the article's own narration.
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_mention: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// Others who made the same statement together with `source` ("EU, Pháp và Đức").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_sources: Vec<String>,
    /// The content: what is said, without the source and the cue.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Character offsets of `text` in the original article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// The 1-based line of the original article where `text` starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Only reported inside another statement (the claim a denial rejects).
    #[serde(default, skip_serializing_if = "is_false")]
    pub implicit: bool,
    /// The article's headline.
    #[serde(default, skip_serializing_if = "is_false")]
    pub headline: bool,
    /// Why a person corrected or added this statement (corrections files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Statement {
    /// A statement with just the required fields.
    pub fn new(id: impl Into<String>, source: Option<String>, text: impl Into<String>) -> Self {
        Statement {
            id: id.into(),
            article: None,
            sentence: None,
            source,
            source_mention: None,
            cue: None,
            kind: Kind::Claim,
            target: None,
            via: Vec::new(),
            co_sources: Vec::new(),
            text: text.into(),
            quote: None,
            span: None,
            line: None,
            implicit: false,
            headline: false,
            note: None,
        }
    }

    /// True for the article's own narration (no source).
    pub fn is_narration(&self) -> bool {
        self.source.is_none()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A typed, directed link between two statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub from: String,
    pub to: String,
    #[serde(rename = "type")]
    pub kind: RelationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Relation {
    /// The confidence, 1.0 when none is given (a hand-written relation is taken as asserted).
    pub fn confidence_or_default(&self) -> f64 {
        self.confidence.unwrap_or(1.0)
    }

    /// The reason, or a note that the file gave none.
    pub fn reason_or_default(&self) -> &str {
        self.reason
            .as_deref()
            .filter(|r| !r.trim().is_empty())
            .unwrap_or("given in a statement file (no reason recorded)")
    }
}

/// Everything a statement file holds: the unit that enters the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementSet {
    #[serde(default = "default_format")]
    pub format: String,
    #[serde(default)]
    pub articles: Vec<ArticleRef>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    pub statements: Vec<Statement>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Statements and relations that a corrections file takes out of what was
    /// loaded before it (see [`crate::corrections`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<Removal>,
}

/// One entry of a statement file's `remove` list: a statement (by id) or a
/// relation (by its two ends), with an optional note saying why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Removal {
    /// The id of a statement to remove (with every relation touching it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// With `to`: the relation from `from` to `to` to remove.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn default_format() -> String {
    FORMAT.to_string()
}

impl Default for StatementSet {
    fn default() -> Self {
        StatementSet {
            format: default_format(),
            articles: Vec::new(),
            actors: Vec::new(),
            statements: Vec::new(),
            relations: Vec::new(),
            remove: Vec::new(),
        }
    }
}

impl StatementSet {
    /// Serialises as the statement-file JSON (pretty, deterministic: field order
    /// is the struct order, list order is the set's order).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a StatementSet always serialises");
        s.push('\n');
        s
    }

    /// Writes the statement-file JSON (the same bytes as [`to_json`](Self::to_json)) to a writer.
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *w, self)?;
        w.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("narration"), None);
    }

    #[test]
    fn relation_type_polarity() {
        assert!(!RelationType::Supports.is_negative());
        assert!(RelationType::Disputes.is_negative());
        assert!(RelationType::Denies.is_negative());
    }

    #[test]
    fn minimal_statement_serialises_source_null() {
        let s = Statement::new("s1", None, "text");
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"id":"s1","source":null,"kind":"claim","text":"text"}"#);
    }
}
