//! A statement set made from arbitrary bytes: lines become statements
//! (source|kind|text), pairs of bytes relations.

use claimgraph::model::{Kind, Relation, RelationType, Statement, StatementSet};

pub fn set_from(data: &[u8]) -> StatementSet {
    let text = String::from_utf8_lossy(data);
    let mut set = StatementSet::default();
    for (i, line) in text.split('\n').take(64).enumerate() {
        let mut parts = line.splitn(3, '|');
        let source = parts.next().filter(|s| !s.is_empty()).map(str::to_string);
        let kind = parts.next().map_or(0, |k| k.len()) % 5;
        let body = parts.next().unwrap_or(line);
        let mut s = Statement::new(format!("s{i}{}", line.chars().take(3).collect::<String>()), source, body);
        s.kind = Kind::ALL[kind];
        s.implicit = i % 4 == 3;
        s.article = Some(line.chars().take(5).collect());
        set.statements.push(s);
    }
    let n = set.statements.len();
    for (k, w) in data.windows(2).take(128).enumerate() {
        let (a, b) = (w[0] as usize % n.max(1), w[1] as usize % n.max(1));
        if a != b && n > 1 {
            set.relations.push(Relation {
                from: set.statements[a].id.clone(),
                to: set.statements[b].id.clone(),
                kind: RelationType::ALL[k % 3],
                confidence: Some(f64::from(w[0]) / 255.0),
                reason: Some(String::from_utf8_lossy(&data[..data.len().min(k + 8)]).into_owned()),
            });
        }
    }
    set
}
