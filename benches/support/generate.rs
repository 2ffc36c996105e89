//! A synthetic statement set shaped like news coverage: many small stories
//! (clusters of 20 statements, two camps each); relations mostly inside a
//! story, supports within a camp and disputes/denials across camps, with 3%
//! of relations of a random type (which makes inconsistencies) and 2% linking
//! two stories. Deterministic (a fixed xorshift seed), so runs are comparable.

use claimgraph::model::{Actor, Kind, Relation, RelationType, Statement, StatementSet};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `statements` statements in stories of 20, with `relations` relations.
pub fn generate(statements: usize, relations: usize) -> StatementSet {
    const STORY: usize = 20;
    const ACTORS: usize = 200;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut set = StatementSet::default();
    for a in 0..ACTORS {
        set.actors.push(Actor {
            id: format!("actor{a}"),
            name: format!("Actor {a}"),
            aliases: vec![format!("A{a}")],
            kind: Some("country".into()),
        });
    }
    for i in 0..statements {
        let source = if rng.below(10) == 0 {
            None
        } else {
            Some(format!("actor{}", rng.below(ACTORS)))
        };
        let mut s = Statement::new(
            format!("s{i}"),
            source,
            format!("statement number {i} about story {}", i / STORY),
        );
        s.kind = Kind::ALL[rng.below(Kind::ALL.len())];
        s.article = Some(format!("article{}", i / STORY));
        s.sentence = Some(i % STORY);
        set.statements.push(s);
    }
    let stories = statements.div_ceil(STORY).max(1);
    while set.relations.len() < relations {
        let story = rng.below(stories);
        let base = story * STORY;
        let size = STORY.min(statements - base);
        let a = base + rng.below(size);
        let b = if rng.below(50) == 0 {
            rng.below(statements)
        } else {
            base + rng.below(size)
        };
        if a == b {
            continue;
        }
        // Camp = parity of the index inside its story.
        let same_camp = a % 2 == b % 2;
        let kind = if rng.below(100) < 3 {
            RelationType::ALL[rng.below(3)]
        } else if same_camp {
            RelationType::Supports
        } else if rng.below(3) == 0 {
            RelationType::Denies
        } else {
            RelationType::Disputes
        };
        set.relations.push(Relation {
            from: format!("s{a}"),
            to: format!("s{b}"),
            kind,
            confidence: Some((rng.below(100) as f64) / 100.0),
            reason: Some(format!("generated relation {}", set.relations.len())),
        });
    }
    set
}
