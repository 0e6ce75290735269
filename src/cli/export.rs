//! `rencai export`: every match of a search as CSV or JSON lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::{DataArgs, runtime};
use crate::archive::Archive;
use crate::export::Format;
use crate::search::request::DEFAULT_PER_PAGE;
use crate::web::params::{self, RawParams};

/// An export format on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// CSV, UTF-8 with a byte-order mark, a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `export`: the filters of the search page.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where the archive lives.
    #[command(flatten)]
    pub data: DataArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Query text, as typed in the search box.
    #[arg(long)]
    pub q: Option<String>,
    /// Province (full or short name, or division code).
    #[arg(long)]
    pub province: Option<String>,
    /// City.
    #[arg(long)]
    pub city: Option<String>,
    /// County.
    #[arg(long)]
    pub county: Option<String>,
    /// Year.
    #[arg(long)]
    pub year: Option<String>,
    /// Month, YYYY-MM.
    #[arg(long)]
    pub month: Option<String>,
    /// Kind of document (文种: 通知, 办法, 条例 …).
    #[arg(long)]
    pub kind: Option<String>,
    /// Issuing organ, its full name.
    #[arg(long)]
    pub issuer: Option<String>,
    /// Validity today: 现行有效, 尚未施行, 已失效 or 已废止.
    #[arg(long)]
    pub validity: Option<String>,
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
    /// relevance, newest, oldest or effective.
    #[arg(long)]
    pub sort: Option<String>,
}

/// Writes the export; notices about filters that were not understood go to stderr.
pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let raw = RawParams {
        q: args.q,
        province: args.province,
        city: args.city,
        county: args.county,
        year: args.year,
        month: args.month,
        kind: args.kind,
        issuer: args.issuer,
        validity: args.validity,
        from: args.from,
        to: args.to,
        sort: args.sort,
        ..RawParams::default()
    };
    let (req, notices) = params::request(&raw, DEFAULT_PER_PAGE);
    for notice in notices {
        eprintln!("{notice}");
    }
    let format = match args.format {
        FormatArg::Csv => Format::Csv,
        FormatArg::Jsonl => Format::Jsonl,
    };
    let rt = runtime()?;
    let archive = rt.block_on(Archive::open_at(&args.data.data, &args.data.location()?))?;
    let turn = archive.begin_export()?;
    let count = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            archive.export_blocking(
                turn,
                &req,
                format,
                "",
                rt.handle(),
                std::io::BufWriter::new(file),
            )?
        }
        None => {
            let stdout = std::io::stdout().lock();
            let mut out = std::io::BufWriter::new(stdout);
            let count = archive.export_blocking(turn, &req, format, "", rt.handle(), &mut out)?;
            out.flush()?;
            count
        }
    };
    eprintln!("exported {count} articles");
    Ok(ExitCode::SUCCESS)
}
