//! The real binary in a pseudo-terminal: keys in, screen text out, as a candidate uses it.

mod common;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use itil_trainer::domain::paper::draw;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for text that should appear: generous, since CI machines can be slow.
/// This is a deadline for a hang, not a measurement.
const PATIENCE: Duration = Duration::from_secs(60);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(data: &Path, args: &[&str]) -> Session {
        let pty = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_itil-trainer"));
        cmd.args(["--data-dir".as_ref(), data.as_os_str(), "--banks".as_ref(), common::fixture("banks").as_os_str()]);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("ITIL_TRAINER_BANKS");
        cmd.env_remove("ITIL_TRAINER_DATA_DIR");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let screen =
            Arc::new(Mutex::new(vt100::Parser::new(NonZeroU16::new(24).unwrap(), NonZeroU16::new(80).unwrap(), 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session { child, writer, screen, _master: pty.master }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until every one of `needles` is on screen; returns the screen.
    fn wait_for(&self, needles: &[&str]) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = self.text();
            if needles.iter().all(|n| text.contains(n)) {
                return text;
            }
            assert!(Instant::now() < deadline, "waited for {needles:?}; the screen shows:\n{text}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `needle` has left the screen (an overlay closed).
    fn wait_gone(&self, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        while self.text().contains(needle) {
            assert!(Instant::now() < deadline, "waited for {needle:?} to go; the screen shows:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            assert!(Instant::now() < deadline, "the trainer did not exit; screen:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The on-screen letter of the correct option of question `i` of the mini paper `seed`.
fn key_letter(seed: u64, i: usize) -> char {
    let bank = common::mini_bank();
    let item = &draw(&bank, seed).unwrap().items[i];
    let pos = item.shown_position(bank.question(&item.question_id).unwrap().answer);
    char::from(b'a' + pos as u8)
}

fn wrong_letter(seed: u64, i: usize) -> char {
    let right = key_letter(seed, i) as u8 - b'a';
    char::from(b'a' + (right + 1) % 4)
}

fn history_json(data: &Path) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_itil-trainer"))
        .arg("--data-dir")
        .arg(data)
        .args(["history", "--json"])
        .env_remove("ITIL_TRAINER_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_seeded_mock_paper_from_first_key_to_history() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start(data.path(), &["exam", "mini", "--seed", "7"]);
    s.wait_for(&["Question 1 of 4", "Seed 7", "Time "]);

    // Three right, the last one wrong; flag the second.
    for i in 0..4 {
        let letter = if i < 3 { key_letter(7, i) } else { wrong_letter(7, i) };
        s.keys(&letter.to_string());
        s.wait_for(&[&format!("Answered {}/4", i + 1)]);
        if i == 1 {
            s.keys("f");
            s.wait_for(&["⚑ flagged", "Flagged 1"]);
        }
        if i < 3 {
            s.keys("n");
            s.wait_for(&[&format!("Question {} of 4", i + 2)]);
        }
    }
    s.keys("g");
    s.wait_for(&["answered 4", "flagged 1"]);
    // Esc and the next key sent together would read as Alt+key: wait for the grid to close.
    s.keys("\x1b");
    s.wait_gone("go to question");
    s.keys("s");
    s.wait_for(&["Submit the paper?", "Unanswered: none", "Flagged: 2"]);
    s.keys("y");
    let results = s.wait_for(&["PASS", "3/4 (75%)", "Syllabus areas, weakest first"]);
    assert!(results.contains("Everyday facts") && results.contains("Everyday reasoning"), "{results}");
    assert!(results.contains("BL1: ") && results.contains("BL2: "), "{results}");

    s.keys("w");
    s.wait_for(&["Review · question 4 of 4", "Wrong · your answer", "← your answer"]);
    s.keys("\x1b");
    s.wait_for(&["PASS", "review all"]);
    s.keys("\x1b");
    s.wait_for(&["Mini Fixture Exam", "3/4", "Enter start"]);
    s.keys("q");
    assert!(s.wait_exit(), "the trainer should exit cleanly");
    assert!(!s.screen.lock().unwrap().screen().alternate_screen(), "the terminal is restored");

    let history = history_json(data.path());
    let attempts = history.as_array().unwrap();
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    assert_eq!(a["exam"], "mini");
    assert_eq!(a["mode"], "mock");
    assert_eq!(a["seed"], 7);
    assert_eq!(a["ended"], "submitted");
    assert_eq!((a["score"].as_u64(), a["questions"].as_u64(), a["pass_mark"].as_u64()), (Some(3), Some(4), Some(3)));
    assert_eq!(a["passed"], true);
    assert!(a["started_at"].as_str().unwrap().ends_with('Z') && a["finished_at"].is_string());
    let totals: u64 = a["areas"].as_array().unwrap().iter().map(|r| r["total"].as_u64().unwrap()).sum();
    assert_eq!(totals, 4);
}

#[test]
fn a_killed_trainer_offers_to_resume_with_answers_kept() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start(data.path(), &["exam", "mini", "--seed", "11"]);
    s.wait_for(&["Question 1 of 4"]);
    s.keys("a");
    s.wait_for(&["Answered 1/4"]);
    s.keys("n");
    s.wait_for(&["Question 2 of 4"]);
    s.keys("b");
    s.wait_for(&["Answered 2/4"]);
    s.child.kill().unwrap();
    s.wait_exit();
    let mut s = Session::start(data.path(), &[]);
    s.wait_for(&["Unfinished paper", "2 of 4 answered"]);
    s.keys("y");
    s.wait_for(&["Question 2 of 4", "Answered 2/4", "Seed 11"]);
    s.keys("s");
    s.wait_for(&["Unanswered: 3, 4"]);
    s.keys("y");
    s.wait_for(&["Results", "/4 ("]);
    // Esc and q sent together would read as Alt+q: wait for the home screen in between.
    s.keys("\x1b");
    s.wait_for(&["Enter start"]);
    s.keys("q");
    assert!(s.wait_exit());
    let history = history_json(data.path());
    assert_eq!(history[0]["seed"], 11);
    assert_eq!(history.as_array().unwrap().len(), 1);
}
