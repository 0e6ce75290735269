//! `rencai serve`: the web archive over HTTP.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use tokio::sync::watch;

use super::{DataArgs, runtime};
use crate::archive::Archive;
use crate::store::Backend;
use crate::web::{AppState, router};

/// How long requests in flight may run on after a stop signal: within the 10 s that service
/// managers (systemd, Docker, Kubernetes) give before they kill.
const DRAIN_LIMIT: Duration = Duration::from_secs(7);
/// How long the index follower may take to finish a step it started.
const FOLLOWER_LIMIT: Duration = Duration::from_secs(1);
/// How long searches still running on blocking threads are waited for at exit; they read
/// only, so nothing is lost by not waiting longer.
const BLOCKING_LIMIT: Duration = Duration::from_millis(500);

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

/// Opens the archive (with the sample corpus if empty) and serves it until SIGTERM or Ctrl-C.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let rt = runtime()?;
    let result = rt.block_on(serve_archive(args));
    rt.shutdown_timeout(BLOCKING_LIMIT);
    result
}

async fn serve_archive(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let location = args.data.location()?;
    // The follower brings the index up to date while the server answers; /healthz says
    // "not ready" until it has.
    let archive = Archive::open_unsynced(&args.data.data, &location).await?;
    // A shared PostgreSQL archive is filled by `ingest`, never with the sample.
    if location.backend() == Backend::Sqlite && archive.store.is_empty().await? {
        archive.sync().await?;
        let report = archive.ingest_sample().await?;
        tracing::info!(
            "archive was empty; loaded the sample corpus: {}",
            report.summary()
        );
    }
    warm();
    archive.index.set_query_cache(!args.no_query_cache);
    let (stop, stopping) = watch::channel(false);
    let follower = tokio::spawn(archive.clone().follow(stopping.clone()));
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    tracing::info!("serving on http://{}", listener.local_addr()?);
    let mut state = AppState::new(archive);
    state.public_url = args.public_url;
    tokio::spawn(async move {
        stop_signal().await;
        tracing::info!("stopping: finishing the requests in flight");
        let _ = stop.send(true);
    });
    serve(listener, state, stopping).await?;
    if tokio::time::timeout(FOLLOWER_LIMIT, follower)
        .await
        .is_err()
    {
        tracing::warn!("the index follower was still working; its step is left undone");
    }
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Loads the jieba dictionary and script tables before the first request needs them.
pub fn warm() {
    crate::search::dictionary::warm();
    crate::fold::warm();
}

/// Serves the router on a bound listener until `stopping` turns true, then stops accepting,
/// lets the requests in flight finish (up to [`DRAIN_LIMIT`]) and returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    stopping: watch::Receiver<bool>,
) -> std::io::Result<()> {
    // Without TCP_NODELAY small responses wait on Nagle's algorithm for ~40 ms.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let server = axum::serve(listener, router(state))
        .with_graceful_shutdown(stopped(stopping.clone()))
        .into_future();
    tokio::select! {
        served = server => served,
        _ = async {
            stopped(stopping).await;
            tokio::time::sleep(DRAIN_LIMIT).await;
        } => {
            tracing::warn!("requests still running after {DRAIN_LIMIT:?}; stopping without them");
            Ok(())
        }
    }
}

/// Resolves once a stop was asked for; never, if the sender is gone without asking.
async fn stopped(mut stopping: watch::Receiver<bool>) {
    if stopping.wait_for(|stop| *stop).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Resolves on SIGTERM (service managers) or SIGINT (Ctrl-C).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = ctrl_c() => {}
                }
                return;
            }
            Err(e) => tracing::warn!("cannot listen for SIGTERM: {e}"),
        }
    }
    ctrl_c().await;
}

/// Resolves on Ctrl-C; never, if the handler cannot be installed.
async fn ctrl_c() {
    if let Err(e) = tokio::signal::ctrl_c().await {
        tracing::warn!("cannot listen for Ctrl-C: {e}");
        std::future::pending::<()>().await;
    }
}
