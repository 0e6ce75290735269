//! HTML: reduce markup to text blocks, the main content block first.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

use super::clean::{char_len, is_cjk};
use super::draft::{Block, Draft};
use super::furniture::breadcrumb_hints;
use super::htmlmeta::{find_headline, pick_title, read_meta};
use super::htmlroot::{CRUMB, centred, class_id, content_root, hidden, icon, negative};
use super::lines::is_header_line;

/// Elements whose content is never article text.
pub(crate) const SKIP: &[&str] = &[
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
    "nav", "aside", "footer", "button", "select", "option", "input", "textarea", "svg", "canvas",
    "template", "head", "map", "audio", "video", "source", "dialog", "menu", "link", "meta",
    "title",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "caption",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "center",
    "address",
    "form",
    "fieldset",
    "body",
    "html",
    "details",
    "summary",
];

/// Deeper nesting than this is ignored rather than recursed into.
pub(crate) const MAX_DEPTH: usize = 200;

/// Where a block sits relative to the content root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// Above the content root (headline, dateline).
    Before,
    /// Inside the content root.
    Inside,
    /// Below the content root (editor, source notes).
    After,
}

/// Collects text blocks while walking the tree.
struct Walker<'a> {
    /// The content root, if one was chosen.
    root: Option<ElementRef<'a>>,
    /// The root's ancestors, which are walked whatever their class says.
    path: Vec<ElementRef<'a>>,
    /// Where the walk currently is.
    zone: Zone,
    /// Blocks found so far.
    out: Vec<(Zone, Block)>,
    /// Text of the line being collected.
    buf: String,
    /// Depth of enclosing headings.
    heading: usize,
    /// Depth of enclosing figure captions.
    caption: usize,
    /// Depth of enclosing centred elements.
    centered: usize,
    /// Breadcrumb segments met on the way.
    hints: Vec<String>,
}

impl<'a> Walker<'a> {
    /// A walker that starts in `zone` and switches zones at `root`.
    fn new(root: Option<ElementRef<'a>>, zone: Zone) -> Self {
        let path = root
            .map(|r| r.ancestors().filter_map(ElementRef::wrap).collect())
            .unwrap_or_default();
        Walker {
            root,
            path,
            zone,
            out: Vec::new(),
            buf: String::new(),
            heading: 0,
            caption: 0,
            centered: 0,
            hints: Vec::new(),
        }
    }

    /// Collect the text of `el` and its descendants, skipping furniture.
    fn walk(&mut self, el: ElementRef<'a>, depth: usize) {
        let name = el.value().name();
        let kept = self.root == Some(el) || self.path.contains(&el);
        let is_root = self.root == Some(el);
        // Some sites wrap the whole page in a <form>; only forms beside the article are dropped.
        let skipped = SKIP.contains(&name) || name == "form" || hidden(el);
        if depth > MAX_DEPTH || (!kept && skipped) {
            return;
        }
        if !kept && negative(el) {
            if CRUMB.is_match(&class_id(el)) {
                self.hints
                    .extend(breadcrumb_hints(&el.text().collect::<String>()));
            }
            return;
        }
        match name {
            "br" | "hr" => return self.flush(),
            "img" if !icon(el) => {
                self.flush();
                return self.out.push((self.zone, Block::Image));
            }
            "img" => return,
            "td" | "th" => self.buf.push(' '),
            _ => {}
        }
        let block = is_root || BLOCKS.contains(&name);
        let (heading, caption) = (
            matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
            name == "figcaption",
        );
        let centered = name == "center" || centred(el);
        if block {
            self.flush();
        }
        if is_root {
            self.zone = Zone::Inside;
        }
        self.heading += usize::from(heading);
        self.caption += usize::from(caption);
        self.centered += usize::from(centered);
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.buf.push_str(t),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.walk(c, depth + 1);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
        self.heading -= usize::from(heading);
        self.caption -= usize::from(caption);
        self.centered -= usize::from(centered);
        if is_root {
            self.zone = Zone::After;
        }
    }

