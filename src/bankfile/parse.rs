//! Format 1: TOML into a validated [`Bank`], or every error found, each at its line and column.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::diagnostic::{Diagnostic, Locator};
use super::lint;
use super::text::sanitize;
use crate::domain::{Area, Bank, Exam, Question};

const FORMAT: i64 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    format: Spanned<i64>,
    exam: Spanned<RawExam>,
    #[serde(default, rename = "area")]
    areas: Vec<Spanned<RawArea>>,
    #[serde(default, rename = "question")]
    questions: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExam {
    id: Spanned<String>,
    name: Spanned<String>,
    questions: Spanned<i64>,
    minutes: Spanned<i64>,
    pass_mark: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: Spanned<String>,
    title: Spanned<String>,
    bloom: Spanned<i64>,
    paper: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub id: Spanned<String>,
    pub area: Spanned<String>,
    pub bloom: Spanned<i64>,
    pub stem: Spanned<String>,
    pub options: Spanned<Vec<Spanned<String>>>,
    pub answer: Spanned<String>,
    pub rationale: Spanned<Vec<Spanned<String>>>,
    pub reference: Option<Spanned<String>>,
    pub shuffle: Option<bool>,
}

/// A bank that loaded, with its warnings and where each question's id stands
/// (to point at duplicates found across files later).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub bank: Bank,
    pub warnings: Vec<Diagnostic>,
    pub id_positions: HashMap<String, (usize, usize)>,
}

/// Parses and validates one bank file. `file` is the name used in messages.
pub fn parse_bank(file: &str, text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let loc = Locator::new(file, text);
    let raw: RawBank = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        vec![loc.error(at, plain_serde_message(e.message()))]
    })?;
    let mut errors = Vec::new();
    let exam = check_exam(&raw, &loc, &mut errors);
    let areas = check_areas(&raw, &loc, &mut errors);
    check_blueprint(&raw, &areas, &loc, &mut errors);
    let known: HashSet<&str> = areas.iter().map(|a| a.id.as_str()).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut questions = Vec::new();
    let mut id_positions = HashMap::new();
    for q in &raw.questions {
        let q = q.get_ref();
        let id = q.id.get_ref();
        if let Some(first) = seen.insert(id, q.id.span().start) {
            let (line, _) = loc.position(first);
            errors.push(
                loc.error(q.id.span().start, format!("duplicate question id {id:?} (first used on line {line})")),
            );
        }
        if let Some(question) = check_question(q, &known, &loc, &mut errors) {
            id_positions.insert(question.id.clone(), loc.position(q.id.span().start));
            questions.push(question);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let bank = Bank { exam: exam.expect("no errors means the exam checked out"), areas, questions };
    let warnings =
        lint::lint(&bank, &raw.questions, &raw.areas.iter().map(|a| a.get_ref().id.span()).collect::<Vec<_>>(), &loc);
    Ok(Parsed { bank, warnings, id_positions })
}

/// serde speaks Rust ("expected i64"); bank authors need TOML words.
fn plain_serde_message(message: &str) -> String {
    message
        .trim()
        .replace("expected i64", "expected a whole number")
        .replace("expected a boolean", "expected true or false")
}

fn check_exam(raw: &RawBank, loc: &Locator, errors: &mut Vec<Diagnostic>) -> Option<Exam> {
    let before = errors.len();
    if *raw.format.get_ref() != FORMAT {
        errors.push(loc.error(
            raw.format.span().start,
            format!("unsupported format {}; this trainer reads format {FORMAT}", raw.format.get_ref()),
        ));
    }
    let e = raw.exam.get_ref();
    let id = e.id.get_ref();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_') {
        errors.push(
            loc.error(e.id.span().start, format!("exam id {id:?} must be lower-case letters, digits, '-' or '_'")),
        );
    }
    let name = non_empty(&e.name, "exam name", loc, errors);
    let questions = positive(&e.questions, "exam.questions", loc, errors);
    let minutes = positive(&e.minutes, "exam.minutes", loc, errors);
    let pass_mark = positive(&e.pass_mark, "exam.pass_mark", loc, errors);
    if let (Some(q), Some(p)) = (questions, pass_mark)
        && p > q
    {
        errors.push(
            loc.error(e.pass_mark.span().start, format!("pass_mark {p} is greater than the {q} questions of a paper")),
        );
    }
    (errors.len() == before).then(|| Exam {
        id: id.clone(),
        name: name.unwrap_or_default(),
        questions: questions.unwrap_or_default() as usize,
        minutes: minutes.unwrap_or_default() as u32,
        pass_mark: pass_mark.unwrap_or_default() as usize,
    })
}

fn check_areas(raw: &RawBank, loc: &Locator, errors: &mut Vec<Diagnostic>) -> Vec<Area> {
    let mut seen = HashSet::new();
    let mut areas = Vec::new();
    for a in &raw.areas {
        let a = a.get_ref();
        let id = a.id.get_ref().trim();
        if id.is_empty() {
            errors
                .push(loc.error(a.id.span().start, "area id is empty; expected a syllabus reference such as \"1.1\""));
        } else if !seen.insert(id) {
            errors.push(loc.error(a.id.span().start, format!("duplicate area id {id:?}")));
        }
        let title = non_empty(&a.title, "area title", loc, errors);
        let bloom = bloom_level(&a.bloom, loc, errors);
        let paper = *a.paper.get_ref();
        if !(0..=1000).contains(&paper) {
            errors.push(loc.error(
                a.paper.span().start,
                format!("paper is {paper}; expected the number of questions a paper draws from this area (0 or more)"),
            ));
        }
        areas.push(Area {
            id: id.to_string(),
            title: title.unwrap_or_default(),
            bloom: bloom.unwrap_or(1),
            paper: paper.clamp(0, 1000) as usize,
        });
    }
    if raw.areas.is_empty() {
        errors.push(loc.error(raw.exam.span().start, "the bank has no [[area]]; expected one per syllabus area"));
    }
    areas
}

