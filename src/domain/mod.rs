//! The domain core: banks, papers, attempts, scores and statistics.
//!
//! Nothing here knows about files, SQLite or the terminal; every function is pure
//! (or takes the current time as an argument), so the rules of the exam can be tested directly.

pub mod attempt;
pub mod bank;
pub mod clock;
pub mod paper;
pub mod score;
pub mod stats;

pub use attempt::{Attempt, Ending, Mode};
pub use bank::{Area, Bank, Exam, Question, letter};
pub use clock::ExamClock;
pub use paper::{DrawError, Paper, PaperItem, ShortArea, draw};
pub use score::{AreaScore, BloomScore, Score, score};
pub use stats::{Tally, TallyRow};