    /// End the current line, turning its text into a block.
    fn flush(&mut self) {
        let text = collapse(&std::mem::take(&mut self.buf));
        if text.is_empty() {
            return;
        }
        let block = if self.heading > 0 {
            Block::Heading(text)
        } else if self.caption > 0 {
            Block::Caption(text)
        } else if self.centered > 0 {
            Block::Centered(text)
        } else {
            Block::Text(text)
        };
        self.out.push((self.zone, block));
    }
}

/// Collapse whitespace; a line break between two CJK characters vanishes.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<bool> = None;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{3000}' || c == '\u{A0}' {
            let newline = c == '\n' || c == '\r';
            run = Some(run.unwrap_or(false) || newline);
            continue;
        }
        if let Some(newline) = run.take() {
            let prev_cjk = out
                .chars()
                .last()
                .is_some_and(|p| is_cjk(p) || (!p.is_ascii() && !p.is_alphanumeric()));
            let next_cjk = is_cjk(c) || (!c.is_ascii() && !c.is_alphanumeric());
            if !(out.is_empty() || newline && prev_cjk && next_cjk) {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// Read a whole HTML document into a draft.
pub(crate) fn document(text: &str) -> Draft {
    static BODY: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("body").expect("valid selector"));
    let doc = Html::parse_document(text);
    let mut d = Draft::default();
    let meta = read_meta(&doc, &mut d);
    let (reference, headline) = find_headline(&doc, &meta);
    let body = doc
        .select(&BODY)
        .next()
        .unwrap_or_else(|| doc.root_element());
    let root = content_root(body, headline.as_ref().map(|(e, _)| *e));
    let mut w = Walker::new(Some(root), Zone::Before);
    w.walk(body, 0);
    w.flush();
    d.hints.extend(std::mem::take(&mut w.hints));
    let nearest = nearest_heading(&w.out);
    d.title = pick_title(&meta, reference, headline.map(|(_, t)| t), nearest);
    let before: Vec<&Block> = w
        .out
        .iter()
        .filter(|(z, _)| *z == Zone::Before)
        .map(|(_, b)| b)
        .collect();
    let header = before
        .iter()
        .rev()
        .take(15)
        .rev()
        .filter(|b| header_block(b))
        .map(|b| (*b).clone());
    let inside = w
        .out
        .iter()
        .filter(|(z, _)| *z == Zone::Inside)
        .map(|(_, b)| b.clone());
    let after = w
        .out
        .iter()
        .filter(|(z, _)| *z == Zone::After)
        .take(8)
        .filter(|(_, b)| header_block(b))
        .map(|(_, b)| b.clone());
    d.blocks = header.chain(inside).chain(after).collect();
    d
}

/// The heading opening the content, or the last one just above it: the likely headline.
fn nearest_heading(out: &[(Zone, Block)]) -> Option<String> {
    let heading = |(_, b): &&(Zone, Block)| match b {
        Block::Heading(t) => Some(super::clean::normalise(t)).filter(|t| char_len(t) >= 6),
        _ => None,
    };
    let inside = out
        .iter()
        .filter(|(z, _)| *z == Zone::Inside)
        .take(3)
        .find_map(|b| heading(&b));
    let before: Vec<&(Zone, Block)> = out.iter().filter(|(z, _)| *z == Zone::Before).collect();
    inside.or_else(|| before.iter().rev().take(6).find_map(heading))
}

/// Whether a block outside the content root carries metadata worth reading.
fn header_block(b: &Block) -> bool {
    match b {
        Block::Text(t) | Block::Centered(t) => is_header_line(&super::clean::normalise(t)),
        _ => false,
    }
}

/// Text blocks of an HTML fragment (a JSON record's content, a Jekyll post's body).
pub(crate) fn fragment_blocks(html: &str) -> Vec<Block> {
    let doc = Html::parse_fragment(html);
    let mut w = Walker::new(None, Zone::Inside);
    w.walk(doc.root_element(), 0);
    w.flush();
    w.out.into_iter().map(|(_, b)| b).collect()
}
