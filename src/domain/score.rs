//! Scoring a paper: marks, pass or fail, and the per-area and per-Bloom-level breakdown.

use super::bank::Bank;
use super::paper::Paper;
use super::stats::Tally;

pub use super::stats::{BloomRow as BloomScore, TallyRow as AreaScore};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub correct: usize,
    pub total: usize,
    pub pass_mark: usize,
    pub passed: bool,
    pub tally: Tally,
}

impl Score {
    pub fn from_tally(tally: Tally, pass_mark: usize) -> Self {
        let (correct, total) = (tally.correct(), tally.total());
        Self { correct, total, pass_mark, passed: correct >= pass_mark, tally }
    }
}

/// One mark per correct answer, no negative marking; unanswered questions score nothing.
pub fn score(bank: &Bank, paper: &Paper, answers: &[Option<usize>]) -> Score {
    let mut tally = Tally::default();
    for area in &bank.areas {
        tally.seed_area(&area.id, &area.title, area.bloom);
    }
    for (item, answer) in paper.items.iter().zip(answers) {
        let Some(q) = bank.question(&item.question_id) else { continue };
        let area = bank.area(&q.area).expect("validated banks only name their own areas");
        let right = usize::from(*answer == Some(q.answer));
        tally.add(&area.id, &area.title, area.bloom, q.bloom, right, 1);
    }
    Score::from_tally(tally, bank.exam.pass_mark)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::tests::sample_bank;
    use crate::domain::paper::draw;

    #[test]
    fn scores_per_area_and_bloom_level_against_the_pass_mark() {
        let bank = sample_bank(4);
        let paper = draw(&bank, 9).unwrap();
        let key: Vec<Option<usize>> =
            paper.items.iter().map(|i| Some(bank.question(&i.question_id).unwrap().answer)).collect();

        let all_right = score(&bank, &paper, &key);
        assert_eq!((all_right.correct, all_right.total, all_right.passed), (3, 3, true));

        // Get the area-2 question wrong and leave one area-1 question unanswered.
        let mut answers = key.clone();
        for (i, item) in paper.items.iter().enumerate() {
            let q = bank.question(&item.question_id).unwrap();
            if q.area == "2" {
                answers[i] = Some((q.answer + 1) % 4);
            }
        }
        let first_area_1 = paper.items.iter().position(|i| bank.question(&i.question_id).unwrap().area == "1").unwrap();
        answers[first_area_1] = None;
        let s = score(&bank, &paper, &answers);
        assert_eq!((s.correct, s.passed), (1, false));
        let rows: Vec<_> = s.tally.areas.iter().map(|r| (r.area.as_str(), r.bloom, r.correct, r.total)).collect();
        assert_eq!(rows, [("1", 1, 1, 2), ("2", 2, 0, 1)]);
        let blooms: Vec<_> = s.tally.blooms.iter().map(|b| (b.bloom, b.correct, b.total)).collect();
        assert_eq!(blooms, [(1, 1, 2), (2, 0, 1)]);
    }
}
