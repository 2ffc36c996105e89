//! The `claimgraph` command: parses arguments, calls the library, prints.

use anyhow::Context;
use claimgraph::lexicon::Language;
use claimgraph::report::{self, TextOptions};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Who claims what, who backs whom and who denies what, from news coverage of a dispute.
#[derive(Parser)]
#[command(name = "claimgraph", version, about, long_about = None, after_help = MAIN_EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and statement files: contradictions, sides, contested statements, actors.
    #[command(after_help = ANALYZE_EXAMPLES)]
    Analyze {
        /// Articles (.txt, .md), statement files (.json), directories holding them, or - for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Report format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Write the report to this file (atomically) instead of standard output (- is standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Colours in the text report.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Draw the graph: DOT, SVG, PNG, PDF or a self-contained HTML report.
    #[command(after_help = RENDER_EXAMPLES)]
    Render {
        /// Articles (.txt, .md), statement files (.json), directories holding them, or - for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The output file; its extension (.dot, .svg, .png, .pdf, .html) picks the format (- is standard output, with --format).
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
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract {
        /// Articles (.txt, .md), statement files to merge in (.json), directories, or - for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output format (the statement file is JSON).
        #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Write to this file (atomically) instead of standard output (- is standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Link shards (written by `extract --format shard`) into one statement file: the file one
    /// `extract` over all their articles, in the order given, would have written.
    #[command(after_help = LINK_EXAMPLES)]
    Link {
        /// Shard files, in the order their articles were given.
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        /// Write to this file (atomically) instead of standard output (- is standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Extra lexicon file, as given to `extract` (the same files make the same links). Repeatable.
        #[arg(long, value_name = "FILE")]
        lexicon: Vec<PathBuf>,
        /// Extra actors file, as given to `extract`. Repeatable.
        #[arg(long, value_name = "FILE")]
        actors: Vec<PathBuf>,
        /// Threads for linking (default: one per core, or RAYON_NUM_THREADS). The output is the same
        /// whatever the count.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        threads: Option<u16>,
    },
    /// Print a completion script for a shell (see the examples for where to install it).
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one per command into a directory.
    #[command(after_help = MAN_EXAMPLES)]
    Man {
        /// Write claimgraph.1 and claimgraph-COMMAND.1 into this directory instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

const LINK_EXAMPLES: &str = "\
Examples:
  claimgraph extract crawl/part1/ --format shard -o part1.jsonl
  claimgraph extract crawl/part2/ --format shard -o part2.jsonl
  claimgraph link part1.jsonl part2.jsonl -o statements.json
";

const MAIN_EXAMPLES: &str = "\
Examples:
  claimgraph analyze data/articles/                        the contradiction report of the bundled articles
  claimgraph extract article.txt -o article.json          a statement file to correct
  claimgraph analyze article.txt fixes.json               the article with your corrections
  claimgraph render data/articles/ -o report.html         the HTML report

Exit codes: 0 success, 1 an output that cannot be written, 2 bad input or arguments, 130 interrupted.
Documentation: docs/guide.md; claimgraph man | man -l -";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  claimgraph completions bash > ~/.local/share/bash-completion/completions/claimgraph
  claimgraph completions zsh > ~/.zfunc/_claimgraph      (with fpath+=(~/.zfunc) before compinit)
  claimgraph completions fish > ~/.config/fish/completions/claimgraph.fish";

const MAN_EXAMPLES: &str = "\
Examples:
  claimgraph man | man -l -                                read it now
  claimgraph man --dir ~/.local/share/man/man1             install the pages (then: man claimgraph)";

const ANALYZE_EXAMPLES: &str = "\
Examples:
  claimgraph analyze data/articles/                        the bundled articles' report
  claimgraph analyze article.txt fixes.json                an article with your corrections
  claimgraph analyze statements.json -f markdown -o report.md
  cat article.txt | claimgraph analyze - -f json           standard input in, JSON out

Exit codes: 0 success, 1 an output that cannot be written, 2 bad input or arguments, 130 interrupted.";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  claimgraph extract article.txt -o article.json          a statement file to correct or analyse
  claimgraph extract data/articles/vi/ -o seeds.json      every article of a directory
  curl -s URL | claimgraph extract - --lang en            standard input in, standard output out

Exit codes: 0 success, 1 an output that cannot be written, 2 bad input or arguments, 130 interrupted.";

const RENDER_EXAMPLES: &str = "\
Examples:
  claimgraph render data/articles/ -o report.html         the self-contained HTML report
  claimgraph render data/articles/ -o graph.svg --engine builtin
  claimgraph render article.txt -o graph.png --only contradictions --group-by article
  claimgraph render statements.json -f dot -o - | dot -Tpdf > graph.pdf

Exit codes: 0 success, 1 an output that cannot be written or Graphviz failing, 2 bad input or arguments,
130 interrupted.";

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
    /// List every derived contradiction (default: at most 100 per dispute group and 1,000 in all,
    /// the rest counted).
    #[arg(long)]
    all_derived: bool,
    /// List everything: every contradiction, inconsistency, contested statement and statement of
    /// a camp (default: at most 100 per dispute group and 1,000 in all of each, the rest counted
    /// and summarised per group). The report then grows with the input.
    #[arg(long)]
    list_all: bool,
    /// Threads for extraction and linking (default: one per core, or RAYON_NUM_THREADS).
    /// The output is the same whatever the count.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
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
    fn options(&self, inputs: &[PathBuf]) -> anyhow::Result<claimgraph::Options> {
        let stdin = if inputs.iter().any(|p| is_dash(p)) {
            if inputs.iter().filter(|p| is_dash(p)).count() > 1 {
                return Err(usage("- (standard input) can be given only once"));
            }
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
                .context("cannot read standard input")?;
            Some(bytes.into())
        } else {
            None
        };
        Ok(claimgraph::Options {
            stdin,
            progress: progress_bar(inputs),
            language: self.lang.map(|l| match l {
                LangArg::Vi => Language::Vi,
                LangArg::En => Language::En,
            }),
            lossy: self.lossy,
            lexicons: self.lexicon.clone(),
            actors: self.actors.clone(),
            all_derived: self.all_derived,
            list_all: self.list_all,
        })
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
    /// The statement file.
    Json,
    /// A shard: JSON Lines, one article's extraction per line, not linked
    /// (`claimgraph link` joins shards into the statement file).
    Shard,
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

/// mimalloc: the pipeline allocates many small strings on every thread,
/// where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
                    || c.is::<Usage>()
            });
            // Line by line: the diagnostics' line breaks stay, any control
            // character from the input (a path, a key) is shown escaped.
            let text = message(&e);
            let lines: Vec<_> = text.split('\n').map(claimgraph::error::visible).collect();
            eprintln!("error: {}", lines.join("\n"));
            ExitCode::from(if input { 2 } else { 1 })
        }
    }
}

