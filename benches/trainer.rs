//! Performance figures quoted in the README: `cargo bench --bench trainer`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use itil_trainer::bankfile::{Catalog, bundled_sources};
use itil_trainer::domain::paper::draw;
use itil_trainer::domain::{Attempt, score};
use itil_trainer::store::{Store, database_path};
use itil_trainer::tui::app::{App, Msg, new_attempt_record};
use itil_trainer::tui::screens;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const HISTORY: usize = 10_000;

/// A data folder holding `HISTORY` finished Foundation attempts of 40 answers each.
fn history_of_10k(dir: &Path) {
    let catalog = Catalog::from_sources(bundled_sources());
    let bank = &catalog.get("foundation").unwrap().bank;
    let path = database_path(dir);
    let mut store = Store::open(&path).unwrap();
    for seed in 0..HISTORY as u64 {
        let attempt = Attempt::new(draw(bank, seed).unwrap());
        store.create_attempt(&new_attempt_record(bank, &attempt, seed, 3600, 1_790_000_000 + seed as i64)).unwrap();
    }
    drop(store);
    // Answering 400,000 questions one transaction at a time would take minutes; the shape of
    // the data is what matters here, so fill in answers and endings in bulk.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "UPDATE response SET chosen = CASE WHEN (attempt_id + position) % 3 = 0 THEN (answer + 1) % 4 ELSE answer END;
         UPDATE response SET correct = (chosen = answer);
         UPDATE attempt SET ended = 'submitted', finished_at = started_at + 3000, time_used_s = 3000,
           score = (SELECT sum(correct) FROM response WHERE attempt_id = attempt.id),
           passed = (SELECT sum(correct) FROM response WHERE attempt_id = attempt.id) >= pass_mark;
         -- What Store::finish adds to the running tally, for all attempts at once.
         INSERT INTO tally (exam, area, bloom, area_title, area_bloom, correct, total)
           SELECT a.exam, r.area, r.bloom, max(r.area_title), max(r.area_bloom), sum(r.correct), count(*)
           FROM response r JOIN attempt a ON a.id = r.attempt_id GROUP BY a.exam, r.area, r.bloom;",
    )
    .unwrap();
}

fn benches(c: &mut Criterion) {
    c.bench_function("load and validate all bundled banks", |b| {
        b.iter(|| black_box(Catalog::from_sources(bundled_sources())))
    });

    let catalog = Catalog::from_sources(bundled_sources());
    let bank = catalog.get("foundation").unwrap().bank.clone();
    c.bench_function("draw a Foundation paper", |b| {
        let mut seed = 0;
        b.iter(|| {
            seed += 1;
            black_box(draw(&bank, seed).unwrap())
        })
    });

    let paper = draw(&bank, 1).unwrap();
    let answers: Vec<Option<usize>> = (0..paper.items.len()).map(|i| Some(i % 4)).collect();
    c.bench_function("score a 40-question attempt", |b| b.iter(|| black_box(score(&bank, &paper, &answers))));

    let t0 = Instant::now();
    let mut app = App::new(Catalog::from_sources(bundled_sources()), Vec::new(), None, None);
    app.start_exam("foundation", Some(1), false, t0);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    c.bench_function("render the exam screen (80x24)", |b| {
        b.iter(|| terminal.draw(|f| screens::draw(f, &app, t0 + Duration::from_secs(61))).map(drop).unwrap())
    });

    let data = tempfile::tempdir().unwrap();
    history_of_10k(data.path());
    let store = Store::open(&database_path(data.path())).unwrap();
    let stats = store.stats(None).unwrap();
    assert_eq!(stats[0].attempts, HISTORY);
    assert_eq!(stats[0].areas.iter().map(|a| a.total).sum::<usize>(), HISTORY * 40);
    c.bench_function("stats over 10,000 stored attempts", |b| b.iter(|| black_box(store.stats(None).unwrap())));
    c.bench_function("history list of 10,000 attempts", |b| b.iter(|| black_box(store.history_list(None).unwrap())));
    c.bench_function("open the store and read the home screen's summaries (10,000 attempts)", |b| {
        b.iter(|| {
            let store = Store::open(&database_path(data.path())).unwrap();
            black_box((store.summaries().unwrap(), store.unfinished().unwrap()))
        })
    });
    drop(store);

    // Everything the trainer does before its first frame, minus switching the terminal mode.
    c.bench_function("start-up to first frame (bundled banks, 10,000 attempts)", |b| {
        b.iter(|| {
            let catalog = Catalog::from_sources(bundled_sources());
            let store = Store::open(&database_path(data.path())).unwrap();
            let summaries = store.summaries().unwrap();
            let unfinished = store.unfinished().unwrap();
            let mut app = App::new(catalog, summaries, unfinished, None);
            app.update(Msg::Tick, Instant::now());
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| screens::draw(f, &app, Instant::now())).map(drop).unwrap();
        })
    });
}

criterion_group! {
    name = trainer;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(trainer);
