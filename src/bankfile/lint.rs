//! Warnings: the bank loads, but a candidate would be short-changed by it.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::diagnostic::{Diagnostic, Locator};
use super::parse::{RawQuestion, id_span};
use crate::domain::{Bank, Question, letter};

/// Chi-square critical value for 3 degrees of freedom at p = 0.01: letters this uneven
/// arise by chance once in a hundred banks.
const LETTER_CHI2_LIMIT: f64 = 11.34;
/// One-sided z for p = 0.01: "the longest option is the key" this often is not chance.
const LONGEST_Z_LIMIT: f64 = 2.33;

/// `raw` are the bank's questions as parsed (same order as `bank.questions`),
/// `area_spans` the spans of the areas' ids (same order as `bank.areas`).
pub(super) fn lint(
    bank: &Bank,
    raw: &[Spanned<RawQuestion>],
    area_spans: &[Range<usize>],
    loc: &Locator,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (area, span) in bank.areas.iter().zip(area_spans) {
        let have = bank.questions_in(&area.id).count();
        if have < area.paper {
            out.push(loc.warning(
                span.start,
                format!(
                    "area {} has {have} question(s) but a mock paper draws {}: no full paper can be drawn",
                    area.id, area.paper
                ),
            ));
        }
    }
    let mut stems: HashMap<String, usize> = HashMap::new();
    for (q, r) in bank.questions.iter().zip(raw) {
        let at = id_span(r.get_ref()).start;
        let key = q.stem.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if let Some(first) = stems.get(&key) {
            out.push(loc.warning(at, format!("question {} repeats the stem of {}", q.id, bank.questions[*first].id)));
        } else {
            stems.insert(key, stems.len());
        }
        if mentions_all_or_none(q) {
            out.push(loc.warning(
                at,
                format!(
                    "question {} uses \"all of the above\" or \"none of the above\"; exam questions never do",
                    q.id
                ),
            ));
        }
    }
    if let Some(w) = letter_spread(bank) {
        out.push(loc.warning(0, w));
    }
    if let Some(w) = longest_key(bank) {
        out.push(loc.warning(0, w));
    }
    out
}

fn mentions_all_or_none(q: &Question) -> bool {
    std::iter::once(&q.stem).chain(&q.options).any(|t| {
        let t = t.to_lowercase();
        t.contains("all of the above") || t.contains("none of the above")
    })
}

/// Keys should fall evenly on A-D, so that guessing a letter earns nothing.
fn letter_spread(bank: &Bank) -> Option<String> {
    let n = bank.questions.len();
    if n < 8 {
        return None;
    }
    let mut counts = [0usize; 4];
    for q in &bank.questions {
        counts[q.answer] += 1;
    }
    let expected = n as f64 / 4.0;
    let chi2: f64 = counts.iter().map(|&c| (c as f64 - expected).powi(2) / expected).sum();
    (chi2 > LETTER_CHI2_LIMIT).then(|| {
        let spread: Vec<String> = counts.iter().enumerate().map(|(i, c)| format!("{} {c}", letter(i))).collect();
        format!("answer letters are far from even ({}; about {expected:.0} each expected)", spread.join(", "))
    })
}

/// A key that is the longest option far more often than one time in four teaches test-wiseness, not ITIL.
fn longest_key(bank: &Bank) -> Option<String> {
    // Questions whose options keep their order (list questions) have fixed short options.
    let scored: Vec<bool> = bank
        .questions
        .iter()
        .filter(|q| q.shuffle)
        .map(|q| {
            let len = |i: usize| q.options[i].chars().count();
            (0..4).all(|i| i == q.answer || len(q.answer) > len(i))
        })
        .collect();
    let n = scored.len() as f64;
    if n < 20.0 {
        return None;
    }
    let k = scored.iter().filter(|&&b| b).count() as f64;
    let z = (k - n * 0.25) / (n * 0.25 * 0.75).sqrt();
    (z > LONGEST_Z_LIMIT).then(|| {
        format!("the correct option is the longest in {k} of {n} questions ({:.0}%; chance is 25%)", 100.0 * k / n)
    })
}
