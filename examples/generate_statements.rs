//! Writes a synthetic statement file (the benchmark's input) to standard output:
//! `cargo run --release --example generate_statements -- 100000 200000 > big.json`

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let statements = args.next().and_then(Result::ok).unwrap_or(100_000);
    let relations = args.next().and_then(Result::ok).unwrap_or(200_000);
    print!("{}", generate::generate(statements, relations).to_json());
}
