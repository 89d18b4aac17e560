//! Bank files as authors write them: broken ones are refused with file:line:col messages,
//! the rest still load, and the bundled banks are fit for the real exam.

mod common;

use itil_trainer::bankfile::{Catalog, Severity, Source, bundled_sources, parse_bank};
use itil_trainer::domain::paper::draw;

fn errors_of(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(common::fixture(&format!("broken/{name}"))).unwrap();
    parse_bank(name, &text).expect_err("a broken bank must be refused").iter().map(|d| d.to_string()).collect()
}

#[test]
fn each_kind_of_mistake_is_named_at_its_line_and_column() {
    let cases = [
        ("syntax.toml", "syntax.toml:5:26: error: invalid basic string"),
        ("unknown_area.toml", "unknown_area.toml:52:8: error: question MINI-0003 names area \"Z9\""),
        ("bad_answer.toml", "bad_answer.toml:70:10: error: answer \"E\" is not one of"),
        ("three_options.toml", "three_options.toml:41:11: error: options has 3 entries; expected exactly four"),
        ("unknown_field.toml", "unknown_field.toml:38:1: error: unknown field `difficulty`"),
        ("missing_rationale.toml", "missing_rationale.toml:85:13: error: rationale has 3 entries"),
        ("paper_sum.toml", "paper_sum.toml:6:13: error: the areas' paper counts sum to 4, but exam.questions is 5"),
        ("pass_mark.toml", "pass_mark.toml:8:13: error: pass_mark 9 is greater than the 4 questions"),
        ("bloom.toml", "bloom.toml:19:9: error: Bloom level 7 is outside 1-6"),
        (
            "duplicate_id.toml",
            "duplicate_id.toml:107:6: error: duplicate question id \"MINI-0006\" (first used on line 93)",
        ),
        ("wrong_type.toml", "wrong_type.toml:7:11: error: invalid type: string \"ten\", expected a whole number"),
    ];
    for (file, expected) in cases {
        let errors = errors_of(file);
        assert!(errors.iter().any(|e| e.starts_with(expected)), "{file}: expected {expected:?}, got {errors:?}");
    }
}

#[test]
fn a_broken_bank_is_refused_and_the_others_still_load() {
    let good = std::fs::read_to_string(common::fixture("banks/mini.toml")).unwrap();
    let broken = std::fs::read_to_string(common::fixture("broken/bad_answer.toml")).unwrap();
    let mut sources = bundled_sources();
    sources.push((Source::File("extra/broken.toml".into()), broken));
    sources.push((Source::File("extra/mini.toml".into()), good));
    let catalog = Catalog::from_sources(sources);
    assert!(catalog.get("mini").is_some());
    assert!(catalog.get("foundation").is_some());
    assert_eq!(catalog.refused.len(), 1);
    assert_eq!(catalog.refused[0].source, Source::File("extra/broken.toml".into()));
}

#[test]
fn a_file_with_a_bundled_exam_id_replaces_the_bundled_bank() {
    let mini = std::fs::read_to_string(common::fixture("banks/mini.toml")).unwrap();
    let replacement = mini.replace("id = \"mini\"", "id = \"foundation\"");
    let mut sources = bundled_sources();
    sources.push((Source::File("mine/foundation.toml".into()), replacement));
    let catalog = Catalog::from_sources(sources);
    let foundation = catalog.get("foundation").unwrap();
    assert_eq!(foundation.source, Source::File("mine/foundation.toml".into()));
    assert_eq!(foundation.bank.questions.len(), 10);
    assert_eq!(catalog.banks.iter().filter(|b| b.bank.exam.id == "foundation").count(), 1);
}

#[test]
fn question_ids_must_be_unique_across_banks() {
    let mini = std::fs::read_to_string(common::fixture("banks/mini.toml")).unwrap();
    let twin = mini.replace("id = \"mini\"", "id = \"twin\"");
    let catalog = Catalog::from_sources(vec![
        (Source::File("a/mini.toml".into()), mini),
        (Source::File("b/twin.toml".into()), twin),
    ]);
    assert!(catalog.get("mini").is_some());
    assert!(catalog.get("twin").is_none());
    let first = catalog.refused[0].errors[0].to_string();
    assert!(first.starts_with("b/twin.toml:"), "{first}");
    assert!(first.contains("duplicate question id \"MINI-0001\": bank \"mini\" uses it already"), "{first}");
}

#[test]
fn control_characters_in_bank_text_never_reach_the_screen() {
    let mini = std::fs::read_to_string(common::fixture("banks/mini.toml")).unwrap();
    let hostile = mini.replace("Which colour is the sky", "Which \\u001b[2J\\u0007colour is the sky");
    let bank = parse_bank("hostile.toml", &hostile).unwrap().bank;
    let stem = &bank.question("MINI-0001").unwrap().stem;
    assert_eq!(stem, "Which [2Jcolour is the sky on a clear day?");
    assert!(!stem.chars().any(char::is_control));
}

#[test]
fn warnings_name_short_areas_and_all_of_the_above() {
    let mini = std::fs::read_to_string(common::fixture("banks/mini.toml")).unwrap();
    let text = mini
        .replace("paper = 2\n", "paper = 6\n")
        .replace("questions = 4", "questions = 12")
        .replace("\"Seven\", \"Five\"", "\"All of the above\", \"Five\"");
    let parsed = parse_bank("w.toml", &text).unwrap();
    let warnings: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert!(parsed.warnings.iter().all(|w| w.severity == Severity::Warning));
    assert!(warnings.iter().any(|w| w.contains("area A1 has 5 question(s) but a mock paper draws 6")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("MINI-0005 uses \"all of the above\"")), "{warnings:?}");
}

/// The product promise of the bank issues: every bundled bank loads with no error and no
/// warning, and can give at least four full papers without repeating a question.
#[test]
fn bundled_banks_load_cleanly_and_give_full_papers() {
    let catalog = Catalog::from_sources(bundled_sources());
    assert!(catalog.refused.is_empty(), "{:#?}", catalog.refused);
    let ids: Vec<&str> = catalog.banks.iter().map(|b| b.bank.exam.id.as_str()).collect();
    assert_eq!(ids, ["foundation", "cds", "dsv", "hvit", "dpi"]);
    for loaded in &catalog.banks {
        let bank = &loaded.bank;
        let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        assert!(warnings.is_empty(), "{}: {warnings:#?}", bank.exam.id);
        assert_eq!(bank.exam.questions, 40);
        let papers = if bank.exam.id == "foundation" { 5 } else { 4 };
        assert!(bank.full_papers() >= papers, "{} gives {} full papers", bank.exam.id, bank.full_papers());
        assert_eq!(draw(bank, 2026).unwrap().items.len(), 40);
    }
}
