//! Pictures: DOT diagrams, SVG/PNG/PDF images and the HTML report.
//!
//! [`picture::Picture`] decides what to draw; [`dot`] writes DOT through
//! graphviz-rust and runs Graphviz when it is installed; [`svg`] is the
//! builtin engine (its own layout, [`layout`], and resvg for PNG with a
//! bundled font), so SVG and PNG need nothing installed; [`html`] writes the
//! self-contained report.

pub mod dot;
pub mod html;
pub mod layout;
pub mod picture;
pub mod svg;

pub use picture::{GroupBy, Only, Picture, PictureOptions};

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

/// Draws the graph in the requested format.
pub fn render(graph: &ClaimGraph, analysis: &Analysis, options: &RenderOptions) -> Result<Vec<u8>> {
    render_noted(graph, analysis, options).map(|(bytes, _)| bytes)
}

/// [`render`], with notes for the user on what the picture leaves out.
pub fn render_noted(
    graph: &ClaimGraph,
    analysis: &Analysis,
    options: &RenderOptions,
) -> Result<(Vec<u8>, Vec<String>)> {
    let picture = Picture::new(graph, analysis, &options.picture);
    let mut notes = Vec::new();
    if picture.folded_actors > 0 {
        notes.push(format!(
            "{} actors with the fewest statements are drawn as one node, \"others\" (at most {} nodes: raise --max-nodes to draw more)",
            picture.folded_actors, options.picture.max_nodes
        ));
    }
    draw(graph, analysis, options, &picture).map(|bytes| (bytes, notes))
}

fn draw(graph: &ClaimGraph, analysis: &Analysis, options: &RenderOptions, picture: &Picture) -> Result<Vec<u8>> {
    let use_graphviz = match options.engine {
        Engine::Graphviz => true,
        Engine::Builtin => false,
        Engine::Auto => dot::graphviz_available(),
    };
    match options.format {
        OutputFormat::Dot => Ok(dot::to_dot(picture).into_bytes()),
        OutputFormat::Html => Ok(html::to_html(graph, analysis, picture).into_bytes()),
        OutputFormat::Svg if use_graphviz => dot::run_dot(&dot::to_dot(picture), GvFormat::Svg),
        OutputFormat::Png if use_graphviz => dot::run_dot(&dot::to_dot(picture), GvFormat::Png),
        OutputFormat::Pdf if use_graphviz => dot::run_dot(&dot::to_dot(picture), GvFormat::Pdf),
        OutputFormat::Svg => Ok(svg::to_svg(picture, svg::SvgOptions::default()).into_bytes()),
        OutputFormat::Png => svg::svg_to_png(&svg::to_svg(picture, svg::SvgOptions::default())),
        OutputFormat::Pdf => Err(Error::Tool(format!(
            "PDF needs graphviz, which the builtin engine does not replace: {}",
            dot::GRAPHVIZ_MISSING.trim_start_matches("graphviz is needed for this ")
        ))),
    }
}
