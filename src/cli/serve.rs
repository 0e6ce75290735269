//! `rencai serve`: the web archive over HTTP.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{DataArgs, runtime};
use crate::archive::Archive;
use crate::web::{AppState, router};

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where the archive lives.
    #[command(flatten)]
    pub data: DataArgs,
    /// Address to listen on.
    #[arg(long, env = "RENCAI_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Public origin for absolute links in feeds, sitemaps and previews
    /// (https://rencai.example.org); by default the request's Host header.
    #[arg(long, env = "RENCAI_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Keep no per-commit cache of search counts and result pages (every search does all of
    /// its work; for measuring).
    #[arg(long)]
    pub no_query_cache: bool,
}

/// Opens the archive (with the sample corpus if empty) and serves it until Ctrl-C.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let archive = Archive::open(&args.data.data).await?;
        if archive.store.is_empty().await? {
            let report = archive.ingest_sample().await?;
            tracing::info!(
                "archive was empty; loaded the sample corpus: {}",
                report.summary()
            );
        }
        warm();
        archive.index.set_query_cache(!args.no_query_cache);
        tokio::spawn(follow(archive.clone()));
        let listener = tokio::net::TcpListener::bind(args.addr).await?;
        tracing::info!("serving on http://{}", listener.local_addr()?);
        let mut state = AppState::new(archive);
        state.public_url = args.public_url;
        serve(listener, state).await?;
        Ok(ExitCode::SUCCESS)
    })
}

/// Loads the jieba dictionary and script tables before the first request needs them.
pub fn warm() {
    crate::search::dictionary::warm();
    crate::fold::warm();
}

/// Serves the router on a bound listener until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    // Without TCP_NODELAY small responses wait on Nagle's algorithm for ~40 ms.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Keeps the index in step with articles another process writes to the database.
pub async fn follow(archive: Archive) {
    loop {
        tokio::time::sleep(Duration::from_secs(2)).await;
        match archive.sync().await {
            Ok(crate::search::Synced::Applied(n)) => tracing::info!("indexed {n} changed articles"),
            Ok(_) => {}
            Err(e) => tracing::warn!("index sync failed: {e}"),
        }
        if let Err(e) = archive.index.reload_if_committed() {
            tracing::warn!("index reload failed: {e}");
        }
    }
}
