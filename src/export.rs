//! A search as data: CSV (UTF-8 with a byte-order mark, so spreadsheets read the Chinese) or
//! JSON lines, one row per article.

use std::io::Write;

use chrono::NaiveDate;

use crate::document::Document;
use crate::search::Hit;

/// Marks UTF-8 for spreadsheet programs, which otherwise assume a local code page.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The columns, in order (the CSV header; the JSON keys).
pub const COLUMNS: [&str; 23] = [
    "id",
    "permalink",
    "title",
    "date",
    "province",
    "city",
    "county",
    "source",
    "doc_numbers",
    "issuers",
    "kind",
    "carries",
    "signed",
    "published",
    "adopted",
    "approved",
    "effective",
    "expires",
    "repealed",
    "amended",
    "validity",
    "repealed_by",
    "cites",
];

/// Separates the values of a list in a CSV cell (a character no value contains).
const CSV_LIST: &str = "；";

/// Errors while writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The reader went away or the output could not be written.
    #[error("writing the export")]
    Io(#[from] std::io::Error),
    /// A row could not be written as CSV.
    #[error("writing a CSV row")]
    Csv(#[from] csv::Error),
    /// A row could not be written as JSON.
    #[error("writing a JSON row")]
    Json(#[from] serde_json::Error),
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl Format {
    /// The format of a name (`csv`, `jsonl`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "csv" => Some(Format::Csv),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    /// The HTTP content type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Jsonl => "application/x-ndjson; charset=utf-8",
        }
    }
}

/// One exported article: what the search found, and what the document states about itself.
#[derive(Debug)]
pub struct Row<'a> {
    /// The search hit.
    pub hit: &'a Hit,
    /// Its document fields.
    pub document: &'a Document,
    /// The site's origin ("https://example.org", or "") for the permalink.
    pub origin: &'a str,
}

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

impl Row<'_> {
    /// The row as JSON: lists as arrays, absent values as null.
    fn json(&self) -> serde_json::Value {
        let (h, d) = (self.hit, self.document);
        let life = &d.lifecycle;
        serde_json::json!({
            "id": h.id,
            "permalink": format!("{}/articles/{}", self.origin, h.id),
            "title": h.title,
            "date": h.date,
            "province": h.province,
            "city": h.city,
            "county": h.county,
            "source": h.source,
            "doc_numbers": d.doc_numbers,
            "issuers": d.issuers,
            "kind": d.kind,
            "carries": d.carries,
            "signed": day(life.signed),
            "published": day(life.published),
            "adopted": day(life.adopted),
            "approved": day(life.approved),
            "effective": day(life.effective),
            "expires": day(life.expires),
            "repealed": day(life.repealed),
            "amended": life.amended.iter().map(|a| a.format("%Y-%m-%d").to_string()).collect::<Vec<_>>(),
            "validity": d.validity,
            "repealed_by": d.repealed_by.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            "cites": d.cites.iter().filter_map(|c| c.id.as_deref()).collect::<Vec<_>>(),
        })
    }

    /// The row as CSV cells, in [`COLUMNS`] order: lists joined, absent values empty.
    fn cells(&self) -> Vec<String> {
        let json = self.json();
        COLUMNS
            .iter()
            .map(|c| match &json[*c] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => spreadsheet_text(s),
                serde_json::Value::Array(values) => values
                    .iter()
                    .filter_map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(CSV_LIST),
                other => other.to_string(),
            })
            .collect()
    }
}

/// First characters that make a spreadsheet program read a cell as a formula.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Text for a CSV cell: one that a spreadsheet would run as a formula (text from scraped pages
/// is anybody's) is kept as text by a leading apostrophe.
pub fn spreadsheet_text(s: &str) -> String {
    if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Writes rows in one format to an output.
pub enum RowWriter<W: Write> {
    /// CSV, header written (boxed: the CSV writer carries its buffer state).
    Csv(Box<csv::Writer<W>>),
    /// JSON lines.
    Jsonl(W),
}

impl<W: Write> RowWriter<W> {
    /// Starts an export: the byte-order mark and the header for CSV.
    pub fn new(format: Format, mut out: W) -> Result<RowWriter<W>, ExportError> {
        Ok(match format {
            Format::Csv => {
                out.write_all(BOM)?;
                let mut csv = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out);
                csv.write_record(COLUMNS)?;
                RowWriter::Csv(Box::new(csv))
            }
            Format::Jsonl => RowWriter::Jsonl(out),
        })
    }

    /// Writes one row.
    pub fn write(&mut self, row: &Row) -> Result<(), ExportError> {
        match self {
            RowWriter::Csv(csv) => csv.write_record(row.cells())?,
            RowWriter::Jsonl(out) => {
                serde_json::to_writer(&mut *out, &row.json())?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// Flushes what is buffered.
    pub fn finish(self) -> Result<(), ExportError> {
        match self {
            RowWriter::Csv(mut csv) => csv.flush()?,
            RowWriter::Jsonl(mut out) => out.flush()?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit() -> Hit {
        Hit {
            id: "abc".into(),
            title: "关于印发《人才公寓管理办法》的通知, \"试行\"".into(),
            date: Some("2024-01-02".into()),
            province: Some("山西省".into()),
            city: None,
            county: None,
            source: None,
            snippet: Default::default(),
        }
    }

    #[test]
    fn csv_has_a_bom_a_header_and_quoted_fields() {
        let mut out = Vec::new();
        let mut w = RowWriter::new(Format::Csv, &mut out).expect("start");
        let h = hit();
        let d = Document::default();
        w.write(&Row {
            hit: &h,
            document: &d,
            origin: "https://x.org",
        })
        .expect("row");
        w.finish().expect("finish");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.starts_with('\u{feff}'));
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(header, COLUMNS);
        let row = reader.records().next().expect("a row").expect("valid");
        assert_eq!(&row[2], h.title);
        assert_eq!(&row[1], "https://x.org/articles/abc");
        assert_eq!(&row[5], "", "absent is empty, never invented");
    }

    #[test]
    fn jsonl_has_one_object_a_line_with_nulls() {
        let mut out = Vec::new();
        let mut w = RowWriter::new(Format::Jsonl, &mut out).expect("start");
        let h = hit();
        let d = Document {
            doc_numbers: vec!["晋政发〔2021〕3号".into(), "晋财发〔2021〕1号".into()],
            ..Document::default()
        };
        let row = Row {
            hit: &h,
            document: &d,
            origin: "",
        };
        w.write(&row).expect("row");
        w.write(&row).expect("row");
        w.finish().expect("finish");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["city"], serde_json::Value::Null);
        assert_eq!(lines[0]["permalink"], "/articles/abc");
        assert_eq!(lines[0]["doc_numbers"][1], "晋财发〔2021〕1号");
        assert_eq!(lines[0]["expires"], serde_json::Value::Null);
    }
}
