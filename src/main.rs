//! The `claimgraph` command: parses arguments, calls the library, prints.

use anyhow::Context;
use claimgraph::report::{self, TextOptions};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Who claims what, who backs whom and who denies what, from news coverage of a dispute.
#[derive(Parser)]
#[command(name = "claimgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse statement files: contradictions, sides, contested statements, actors.
    Analyze {
        /// Statement files (.json) or directories holding them.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Report format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Write the report to this file (atomically) instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Colours in the text report.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let input = e.chain().any(|c| {
                c.downcast_ref::<claimgraph::Error>()
                    .is_some_and(|e| e.is_input_error())
            });
            eprintln!("error: {e:#}");
            ExitCode::from(if input { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Analyze {
            inputs,
            format,
            output,
            color,
        } => {
            let (graph, analysis) = claimgraph::run_analyze(&inputs)?;
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let format = match format {
                ReportFormat::Text => report::Format::Text,
                ReportFormat::Markdown => report::Format::Markdown,
                ReportFormat::Json => report::Format::Json,
            };
            emit(output, |w| {
                report::render_to(&graph, &analysis, format, TextOptions { color }, w)
            })
        }
    }
}

/// Streams the output to the file (atomically) or to standard output.
fn emit(output: Option<PathBuf>, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    match output {
        Some(path) => claimgraph::output::write_atomic_with(&path, fill)
            .with_context(|| format!("the output was not written to {}", path.display())),
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match fill(&mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            }
        }
    }
}
