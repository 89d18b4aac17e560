//! History in SQLite: every attempt and every answer, saved as it is given.
//!
//! The database is created on first use and migrated by `PRAGMA user_version`. It is never
//! overwritten or deleted: a database that is corrupt, locked or from a newer trainer is
//! reported and left as it is, and the trainer runs with history off.

mod migrations;
mod records;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, params};

pub use records::{AttemptSummary, ExamStats, ExamSummary, NewAttempt, NewResponse, StoredAttempt, StoredResponse};

use crate::domain::Ending;

/// Waiting longer than this for another trainer's write means something holds the database.
const BUSY_TIMEOUT: Duration = Duration::from_millis(1500);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the history database {} is locked by another program; close it and start again", .path.display())]
    Locked { path: PathBuf },
    #[error(
        "the history database {} is damaged or not a database ({detail}); it was left untouched: move it aside to start a new history",
        .path.display()
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the history database {} was written by a newer itil-trainer (schema {found}, this one knows {known}); it was left untouched",
        .path.display()
    )]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("cannot create the data folder {}: {source}", .path.display())]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("history database {}: {source}", .path.display())]
    Sql { path: PathBuf, source: rusqlite::Error },
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if need be) the history database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder { path: dir.to_path_buf(), source })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.configure().map_err(|e| classify(path, e))?;
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the schema first makes a file that is not a database fail here, before
        // any pragma could write to it.
        self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
        // WAL with synchronous=NORMAL: every committed answer survives the process being
        // killed (only a power cut may lose the last transactions).
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let fail = |e| classify(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(fail)?;
        let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(fail)?;
        let known = migrations::ALL.len() as i64;
        if found > known {
            return Err(StoreError::TooNew { path: self.path.clone(), found, known });
        }
        for step in &migrations::ALL[found as usize..] {
            tx.execute_batch(step).map_err(fail)?;
        }
        tx.pragma_update(None, "user_version", known).map_err(fail)?;
        tx.commit().map_err(fail)
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        classify(&self.path, e)
    }

    /// Stores a new attempt with its drawn paper; returns its id.
    pub fn create_attempt(&mut self, a: &NewAttempt) -> Result<i64> {
        let path = self.path.clone();
        let fail = |e| classify(&path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute(
            "INSERT INTO attempt (exam, exam_name, mode, seed, started_at, time_limit_s, questions, pass_mark)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![a.exam, a.exam_name, a.mode, a.seed as i64, a.started_at, a.time_limit_s, a.questions, a.pass_mark],
        )
        .map_err(fail)?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO response (attempt_id, position, question_id, area, area_title, area_bloom, bloom, option_order, answer)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(fail)?;
            for (pos, r) in a.responses.iter().enumerate() {
                insert
                    .execute(params![
                        id,
                        pos as i64,
                        r.question_id,
                        r.area,
                        r.area_title,
                        r.area_bloom,
                        r.bloom,
                        records::order_to_text(r.order),
                        r.answer as i64
                    ])
                    .map_err(fail)?;
            }
        }
        tx.commit().map_err(fail)?;
        Ok(id)
    }

    /// Saves one question's state and the time used so far, in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn save_response(
        &mut self,
        attempt: i64,
        position: usize,
        chosen: Option<usize>,
        flagged: bool,
        spent_ms: u64,
        time_used_s: u64,
        current: usize,
    ) -> Result<()> {
        let path = self.path.clone();
        let fail = |e| classify(&path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute(
            "UPDATE response SET chosen = ?3, correct = coalesce(?3 = answer, 0), flagged = ?4, time_spent_ms = ?5
             WHERE attempt_id = ?1 AND position = ?2",
            params![attempt, position as i64, chosen.map(|c| c as i64), flagged, spent_ms as i64],
        )
        .map_err(fail)?;
        tx.execute(
            "UPDATE attempt SET time_used_s = ?2, current = ?3 WHERE id = ?1",
            params![attempt, time_used_s as i64, current as i64],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// Saves the time used so far (called every few seconds and on navigation).
    pub fn save_progress(&mut self, attempt: i64, time_used_s: u64, current: usize) -> Result<()> {
        self.conn
            .execute(
                "UPDATE attempt SET time_used_s = ?2, current = ?3 WHERE id = ?1",
                params![attempt, time_used_s as i64, current as i64],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Ends an attempt. Submitted and timed-out attempts are scored from the stored answers
    /// and added to the running tally; ending an attempt twice changes nothing.
    pub fn finish(&mut self, attempt: i64, ending: Ending, finished_at: i64, time_used_s: u64) -> Result<()> {
        let path = self.path.clone();
        let fail = |e| classify(&path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        let ended = tx
            .execute(
                "UPDATE attempt SET ended = ?2, finished_at = ?3, time_used_s = ?4,
                   score = CASE WHEN ?2 = 'abandoned' THEN NULL
                           ELSE (SELECT coalesce(sum(correct), 0) FROM response WHERE attempt_id = ?1) END,
                   passed = CASE WHEN ?2 = 'abandoned' THEN NULL
                           ELSE (SELECT coalesce(sum(correct), 0) FROM response WHERE attempt_id = ?1) >= pass_mark END
                 WHERE id = ?1 AND ended IS NULL",
                params![attempt, ending.as_str(), finished_at, time_used_s as i64],
            )
            .map_err(fail)?;
        if ended == 1 && ending != Ending::Abandoned {
            tx.execute(
                "INSERT INTO tally (exam, area, bloom, area_title, area_bloom, correct, total)
                 SELECT a.exam, r.area, r.bloom, max(r.area_title), max(r.area_bloom), sum(r.correct), count(*)
                 FROM response r JOIN attempt a ON a.id = r.attempt_id
                 WHERE r.attempt_id = ?1 GROUP BY r.area, r.bloom
                 ON CONFLICT (exam, area, bloom) DO UPDATE SET
                   correct = correct + excluded.correct, total = total + excluded.total,
                   area_title = excluded.area_title, area_bloom = excluded.area_bloom",
                [attempt],
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)
    }

    /// The most recent attempt that was neither submitted, timed out nor abandoned.
    pub fn unfinished(&self) -> Result<Option<StoredAttempt>> {
        let id: Option<i64> = self
            .conn
            .query_row("SELECT max(id) FROM attempt WHERE ended IS NULL", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        id.map(|id| self.attempt(id)).transpose()
    }

    pub fn attempt(&self, id: i64) -> Result<StoredAttempt> {
        records::load_attempt(&self.conn, id).map_err(|e| self.err(e))
    }

    /// Finished (submitted or timed-out) attempts, newest first, optionally of one exam,
    /// with correct/total per area.
    pub fn history(&self, exam: Option<&str>) -> Result<Vec<AttemptSummary>> {
        records::history(&self.conn, exam, true).map_err(|e| self.err(e))
    }

    /// As [`Store::history`] without the per-area rows: what a list of attempts needs.
    pub fn history_list(&self, exam: Option<&str>) -> Result<Vec<AttemptSummary>> {
        records::history(&self.conn, exam, false).map_err(|e| self.err(e))
    }

    /// Correct/total per area and Bloom level over all finished attempts, per exam.
    pub fn stats(&self, exam: Option<&str>) -> Result<Vec<ExamStats>> {
        records::stats(&self.conn, exam).map_err(|e| self.err(e))
    }

    /// Attempts, last and best score per exam, for the home screen.
    pub fn summaries(&self) -> Result<Vec<ExamSummary>> {
        records::summaries(&self.conn).map_err(|e| self.err(e))
    }
}

fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path, detail: e.to_string() }
        }
        _ => StoreError::Sql { path, source: e },
    }
}

/// Where history lives: `--data-dir`, or the platform's data folder for itil-trainer.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "itil-trainer").map(|d| d.data_dir().to_path_buf())
}

/// The database file inside a data folder.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join("history.sqlite3")
}

/// Seconds since the Unix epoch.
pub fn now_unix() -> i64 {
    jiff::Timestamp::now().as_second()
}
