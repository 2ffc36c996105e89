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

/// News of real shape, as issue 13 measured analysis at scale: `actors`
/// actors, stories of 4 to 400 statements (most small: the size is drawn
/// on a log scale) with two camps of 2 to 6 actors each, articles of up to
/// 20 statements of one story; about `relations` relations, supports inside
/// a camp and disputes or denials across (3% of a random type, 1% between
/// two stories). Deterministic.
#[allow(dead_code)] // used by examples/generate_statements.rs, not by every bench
pub fn generate_stories(statements: usize, relations: usize, actors: usize) -> StatementSet {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let actors = actors.max(12);
    let mut set = StatementSet::default();
    for a in 0..actors {
        set.actors.push(Actor {
            id: format!("actor-{a}"),
            name: format!("Actor {a}"),
            aliases: vec![format!("A{a}")],
            kind: Some(if a % 7 == 0 { "person" } else { "organisation" }.into()),
        });
    }
    // (first statement, size) of every story; camp of a statement = its parity.
    let mut stories: Vec<(usize, usize)> = Vec::new();
    let mut story_of: Vec<usize> = Vec::with_capacity(statements);
    while story_of.len() < statements {
        // 4 × 100^u for u uniform in [0, 1): 4 to 400, as many of each order of magnitude.
        let u = (rng.below(1000) as f64) / 1000.0;
        let size = ((4.0 * 100f64.powf(u)) as usize)
            .clamp(4, 400)
            .min(statements - story_of.len());
        let first = story_of.len();
        let story = stories.len();
        stories.push((first, size));
        let camps: [Vec<usize>; 2] =
            std::array::from_fn(|_| (0..2 + rng.below(5)).map(|_| rng.below(actors)).collect());
        for k in 0..size {
            let i = first + k;
            let camp = &camps[k % 2];
            let source = (rng.below(20) != 0).then(|| format!("actor-{}", camp[rng.below(camp.len())]));
            let other = &camps[1 - k % 2];
            let mut s = Statement::new(
                format!("story{story}/s{k}"),
                source,
                format!(
                    "statement {k} of story {story}: the {} side's account of event {}",
                    k % 2,
                    i / 7
                ),
            );
            s.kind = match rng.below(10) {
                0..=4 => Kind::Claim,
                5..=6 => Kind::Accusation,
                7..=8 => Kind::Denial,
                _ => Kind::ALL[rng.below(Kind::ALL.len())],
            };
            if matches!(s.kind, Kind::Accusation | Kind::Denial) {
                s.target = Some(format!("actor-{}", other[rng.below(other.len())]));
            }
            s.article = Some(format!("story{story}-a{}", k / 20));
            s.sentence = Some(k % 20);
            set.statements.push(s);
            story_of.push(story);
        }
    }
    let ids: Vec<String> = set.statements.iter().map(|s| s.id.clone()).collect();
    let target = relations.min(statements.saturating_mul(statements.saturating_sub(1)) / 2);
    let mut seen = std::collections::HashSet::new();
    let mut tries = 0usize;
    while set.relations.len() < target && tries < target.saturating_mul(20) {
        tries += 1;
        let a = rng.below(statements);
        let (first, size) = stories[story_of[a]];
        if size < 2 && rng.below(100) != 0 {
            continue;
        }
        let b = if rng.below(100) == 0 {
            rng.below(statements)
        } else {
            first + rng.below(size)
        };
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        let same_camp = (a - stories[story_of[a]].0) % 2 == (b - stories[story_of[b]].0) % 2;
        let kind = if rng.below(100) < 3 {
            RelationType::ALL[rng.below(3)]
        } else if same_camp {
            RelationType::Supports
        } else if set.statements[a].kind == Kind::Denial {
            RelationType::Denies
        } else {
            RelationType::Disputes
        };
        set.relations.push(Relation {
            from: ids[a].clone(),
            to: ids[b].clone(),
            kind,
            confidence: Some((rng.below(100) as f64) / 100.0),
            reason: Some(format!("generated relation {}", set.relations.len())),
        });
    }
    set
}
