//! Non-interactive reports: plain tables for people, JSON for scripts and trainers.

use serde::Serialize;

use crate::bankfile::{Catalog, Source};
use crate::domain::clock::format_secs;
use crate::store::Store;

#[derive(Serialize)]
struct BankRow<'a> {
    id: &'a str,
    name: &'a str,
    source: String,
    bundled: bool,
    questions: usize,
    areas: usize,
    full_papers: usize,
    warnings: usize,
}

pub fn banks(catalog: &Catalog, json: bool) -> std::process::ExitCode {
    let rows: Vec<BankRow> = catalog
        .banks
        .iter()
        .map(|b| BankRow {
            id: &b.bank.exam.id,
            name: &b.bank.exam.name,
            source: b.source.file_name(),
            bundled: matches!(b.source, Source::Bundled(_)),
            questions: b.bank.questions.len(),
            areas: b.bank.areas.len(),
            full_papers: b.bank.full_papers(),
            warnings: b.warnings.len(),
        })
        .collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&rows).expect("plain data serializes"));
    } else {
        println!("{:<12} {:<48} {:>9} {:>5} {:>6}  SOURCE", "EXAM", "NAME", "QUESTIONS", "AREAS", "PAPERS");
        for (r, b) in rows.iter().zip(&catalog.banks) {
            println!(
                "{:<12} {:<48} {:>9} {:>5} {:>6}  {}",
                r.id, r.name, r.questions, r.areas, r.full_papers, b.source
            );
        }
    }
    for refused in &catalog.refused {
        eprintln!("refused {}:", refused.source);
        for e in &refused.errors {
            eprintln!("  {e}");
        }
    }
    std::process::ExitCode::SUCCESS
}

/// Prints every error and warning of the given bank files; true when none has an error.
pub fn validation(sources: Vec<(Source, String)>) -> bool {
    let names: Vec<Source> = sources.iter().map(|(s, _)| s.clone()).collect();
    let catalog = Catalog::from_sources(sources);
    let mut ok = true;
    for source in &names {
        if let Some(refused) = catalog.refused.iter().find(|r| &r.source == source) {
            ok = false;
            for e in &refused.errors {
                println!("{e}");
            }
            println!("{}: refused ({} error(s))", source.file_name(), refused.errors.len());
        } else if let Some(loaded) = catalog.banks.iter().find(|b| &b.source == source) {
            for w in &loaded.warnings {
                println!("{w}");
            }
            let b = &loaded.bank;
            println!(
                "{}: ok: {} ({}), {} questions in {} areas, {} full paper(s), {} warning(s)",
                source.file_name(),
                b.exam.name,
                b.exam.id,
                b.questions.len(),
                b.areas.len(),
                b.full_papers(),
                loaded.warnings.len()
            );
        } else {
            println!("{}: ok, but replaced by a later file with the same exam id", source.file_name());
        }
    }
    ok
}

pub fn history(store: &Store, exam: Option<&str>, json: bool) -> Result<(), String> {
    let attempts = store.history(exam).map_err(|e| e.to_string())?;
    if json {
        println!("{}", serde_json::to_string_pretty(&attempts).expect("plain data serializes"));
        return Ok(());
    }
    if attempts.is_empty() {
        println!("No finished attempts yet. History: {}", store.path().display());
        return Ok(());
    }
    println!(
        "{:>5}  {:<20}  {:<10}  {:>7}  {:>8}  {:<6}  {:>8}  ENDED",
        "ID", "STARTED (UTC)", "EXAM", "SEED", "SCORE", "RESULT", "TIME"
    );
    for a in &attempts {
        println!(
            "{:>5}  {:<20}  {:<10}  {:>7}  {:>8}  {:<6}  {:>8}  {}",
            a.id,
            a.started_at,
            a.exam,
            a.seed,
            format!("{}/{}", a.score, a.questions),
            if a.passed { "PASS" } else { "FAIL" },
            format_secs(a.time_used_s),
            a.ended
        );
    }
    Ok(())
}

pub fn stats(store: &Store, exam: Option<&str>, json: bool) -> Result<(), String> {
    let stats = store.stats(exam).map_err(|e| e.to_string())?;
    if json {
        println!("{}", serde_json::to_string_pretty(&stats).expect("plain data serializes"));
        return Ok(());
    }
    if stats.is_empty() {
        println!("No finished attempts{}.", exam.map(|e| format!(" of {e}")).unwrap_or_default());
    }
    for s in &stats {
        println!("{} ({}): {} attempt(s)", s.exam_name, s.exam, s.attempts);
        println!("  {:<6} {:<3} {:>9} {:>5}  TITLE", "AREA", "BL", "CORRECT", "%");
        for a in &s.areas {
            println!(
                "  {:<6} {:<3} {:>9} {:>4.0}%  {}",
                a.area,
                a.bloom,
                format!("{}/{}", a.correct, a.total),
                a.ratio() * 100.0,
                a.title
            );
        }
        for b in &s.blooms {
            let pct = if b.total == 0 { 0.0 } else { 100.0 * b.correct as f64 / b.total as f64 };
            println!("  BL{}: {}/{} ({pct:.0}%)", b.bloom, b.correct, b.total);
        }
        println!();
    }
    Ok(())
}
