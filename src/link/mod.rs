//! Linking: extractions of many articles → one statement set with relations.

use crate::extract::{Extraction, Extractor};
use crate::model::StatementSet;

/// Joins the extractions (in order) into one set and adds the relations
/// found between statements.
pub fn link(_ex: &Extractor, extractions: Vec<Extraction>) -> StatementSet {
    let mut set = StatementSet::default();
    for e in extractions {
        if let Some(a) = e.article {
            set.articles.push(a);
        }
        for (_, a) in e.actors {
            if !set.actors.iter().any(|x| x.id == a.id) {
                set.actors.push(a);
            }
        }
        set.statements.extend(e.statements);
        set.relations.extend(e.relations);
    }
    set
}
