//! Benefits stated in a table, one row per line: a heading row that names a benefit over each
//! column ("学历 | 生活补贴（按月） | 购房补贴"), then rows that name their recipients and give an
//! amount under each ("博士研究生 | 1500元 | 10万元"); or the other way round, recipients over
//! the columns and a benefit at the head of each row.

use super::amount;
use super::catalogue::BenefitKind;
use super::duration;
use super::offer::organisation;
use super::recipients::{self, Recipients};
use super::sentences::{self, Sentence};
use super::{Benefit, total};

/// One line of an article, with its first character in the paragraphs joined with "\n".
pub struct Line<'a> {
    /// Its text.
    pub text: &'a str,
    /// Its first character.
    pub start: usize,
}

/// Characters between the cells of a row, tried in turn: rules, tabs, and the spaces an HTML
/// table's cells are flattened with. Only a row without rules or tabs is split at spaces.
const CELL_BREAKS: [&[char]; 3] = [&['|', '｜'], &['\t'], &[' ', '\u{3000}']];
/// Fewest and most cells of a row read as a table's.
const CELLS: std::ops::RangeInclusive<usize> = 2..=8;
/// Longest cell read as a table's: longer text between spaces is prose.
const MAX_CELL_CHARS: usize = 24;
/// Units a column's heading may state for the bare numbers under it, the longest first.
const HEADING_UNITS: &[&str] = &["万元", "元"];

/// Characters no table cell holds: prose has them. A ruled cell may hold a comma
/// ("生活补贴（按月，发放3年）"), a cell between spaces no more than a word.
const PROSE: [&[char]; 3] = [&['。'], &['。'], &['。', '，', '；', ',', ';']];

/// The cells of a line that may be a table's row.
fn cells(line: &str) -> Option<Vec<&str>> {
    let k = CELL_BREAKS.iter().position(|b| line.contains(*b))?;
    if line.contains(PROSE[k]) {
        return None;
    }
    let cells: Vec<&str> = line
        .split(CELL_BREAKS[k])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    (CELLS.contains(&cells.len()) && cells.iter().all(|c| c.chars().count() <= MAX_CELL_CHARS))
        .then_some(cells)
}

fn has_amount(cell: &str) -> bool {
    !amount::amounts(cell).is_empty()
}

/// The amount a cell gives: written in it, or a bare number in the unit its column's heading
/// states ("生活补贴（元/月）" over "1500").
fn cell_amount(heading: &str, cell: &str) -> Option<amount::Amount> {
    amount::amounts(cell).into_iter().next().or_else(|| {
        let bare = !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || c == '.');
        let unit = HEADING_UNITS.iter().find(|u| heading.contains(*u))?;
        bare.then(|| amount::amounts(&format!("{cell}{unit}")).into_iter().next())
            .flatten()
    })
}

/// The years a row's cells without an amount state, each read after its heading
/// ("发放期限" over "3年").
fn row_years(heading: &[&str], row: &[&str]) -> Option<u32> {
    row.iter()
        .zip(heading)
        .filter(|(c, h)| cell_amount(h, c).is_none())
        .find_map(|(c, h)| duration::years_in(c).or_else(|| duration::years_in(&format!("{h}{c}"))))
}

/// The benefits of the table whose heading is `lines[i]`, and how many lines after the heading
/// are its rows (none when `lines[i]` heads no table).
pub fn read(lines: &[Line<'_>], i: usize) -> (Vec<Benefit>, usize) {
    let Some(heading) = cells(lines[i].text) else {
        return (Vec::new(), 0);
    };
    if heading.iter().any(|c| has_amount(c)) {
        return (Vec::new(), 0);
    }
    let kinds: Vec<Option<(BenefitKind, &str)>> =
        heading.iter().map(|c| sentences::kind_named(c)).collect();
    let by_column = kinds.iter().any(Option::is_some);
    let mut out = Vec::new();
    let mut rows = 0;
    for line in &lines[i + 1..] {
        let Some(row) = cells(line.text).filter(|r| r.len() == heading.len()) else {
            break;
        };
        let sentence = Sentence::whole(line.text, line.start);
        let found = if by_column {
            under_benefits(&sentence, &heading, &kinds, &row)
        } else {
            under_recipients(&sentence, &heading, &row)
        };
        if found.is_empty() {
            break;
        }
        out.extend(found);
        rows += 1;
    }
    (out, rows)
}

/// A row under a heading of benefits: its recipients in the cells without an amount.
fn under_benefits(
    s: &Sentence,
    heading: &[&str],
    kinds: &[Option<(BenefitKind, &str)>],
    row: &[&str],
) -> Vec<Benefit> {
    let others: Vec<&str> = row
        .iter()
        .zip(heading)
        .filter(|(c, h)| cell_amount(h, c).is_none())
        .map(|(c, _)| *c)
        .collect();
    let who = others.join(" ");
    if organisation(&who) {
        return Vec::new();
    }
    let years = row_years(heading, row);
    let mut out = Vec::new();
    for (j, cell) in row.iter().enumerate() {
        let (Some(named_kind), Some(a)) = (kinds[j], cell_amount(heading[j], cell)) else {
            continue;
        };
        let column = Column {
            kind: named_kind,
            heading: heading[j],
        };
        out.push(cell_record(
            s,
            &column,
            cell,
            &a,
            years,
            recipients::named_in(&who),
        ));
    }
    out
}

/// A row under a heading of recipients: its benefit named in the cells without an amount.
fn under_recipients(s: &Sentence, heading: &[&str], row: &[&str]) -> Vec<Benefit> {
    let others: Vec<&str> = row.iter().copied().filter(|c| !has_amount(c)).collect();
    let Some(named_kind) = others.iter().find_map(|c| sentences::kind_named(c)) else {
        return Vec::new();
    };
    let years = row_years(heading, row);
    let mut out = Vec::new();
    for (j, cell) in row.iter().enumerate() {
        let who = recipients::named_in(heading[j]);
        let Some(a) = cell_amount(heading[j], cell) else {
            continue;
        };
        if who.degrees.is_empty() && who.tiers.is_empty() {
            continue;
        }
        let column = Column {
            kind: named_kind,
            heading: heading[j],
        };
        out.push(cell_record(s, &column, cell, &a, years, who));
    }
    out
}

/// What a cell's amount pays, and the heading of its column.
struct Column<'a> {
    kind: (BenefitKind, &'a str),
    heading: &'a str,
}

/// The record of one cell's amount, its period and years read from the cell, then its heading.
fn cell_record(
    s: &Sentence,
    column: &Column<'_>,
    cell: &str,
    a: &amount::Amount,
    years: Option<u32>,
    who: Recipients,
) -> Benefit {
    let period = duration::period_in(cell).or_else(|| duration::period_in(column.heading));
    let years = duration::years_in(cell)
        .or_else(|| duration::years_in(column.heading))
        .or(years);
    let (kind, phrase) = column.kind;
    s.record(
        kind,
        phrase,
        (a.min, a.max),
        (period, years, total(a.max.or(a.min), period, years)),
        who,
    )
}
