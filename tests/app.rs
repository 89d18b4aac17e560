//! Whole sessions as message sequences through `App::update`: no terminal, no clock.

mod common;

use std::time::{Duration, Instant};

use itil_trainer::domain::Ending;
use itil_trainer::store::{StoredAttempt, StoredResponse};
use itil_trainer::tui::app::{App, Effect, Msg, Overlay, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn started(t0: Instant) -> App {
    let mut app = App::new(common::mini_catalog(), Vec::new(), None, None);
    let effects = app.start_exam("mini", Some(7), false, t0);
    assert!(matches!(effects.as_slice(), [Effect::CreateAttempt(_)]));
    app.update(Msg::AttemptCreated(1), t0);
    app
}

fn sitting(app: &App) -> &itil_trainer::tui::app::Sitting {
    match &app.screen {
        Screen::Exam(s) => s,
        other => panic!("not sitting a paper: {other:?}"),
    }
}

#[test]
fn every_answer_and_flag_is_saved_as_it_is_given() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let effects = app.update(key('b'), t0 + Duration::from_secs(12));
    let Effect::SaveResponse { attempt, position, chosen, flagged, time_used_s, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    let order = sitting(&app).attempt.paper.items[0].order;
    assert_eq!((*attempt, *position, *chosen, *flagged, *time_used_s), (1, 0, Some(order[1]), false, 12));

    let effects = app.update(key('f'), t0 + Duration::from_secs(13));
    assert!(matches!(effects[0], Effect::SaveResponse { flagged: true, position: 0, .. }));
    // Moving on books the time spent on the question left.
    let effects = app.update(key('n'), t0 + Duration::from_secs(20));
    assert!(matches!(effects[0], Effect::SaveResponse { position: 0, spent_ms: 20_000, .. }), "{effects:?}");
    assert_eq!(sitting(&app).attempt.current, 1);
}

#[test]
fn the_deadline_submits_the_paper() {
    let t0 = Instant::now();
    let mut app = started(t0);
    app.update(key('1'), t0 + Duration::from_secs(5));
    assert!(app.update(Msg::Tick, t0 + Duration::from_secs(599)).iter().all(|e| !matches!(e, Effect::Finish { .. })));
    let effects = app.update(Msg::Tick, t0 + Duration::from_secs(600));
    assert!(effects.contains(&Effect::Finish { attempt: 1, ending: Ending::TimeUp, time_used_s: 600 }), "{effects:?}");
    let Screen::Results(f) = &app.screen else { panic!("results expected") };
    assert_eq!(f.ending, Ending::TimeUp);
    assert_eq!(f.score.total, 4);
}

#[test]
fn a_key_after_the_deadline_cannot_change_an_answer() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let effects = app.update(key('2'), t0 + Duration::from_secs(601));
    assert!(effects.iter().any(|e| matches!(e, Effect::Finish { ending: Ending::TimeUp, .. })));
    let Screen::Results(f) = &app.screen else { panic!("results expected") };
    assert_eq!(f.attempt.answered(), 0);
}

#[test]
fn submitting_asks_first_and_lists_what_is_left() {
    let t0 = Instant::now();
    let mut app = started(t0);
    app.update(key('s'), t0);
    assert_eq!(app.overlay, Some(Overlay::ConfirmSubmit));
    app.update(key('n'), t0);
    assert!(app.overlay.is_none());
    assert!(matches!(app.screen, Screen::Exam(_)));
    app.update(key('s'), t0);
    let effects = app.update(key('y'), t0 + Duration::from_secs(30));
    assert!(effects.contains(&Effect::Finish { attempt: 1, ending: Ending::Submitted, time_used_s: 30 }));
    assert!(matches!(app.screen, Screen::Results(_)));
}

