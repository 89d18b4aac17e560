//! Rows in, rows out: what the store writes and what it reads back.

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::domain::{Attempt, Ending, Paper, PaperItem, Tally, TallyRow};

pub struct NewResponse {
    pub question_id: String,
    pub area: String,
    pub area_title: String,
    pub area_bloom: u8,
    pub bloom: u8,
    pub order: [usize; 4],
    pub answer: usize,
}

pub struct NewAttempt {
    pub exam: String,
    pub exam_name: String,
    pub mode: &'static str,
    pub seed: u64,
    pub started_at: i64,
    pub time_limit_s: i64,
    pub questions: i64,
    pub pass_mark: i64,
    pub responses: Vec<NewResponse>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub question_id: String,
    pub area: String,
    pub area_title: String,
    pub area_bloom: u8,
    pub bloom: u8,
    pub order: [usize; 4],
    pub answer: usize,
    pub chosen: Option<usize>,
    pub flagged: bool,
    pub spent_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAttempt {
    pub id: i64,
    pub exam: String,
    pub exam_name: String,
    pub mode: String,
    pub seed: u64,
    pub started_at: i64,
    pub ended: Option<Ending>,
    pub time_limit_s: u64,
    pub time_used_s: u64,
    pub pass_mark: usize,
    pub current: usize,
    pub responses: Vec<StoredResponse>,
}

impl StoredAttempt {
    /// The attempt as the domain knows it, ready to resume or review.
    pub fn to_attempt(&self) -> Attempt {
        let items =
            self.responses.iter().map(|r| PaperItem { question_id: r.question_id.clone(), order: r.order }).collect();
        let mut attempt = Attempt::new(Paper { exam_id: self.exam.clone(), seed: self.seed, items });
        for (i, r) in self.responses.iter().enumerate() {
            attempt.answers[i] = r.chosen;
            attempt.flags[i] = r.flagged;
            attempt.spent[i] = Duration::from_millis(r.spent_ms);
        }
        attempt.go_to(self.current);
        attempt
    }

    /// Per-area and per-Bloom tallies from the stored answers.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for r in &self.responses {
            t.add(&r.area, &r.area_title, r.area_bloom, r.bloom, usize::from(r.chosen == Some(r.answer)), 1);
        }
        t
    }
}

