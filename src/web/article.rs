//! The article page.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::links::{self, segment, url};
use super::origin::Origin;
use super::{AppState, WebError};
use crate::archive::Found;
use crate::article::{Article, Paragraph};
use crate::search::snippet::{self, Marked};
use crate::search::syntax;
use crate::store::ArticleRecord;

/// Related articles listed under an article.
pub const RELATED: usize = 5;

/// The script an article is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// As the source wrote it.
    AsWritten,
    /// Converted to Simplified characters.
    Simplified,
    /// Converted to Traditional characters.
    Traditional,
}

impl Script {
    /// Every choice, in the order the page offers them.
    const ALL: [Script; 3] = [Script::AsWritten, Script::Simplified, Script::Traditional];

    /// The script a `script=` parameter asks for (anything else: as written).
    pub fn from_param(value: &str) -> Script {
        Script::ALL
            .into_iter()
            .find(|s| s.param() == Some(value))
            .unwrap_or(Script::AsWritten)
    }

    /// The `script=` parameter value, None for as written.
    pub fn param(self) -> Option<&'static str> {
        match self {
            Script::AsWritten => None,
            Script::Simplified => Some("hans"),
            Script::Traditional => Some("hant"),
        }
    }

    /// The switch's label.
    fn label(self) -> &'static str {
        match self {
            Script::AsWritten => "原文",
            Script::Simplified => "简",
            Script::Traditional => "繁",
        }
    }

    /// The language tag of converted text (as written: the page's own).
    pub fn lang(self) -> Option<&'static str> {
        match self {
            Script::Traditional => Some("zh-Hant"),
            Script::AsWritten | Script::Simplified => None,
        }
    }

    /// `text` in this script.
    pub fn convert(self, text: &str) -> String {
        match self {
            Script::AsWritten => text.to_string(),
            Script::Simplified => crate::fold::to_simplified(text),
            Script::Traditional => crate::fold::to_traditional(text),
        }
    }
}

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

/// One block of the article.
pub struct Block {
    /// Paragraph, caption or heading.
    pub kind: BlockKind,
    /// The text with search terms marked.
    pub text: Marked,
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
    /// Link to this article in the other script.
    pub script_links: Vec<(&'static str, String, bool)>,
}

/// Builds the page's view.
pub fn view(
    record: ArticleRecord,
    related: Vec<(String, String)>,
    q: &str,
    script: Script,
    origin: String,
) -> ArticlePage {
    let a = record.article;
    let terms = syntax::parse(q).positive_terms();
    let blocks = a
        .paragraphs
        .iter()
        .map(|p| Block {
            kind: match p {
                Paragraph::Text(_) => BlockKind::Text,
                Paragraph::Caption(_) => BlockKind::Caption,
                Paragraph::Heading(_) => BlockKind::Heading,
            },
            text: snippet::highlight(&script.convert(p.text()), &terms),
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
    let cited = a
        .cited
        .iter()
        .map(|c| {
            (
                script.convert(c),
                url("/search", &[("q", format!("\"{c}\""))]),
            )
        })
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
        blocks,
        permalink,
        origin,
        q: q.to_string(),
        script,
        script_links,
        a,
    }
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
            Ok(Html(view(*record, related, q, script, origin).render()?).into_response())
        }
    }
}
