//! Schema versions, applied in order; `PRAGMA user_version` records how many ran.
//! Never edit a released step: add a new one.

pub const ALL: &[&str] = &[V1];

const V1: &str = "
CREATE TABLE attempt (
    id           INTEGER PRIMARY KEY,
    exam         TEXT    NOT NULL,
    exam_name    TEXT    NOT NULL,
    mode         TEXT    NOT NULL,
    seed         INTEGER NOT NULL,
    started_at   INTEGER NOT NULL,          -- Unix seconds
    finished_at  INTEGER,
    time_limit_s INTEGER NOT NULL,
    time_used_s  INTEGER NOT NULL DEFAULT 0,
    ended        TEXT CHECK (ended IN ('submitted', 'time_up', 'abandoned')),  -- NULL while in progress
    score        INTEGER,
    questions    INTEGER NOT NULL,
    pass_mark    INTEGER NOT NULL,
    passed       INTEGER,
    current      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attempt_by_exam ON attempt (exam, ended, id);

-- One row per question of the paper, written when the paper is drawn, so the paper can be
-- replayed (ids and option order) even if a later release samples differently. Area titles
-- and Bloom levels are copied so that history outlives changes to the bank.
CREATE TABLE response (
    attempt_id    INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    question_id   TEXT    NOT NULL,
    area          TEXT    NOT NULL,
    area_title    TEXT    NOT NULL,
    area_bloom    INTEGER NOT NULL,
    bloom         INTEGER NOT NULL,
    option_order  TEXT    NOT NULL,         -- bank indexes in on-screen order, e.g. '2031'
    answer        INTEGER NOT NULL,         -- bank index of the correct option
    chosen        INTEGER,                  -- bank index chosen, NULL if unanswered
    correct       INTEGER NOT NULL DEFAULT 0,
    flagged       INTEGER NOT NULL DEFAULT 0,
    time_spent_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (attempt_id, position)
);
CREATE INDEX response_by_question ON response (question_id);

-- Correct/total per exam, area and Bloom level over all scored attempts. It can be derived
-- from response, but summing 400,000 answers takes most of a second at 10,000 attempts, so
-- the attempt's answers are added here in the same transaction that finishes it.
CREATE TABLE tally (
    exam       TEXT    NOT NULL,
    area       TEXT    NOT NULL,
    bloom      INTEGER NOT NULL,
    area_title TEXT    NOT NULL,
    area_bloom INTEGER NOT NULL,
    correct    INTEGER NOT NULL,
    total      INTEGER NOT NULL,
    PRIMARY KEY (exam, area, bloom)
);
";