#[test]
fn the_navigator_jumps_to_a_question() {
    let t0 = Instant::now();
    let mut app = started(t0);
    app.update(key('g'), t0);
    app.update(Msg::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)), t0);
    app.update(Msg::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)), t0);
    app.update(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)), t0);
    assert!(app.overlay.is_none());
    assert_eq!(sitting(&app).attempt.current, 2);
}

#[test]
fn leaving_keeps_the_paper_and_resuming_restores_answers_and_time() {
    let t0 = Instant::now();
    let mut app = started(t0);
    app.update(key('c'), t0 + Duration::from_secs(40));
    app.update(key('q'), t0 + Duration::from_secs(50));
    assert_eq!(app.overlay, Some(Overlay::ConfirmLeave));
    app.update(key('y'), t0 + Duration::from_secs(50));
    assert!(matches!(app.screen, Screen::Home));
    assert!(app.suspended.is_some());

    let t1 = t0 + Duration::from_secs(3600);
    app.update(key('r'), t1);
    let s = sitting(&app);
    assert_eq!(s.attempt.answered(), 1);
    assert_eq!(s.clock.remaining(t1), Duration::from_secs(550), "the clock stopped while away");
}

#[test]
fn with_history_off_a_left_paper_is_still_kept_for_this_session() {
    let t0 = Instant::now();
    let mut app = App::new(common::mini_catalog(), Vec::new(), None, Some("locked".into()));
    let effects = app.start_exam("mini", Some(7), false, t0);
    assert!(matches!(effects.as_slice(), [Effect::CreateAttempt(_)]));
    // No store answers, so the attempt never gets an id: nothing is saved, yet the paper runs.
    assert!(app.update(key('a'), t0).is_empty());
    app.update(key('q'), t0);
    app.update(key('y'), t0);
    app.update(key('r'), t0 + Duration::from_secs(30));
    assert_eq!(sitting(&app).attempt.answered(), 1);
}

#[test]
fn an_unfinished_paper_found_at_start_is_offered_and_can_be_discarded() {
    let bank = common::mini_bank();
    let paper = itil_trainer::domain::paper::draw(&bank, 3).unwrap();
    let responses = paper
        .items
        .iter()
        .map(|i| {
            let q = bank.question(&i.question_id).unwrap();
            StoredResponse {
                question_id: q.id.clone(),
                area: q.area.clone(),
                area_title: "t".into(),
                area_bloom: q.bloom,
                bloom: q.bloom,
                order: i.order,
                answer: q.answer,
                chosen: None,
                flagged: false,
                spent_ms: 0,
            }
        })
        .collect();
    let stored = StoredAttempt {
        id: 9,
        exam: "mini".into(),
        exam_name: "Mini Fixture Exam".into(),
        mode: "mock".into(),
        seed: 3,
        started_at: 0,
        ended: None,
        time_limit_s: 600,
        time_used_s: 120,
        pass_mark: 3,
        current: 2,
        responses,
    };
    let mut app = App::new(common::mini_catalog(), Vec::new(), Some(stored), None);
    assert_eq!(app.overlay, Some(Overlay::Resume));
    let effects = app.update(key('n'), Instant::now());
    assert_eq!(effects, vec![Effect::Abandon(9)]);
    assert!(app.unfinished.is_none());
}

#[test]
fn a_short_bank_cannot_start_a_paper_and_says_why() {
    let mini = std::fs::read_to_string(common::fixture("banks/mini.toml")).unwrap();
    let short = mini.replace("paper = 2\n", "paper = 6\n").replace("questions = 4", "questions = 12");
    let catalog = itil_trainer::bankfile::Catalog::from_sources(vec![(
        itil_trainer::bankfile::Source::File("s.toml".into()),
        short,
    )]);
    let mut app = App::new(catalog, Vec::new(), None, None);
    let effects = app.update(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)), Instant::now());
    assert!(effects.is_empty());
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(app.notice.as_deref(), Some("No full paper yet: short areas A1 (5/6), A2 (5/6)"));
}
