//! A validated question bank: one exam, its syllabus areas and its questions.

/// Option letters in display order.
pub const LETTERS: [char; 4] = ['A', 'B', 'C', 'D'];

/// The letter shown for option position `i` (0-3).
pub fn letter(i: usize) -> char {
    LETTERS[i]
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exam {
    /// Lower-case id used on the command line and in history.
    pub id: String,
    pub name: String,
    /// Questions in a mock paper.
    pub questions: usize,
    /// Standard time allowed.
    pub minutes: u32,
    /// Correct answers needed to pass.
    pub pass_mark: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub bloom: u8,
    /// Questions a mock paper draws from this area.
    pub paper: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub area: String,
    pub bloom: u8,
    pub stem: String,
    pub options: [String; 4],
    /// Index (0-3) of the correct option in bank order.
    pub answer: usize,
    pub rationale: [String; 4],
    pub reference: Option<String>,
    /// False keeps A-D order on screen (list questions whose options name statement pairs).
    pub shuffle: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    pub exam: Exam,
    pub areas: Vec<Area>,
    pub questions: Vec<Question>,
}

impl Bank {
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn questions_in<'a>(&'a self, area: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.area == area)
    }

    /// How many mock papers can be drawn with no question repeated across them.
    pub fn full_papers(&self) -> usize {
        self.areas.iter().filter(|a| a.paper > 0).map(|a| self.questions_in(&a.id).count() / a.paper).min().unwrap_or(0)
    }

    /// Time allowed for a paper, with the 25% extra a non-native speaker may claim.
    pub fn time_limit(&self, extra_time: bool) -> std::time::Duration {
        let minutes = u64::from(self.exam.minutes);
        let seconds = if extra_time {
            // 60 min becomes 75, 90 becomes 112.5: round up as the exam bodies do (113).
            (minutes * 60 * 5).div_ceil(4 * 60) * 60
        } else {
            minutes * 60
        };
        std::time::Duration::from_secs(seconds)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tiny bank: two areas, paper of 3 (2 + 1), with `per_area` questions in each.
    pub fn sample_bank(per_area: usize) -> Bank {
        let areas = vec![
            Area { id: "1".into(), title: "First".into(), bloom: 1, paper: 2 },
            Area { id: "2".into(), title: "Second".into(), bloom: 2, paper: 1 },
        ];
        let mut questions = Vec::new();
        for area in &areas {
            for n in 0..per_area {
                questions.push(Question {
                    id: format!("T-{}-{n}", area.id),
                    area: area.id.clone(),
                    bloom: area.bloom,
                    stem: format!("Question {n} of area {}?", area.id),
                    options: ["w", "x", "y", "z"].map(String::from),
                    answer: n % 4,
                    rationale: ["r1", "r2", "r3", "r4"].map(String::from),
                    reference: None,
                    shuffle: n % 2 == 0,
                });
            }
        }
        Bank {
            exam: Exam { id: "sample".into(), name: "Sample".into(), questions: 3, minutes: 60, pass_mark: 2 },
            areas,
            questions,
        }
    }

    #[test]
    fn full_papers_is_limited_by_the_scarcest_area() {
        let mut bank = sample_bank(4);
        assert_eq!(bank.full_papers(), 2); // area 1: 4 / 2
        bank.questions.retain(|q| q.id != "T-1-3");
        assert_eq!(bank.full_papers(), 1);
    }

    #[test]
    fn extra_time_adds_a_quarter_rounded_up_to_the_minute() {
        let mut bank = sample_bank(1);
        assert_eq!(bank.time_limit(true).as_secs(), 75 * 60);
        bank.exam.minutes = 90;
        assert_eq!(bank.time_limit(false).as_secs(), 90 * 60);
        assert_eq!(bank.time_limit(true).as_secs(), 113 * 60);
    }
}