fn check_blueprint(raw: &RawBank, areas: &[Area], loc: &Locator, errors: &mut Vec<Diagnostic>) {
    let questions = raw.exam.get_ref().questions.get_ref();
    let sum: usize = areas.iter().map(|a| a.paper).sum();
    if !areas.is_empty() && sum as i64 != *questions {
        errors.push(loc.error(
            raw.exam.get_ref().questions.span().start,
            format!("the areas' paper counts sum to {sum}, but exam.questions is {questions}; they must be equal"),
        ));
    }
}

fn check_question(
    q: &RawQuestion,
    areas: &HashSet<&str>,
    loc: &Locator,
    errors: &mut Vec<Diagnostic>,
) -> Option<Question> {
    let before = errors.len();
    let id = q.id.get_ref();
    if id.trim().is_empty() {
        errors.push(loc.error(q.id.span().start, "question id is empty"));
    }
    if !areas.contains(q.area.get_ref().as_str()) {
        let mut known: Vec<_> = areas.iter().copied().collect();
        known.sort_unstable();
        errors.push(loc.error(
            q.area.span().start,
            format!(
                "question {id} names area {:?}, which the bank does not define (areas: {})",
                q.area.get_ref(),
                known.join(", ")
            ),
        ));
    }
    let bloom = bloom_level(&q.bloom, loc, errors);
    let stem = non_empty(&q.stem, "stem", loc, errors);
    let options = four_texts(&q.options, "options", true, loc, errors);
    let answer = match q.answer.get_ref().trim() {
        "A" => Some(0),
        "B" => Some(1),
        "C" => Some(2),
        "D" => Some(3),
        other => {
            errors.push(
                loc.error(q.answer.span().start, format!("answer {other:?} is not one of \"A\", \"B\", \"C\", \"D\"")),
            );
            None
        }
    };
    let rationale = four_texts(&q.rationale, "rationale", false, loc, errors);
    if errors.len() != before {
        return None;
    }
    Some(Question {
        id: id.trim().to_string(),
        area: q.area.get_ref().clone(),
        bloom: bloom?,
        stem: stem?,
        options: options?,
        answer: answer?,
        rationale: rationale?,
        reference: q.reference.as_ref().map(|r| sanitize(r.get_ref())).filter(|r| !r.is_empty()),
        shuffle: q.shuffle.unwrap_or(true),
    })
}

/// Exactly four non-empty texts; options must also differ from each other.
fn four_texts(
    list: &Spanned<Vec<Spanned<String>>>,
    what: &str,
    distinct: bool,
    loc: &Locator,
    errors: &mut Vec<Diagnostic>,
) -> Option<[String; 4]> {
    let items = list.get_ref();
    if items.len() != 4 {
        let expected = if what == "options" {
            "exactly four options (A, B, C, D)"
        } else {
            "four rationales, one per option in the same order"
        };
        errors.push(loc.error(list.span().start, format!("{what} has {} entries; expected {expected}", items.len())));
        return None;
    }
    let texts: Vec<String> = items.iter().map(|s| sanitize(s.get_ref())).collect();
    let mut ok = true;
    for (i, (t, s)) in texts.iter().zip(items).enumerate() {
        if t.is_empty() {
            errors.push(loc.error(s.span().start, format!("{what} {} is empty", crate::domain::letter(i))));
            ok = false;
        } else if distinct && texts[..i].contains(t) {
            errors.push(loc.error(
                s.span().start,
                format!("option {} repeats an earlier option; the four options must differ", crate::domain::letter(i)),
            ));
            ok = false;
        }
    }
    ok.then(|| texts.try_into().expect("four entries"))
}

fn non_empty(s: &Spanned<String>, what: &str, loc: &Locator, errors: &mut Vec<Diagnostic>) -> Option<String> {
    let t = sanitize(s.get_ref());
    if t.is_empty() {
        errors.push(loc.error(s.span().start, format!("{what} is empty")));
        return None;
    }
    Some(t)
}

fn positive(n: &Spanned<i64>, what: &str, loc: &Locator, errors: &mut Vec<Diagnostic>) -> Option<i64> {
    let v = *n.get_ref();
    if !(1..=100_000).contains(&v) {
        errors.push(loc.error(n.span().start, format!("{what} is {v}; expected a whole number of at least 1")));
        return None;
    }
    Some(v)
}

fn bloom_level(n: &Spanned<i64>, loc: &Locator, errors: &mut Vec<Diagnostic>) -> Option<u8> {
    let v = *n.get_ref();
    if !(1..=6).contains(&v) {
        errors.push(loc.error(n.span().start, format!("Bloom level {v} is outside 1-6")));
        return None;
    }
    Some(v as u8)
}

/// The span of a question's id, for messages about the whole question.
pub(super) fn id_span(q: &RawQuestion) -> Range<usize> {
    q.id.span()
}
