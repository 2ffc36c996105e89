//! The `claimgraph` command: parses arguments, calls the library, prints.

use anyhow::Context;
use claimgraph::lexicon::Language;
use claimgraph::report::{self, TextOptions};
use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// Analyse articles and statement files: contradictions, sides, contested statements, actors.
    Analyze {
        /// Articles (.txt, .md), statement files (.json), or directories holding them.
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
        #[command(flatten)]
        input: InputArgs,
    },
    /// Draw the graph: DOT, SVG, PNG, PDF or a self-contained HTML report.
    Render {
        /// Articles (.txt, .md), statement files (.json), or directories holding them.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The output file; its extension (.dot, .svg, .png, .pdf, .html) picks the format.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// The format (default: from the output file's extension).
        #[arg(long, short = 'f', value_enum)]
        format: Option<RenderFormat>,
        /// Which engine draws images: graphviz (needs `dot`), builtin (SVG and PNG, nothing to install), or auto.
        #[arg(long, value_enum, default_value_t = EngineArg::Auto)]
        engine: EngineArg,
        /// How statements are arranged: side (the dispute's camps side by side), or clusters per article or actor, or none.
        #[arg(long, value_enum, default_value_t = GroupByArg::Side)]
        group_by: GroupByArg,
        /// Which related statements to draw: every one in a relation, or only those in contradictions.
        #[arg(long, value_enum, default_value_t = OnlyArg::Relations)]
        only: OnlyArg,
        /// Also draw the statements outside every relation.
        #[arg(long)]
        all: bool,
        /// Above this many statements, draw one node per actor with counted edges.
        #[arg(long, default_value_t = claimgraph::render::DEFAULT_MAX_NODES)]
        max_nodes: usize,
        /// Write each relation's reason on its edge.
        #[arg(long)]
        edge_labels: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Extract statements and relations from articles into a statement file.
    Extract {
        /// Articles (.txt, .md), statement files to merge in (.json), or directories.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output format (the statement file is JSON).
        #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Args)]
struct InputArgs {
    /// Language of the articles (default: detected per article).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Replace invalid UTF-8 in articles (with a warning) instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Extra lexicon file (cues, markers…; see docs/guide.md). Repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Extra actors file (gazetteer entries; see docs/guide.md). Repeatable.
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,
}

/// Files above which a progress bar is drawn (on a terminal).
const PROGRESS_FROM: usize = 20;

/// A progress bar on standard error when it is a terminal and there are many inputs.
fn progress_bar(inputs: &[PathBuf]) -> Option<claimgraph::Progress> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let files = claimgraph::input::expand_all(inputs).0.len();
    if files < PROGRESS_FROM {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} extracting {pos}/{len} articles [{bar:30}] {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    Some(std::sync::Arc::new(move |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        if done == total {
            bar.finish_and_clear();
        }
    }))
}

impl InputArgs {
    fn options(&self, inputs: &[PathBuf]) -> claimgraph::Options {
        claimgraph::Options {
            progress: progress_bar(inputs),
            language: self.lang.map(|l| match l {
                LangArg::Vi => Language::Vi,
                LangArg::En => Language::En,
            }),
            lossy: self.lossy,
            lexicons: self.lexicon.clone(),
            actors: self.actors.clone(),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum RenderFormat {
    Dot,
    Svg,
    Png,
    Pdf,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum EngineArg {
    Auto,
    Graphviz,
    Builtin,
}

#[derive(Clone, Copy, ValueEnum)]
enum GroupByArg {
    Article,
    Actor,
    Side,
    None,
}

#[derive(Clone, Copy, ValueEnum)]
enum OnlyArg {
    #[value(alias = "all")]
    Relations,
    Contradictions,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    // Ctrl-C or SIGTERM: remove half-written outputs' temporary files, exit 130.
    let _ = ctrlc::set_handler(|| {
        claimgraph::output::remove_in_flight();
        eprintln!("interrupted: no output was written");
        std::process::exit(130);
    });
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

fn warn(warnings: &[claimgraph::Diagnostic]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Analyze {
            inputs,
            format,
            output,
            color,
            input,
        } => {
            let (graph, analysis, warnings) = claimgraph::run_analyze(&inputs, &input.options(&inputs))?;
            warn(&warnings);
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
        Command::Render {
            inputs,
            output,
            format,
            engine,
            group_by,
            only,
            all,
            max_nodes,
            edge_labels,
            input,
        } => {
            use claimgraph::render::{self, Engine, GroupBy, Only, OutputFormat, PictureOptions, RenderOptions};
            let format = match format {
                Some(f) => match f {
                    RenderFormat::Dot => OutputFormat::Dot,
                    RenderFormat::Svg => OutputFormat::Svg,
                    RenderFormat::Png => OutputFormat::Png,
                    RenderFormat::Pdf => OutputFormat::Pdf,
                    RenderFormat::Html => OutputFormat::Html,
                },
                None => match output.as_deref().map(OutputFormat::from_path) {
                    Some(Some(f)) => f,
                    Some(None) => anyhow::bail!(
                        "cannot tell the format from the name {}: use .dot, .svg, .png, .pdf or .html, or --format",
                        output.as_deref().map(|p| p.display().to_string()).unwrap_or_default()
                    ),
                    None => anyhow::bail!("render needs -o FILE (or --format to write to standard output)"),
                },
            };
            if output.is_none()
                && matches!(format, OutputFormat::Png | OutputFormat::Pdf)
                && std::io::stdout().is_terminal()
            {
                anyhow::bail!("not writing a binary image to the terminal: give -o FILE");
            }
            let (graph, analysis, warnings) = claimgraph::run_analyze(&inputs, &input.options(&inputs))?;
            warn(&warnings);
            let options = RenderOptions {
                format,
                engine: match engine {
                    EngineArg::Auto => Engine::Auto,
                    EngineArg::Graphviz => Engine::Graphviz,
                    EngineArg::Builtin => Engine::Builtin,
                },
                picture: PictureOptions {
                    group_by: match group_by {
                        GroupByArg::Article => GroupBy::Article,
                        GroupByArg::Actor => GroupBy::Actor,
                        GroupByArg::Side => GroupBy::Side,
                        GroupByArg::None => GroupBy::None,
                    },
                    only: match only {
                        OnlyArg::Relations => Only::Relations,
                        OnlyArg::Contradictions => Only::Contradictions,
                    },
                    all,
                    max_nodes,
                    edge_labels,
                },
            };
            let bytes = render::render_with(&graph, &analysis, &options, &mut |note| eprintln!("note: {note}"))?;
            emit(output, |w| w.write_all(&bytes))
        }
        Command::Extract {
            inputs,
            format: ExtractFormat::Json,
            output,
            input,
        } => {
            let loaded = claimgraph::load(&inputs, &input.options(&inputs))?;
            warn(&loaded.warnings);
            emit(output, |w| loaded.set.write_json(w))
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
