//! The command line as scripts and trainers use it.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn trainer(data: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("itil-trainer").unwrap();
    cmd.env_remove("ITIL_TRAINER_BANKS").env("ITIL_TRAINER_DATA_DIR", data);
    cmd
}

#[test]
fn validate_names_file_line_and_column_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    trainer(dir.path())
        .args(["validate"])
        .arg(common::fixture("broken/unknown_area.toml"))
        .arg(common::fixture("broken/bad_answer.toml"))
        .arg(common::fixture("banks/mini.toml"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("unknown_area.toml:52:8: error: question MINI-0003 names area \"Z9\""))
        .stdout(predicate::str::contains("bad_answer.toml:70:10: error: answer \"E\""))
        .stdout(predicate::str::contains("mini.toml: ok: Mini Fixture Exam (mini), 10 questions in 2 areas"));
}

#[test]
fn validate_passes_a_good_bank_and_the_bundled_ones() {
    let dir = tempfile::tempdir().unwrap();
    trainer(dir.path()).arg("validate").arg(common::fixture("banks")).assert().success();
    trainer(dir.path())
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("question-banks/foundation.toml: ok"));
}

#[test]
fn banks_lists_bundled_and_extra_exams_with_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let out = trainer(dir.path()).args(["banks", "--json", "--banks"]).arg(common::fixture("banks")).output().unwrap();
    assert!(out.status.success());
    let banks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mini = banks.as_array().unwrap().iter().find(|b| b["id"] == "mini").expect("mini listed");
    assert_eq!(mini["questions"], 10);
    assert_eq!(mini["full_papers"], 2);
    assert!(mini["source"].as_str().unwrap().ends_with("tests/fixtures/banks/mini.toml"));
    let foundation = banks.as_array().unwrap().iter().find(|b| b["id"] == "foundation").expect("bundled");
    assert_eq!(foundation["source"], "question-banks/foundation.toml");
    assert_eq!(foundation["bundled"], true);
}

#[test]
fn a_missing_banks_folder_is_reported_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    trainer(dir.path()).args(["banks", "--banks", "/nonexistent/banks"]).assert().success().stderr(
        predicate::str::contains("/nonexistent/banks").and(predicate::str::contains("cannot read the banks folder")),
    );
}

#[test]
fn history_and_stats_start_empty_and_report_a_damaged_database() {
    let dir = tempfile::tempdir().unwrap();
    trainer(dir.path()).args(["history", "--json"]).assert().success().stdout("[]\n");
    trainer(dir.path()).args(["stats", "--json"]).assert().success().stdout("[]\n");

    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("history.sqlite3"), "not sqlite ".repeat(200)).unwrap();
    trainer(broken.path())
        .args(["history"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("history.sqlite3").and(predicate::str::contains("damaged")));
}

#[test]
fn an_unknown_exam_is_refused_before_the_screen_opens() {
    let dir = tempfile::tempdir().unwrap();
    trainer(dir.path())
        .args(["exam", "nosuch"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("No exam \"nosuch\" is loaded (loaded: foundation"));
}
