//! Pictures: DOT diagrams, SVG/PNG/PDF images and the HTML report.
//!
//! [`picture::Picture`] decides what to draw (the dispute by default, the
//! [`actor_view`] for large inputs); [`dot`] writes DOT through
//! graphviz-rust and runs Graphviz when it is installed; [`svg`] is the
//! builtin engine (its own layouts, [`bands`] for camps and [`layout`] for
//! layers, and resvg for PNG with a bundled font), so SVG and PNG need
//! nothing installed; [`html`] writes the self-contained report.

pub mod actor_view;
pub mod bands;
pub mod camps;
pub mod dot;
pub mod geometry;
pub mod html;
pub mod layout;
mod legend;
pub mod palette;
pub mod picture;
pub mod svg;

pub use picture::{Arrangement, DEFAULT_MAX_NODES, GroupBy, Only, Picture, PictureOptions};

use crate::analysis::Analysis;
use crate::error::{Error, Result};
use crate::graph::ClaimGraph;
use graphviz_rust::cmd::Format as GvFormat;
use std::path::Path;

/// What `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Dot,
    Svg,
    Png,
    Pdf,
    Html,
}

impl OutputFormat {
    /// The format named by a file's extension.
    pub fn from_path(path: &Path) -> Option<OutputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "dot" | "gv" => OutputFormat::Dot,
            "svg" => OutputFormat::Svg,
            "png" => OutputFormat::Png,
            "pdf" => OutputFormat::Pdf,
            "html" | "htm" => OutputFormat::Html,
            _ => return None,
        })
    }
}

/// Which engine draws images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz when `dot` is on PATH, the builtin engine otherwise.
    #[default]
    Auto,
    Graphviz,
    Builtin,
}

/// Options of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub format: OutputFormat,
    pub engine: Engine,
    pub picture: PictureOptions,
}

/// Nodes above which `--engine auto` does not hand a picture to Graphviz
/// (`dot` takes tens of seconds to minutes on larger ones).
pub const GRAPHVIZ_MAX_NODES: usize = 150;
/// Edges above which `--engine auto` does not hand a picture to Graphviz.
pub const GRAPHVIZ_MAX_EDGES: usize = 400;
/// Nodes from which a render says what it is drawing before it starts.
const PROGRESS_FROM: usize = 100;

/// Whether Graphviz lays `picture` out in seconds.
pub fn fits_graphviz(picture: &Picture) -> bool {
    picture.nodes.len() <= GRAPHVIZ_MAX_NODES && picture.edges.len() <= GRAPHVIZ_MAX_EDGES
}

/// Draws the graph in the requested format.
pub fn render(graph: &ClaimGraph, analysis: &Analysis, options: &RenderOptions) -> Result<Vec<u8>> {
    render_with(graph, analysis, options, &mut |_| {})
}

