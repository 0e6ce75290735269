//! The index schema and the mapping from an article to an index document.

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use super::tokenizer::{GRAMS, WORDS};
use crate::article::Article;
use crate::document;

/// Handles to every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// Permalink id (exact).
    pub id: Field,
    /// Title, segmented by jieba, stored.
    pub title: Field,
    /// Title as character bigrams.
    pub title_grams: Field,
    /// Body as character bigrams: recall, phrases and BM25 over the body (the text itself is
    /// kept by the database only).
    pub body_grams: Field,
    /// Region facet: /province/city/county.
    pub region: Field,
    /// Date facet: /year/month.
    pub when: Field,
    /// Publication moment as seconds since the epoch (China time), for ranges and sorting.
    pub ts: Field,
    /// Publication date as YYYY-MM-DD, stored for display.
    pub date: Field,
    /// Source, stored for display.
    pub source: Field,
    /// The document's own 发文字号, normalised (exact).
    pub doc_number: Field,
    /// The keys of its title (and of a document it issues), for finding it by title (exact).
    pub title_key: Field,
    /// What its text repeals: "n:" a number, "t:" a title key (exact).
    pub repeals: Field,
    /// What its text cites otherwise, in the same form (exact).
    pub cites: Field,
    /// Kind facet: /通知, /条例, /新闻 ….
    pub kind: Field,
    /// Issuer facet: one value per issuing organ.
    pub issuer: Field,
    /// Benefit facet: one value per kind of benefit the text offers (/购房补贴 …).
    pub benefit: Field,
    /// Degree facet: one value per degree a stated benefit is for (/博士 …).
    pub degree: Field,
    /// The day a document takes effect, as seconds since the epoch (China time), for sorting
    /// and validity.
    pub effective: Field,
    /// The day its term of validity ends (有效期至), in the same form, for validity.
    pub expires: Field,
    /// The day a document counts from (see `Lifecycle::in_force_from`), in the same form:
    /// when the repeals it declares take effect, and which documents they can reach.
    pub in_force_from: Field,
    /// The tie-breaking key of its id (see [`tie_key`]).
    pub tie: Field,
}

/// A one-level facet dimension: counted, and filtered by one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Flat {
    /// 文种.
    Kind,
    /// 发文机关.
    Issuer,
    /// Kinds of benefit offered.
    Benefit,
    /// Degrees benefits are for.
    Degree,
}

impl Flat {
    /// Every one-level dimension.
    pub const ALL: [Flat; 4] = [Flat::Kind, Flat::Issuer, Flat::Benefit, Flat::Degree];

    /// The name of its facet field.
    pub fn field_name(self) -> &'static str {
        match self {
            Flat::Kind => "kind",
            Flat::Issuer => "issuer",
            Flat::Benefit => "benefit",
            Flat::Degree => "degree",
        }
    }
}

impl Fields {
    /// The facet field of a one-level dimension.
    pub fn flat(&self, dim: Flat) -> Field {
        match dim {
            Flat::Kind => self.kind,
            Flat::Issuer => self.issuer,
            Flat::Benefit => self.benefit,
            Flat::Degree => self.degree,
        }
    }
}

/// Name of the fast field used for sorting by effective date.
pub const EFFECTIVE: &str = "effective";
/// Name of the fast field of the day a document expires.
pub const EXPIRES: &str = "expires";
/// Name of the fast field of the day a document counts from.
pub const IN_FORCE_FROM: &str = "in_force_from";

/// Prefix of a referred document's number in the repeals and cites fields.
pub const REFERS_NUMBER: &str = "n:";
/// Prefix of a referred document's title key in the repeals and cites fields.
pub const REFERS_TITLE: &str = "t:";

/// Name of the fast field used for date sorting.
pub const TS: &str = "ts";
/// Name of the fast field that breaks ties between equal scores or dates: a hash of the
/// article id, so that every node orders ties alike whatever its segments hold.
pub const TIE: &str = "tie";

/// The tie-breaking key of an article id: the first eight bytes of its SHA-256, the same on
/// every machine and in every version.
pub fn tie_key(id: &str) -> u64 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// Builds the schema.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // Title words only rank (BM25 needs frequencies, not positions): phrases and verbatim
    // matches are answered by the bigram fields, which keep positions. The body has bigrams
    // only: segmenting every body with jieba cost a third of indexing and ranked no better
    // than BM25 over its bigrams.
    let words = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(WORDS)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
        .set_stored();
    let grams = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(GRAMS)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", words),
        title_grams: b.add_text_field("title_grams", grams.clone()),
        body_grams: b.add_text_field("body_grams", grams),
        region: b.add_facet_field("region", FacetOptions::default().set_stored()),
        when: b.add_facet_field("when", FacetOptions::default()),
        ts: b.add_i64_field(TS, INDEXED | FAST),
        date: b.add_text_field("date", STORED),
        source: b.add_text_field("source", STORED),
        doc_number: b.add_text_field("doc_number", STRING),
        title_key: b.add_text_field("title_key", STRING),
        repeals: b.add_text_field("repeals", STRING),
        cites: b.add_text_field("cites", STRING),
        kind: b.add_facet_field(Flat::Kind.field_name(), FacetOptions::default()),
        issuer: b.add_facet_field(Flat::Issuer.field_name(), FacetOptions::default()),
        benefit: b.add_facet_field(Flat::Benefit.field_name(), FacetOptions::default()),
        degree: b.add_facet_field(Flat::Degree.field_name(), FacetOptions::default()),
        effective: b.add_i64_field(EFFECTIVE, FAST),
        expires: b.add_i64_field(EXPIRES, FAST),
        in_force_from: b.add_i64_field(IN_FORCE_FROM, FAST),
        tie: b.add_u64_field(TIE, FAST),
    };
    (b.build(), fields)
}

