//! Drawing a mock paper from a bank's blueprint.
//!
//! A seed decides everything: which questions, their order and the order of their options.
//! The drawn ids and option orders are stored with an attempt as well as the seed, because
//! sampling algorithms may change between releases of `rand` and old attempts must replay.

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::bank::Bank;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperItem {
    pub question_id: String,
    /// `order[shown]` is the bank index of the option shown at position `shown` (A=0 .. D=3).
    pub order: [usize; 4],
}

impl PaperItem {
    /// The on-screen position of the bank option `original`.
    pub fn shown_position(&self, original: usize) -> usize {
        self.order.iter().position(|&o| o == original).unwrap_or(original)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub exam_id: String,
    pub seed: u64,
    pub items: Vec<PaperItem>,
}

/// An area that holds fewer questions than the blueprint draws from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortArea {
    pub area: String,
    pub have: usize,
    pub need: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawError {
    #[error("no full mock paper can be drawn: {}", describe_short(.0))]
    ShortAreas(Vec<ShortArea>),
}

fn describe_short(areas: &[ShortArea]) -> String {
    areas
        .iter()
        .map(|a| format!("area {} has {} of the {} questions a paper needs", a.area, a.have, a.need))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The areas too short for one paper, in bank order.
pub fn short_areas(bank: &Bank) -> Vec<ShortArea> {
    bank.areas
        .iter()
        .map(|a| ShortArea { area: a.id.clone(), have: bank.questions_in(&a.id).count(), need: a.paper })
        .filter(|s| s.have < s.need)
        .collect()
}

/// Draws exactly `paper` questions from each area, mixes their order and shuffles options
/// (unless a question keeps its order).
pub fn draw(bank: &Bank, seed: u64) -> Result<Paper, DrawError> {
    let short = short_areas(bank);
    if !short.is_empty() {
        return Err(DrawError::ShortAreas(short));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut chosen: Vec<usize> = Vec::with_capacity(bank.exam.questions);
    for area in &bank.areas {
        let pool: Vec<usize> = (0..bank.questions.len()).filter(|&i| bank.questions[i].area == area.id).collect();
        chosen.extend(pool.sample(&mut rng, area.paper).copied());
    }
    chosen.shuffle(&mut rng);
    let items = chosen
        .into_iter()
        .map(|i| {
            let question = &bank.questions[i];
            let mut order = [0, 1, 2, 3];
            if question.shuffle {
                order.shuffle(&mut rng);
            }
            PaperItem { question_id: question.id.clone(), order }
        })
        .collect();
    Ok(Paper { exam_id: bank.exam.id.clone(), seed, items })
}

/// A seed for a paper when the user gave none: short enough to read out to a class.
pub fn random_seed() -> u64 {
    rand::random_range(1..1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::tests::sample_bank;
    use std::collections::HashSet;

    #[test]
    fn the_same_seed_gives_the_same_paper_and_option_order() {
        let bank = sample_bank(6);
        assert_eq!(draw(&bank, 42).unwrap(), draw(&bank, 42).unwrap());
        let papers: HashSet<_> = (0..20).map(|s| format!("{:?}", draw(&bank, s).unwrap().items)).collect();
        assert!(papers.len() > 10, "different seeds should give different papers");
    }

    #[test]
    fn every_paper_follows_the_blueprint_without_repeats() {
        let bank = sample_bank(5);
        for seed in 0..200 {
            let paper = draw(&bank, seed).unwrap();
            assert_eq!(paper.items.len(), bank.exam.questions);
            let ids: HashSet<_> = paper.items.iter().map(|i| &i.question_id).collect();
            assert_eq!(ids.len(), paper.items.len(), "seed {seed} repeats a question");
            for area in &bank.areas {
                let n = paper.items.iter().filter(|i| bank.question(&i.question_id).unwrap().area == area.id).count();
                assert_eq!(n, area.paper, "seed {seed}, area {}", area.id);
            }
        }
    }

    #[test]
    fn options_keep_their_order_when_a_question_says_so() {
        let bank = sample_bank(6);
        for seed in 0..50 {
            for item in draw(&bank, seed).unwrap().items {
                let q = bank.question(&item.question_id).unwrap();
                let mut sorted = item.order;
                sorted.sort_unstable();
                assert_eq!(sorted, [0, 1, 2, 3]);
                if !q.shuffle {
                    assert_eq!(item.order, [0, 1, 2, 3]);
                }
            }
        }
    }

    #[test]
    fn a_short_area_is_named_and_no_paper_is_drawn() {
        let mut bank = sample_bank(1);
        bank.questions.retain(|q| q.area != "2");
        let Err(DrawError::ShortAreas(short)) = draw(&bank, 1) else { panic!("drew a paper") };
        assert_eq!(
            short,
            vec![ShortArea { area: "1".into(), have: 1, need: 2 }, ShortArea { area: "2".into(), have: 0, need: 1 },]
        );
    }
}
