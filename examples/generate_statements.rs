//! Writes a synthetic statement file (the benchmark's input) to standard output:
//! `cargo run --release --example generate_statements -- 100000 200000 > big.json`
//! (stories of 20 statements, 200 actors), or with a third argument, news of
//! real shape with that many actors (stories of 4 to 400 statements, two camps):
//! `… -- 1000000 2000000 20000 > news.json`

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let statements = args.next().and_then(Result::ok).unwrap_or(100_000);
    let relations = args.next().and_then(Result::ok).unwrap_or(200_000);
    let set = match args.next().and_then(Result::ok) {
        Some(actors) => generate::generate_stories(statements, relations, actors),
        None => generate::generate(statements, relations),
    };
    print!("{}", set.to_json());
}