/// [`render`], telling `note` what the user should know: the engine chosen
/// when `auto` cannot use Graphviz, and what a long render is drawing (the
/// binary prints these lines on standard error).
pub fn render_with(
    graph: &ClaimGraph,
    analysis: &Analysis,
    options: &RenderOptions,
    note: &mut dyn FnMut(&str),
) -> Result<Vec<u8>> {
    let mut picture = Picture::new(graph, analysis, &options.picture);
    let image = matches!(
        options.format,
        OutputFormat::Svg | OutputFormat::Png | OutputFormat::Pdf
    );
    let use_graphviz = match options.engine {
        Engine::Graphviz => true,
        Engine::Builtin => false,
        Engine::Auto if !image || !dot::graphviz_available() => false,
        Engine::Auto if fits_graphviz(&picture) => true,
        Engine::Auto if options.format == OutputFormat::Pdf => {
            // Only Graphviz makes PDFs: draw the actor view, which it lays out quickly.
            note(&format!(
                "{} nodes are too many for graphviz to lay out in seconds: the PDF shows the actor view",
                picture.nodes.len()
            ));
            let actors = PictureOptions {
                max_nodes: actor_view::MAX_ACTORS,
                ..options.picture
            };
            picture = Picture::new(graph, analysis, &actors);
            true
        }
        Engine::Auto => {
            note(&format!(
                "{} nodes and {} edges are too many for graphviz to lay out in seconds: drawing with the builtin engine (--engine graphviz to insist)",
                picture.nodes.len(),
                picture.edges.len()
            ));
            false
        }
    };
    if picture.summary
        && let Some(why) = picture.caption.first()
    {
        note(why);
    }
    if picture.folded_actors > 0 {
        note(&format!(
            "{} with fewer relations are drawn as one node, \"others\" (the actor view has at most {} nodes{})",
            picture::count(picture.folded_actors, "actor", "actors"),
            picture.nodes.len(),
            if options.picture.max_nodes < actor_view::MAX_ACTORS {
                ": raise --max-nodes to draw more"
            } else {
                ""
            }
        ));
    }
    if image && picture.nodes.len() >= PROGRESS_FROM {
        note(&format!(
            "drawing {} nodes and {} edges with {}…",
            picture.nodes.len(),
            picture.edges.len(),
            if use_graphviz { "graphviz" } else { "the builtin engine" }
        ));
    }
    match options.format {
        OutputFormat::Dot => Ok(dot::to_dot(&picture).into_bytes()),
        OutputFormat::Html => {
            let lines = crate::statement_lines(graph.set());
            Ok(html::to_html_with_lines(graph, analysis, &picture, &lines).into_bytes())
        }
        OutputFormat::Svg | OutputFormat::Png | OutputFormat::Pdf if use_graphviz => {
            match graphviz(&picture, options.format) {
                Err(Error::Tool(why)) if picture.arrangement == Arrangement::Camps && why != dot::GRAPHVIZ_MISSING => {
                    // Graphviz 2.x fails on some camps (clusters with relations
                    // both ways, "trouble in init_rank", "lost edge").
                    if options.engine == Engine::Auto && options.format != OutputFormat::Pdf {
                        note("graphviz could not lay the camps out: drawing with the builtin engine");
                        builtin(&picture, options.format)
                    } else {
                        note("graphviz could not lay the camps out: drawn without them (--engine builtin draws them)");
                        let plain = Picture::new(
                            graph,
                            analysis,
                            &PictureOptions {
                                group_by: GroupBy::None,
                                ..options.picture
                            },
                        );
                        graphviz(&plain, options.format)
                    }
                }
                other => other,
            }
        }
        _ => builtin(&picture, options.format),
    }
}

/// Runs Graphviz on a picture. Graphviz PNGs go through its SVG and resvg:
/// the same pixel cap and fonts as the builtin engine.
fn graphviz(picture: &Picture, format: OutputFormat) -> Result<Vec<u8>> {
    let text = dot::to_dot(picture);
    match format {
        OutputFormat::Png => {
            let svg = dot::run_dot(&text, GvFormat::Svg)?;
            svg::svg_to_png(&String::from_utf8_lossy(&svg))
        }
        OutputFormat::Pdf => dot::run_dot_page(&text, GvFormat::Pdf),
        _ => dot::run_dot(&text, GvFormat::Svg),
    }
}

/// The builtin engine: SVG and PNG.
fn builtin(picture: &Picture, format: OutputFormat) -> Result<Vec<u8>> {
    match format {
        OutputFormat::Png => svg::svg_to_png(&svg::to_svg(picture, svg::SvgOptions::default())),
        OutputFormat::Pdf => Err(Error::Tool(format!(
            "PDF needs graphviz, which the builtin engine does not replace: {}",
            dot::GRAPHVIZ_MISSING.trim_start_matches("graphviz is needed for this ")
        ))),
        _ => Ok(svg::to_svg(picture, svg::SvgOptions::default()).into_bytes()),
    }
}
