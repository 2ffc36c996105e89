//! The HTML report on arbitrary statements: no input text may become markup.
#![no_main]

use claimgraph::render::{Picture, PictureOptions, html};
use claimgraph::{ClaimGraph, analyze};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let graph = ClaimGraph::build(common::set_from(data));
    let analysis = analyze(&graph);
    let picture = Picture::new(&graph, &analysis, &PictureOptions::default());
    let page = html::to_html(&graph, &analysis, &picture);
    // Exactly the page's own script and markup: count the tags the template writes.
    assert_eq!(page.matches("<script").count(), 1, "a script tag came from the input");
    assert_eq!(page.matches("<svg").count(), 1, "an svg tag came from the input");
    assert!(!page.contains("<img") && !page.contains("<iframe") && !page.contains("javascript:"));
    // The data inside the script can never close it.
    let script = &page[page.find("<script>").expect("the script") + 8..];
    assert_eq!(script.matches("</script>").count(), 1, "the data closed the script");
    // Every '<' is one of ours: what follows is a known tag name.
    for (i, _) in page.match_indices('<') {
        let rest = &page[i + 1..];
        let name: String = rest.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
        const TAGS: [&str; 44] = [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main", "section",
            "div", "span", "b", "i", "ul", "li", "table", "tr", "th", "td", "script", "svg", "defs", "marker", "path", "rect",
            "text", "g", "polygon", "polyline", "ellipse", "title", "marker", "tspan", "aside", "label", "select", "option",
            "input", "noscript",
        ];
        assert!(TAGS.contains(&name.as_str()), "unexpected markup <{name} in the page");
    }
});