/// A bad argument the parser cannot catch (exit code 2, like bad input).
#[derive(Debug)]
struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

fn usage(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Usage(message.into()))
}

/// The error and its causes, each said once: a cause whose words already end
/// the message (an error that prints its source) is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let s = cause.to_string();
        if s.is_empty() || out.ends_with(&s) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&s);
    }
    out
}

/// True for the path `-` (standard input or output).
fn is_dash(p: &std::path::Path) -> bool {
    p.as_os_str() == "-"
}

fn warn(warnings: &[claimgraph::Diagnostic]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

/// Loads the inputs (telling what corrections changed), builds the graph and analyses it.
fn analyze_inputs(
    inputs: &[PathBuf],
    input: &InputArgs,
) -> anyhow::Result<(claimgraph::ClaimGraph, claimgraph::Analysis)> {
    let loaded = load(inputs, input)?;
    let listing = claimgraph::Options {
        list_all: input.list_all,
        all_derived: input.all_derived,
        ..claimgraph::Options::default()
    }
    .listing();
    let graph = claimgraph::ClaimGraph::build(loaded.set);
    let analysis = claimgraph::analysis::analyze_listing(&graph, listing);
    Ok((graph, analysis))
}

/// Loads the inputs and prints the warnings and the corrections' notes.
/// `--threads`: the size of rayon's pool, which extraction and linking use.
fn set_threads(threads: Option<u16>) {
    if let Some(n) = threads {
        // Fails only if the pool was built already: it is built on first use,
        // after this.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.into()).build_global();
    }
}

fn load(inputs: &[PathBuf], input: &InputArgs) -> anyhow::Result<claimgraph::Loaded> {
    set_threads(input.threads);
    let loaded = claimgraph::load(inputs, &input.options(inputs)?)?;
    warn(&loaded.warnings);
    for c in &loaded.changes {
        eprintln!("note: {c}");
    }
    Ok(loaded)
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
            not_an_input(output.as_deref(), &inputs)?;
            let (graph, analysis) = analyze_inputs(&inputs, &input)?;
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    output.as_deref().is_none_or(is_dash)
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none()
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
                None => match output.as_deref() {
                    Some(p) if is_dash(p) => {
                        return Err(usage("-o - (standard output) needs --format dot|svg|png|pdf|html"));
                    }
                    Some(p) => OutputFormat::from_path(p).ok_or_else(|| {
                        usage(format!(
                            "cannot tell the format from the name {}: use .dot, .svg, .png, .pdf or .html, or --format",
                            p.display()
                        ))
                    })?,
                    None => return Err(usage("render needs -o FILE (or --format to write to standard output)")),
                },
            };
            if output.as_deref().is_none_or(is_dash)
                && matches!(format, OutputFormat::Png | OutputFormat::Pdf)
                && std::io::stdout().is_terminal()
            {
                return Err(usage("not writing a binary image to the terminal: give -o FILE"));
            }
            not_an_input(output.as_deref(), &inputs)?;
            if matches!(format, OutputFormat::Pdf) && matches!(engine, EngineArg::Builtin) {
                return Err(usage(
                    "the builtin engine draws SVG and PNG only: PDF needs Graphviz (--engine graphviz or auto)",
                ));
            }
            let (graph, analysis) = analyze_inputs(&inputs, &input)?;
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
        Command::Completions { shell } => {
            // Generated in memory: clap_complete panics on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "claimgraph", &mut script);
            emit(None, |w| w.write_all(&script))
        }
        Command::Man { dir: None } => emit(None, |w| clap_mangen::Man::new(Cli::command()).render(w)),
        Command::Man { dir: Some(dir) } => {
            if !dir.is_dir() {
                return Err(usage(format!("{}: no such directory", dir.display())));
            }
            let mut cmd = Cli::command().disable_help_subcommand(true);
            cmd.build();
            for page in std::iter::once(cmd.clone()).chain(cmd.get_subcommands().cloned()) {
                let man = clap_mangen::Man::new(page);
                let path = dir.join(man.get_filename());
                claimgraph::output::write_atomic_with(&path, |w| man.render(w))?;
            }
            Ok(())
        }
        Command::Extract {
            inputs,
            format: ExtractFormat::Shard,
            output,
            input,
        } => {
            not_an_input(output.as_deref(), &inputs)?;
            set_threads(input.threads);
            let options = input.options(&inputs)?;
            // Each chunk of articles is written as soon as it is extracted.
            let mut outcome: claimgraph::Result<Vec<claimgraph::Diagnostic>> = Ok(Vec::new());
            let written = emit(output, |w| {
                // The header goes out with the first chunk: nothing is written
                // to standard output when the first inputs have problems.
                let mut started = false;
                let mut start = |w: &mut dyn Write| -> std::io::Result<()> {
                    if !std::mem::replace(&mut started, true) {
                        writeln!(w, "{}", claimgraph::shard::HEADER)?;
                    }
                    Ok(())
                };
                outcome = claimgraph::extract_shard_each(&inputs, &options, &mut |chunk| {
                    start(w)?;
                    claimgraph::shard::write_lines(&chunk, w)
                });
                match &mut outcome {
                    Ok(_) => start(w),
                    Err(claimgraph::Error::Write { source, .. }) => {
                        Err(std::io::Error::new(source.kind(), source.to_string()))
                    }
                    // The temporary file is dropped; the input problems are reported below.
                    Err(_) => Err(std::io::Error::other("input problems")),
                }
            });
            match outcome {
                Err(e @ claimgraph::Error::Input(_)) => Err(e.into()),
                Err(e @ claimgraph::Error::Tool(_)) => Err(e.into()),
                _ => {
                    written?;
                    warn(&outcome.unwrap_or_default());
                    Ok(())
                }
            }
        }
        Command::Link {
            shards,
            output,
            lexicon,
            actors,
            threads,
        } => {
            not_an_input(output.as_deref(), &shards)?;
            set_threads(threads);
            let options = claimgraph::Options {
                lexicons: lexicon,
                actors,
                ..Default::default()
            };
            let set = claimgraph::link_shards(&shards, &options)?;
            let written = emit(output, |w| set.write_json(w));
            std::mem::forget(set);
            written
        }
        Command::Extract {
            inputs,
            format: ExtractFormat::Json,
            output,
            input,
        } => {
            not_an_input(output.as_deref(), &inputs)?;
            let loaded = load(&inputs, &input)?;
            let written = emit(output, |w| loaded.set.write_json(w));
            // The process ends here: freeing a crawl's statements string by
            // string would only add to the run.
            std::mem::forget(loaded);
            written
        }
    }
}

