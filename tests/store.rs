//! History in SQLite: what is saved survives, what is damaged is reported and left alone.

mod common;

use itil_trainer::domain::paper::draw;
use itil_trainer::domain::{Attempt, Ending};
use itil_trainer::store::{Store, StoreError};
use itil_trainer::tui::app::new_attempt_record;

fn stored_paper(store: &mut Store, seed: u64) -> (i64, Attempt) {
    let bank = common::mini_bank();
    let attempt = Attempt::new(draw(&bank, seed).unwrap());
    let id = store.create_attempt(&new_attempt_record(&bank, &attempt, seed, 600, 1_790_000_000)).unwrap();
    (id, attempt)
}

#[test]
fn answers_are_kept_as_given_and_scored_when_the_paper_ends() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    let bank = common::mini_bank();
    let id = {
        let mut store = Store::open(&path).unwrap();
        let (id, attempt) = stored_paper(&mut store, 5);
        // Right on the first three questions, wrong on the fourth, which is also flagged.
        for (pos, item) in attempt.paper.items.iter().enumerate() {
            let key = bank.question(&item.question_id).unwrap().answer;
            let chosen = if pos < 3 { key } else { (key + 1) % 4 };
            store.save_response(id, pos, Some(chosen), pos == 3, 1500, 30 * pos as u64, pos).unwrap();
        }
        id
    };
    // A new connection, as after the process was killed: everything is there, unfinished.
    let mut store = Store::open(&path).unwrap();
    let unfinished = store.unfinished().unwrap().expect("the attempt is resumable");
    assert_eq!(unfinished.id, id);
    assert_eq!(unfinished.time_used_s, 90);
    assert_eq!(unfinished.to_attempt().answered(), 4);
    assert!(unfinished.responses[3].flagged);

    store.finish(id, Ending::Submitted, 1_790_000_100, 95).unwrap();
    assert!(store.unfinished().unwrap().is_none());
    let history = store.history(None).unwrap();
    assert_eq!(history.len(), 1);
    let a = &history[0];
    assert_eq!((a.score, a.questions, a.pass_mark, a.passed), (3, 4, 3, true));
    assert_eq!((a.exam.as_str(), a.seed, a.ended.as_str(), a.time_used_s), ("mini", 5, "submitted", 95));
    assert_eq!(a.started_at, "2026-09-21T14:13:20Z");
    let per_area: u32 = a.areas.iter().map(|r| r.total as u32).sum();
    assert_eq!(per_area, 4);
    assert_eq!(a.areas.iter().map(|r| r.area.as_str()).collect::<Vec<_>>(), ["A1", "A2"]);

    let stats = store.stats(Some("mini")).unwrap();
    assert_eq!(stats[0].attempts, 1);
    assert_eq!(stats[0].blooms.iter().map(|b| (b.bloom, b.total)).collect::<Vec<_>>(), [(1, 2), (2, 2)]);
}

#[test]
fn stats_match_the_sum_of_every_finished_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("h.sqlite3")).unwrap();
    let bank = common::mini_bank();
    for seed in 0..6u64 {
        let (id, attempt) = stored_paper(&mut store, seed);
        for (pos, item) in attempt.paper.items.iter().enumerate() {
            let key = bank.question(&item.question_id).unwrap().answer;
            let chosen = if (pos as u64 + seed).is_multiple_of(3) { (key + 2) % 4 } else { key };
            store.save_response(id, pos, Some(chosen), false, 0, 1, pos).unwrap();
        }
        let ending = if seed.is_multiple_of(2) { Ending::Submitted } else { Ending::TimeUp };
        store.finish(id, ending, 2, 3).unwrap();
        store.finish(id, Ending::Submitted, 4, 5).unwrap(); // a second finish must not count twice
    }
    let history = store.history(None).unwrap();
    let stats = store.stats(None).unwrap();
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0].attempts, 6);
    for row in &stats[0].areas {
        let (correct, total) = history
            .iter()
            .flat_map(|a| a.areas.iter().filter(|r| r.area == row.area))
            .fold((0, 0), |(c, t), r| (c + r.correct, t + r.total));
        assert_eq!((row.correct, row.total), (correct, total), "area {}", row.area);
    }
    let score_sum: usize = history.iter().map(|a| a.score).sum();
    assert_eq!(stats[0].areas.iter().map(|r| r.correct).sum::<usize>(), score_sum);
}

#[test]
fn abandoned_and_unfinished_attempts_stay_out_of_history_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("h.sqlite3")).unwrap();
    let (first, _) = stored_paper(&mut store, 1);
    let (_second, _) = stored_paper(&mut store, 2);
    store.finish(first, Ending::Abandoned, 1, 0).unwrap();
    assert!(store.history(None).unwrap().is_empty());
    assert!(store.stats(None).unwrap().is_empty());
    assert_eq!(store.unfinished().unwrap().unwrap().seed, 2);
}

#[test]
fn a_damaged_database_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    let garbage = b"this is not a database, but somebody's data all the same".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("left untouched"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_locked_database_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    drop(Store::open(&path).unwrap());
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;").unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
}

#[test]
fn a_database_from_a_newer_trainer_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    let version: i64 =
        rusqlite::Connection::open(&path).unwrap().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 99);
}
