//! A fresh PostgreSQL database per test, on the server `RENCAI_TEST_DATABASE` names (.ci/run
//! starts a throwaway cluster and sets it); without it, PostgreSQL tests are skipped with a
//! notice.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use sqlx::Connection;

/// The variable naming the test server: a URL whose user may create databases.
pub const VARIABLE: &str = "RENCAI_TEST_DATABASE";

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A database created for one test and dropped after it.
pub struct TestDatabase {
    /// Its URL.
    pub url: String,
    server: String,
    name: String,
}

/// A new empty database, or None (with a printed notice) when no test server is set.
pub async fn fresh(test: &str) -> Option<TestDatabase> {
    let Ok(server) = std::env::var(VARIABLE) else {
        // Straight to the terminal: the test harness would hide a printed line of a passing
        // test.
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: {VARIABLE} is not set (no PostgreSQL to test against)"
        );
        return None;
    };
    let name = format!(
        "rencai_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut conn = sqlx::PgConnection::connect(&server)
        .await
        .expect("connect to RENCAI_TEST_DATABASE");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create a test database");
    let _ = conn.close().await;
    let mut url = url::Url::parse(&server).expect("RENCAI_TEST_DATABASE is a URL");
    url.set_path(&name);
    Some(TestDatabase {
        url: url.to_string(),
        server,
        name,
    })
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop may run inside a runtime: the drop gets a thread and a runtime of its own.
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&server).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut conn)
                        .await;
                }
            });
        });
        let _ = dropped.join();
    }
}
