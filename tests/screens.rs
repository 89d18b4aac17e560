//! Every screen drawn into ratatui's TestBackend at 80×24 (the smallest common terminal)
//! with a fixed bank, seed and clock, and compared with reviewed snapshots.

mod common;

use std::time::{Duration, Instant};

use itil_trainer::tui::app::{App, Msg};
use itil_trainer::tui::screens;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

fn render(app: &App, now: Instant, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| screens::draw(f, app, now)).unwrap();
    terminal.backend().to_string()
}

/// A paper of the mini bank with seed 7, started at `t0`.
fn sitting(t0: Instant) -> App {
    let mut app = App::new(common::mini_catalog(), Vec::new(), None, None);
    app.start_exam("mini", Some(7), false, t0);
    app.update(Msg::AttemptCreated(1), t0);
    app
}

#[test]
fn home() {
    let mut app = App::new(
        common::mini_catalog(),
        Vec::new(),
        None,
        Some("the history database /x/history.sqlite3 is locked".into()),
    );
    app.update(ch('x'), Instant::now());
    for c in "42".chars() {
        app.update(ch(c), Instant::now());
    }
    insta::assert_snapshot!(render(&app, Instant::now(), 80, 24));
}

#[test]
fn exam() {
    let t0 = Instant::now();
    let mut app = sitting(t0);
    app.update(ch('b'), t0);
    app.update(ch('f'), t0);
    insta::assert_snapshot!(render(&app, t0 + Duration::from_secs(83), 80, 24));
}

#[test]
fn exam_with_little_time_left() {
    let t0 = Instant::now();
    let app = sitting(t0);
    let screen = render(&app, t0 + Duration::from_secs(361), 80, 24);
    assert!(screen.contains("Time  03:59 "), "{screen}");
}

#[test]
fn navigator() {
    let t0 = Instant::now();
    let mut app = sitting(t0);
    app.update(ch('a'), t0);
    app.update(ch('n'), t0);
    app.update(ch('f'), t0);
    app.update(ch('n'), t0);
    app.update(ch('g'), t0);
    insta::assert_snapshot!(render(&app, t0 + Duration::from_secs(20), 80, 24));
}

#[test]
fn submit_confirmation() {
    let t0 = Instant::now();
    let mut app = sitting(t0);
    app.update(ch('d'), t0);
    app.update(ch('f'), t0);
    app.update(ch('s'), t0);
    insta::assert_snapshot!(render(&app, t0 + Duration::from_secs(20), 80, 24));
}

/// Answers the mini paper (seed 7): the first two right, the third wrong, the fourth blank.
fn finished(t0: Instant) -> App {
    let mut app = sitting(t0);
    let bank = common::mini_bank();
    let paper = itil_trainer::domain::paper::draw(&bank, 7).unwrap();
    for (i, item) in paper.items.iter().enumerate().take(3) {
        let key_pos = item.shown_position(bank.question(&item.question_id).unwrap().answer);
        let pos = if i < 2 { key_pos } else { (key_pos + 1) % 4 };
        app.update(ch(char::from(b'1' + pos as u8)), t0);
        app.update(ch('n'), t0);
    }
    app.update(ch('s'), t0);
    app.update(ch('y'), t0 + Duration::from_secs(125));
    app
}

#[test]
fn results() {
    let t0 = Instant::now();
    let app = finished(t0);
    insta::assert_snapshot!(render(&app, t0 + Duration::from_secs(125), 80, 24));
}

#[test]
fn review_of_a_wrong_answer() {
    let t0 = Instant::now();
    let mut app = finished(t0);
    app.update(ch('w'), t0);
    insta::assert_snapshot!(render(&app, t0, 80, 24));
}

#[test]
fn help() {
    let t0 = Instant::now();
    let mut app = sitting(t0);
    app.update(ch('?'), t0);
    insta::assert_snapshot!(render(&app, t0, 80, 24));
}

#[test]
fn a_tiny_terminal_says_how_large_it_must_be() {
    let app = App::new(common::mini_catalog(), Vec::new(), None, None);
    let screen = render(&app, Instant::now(), 40, 10);
    assert!(screen.contains("Terminal too small"), "{screen}");
    assert!(screen.contains("40×10 now; itil-trainer needs at least"), "{screen}");
    assert!(screen.contains("60×18."), "{screen}");
}

#[test]
fn larger_terminals_show_the_whole_paper_frame() {
    let t0 = Instant::now();
    let app = sitting(t0);
    let screen = render(&app, t0, 140, 40);
    assert!(screen.contains("Question 1 of 4 · Mini Fixture Exam"), "{screen}");
    assert!(screen.lines().count() == 40);
}