/// Refuses an output file that is one of the inputs (or inside an input
/// directory): the report would replace what it was made from.
fn not_an_input(output: Option<&std::path::Path>, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let Some(output) = output else { return Ok(()) };
    let Ok(target) = std::fs::canonicalize(output) else {
        return Ok(()); // a new file cannot be an input
    };
    if !target.is_file() {
        return Ok(()); // devices such as /dev/null
    }
    let clash = claimgraph::input::expand_all(inputs)
        .0
        .iter()
        .any(|i| std::fs::canonicalize(&i.path).is_ok_and(|p| p == target));
    if clash {
        return Err(claimgraph::Error::Input(vec![claimgraph::Diagnostic::file(
            output,
            "is one of the inputs: not replacing an input with the output (choose another -o)",
        )])
        .into());
    }
    Ok(())
}

/// Streams the output to the file (atomically) or to standard output (no
/// `-o`, or `-o -`). A write error names the file once (the library's error does).
fn emit(output: Option<PathBuf>, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    match output {
        Some(path) if !is_dash(&path) => Ok(claimgraph::output::write_atomic_with(&path, fill)?),
        _ => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match fill(&mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    anyhow::bail!("standard output was closed before everything was written (broken pipe)")
                }
                r => r.context("cannot write to standard output"),
            }
        }
    }
}
