//! One candidate's sitting of a paper: answers, flags, where they are, time per question.

use std::time::Duration;

use super::paper::Paper;

/// How a paper is sat. Only mock exams exist so far; the store keeps the mode so that
/// drills and revision sessions can be told apart from mock papers when they arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Mock,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Mock => "mock",
        }
    }
}

/// How an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Submitted,
    TimeUp,
    /// The candidate chose not to resume it; kept for the record, never scored.
    Abandoned,
}

impl Ending {
    pub fn as_str(self) -> &'static str {
        match self {
            Ending::Submitted => "submitted",
            Ending::TimeUp => "time_up",
            Ending::Abandoned => "abandoned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Ending::Submitted, Ending::TimeUp, Ending::Abandoned].into_iter().find(|e| e.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub paper: Paper,
    /// Chosen option per question, as a bank index (independent of the on-screen order).
    pub answers: Vec<Option<usize>>,
    pub flags: Vec<bool>,
    /// Time spent looking at each question, summed over visits.
    pub spent: Vec<Duration>,
    pub current: usize,
}

impl Attempt {
    pub fn new(paper: Paper) -> Self {
        let n = paper.items.len();
        Self { paper, answers: vec![None; n], flags: vec![false; n], spent: vec![Duration::ZERO; n], current: 0 }
    }

    pub fn len(&self) -> usize {
        self.paper.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paper.items.is_empty()
    }

    /// Chooses the option shown at `shown` (0-3) for the current question; choosing again changes it.
    pub fn choose(&mut self, shown: usize) {
        let item = &self.paper.items[self.current];
        self.answers[self.current] = Some(item.order[shown]);
    }

    /// The on-screen position of the chosen option of question `i`.
    pub fn chosen_shown(&self, i: usize) -> Option<usize> {
        self.answers[i].map(|a| self.paper.items[i].shown_position(a))
    }

    pub fn toggle_flag(&mut self) {
        self.flags[self.current] = !self.flags[self.current];
    }

    pub fn go_to(&mut self, i: usize) {
        self.current = i.min(self.len().saturating_sub(1));
    }

    pub fn next(&mut self) {
        self.go_to(self.current + 1);
    }

    pub fn prev(&mut self) {
        self.go_to(self.current.saturating_sub(1));
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Question numbers (0-based) not yet answered.
    pub fn unanswered(&self) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.answers[i].is_none()).collect()
    }

    /// Question numbers (0-based) flagged for review.
    pub fn flagged(&self) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.flags[i]).collect()
    }

    pub fn add_time(&mut self, i: usize, d: Duration) {
        self.spent[i] += d;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::tests::sample_bank;
    use crate::domain::paper::draw;

    #[test]
    fn choosing_records_the_bank_option_behind_the_screen_position() {
        let bank = sample_bank(4);
        let mut attempt = Attempt::new(draw(&bank, 3).unwrap());
        let order = attempt.paper.items[0].order;
        attempt.choose(2);
        assert_eq!(attempt.answers[0], Some(order[2]));
        assert_eq!(attempt.chosen_shown(0), Some(2));
        attempt.choose(0);
        assert_eq!(attempt.chosen_shown(0), Some(0), "choosing again changes the answer");
    }

    #[test]
    fn navigation_stays_inside_the_paper_and_lists_what_is_left() {
        let bank = sample_bank(4);
        let mut attempt = Attempt::new(draw(&bank, 3).unwrap());
        attempt.prev();
        assert_eq!(attempt.current, 0);
        attempt.choose(1);
        attempt.next();
        attempt.toggle_flag();
        attempt.next();
        attempt.next();
        assert_eq!(attempt.current, 2);
        assert_eq!(attempt.unanswered(), vec![1, 2]);
        assert_eq!(attempt.flagged(), vec![1]);
        assert_eq!(attempt.answered(), 1);
    }

    #[test]
    fn endings_round_trip_through_their_names() {
        for e in [Ending::Submitted, Ending::TimeUp, Ending::Abandoned] {
            assert_eq!(Ending::parse(e.as_str()), Some(e));
        }
    }
}