/// The region facet of a province, city and county.
pub fn region_facet(province: &str, city: Option<&str>, county: Option<&str>) -> Facet {
    let mut parts = vec![province];
    parts.extend(city);
    if city.is_some() {
        parts.extend(county);
    }
    Facet::from_path(parts)
}

/// Seconds east of UTC of China time, the calendar of the stamps.
const CHINA_SECONDS: i64 = 8 * 3600;

/// Seconds since the epoch of a date at midnight, China time.
pub fn day_ts(date: chrono::NaiveDate) -> i64 {
    date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp() - CHINA_SECONDS
}

/// The China-time date of a stamp made by [`day_ts`] (plus any time of day).
pub fn ts_day(ts: i64) -> Option<chrono::NaiveDate> {
    chrono::DateTime::from_timestamp(ts + CHINA_SECONDS, 0).map(|t| t.date_naive())
}

/// The index document of an article.
pub fn document(fields: &Fields, article: &Article) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &article.id);
    doc.add_u64(fields.tie, tie_key(&article.id));
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.title_grams, &article.title);
    let body = article.body_text();
    doc.add_text(fields.body_grams, &body);
    if let Some(province) = &article.province {
        doc.add_facet(
            fields.region,
            region_facet(province, article.city.as_deref(), article.county.as_deref()),
        );
    }
    if let Some(date) = article.date {
        let seconds = article.time.map_or(0, |t| {
            i64::from(chrono::Timelike::num_seconds_from_midnight(&t))
        });
        doc.add_i64(fields.ts, day_ts(date) + seconds);
        doc.add_text(fields.date, date.format("%Y-%m-%d").to_string());
        doc.add_facet(
            fields.when,
            Facet::from_path([date.format("%Y").to_string(), date.format("%m").to_string()]),
        );
    }
    if let Some(source) = &article.source {
        doc.add_text(fields.source, source);
    }
    // One reading of the document serves every field below; validity is not indexed (it
    // moves with the calendar), so the day passed is irrelevant here.
    let fields_of = document::analyse(article, &[], chrono::NaiveDate::MIN);
    if let Some(kind) = fields_of.kind {
        doc.add_facet(fields.kind, Facet::from_path([kind.label()]));
    }
    for issuer in &fields_of.issuers {
        doc.add_facet(fields.issuer, Facet::from_path([issuer.as_str()]));
    }
    let offered = crate::benefit::extract(
        &article
            .paragraphs
            .iter()
            .map(|p| p.text())
            .collect::<Vec<_>>(),
    );
    let mut kinds: Vec<&str> = offered.iter().map(|b| b.kind.label()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        doc.add_facet(fields.benefit, Facet::from_path([kind]));
    }
    let mut degrees: Vec<&str> = offered
        .iter()
        .flat_map(|b| b.recipients.degrees.iter().map(String::as_str))
        .collect();
    degrees.sort_unstable();
    degrees.dedup();
    for degree in degrees {
        doc.add_facet(fields.degree, Facet::from_path([degree]));
    }
    let life = &fields_of.lifecycle;
    if let Some(effective) = life.effective {
        doc.add_i64(fields.effective, day_ts(effective));
    }
    if let Some(expires) = life.expires {
        doc.add_i64(fields.expires, day_ts(expires));
    }
    if let (true, Some(from)) = (fields_of.is_document(), life.in_force_from(article.date)) {
        doc.add_i64(fields.in_force_from, day_ts(from));
    }
    for number in &fields_of.doc_numbers {
        doc.add_text(fields.doc_number, number);
    }
    // Only a document can be cited or repealed by title: a report or an interpretation that
    // bears a document's title in its own is about it, not it.
    if fields_of.is_document() {
        for key in document::repeals::title_keys(&article.title) {
            doc.add_text(fields.title_key, key);
        }
    }
    for (field, refs) in [
        (fields.repeals, &fields_of.repeals),
        (fields.cites, &fields_of.cites),
    ] {
        for r in refs {
            if let Some(n) = &r.doc_number {
                doc.add_text(field, format!("{REFERS_NUMBER}{n}"));
            }
            if let Some(t) = &r.title {
                doc.add_text(
                    field,
                    format!("{REFERS_TITLE}{}", document::repeals::title_key(t)),
                );
            }
        }
    }
    doc
}
