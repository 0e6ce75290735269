//! Policy documents as data: what a document's own text says about itself (its numbers, its
//! kind, the dates of its life). Read from the stored text whenever asked, so that a better
//! reader applies to every archived article at once and nothing stored goes stale.

pub mod citations;
mod dates;
pub mod issuers;
pub mod kind;
pub mod lifecycle;
pub mod numbers;
pub mod repeals;
pub mod validity;

use serde::Serialize;

use crate::article::Article;
pub use kind::Kind;
pub use lifecycle::Lifecycle;
pub use repeals::Reference;
pub use validity::Validity;

/// Endings of a publisher's name that make it a newspaper, broadcaster or news site.
const MEDIA_ENDINGS: &str = "报|报社|网|新闻|台|频道|客户端|融媒|传媒|杂志|周刊";

/// The fields a document states about itself; each empty or null unless its text says so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Its own 发文字号, every one of a jointly issued document.
    pub doc_numbers: Vec<String>,
    /// The organs that issued it, in full (not the site or paper that published the page).
    pub issuers: Vec<String>,
    /// Its kind (文种).
    pub kind: Option<Kind>,
    /// For a notice that issues another document, that document's kind.
    pub carries: Option<Kind>,
    /// The dates of its life.
    pub lifecycle: Lifecycle,
    /// Whether it is in force today (computed when read).
    pub validity: Option<Validity>,
    /// The documents its text declares repealed (resolved to archived articles by the
    /// archive).
    pub repeals: Vec<citations::Citation>,
    /// Archived documents whose text declares this one repealed (filled by the archive).
    pub repealed_by: Vec<RepealedBy>,
    /// The documents its text cites (resolved to archived articles by the archive).
    pub cites: Vec<citations::Citation>,
    /// Archived articles that cite it (filled by the archive).
    pub cited_by: Vec<citations::CitedBy>,
}

/// An archived document that repeals another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepealedBy {
    /// Its permalink id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The day the repeal takes effect (its effective date, else its own date), YYYY-MM-DD.
    pub date: Option<String>,
}

/// Seconds east of UTC of China Standard Time, the calendar the documents are dated in.
const CHINA_OFFSET_SECONDS: i32 = 8 * 3600;

/// Today's date in China.
pub fn today() -> chrono::NaiveDate {
    let utc = chrono::Utc::now();
    match chrono::FixedOffset::east_opt(CHINA_OFFSET_SECONDS) {
        Some(china) => utc.with_timezone(&china).date_naive(),
        None => utc.date_naive(),
    }
}

/// What a page says of itself that the document fields are read from.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// The headline.
    pub title: &'a str,
    /// The body, a paragraph each.
    pub paragraphs: &'a [&'a str],
    /// The publisher the page names.
    pub source: Option<&'a str>,
    /// The byline.
    pub author: Option<&'a str>,
    /// The date the page gives.
    pub date: Option<chrono::NaiveDate>,
    /// A date the file it came in is named with (an archive's date of this version).
    pub named: Option<chrono::NaiveDate>,
}

/// Whether a page reads as a report: a byline, or a newspaper or news site as publisher.
fn reported(page: &Page) -> bool {
    page.author.is_some()
        || page
            .source
            .is_some_and(|s| MEDIA_ENDINGS.split('|').any(|e| s.ends_with(e)))
}

/// Reads the document fields of an article ingested from `files`, its validity as of
/// `today`.
pub fn analyse(article: &Article, files: &[String], today: chrono::NaiveDate) -> Document {
    let paragraphs: Vec<&str> = article.paragraphs.iter().map(|p| p.text()).collect();
    read(
        &Page {
            title: &article.title,
            paragraphs: &paragraphs,
            source: article.source.as_deref(),
            author: article.author.as_deref(),
            date: article.date,
            named: files
                .iter()
                .find_map(|f| crate::ingest::extract::name_date(f)),
        },
        today,
    )
}

/// Reads the document fields of an extracted page that came in the file `file_name`.
pub fn read_extracted(
    e: &crate::ingest::extract::Extracted,
    file_name: &str,
    today: chrono::NaiveDate,
) -> Document {
    let paragraphs: Vec<&str> = e.paragraphs.iter().map(|p| p.text()).collect();
    read(
        &Page {
            title: &e.title,
            paragraphs: &paragraphs,
            source: e.source.as_deref(),
            author: e.author.as_deref(),
            date: e.published.map(|p| p.date),
            named: crate::ingest::extract::name_date(file_name),
        },
        today,
    )
}

/// Reads the document fields of a page, its validity as of `today`.
pub fn read(page: &Page, today: chrono::NaiveDate) -> Document {
    let paragraphs = page.paragraphs;
    let (kind, carries) = kind::kind_of(page.title, reported(page));
    let unresolved = |own: &[String]| -> Vec<citations::Citation> {
        citations::cited(page.title, own, paragraphs)
            .into_iter()
            .map(citations::Citation::from)
            .collect()
    };
    // A report, an interpretation or a Q&A page is about a document, not the document: its
    // dates and numbers are the document's, not its own; what it cites is what it is about.
    if matches!(
        kind,
        Some(Kind::News | Kind::Interpretation | Kind::QuestionsAndAnswers)
    ) {
        return Document {
            kind,
            cites: unresolved(&[]),
            ..Document::default()
        };
    }
    let doc_numbers = numbers::own_numbers(page.title, paragraphs);
    // A page's own date dates the document only when the page is known to be one.
    let lifecycle = lifecycle::lifecycle(
        paragraphs,
        lifecycle::Given {
            named: page.named,
            page: page.date.filter(|_| kind.is_some()),
        },
    );
    Document {
        cites: unresolved(&doc_numbers),
        cited_by: Vec::new(),
        doc_numbers,
        issuers: issuers::issuers(page.title, paragraphs),
        kind,
        carries,
        validity: validity::validity(&lifecycle, today),
        lifecycle,
        repeals: repeals::repealed(paragraphs)
            .into_iter()
            .map(citations::Citation::from)
            .collect(),
        repealed_by: Vec::new(),
    }
}

impl Document {
    /// Records the archived documents that repeal this one: it is 已废止 from the earliest of
    /// their dates (or, when they give none, from today).
    pub fn repealed_by(&mut self, by: Vec<RepealedBy>, today: chrono::NaiveDate) {
        if by.is_empty() {
            return;
        }
        let earliest = by
            .iter()
            .filter_map(|r| r.date.as_deref())
            .filter_map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .min();
        self.lifecycle.repealed = earliest;
        self.validity = match earliest {
            Some(_) => validity::validity(&self.lifecycle, today),
            None => Some(Validity::Repealed),
        };
        self.repealed_by = by;
    }

    /// Whether the page is a document in its own right (not a report, interpretation or Q&A
    /// about one).
    pub fn is_document(&self) -> bool {
        !matches!(
            self.kind,
            Some(Kind::News | Kind::Interpretation | Kind::QuestionsAndAnswers)
        )
    }
}
