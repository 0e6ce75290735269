//! The article page.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::benefits;
use super::links::{self, segment, url};
use super::origin::Origin;
pub use super::script::Script;
use super::{AppState, WebError};
use crate::archive::Found;
use crate::article::{Article, Paragraph};
use crate::benefit;
use crate::document::Document;
use crate::search::snippet::{self, Marked};
use crate::search::syntax;
use crate::store::ArticleRecord;

/// Related articles listed under an article.
pub const RELATED: usize = 5;

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph.
    Text,
    /// A caption under an image.
    Caption,
    /// A heading inside the body.
    Heading,
}

/// A run of a block's text: a sentence that states a benefit (with its anchor) or the text
/// between them.
pub struct Piece {
    /// The anchor of a sentence stating a benefit.
    pub anchor: Option<String>,
    /// The text with search terms marked.
    pub text: Marked,
}

/// One block of the article.
pub struct Block {
    /// Paragraph, caption or heading.
    pub kind: BlockKind,
    /// Its text, cut where benefit sentences begin and end.
    pub pieces: Vec<Piece>,
}

/// The article page.
#[derive(Template)]
#[template(path = "article.html")]
pub struct ArticlePage {
    /// The article.
    pub a: Article,
    /// Title in the chosen script.
    pub title: String,
    /// Publisher in the chosen script.
    pub source: Option<String>,
    /// Author in the chosen script.
    pub author: Option<String>,
    /// Body blocks.
    pub blocks: Vec<Block>,
    /// Region breadcrumb: name and search link.
    pub breadcrumb: Vec<(String, String)>,
    /// Cited documents: title and search link.
    pub cited: Vec<(String, String)>,
    /// Archived articles citing this one: link and title.
    pub cited_by: Vec<(String, String)>,
    /// Related articles: link and title.
    pub related: Vec<(String, String)>,
    /// Files the article came from.
    pub files: Vec<String>,
    /// Publication date and time for display.
    pub published: Option<String>,
    /// The permalink path.
    pub permalink: String,
    /// The site's origin, for absolute links in previews.
    pub origin: String,
    /// Lead for previews.
    pub description: String,
    /// The search that led here, if any.
    pub q: String,
    /// Script shown.
    pub script: Script,
    /// 文件信息: what the document states about itself, as (label, value) rows.
    pub doc_info: Vec<(&'static str, String)>,
    /// Whether the document is in force today, when its text says enough to tell.
    pub validity: Option<&'static str>,
    /// Archived documents that repeal this one: link and title.
    pub repealed_by: Vec<(String, String)>,
    /// What this document's text repeals: as cited, and a link when the archive holds it.
    pub repeals: Vec<(String, Option<String>)>,
    /// Link to this article in the other script.
    pub script_links: Vec<(&'static str, String, bool)>,
    /// 政策要点: the benefits the text states.
    pub offers: Vec<super::benefits::Entry>,
}

/// Builds the page's view.
pub fn view(
    record: ArticleRecord,
    related: Vec<(String, String)>,
    doc: Document,
    q: &str,
    script: Script,
    origin: String,
) -> ArticlePage {
    let a = record.article;
    let terms = syntax::parse(q).positive_terms();
    let offered = benefit::extract(&a.paragraphs.iter().map(|p| p.text()).collect::<Vec<_>>());
    let mut offset = 0;
    let blocks = a
        .paragraphs
        .iter()
        .map(|p| {
            let chars: Vec<char> = p.text().chars().collect();
            // Marked whole, so that a term across a sentence's edge keeps its mark; piece by
            // piece when the script conversion changed the length.
            let shown = script.convert(p.text());
            let whole =
                (shown.chars().count() == chars.len()).then(|| snippet::highlight(&shown, &terms));
            let pieces = benefits::cuts(chars.len(), offset, &offered)
                .into_iter()
                .map(|(anchor, from, to)| {
                    let text = match &whole {
                        Some(marked) => marked.cut(from, to),
                        None => {
                            let text: String = chars[from..to].iter().collect();
                            snippet::highlight(&script.convert(&text), &terms)
                        }
                    };
                    Piece { anchor, text }
                })
                .collect();
            offset += chars.len() + 1;
            Block {
                kind: match p {
                    Paragraph::Text(_) => BlockKind::Text,
                    Paragraph::Caption(_) => BlockKind::Caption,
                    Paragraph::Heading(_) => BlockKind::Heading,
                },
                pieces,
            }
        })
        .collect();
    let mut breadcrumb = Vec::new();
    if let Some(p) = &a.province {
        let mut path = format!("/regions/{}", segment(p));
        breadcrumb.push((p.clone(), path.clone()));
        if let Some(c) = a.city.as_ref().filter(|c| *c != p) {
            path = format!("{path}/{}", segment(c));
            breadcrumb.push((c.clone(), path.clone()));
        }
        if let Some(k) = &a.county {
            if a.city.as_ref() == Some(p) {
                path = format!("{path}/{}", segment(p));
            }
            breadcrumb.push((k.clone(), format!("{path}/{}", segment(k))));
        }
    }
    // A cited document held by the archive links to it; any other to a search for its title.
    let held: std::collections::HashMap<&str, &str> = doc
        .cites
        .iter()
        .filter_map(|c| Some((c.title.as_deref()?, c.id.as_deref()?)))
        .collect();
    let cited = a
        .cited
        .iter()
        .map(|c| {
            let href = match held.get(c.as_str()) {
                Some(id) => format!("/articles/{id}"),
                None => url("/search", &[("q", format!("\"{c}\""))]),
            };
            (script.convert(c), href)
        })
        .collect();
    let cited_by = doc
        .cited_by
        .iter()
        .map(|c| (format!("/articles/{}", c.id), c.title.clone()))
        .collect();
    let permalink = format!("/articles/{}", a.id);
    let mut base = Vec::new();
    if !q.is_empty() {
        base.push(("q", q.to_string()));
    }
    let script_links = Script::ALL
        .into_iter()
        .map(|choice| {
            let mut pairs = base.clone();
            if let Some(param) = choice.param() {
                pairs.push(("script", param.to_string()));
            }
            (choice.label(), url(&permalink, &pairs), choice == script)
        })
        .collect();
    ArticlePage {
        offers: benefits::entries(&offered),
        repealed_by: doc
            .repealed_by
            .iter()
            .map(|r| (format!("/articles/{}", r.id), r.title.clone()))
            .collect(),
        repeals: doc
            .repeals
            .iter()
            .map(|r| {
                let text = match (&r.title, &r.doc_number) {
                    (Some(t), Some(n)) => format!("《{t}》（{n}）"),
                    (Some(t), None) => format!("《{t}》"),
                    (None, Some(n)) => n.clone(),
                    (None, None) => String::new(),
                };
                (text, r.id.as_ref().map(|id| format!("/articles/{id}")))
            })
            .collect(),
        doc_info: doc_info(&doc),
        validity: doc.validity.map(|v| v.label()),
        title: script.convert(&a.title),
        source: a.source.as_deref().map(|s| script.convert(s)),
        author: a.author.as_deref().map(|s| script.convert(s)),
        published: a.date.map(|d| match a.time {
            Some(t) => format!("{} {}", d.format("%Y-%m-%d"), t.format("%H:%M")),
            None => d.format("%Y-%m-%d").to_string(),
        }),
        description: a.lead(120),
        related: related
            .into_iter()
            .map(|(id, title)| (format!("/articles/{id}"), title))
            .collect(),
        files: record.files,
        breadcrumb,
        cited,
        cited_by,
        blocks,
        permalink,
        origin,
        q: q.to_string(),
        script,
        script_links,
        a,
    }
}

/// The rows of the 文件信息 box: only what the text states.
fn doc_info(doc: &Document) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    if !doc.doc_numbers.is_empty() {
        rows.push(("文号", doc.doc_numbers.join("、")));
    }
    if !doc.issuers.is_empty() {
        rows.push(("发文机关", doc.issuers.join("、")));
    }
    if let Some(kind) = doc.kind {
        let mut value = kind.label().to_string();
        if let Some(carried) = doc.carries {
            value.push_str(&format!("（印发{}）", carried.label()));
        }
        rows.push(("文种", value));
    }
    let life = &doc.lifecycle;
    for (label, date) in [
        ("成文日期", life.signed),
        ("公布日期", life.published),
        ("通过日期", life.adopted),
        ("批准日期", life.approved),
        ("施行日期", life.effective),
        ("失效日期", life.expires),
        ("废止日期", life.repealed),
    ] {
        if let Some(d) = date {
            rows.push((label, d.format("%Y-%m-%d").to_string()));
        }
    }
    if !life.amended.is_empty() {
        let dates: Vec<String> = life
            .amended
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect();
        rows.push(("修正/修订", dates.join("、")));
    }
    rows
}

/// GET /articles/{id}
pub async fn page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Origin(origin): Origin,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let get = |k: &str| {
        pairs
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let q = get("q").unwrap_or_default();
    let script = Script::from_param(get("script").unwrap_or_default());
    match state.archive.find_article(&id, RELATED).await? {
        None => Err(WebError::NotFound),
        Some(Found::MovedTo(current)) => {
            let params = links::url(
                "",
                &pairs
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect::<Vec<_>>(),
            );
            Ok(Redirect::permanent(&format!("/articles/{current}{params}")).into_response())
        }
        Some(Found::Article(record, related)) => {
            let doc = state.archive.document(&record).await?;
            Ok(Html(view(*record, related, doc, q, script, origin).render()?).into_response())
        }
    }
}