/// One finished attempt, as `history` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct AttemptSummary {
    pub id: i64,
    pub exam: String,
    pub exam_name: String,
    pub mode: String,
    pub seed: u64,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub ended: String,
    pub time_limit_s: u64,
    pub time_used_s: u64,
    pub score: usize,
    pub questions: usize,
    pub pass_mark: usize,
    pub passed: bool,
    pub areas: Vec<TallyRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExamStats {
    pub exam: String,
    pub exam_name: String,
    pub attempts: usize,
    pub areas: Vec<TallyRow>,
    pub blooms: Vec<crate::domain::stats::BloomRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamSummary {
    pub exam: String,
    pub attempts: usize,
    pub last: (usize, usize),
    pub best: (usize, usize),
}

pub(super) fn order_to_text(order: [usize; 4]) -> String {
    order.iter().map(|d| char::from(b'0' + *d as u8)).collect()
}

fn order_from_text(s: &str) -> [usize; 4] {
    let mut order = [0, 1, 2, 3];
    for (slot, c) in order.iter_mut().zip(s.chars()) {
        *slot = c.to_digit(10).map_or(*slot, |d| d as usize).min(3);
    }
    order
}

/// RFC 3339 in UTC, as JSON readers expect.
pub(super) fn rfc3339(unix: i64) -> String {
    jiff::Timestamp::from_second(unix).map(|t| t.to_string()).unwrap_or_default()
}

pub(super) fn load_attempt(conn: &Connection, id: i64) -> rusqlite::Result<StoredAttempt> {
    let mut attempt = conn.query_row(
        "SELECT id, exam, exam_name, mode, seed, started_at, ended, time_limit_s, time_used_s, pass_mark, current
         FROM attempt WHERE id = ?1",
        [id],
        |r| {
            Ok(StoredAttempt {
                id: r.get(0)?,
                exam: r.get(1)?,
                exam_name: r.get(2)?,
                mode: r.get(3)?,
                seed: r.get::<_, i64>(4)? as u64,
                started_at: r.get(5)?,
                ended: r.get::<_, Option<String>>(6)?.as_deref().and_then(Ending::parse),
                time_limit_s: r.get::<_, i64>(7)?.max(0) as u64,
                time_used_s: r.get::<_, i64>(8)?.max(0) as u64,
                pass_mark: r.get::<_, i64>(9)?.max(0) as usize,
                current: r.get::<_, i64>(10)?.max(0) as usize,
                responses: Vec::new(),
            })
        },
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT question_id, area, area_title, area_bloom, bloom, option_order, answer, chosen, flagged, time_spent_ms
         FROM response WHERE attempt_id = ?1 ORDER BY position",
    )?;
    attempt.responses = stmt
        .query_map([id], |r| {
            Ok(StoredResponse {
                question_id: r.get(0)?,
                area: r.get(1)?,
                area_title: r.get(2)?,
                area_bloom: r.get(3)?,
                bloom: r.get(4)?,
                order: order_from_text(&r.get::<_, String>(5)?),
                answer: r.get::<_, i64>(6)?.clamp(0, 3) as usize,
                chosen: r.get::<_, Option<i64>>(7)?.map(|c| c.clamp(0, 3) as usize),
                flagged: r.get(8)?,
                spent_ms: r.get::<_, i64>(9)?.max(0) as u64,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(attempt)
}

const FINISHED: &str = "ended IN ('submitted', 'time_up')";

pub(super) fn history(
    conn: &Connection,
    exam: Option<&str>,
    with_areas: bool,
) -> rusqlite::Result<Vec<AttemptSummary>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, exam, exam_name, mode, seed, started_at, finished_at, ended, time_limit_s, time_used_s,
                score, questions, pass_mark, passed
         FROM attempt WHERE {FINISHED} AND (?1 IS NULL OR exam = ?1) ORDER BY id DESC"
    ))?;
    let mut out: Vec<AttemptSummary> = stmt
        .query_map(params![exam], |r| {
            Ok(AttemptSummary {
                id: r.get(0)?,
                exam: r.get(1)?,
                exam_name: r.get(2)?,
                mode: r.get(3)?,
                seed: r.get::<_, i64>(4)? as u64,
                started_at: rfc3339(r.get(5)?),
                finished_at: r.get::<_, Option<i64>>(6)?.map(rfc3339),
                ended: r.get(7)?,
                time_limit_s: r.get::<_, i64>(8)?.max(0) as u64,
                time_used_s: r.get::<_, i64>(9)?.max(0) as u64,
                score: r.get::<_, Option<i64>>(10)?.unwrap_or(0).max(0) as usize,
                questions: r.get::<_, i64>(11)?.max(0) as usize,
                pass_mark: r.get::<_, i64>(12)?.max(0) as usize,
                passed: r.get::<_, Option<bool>>(13)?.unwrap_or(false),
                areas: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if !with_areas {
        return Ok(out);
    }
    let mut areas = conn.prepare_cached(
        "SELECT area, area_title, area_bloom, sum(correct), count(*) FROM response
         WHERE attempt_id = ?1 GROUP BY area ORDER BY min(rowid)",
    )?;
    for a in &mut out {
        a.areas = areas
            .query_map([a.id], |r| {
                Ok(TallyRow {
                    area: r.get(0)?,
                    title: r.get(1)?,
                    bloom: r.get(2)?,
                    correct: r.get::<_, i64>(3)? as usize,
                    total: r.get::<_, i64>(4)? as usize,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        a.areas.sort_by_key(|r| natural_key(&r.area));
    }
    Ok(out)
}

pub(super) fn stats(conn: &Connection, exam: Option<&str>) -> rusqlite::Result<Vec<ExamStats>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT t.exam, a.exam_name, e.attempts, t.area, t.area_title, t.area_bloom, t.bloom, t.correct, t.total
         FROM tally t
         JOIN (SELECT exam, count(*) AS attempts, max(id) AS last FROM attempt WHERE {FINISHED} GROUP BY exam) e
           ON e.exam = t.exam
         JOIN attempt a ON a.id = e.last
         WHERE ?1 IS NULL OR t.exam = ?1 ORDER BY t.exam"
    ))?;
    let mut rows = stmt.query(params![exam])?;
    let mut out: Vec<ExamStats> = Vec::new();
    let mut tallies: Vec<Tally> = Vec::new();
    while let Some(r) = rows.next()? {
        let exam: String = r.get(0)?;
        if out.last().is_none_or(|s| s.exam != exam) {
            out.push(ExamStats {
                exam,
                exam_name: r.get(1)?,
                attempts: r.get::<_, i64>(2)? as usize,
                areas: Vec::new(),
                blooms: Vec::new(),
            });
            tallies.push(Tally::default());
        }
        let (area, title): (String, String) = (r.get(3)?, r.get(4)?);
        let (correct, total): (i64, i64) = (r.get(7)?, r.get(8)?);
        tallies.last_mut().expect("pushed with its exam").add(
            &area,
            &title,
            r.get(5)?,
            r.get(6)?,
            correct as usize,
            total as usize,
        );
    }
    for (s, mut t) in out.iter_mut().zip(tallies) {
        t.areas.sort_by_key(|r| natural_key(&r.area));
        s.areas = t.areas;
        s.blooms = t.blooms;
    }
    Ok(out)
}

pub(super) fn summaries(conn: &Connection) -> rusqlite::Result<Vec<ExamSummary>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT exam, count(*), max(id) FROM attempt WHERE {FINISHED} GROUP BY exam ORDER BY exam"
    ))?;
    let groups: Vec<(String, i64, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(groups.len());
    for (exam, attempts, last_id) in groups {
        let last: (i64, i64) =
            conn.query_row("SELECT score, questions FROM attempt WHERE id = ?1", [last_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let best: Option<(i64, i64)> = conn
            .query_row(
                &format!(
                    "SELECT score, questions FROM attempt WHERE exam = ?1 AND {FINISHED}
                     ORDER BY score * 1.0 / questions DESC LIMIT 1"
                ),
                [&exam],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let best = best.unwrap_or(last);
        out.push(ExamSummary {
            exam,
            attempts: attempts as usize,
            last: (last.0 as usize, last.1 as usize),
            best: (best.0 as usize, best.1 as usize),
        });
    }
    Ok(out)
}

/// Sorts "2.1" before "10.1" and "7.1a" before "7.1b".
fn natural_key(s: &str) -> Vec<(u64, String)> {
    s.split('.')
        .map(|p| {
            let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
            (digits.parse().unwrap_or(u64::MAX), p[digits.len()..].to_string())
        })
        .collect()
}
