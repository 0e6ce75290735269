//! The article page.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::links::{self, segment, url};
use super::origin::Origin;
use super::{AppState, WebError};
use crate::article::{Article, Paragraph};
use crate::search::{snippet, syntax};
use crate::store::ArticleRecord;

/// Related articles listed under an article.
const RELATED: usize = 5;

/// An article found by id, or the id it was merged into.
pub enum Found {
    /// The article with its files and related articles.
    Article(Box<ArticleRecord>, Vec<(String, String)>),
    /// The id is an alias of this article.
    MovedTo(String),
}

/// Looks an article up by id (or alias), with up to five related articles.
pub async fn find(state: &AppState, id: &str) -> Result<Found, WebError> {
    let store = &state.archive.store;
    let Some(record) = store.article(id).await? else {
        return match store.resolve_alias(id).await? {
            Some(current) => Ok(Found::MovedTo(current)),
            None => Err(WebError::NotFound),
        };
    };
    let related = state.archive.related(&record.article, RELATED).await?;
    Ok(Found::Article(Box::new(record), related))
}

/// One block of the article as HTML.
pub struct Block {
    /// text, caption or heading.
    pub kind: &'static str,
    /// Escaped text with search terms marked.
    pub html: String,
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
    /// Script shown: "" as written, "hans" or "hant".
    pub script: &'static str,
    /// Link to this article in the other script.
    pub script_links: Vec<(&'static str, String, bool)>,
}

fn convert(text: &str, script: &str) -> String {
    match script {
        "hans" => crate::fold::to_simplified(text),
        "hant" => crate::fold::to_traditional(text),
        _ => text.to_string(),
    }
}

/// Builds the page's view.
pub fn view(
    record: ArticleRecord,
    related: Vec<(String, String)>,
    q: &str,
    script: &str,
    origin: String,
) -> ArticlePage {
    let a = record.article;
    let terms = syntax::parse(q).positive_terms();
    let script: &'static str = match script {
        "hans" => "hans",
        "hant" => "hant",
        _ => "",
    };
    let blocks = a
        .paragraphs
        .iter()
        .map(|p| Block {
            kind: match p {
                Paragraph::Text(_) => "text",
                Paragraph::Caption(_) => "caption",
                Paragraph::Heading(_) => "heading",
            },
            html: snippet::highlight(&convert(p.text(), script), &terms),
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
                convert(c, script),
                url("/search", &[("q", format!("\"{c}\""))]),
            )
        })
        .collect();
    let permalink = format!("/articles/{}", a.id);
    let mut base = Vec::new();
    if !q.is_empty() {
        base.push(("q", q.to_string()));
    }
    let script_links = [("", "原文"), ("hans", "简"), ("hant", "繁")]
        .into_iter()
        .map(|(key, label)| {
            let mut pairs = base.clone();
            if !key.is_empty() {
                pairs.push(("script", key.to_string()));
            }
            (label, url(&permalink, &pairs), key == script)
        })
        .collect();
    ArticlePage {
        title: convert(&a.title, script),
        source: a.source.as_deref().map(|s| convert(s, script)),
        author: a.author.as_deref().map(|s| convert(s, script)),
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
    let script = get("script").unwrap_or_default();
    match find(&state, &id).await? {
        Found::MovedTo(current) => {
            let params = links::url(
                "",
                &pairs
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect::<Vec<_>>(),
            );
            Ok(Redirect::permanent(&format!("/articles/{current}{params}")).into_response())
        }
        Found::Article(record, related) => {
            Ok(Html(view(*record, related, q, script, origin).render()?).into_response())
        }
    }
}
