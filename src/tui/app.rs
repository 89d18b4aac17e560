//! Application state and `update`: every key, tick and store reply becomes a change of state
//! plus effects for the runner to carry out. Nothing here does I/O or reads the clock, so
//! whole sessions can be replayed in tests.

use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::bankfile::Catalog;
use crate::domain::paper::{self, short_areas};
use crate::domain::{Attempt, Bank, Ending, ExamClock, Mode, Score, score};
use crate::store::{AttemptSummary, ExamSummary, NewAttempt, NewResponse, StoredAttempt};

/// Time used is saved at least this often, so a killed process loses at most this much.
pub const SAVE_EVERY: Duration = Duration::from_secs(5);
/// Under this much time left the countdown is highlighted.
pub const LOW_TIME: Duration = Duration::from_secs(5 * 60);

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// Time passed (the runner sends one at least every second during a paper).
    Tick,
    /// The store created the attempt just started.
    AttemptCreated(i64),
    /// The history list, or why it could not be read.
    HistoryLoaded(Result<Vec<AttemptSummary>, String>),
    /// A stored attempt to show, or why it could not be read.
    AttemptLoaded(Result<StoredAttempt, String>),
    Summaries(Vec<ExamSummary>),
    /// A write to the store failed: history is off from here on.
    StoreFailed(String),
}

#[derive(Debug, PartialEq)]
pub enum Effect {
    CreateAttempt(Box<NewAttemptEffect>),
    SaveResponse {
        attempt: i64,
        position: usize,
        chosen: Option<usize>,
        flagged: bool,
        spent_ms: u64,
        time_used_s: u64,
        current: usize,
    },
    SaveProgress {
        attempt: i64,
        time_used_s: u64,
        current: usize,
    },
    Finish {
        attempt: i64,
        ending: Ending,
        time_used_s: u64,
    },
    Abandon(i64),
    LoadHistory,
    LoadAttempt(i64),
    RefreshSummaries,
}

/// What the store needs to record a new attempt (kept apart so `Effect` stays comparable).
#[derive(Debug, PartialEq)]
pub struct NewAttemptEffect {
    pub exam: String,
    pub seed: u64,
    pub time_limit_s: u64,
}

/// A paper being sat.
#[derive(Debug, Clone)]
pub struct Sitting {
    pub bank: Rc<Bank>,
    pub attempt: Attempt,
    pub attempt_id: Option<i64>,
    pub clock: ExamClock,
    pub extra_time: bool,
    /// When the current question was shown, to add up time per question.
    pub shown_at: Instant,
    pub last_saved: Instant,
    /// Highlighted option (on-screen position) for arrow-key selection.
    pub cursor: usize,
    pub scroll: u16,
}

impl Sitting {
    fn time_used_s(&self, now: Instant) -> u64 {
        self.clock.used(now).as_secs()
    }
}

/// A paper that has ended, with its score.
#[derive(Debug, Clone)]
pub struct Finished {
    pub bank: Rc<Bank>,
    pub attempt: Attempt,
    pub score: Score,
    pub ending: Ending,
    pub time_used: Duration,
    pub time_limit: Duration,
    pub scroll: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFilter {
    All,
    Wrong,
    Flagged,
    Unanswered,
}

impl ReviewFilter {
    pub fn label(self) -> &'static str {
        match self {
            ReviewFilter::All => "all",
            ReviewFilter::Wrong => "wrong",
            ReviewFilter::Flagged => "flagged",
            ReviewFilter::Unanswered => "unanswered",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Review {
    pub finished: Finished,
    pub filter: ReviewFilter,
    /// Question numbers (0-based) that pass the filter.
    pub shown: Vec<usize>,
    pub pos: usize,
    pub scroll: u16,
}

impl Review {
    fn new(finished: Finished, filter: ReviewFilter) -> Review {
        let mut review = Review { finished, filter, shown: Vec::new(), pos: 0, scroll: 0 };
        review.set_filter(filter);
        review
    }

    fn set_filter(&mut self, filter: ReviewFilter) {
        let f = &self.finished;
        self.filter = filter;
        self.shown = (0..f.attempt.len())
            .filter(|&i| {
                let answer = f.attempt.answers[i];
                let right =
                    f.bank.question(&f.attempt.paper.items[i].question_id).is_some_and(|q| answer == Some(q.answer));
                match filter {
                    ReviewFilter::All => true,
                    ReviewFilter::Wrong => !right,
                    ReviewFilter::Flagged => f.attempt.flags[i],
                    ReviewFilter::Unanswered => answer.is_none(),
                }
            })
            .collect();
        self.pos = 0;
        self.scroll = 0;
    }

    /// The question number (0-based) on screen, if the filter left any.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.pos).copied()
    }
}

#[derive(Debug, Clone, Default)]
pub struct HistoryView {
    pub rows: Vec<AttemptSummary>,
    pub cursor: usize,
    pub error: Option<String>,
    pub loading: bool,
}

#[derive(Debug, Clone)]
pub enum Screen {
    Home,
    Exam(Box<Sitting>),
    Results(Box<Finished>),
    Review(Box<Review>),
    History(HistoryView),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Navigator {
        cursor: usize,
    },
    ConfirmSubmit,
    ConfirmLeave,
    /// Offer to resume the unfinished attempt kept in `App::unfinished`.
    Resume,
}

pub struct App {
    pub catalog: Catalog,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub home_cursor: usize,
    pub extra_time: bool,
    /// Digits typed on the home screen; empty means a random seed.
    pub seed_input: String,
    pub summaries: Vec<ExamSummary>,
    /// An attempt found unfinished in the store at start-up (the trainer was closed or killed).
    pub unfinished: Option<StoredAttempt>,
    /// A paper left with `q` in this session, with its clock stopped; `r` resumes it.
    pub suspended: Option<Box<Sitting>>,
    /// Why history is off, if it is.
    pub history_off: Option<String>,
    /// A one-line message for the user (cleared by the next key).
    pub notice: Option<String>,
    pub quit: bool,
}

impl App {
    pub fn new(
        catalog: Catalog,
        summaries: Vec<ExamSummary>,
        unfinished: Option<StoredAttempt>,
        history_off: Option<String>,
    ) -> App {
        let offer = unfinished.as_ref().is_some_and(|u| catalog.get(&u.exam).is_some());
        App {
            catalog,
            screen: Screen::Home,
            overlay: offer.then_some(Overlay::Resume),
            home_cursor: 0,
            extra_time: false,
            seed_input: String::new(),
            summaries,
            unfinished,
            suspended: None,
            history_off,
            notice: None,
            quit: false,
        }
    }

    /// Starts a paper of `exam` (as the `exam` command does), or explains why it cannot.
    pub fn start_exam(&mut self, exam: &str, seed: Option<u64>, extra_time: bool, now: Instant) -> Vec<Effect> {
        let Some(loaded) = self.catalog.get(exam) else {
            let known: Vec<&str> = self.catalog.banks.iter().map(|b| b.bank.exam.id.as_str()).collect();
            self.notice = Some(format!("No exam {exam:?} is loaded (loaded: {})", known.join(", ")));
            return Vec::new();
        };
        let bank = Rc::new(loaded.bank.clone());
        let seed = seed.unwrap_or_else(paper::random_seed);
        let drawn = match paper::draw(&bank, seed) {
            Ok(p) => p,
            Err(e) => {
                self.notice = Some(format!("{}: {e}", bank.exam.name));
                return Vec::new();
            }
        };
        let limit = bank.time_limit(extra_time);
        let effect = NewAttemptEffect { exam: bank.exam.id.clone(), seed, time_limit_s: limit.as_secs() };
        self.overlay = None;
        self.screen = Screen::Exam(Box::new(Sitting {
            bank,
            attempt: Attempt::new(drawn),
            attempt_id: None,
            clock: ExamClock::new(limit, Duration::ZERO, now),
            extra_time,
            shown_at: now,
            last_saved: now,
            cursor: 0,
            scroll: 0,
        }));
        vec![Effect::CreateAttempt(Box::new(effect))]
    }

    fn resume(&mut self, now: Instant) -> Vec<Effect> {
        self.overlay = None;
        let Some(stored) = self.unfinished.take() else { return Vec::new() };
        let Some(loaded) = self.catalog.get(&stored.exam) else {
            self.notice =
                Some(format!("The bank for {} is not loaded, so its paper cannot be resumed", stored.exam_name));
            self.unfinished = Some(stored);
            return Vec::new();
        };
        let bank = Rc::new(loaded.bank.clone());
        let attempt = stored.to_attempt();
        if let Some(missing) = attempt.paper.items.iter().find(|i| bank.question(&i.question_id).is_none()) {
            self.notice =
                Some(format!("Question {} is no longer in the bank; the paper cannot be resumed", missing.question_id));
            self.unfinished = Some(stored);
            return Vec::new();
        }
        let limit = Duration::from_secs(stored.time_limit_s);
        let extra_time = limit > Duration::from_secs(u64::from(bank.exam.minutes) * 60);
        self.screen = Screen::Exam(Box::new(Sitting {
            bank,
            attempt,
            attempt_id: Some(stored.id),
            clock: ExamClock::new(limit, Duration::from_secs(stored.time_used_s), now),
            extra_time,
            shown_at: now,
            last_saved: now,
            cursor: 0,
            scroll: 0,
        }));
        // A paper whose time ran out while the trainer was closed ends at once.
        self.check_deadline(now)
    }

    /// The state after `msg` at time `now`, and what the runner must do.
    pub fn update(&mut self, msg: Msg, now: Instant) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => {
                self.notice = None;
                if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
                    return self.interrupt(now);
                }
                let mut effects = self.check_deadline(now);
                if effects.is_empty() {
                    effects = self.on_key(key, now);
                }
                effects
            }
            Msg::Tick => self.on_tick(now),
            Msg::AttemptCreated(id) => {
                if let Screen::Exam(s) = &mut self.screen {
                    s.attempt_id = Some(id);
                }
                Vec::new()
            }
            Msg::HistoryLoaded(result) => {
                if let Screen::History(h) = &mut self.screen {
                    h.loading = false;
                    match result {
                        Ok(rows) => h.rows = rows,
                        Err(e) => h.error = Some(e),
                    }
                }
                Vec::new()
            }
            Msg::AttemptLoaded(result) => {
                self.open_stored(result);
                Vec::new()
            }
            Msg::Summaries(s) => {
                self.summaries = s;
                Vec::new()
            }
            Msg::StoreFailed(e) => {
                self.history_off = Some(e);
                Vec::new()
            }
        }
    }

    /// Ctrl-C leaves at once, saving the paper's time so it can be resumed.
    fn interrupt(&mut self, now: Instant) -> Vec<Effect> {
        self.quit = true;
        match &mut self.screen {
            Screen::Exam(s) => save_current(s, now).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    fn on_tick(&mut self, now: Instant) -> Vec<Effect> {
        let mut effects = self.check_deadline(now);
        if let Screen::Exam(s) = &mut self.screen
            && now.saturating_duration_since(s.last_saved) >= SAVE_EVERY
        {
            s.last_saved = now;
            if let Some(attempt) = s.attempt_id {
                effects.push(Effect::SaveProgress {
                    attempt,
                    time_used_s: s.time_used_s(now),
                    current: s.attempt.current,
                });
            }
        }
        effects
    }

    /// At zero the paper is submitted automatically, whatever is on screen.
    fn check_deadline(&mut self, now: Instant) -> Vec<Effect> {
        match &self.screen {
            Screen::Exam(s) if s.clock.is_over(now) => self.finish(Ending::TimeUp, now),
            _ => Vec::new(),
        }
    }

    fn finish(&mut self, ending: Ending, now: Instant) -> Vec<Effect> {
        let Screen::Exam(mut s) = std::mem::replace(&mut self.screen, Screen::Home) else { return Vec::new() };
        let mut effects: Vec<Effect> = save_current(&mut s, now).into_iter().collect();
        let time_used = s.clock.used(now);
        if let Some(attempt) = s.attempt_id {
            effects.push(Effect::Finish { attempt, ending, time_used_s: time_used.as_secs() });
            effects.push(Effect::RefreshSummaries);
        }
        let score = score(&s.bank, &s.attempt.paper, &s.attempt.answers);
        self.overlay = None;
        self.screen = Screen::Results(Box::new(Finished {
            bank: s.bank,
            attempt: s.attempt,
            score,
            ending,
            time_used,
            time_limit: s.clock.limit(),
            scroll: 0,
        }));
        effects
    }

    fn on_key(&mut self, key: KeyEvent, now: Instant) -> Vec<Effect> {
        if let Some(overlay) = self.overlay.clone() {
            return self.on_overlay_key(overlay, key, now);
        }
        if key.code == KeyCode::Char('?') {
            self.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        match &mut self.screen {
            Screen::Home => self.on_home_key(key, now),
            Screen::Exam(_) => self.on_exam_key(key, now),
            Screen::Results(_) => self.on_results_key(key),
            Screen::Review(_) => self.on_review_key(key),
            Screen::History(_) => self.on_history_key(key),
        }
    }

    fn on_overlay_key(&mut self, overlay: Overlay, key: KeyEvent, now: Instant) -> Vec<Effect> {
        let code = key.code;
        match overlay {
            Overlay::Help => self.overlay = None,
            Overlay::Navigator { cursor } => return self.on_navigator_key(cursor, code, now),
            Overlay::ConfirmSubmit => match code {
                KeyCode::Char('y' | 'Y') => return self.finish(Ending::Submitted, now),
                KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => self.overlay = None,
                _ => {}
            },
            Overlay::ConfirmLeave => match code {
                KeyCode::Char('y' | 'Y') => return self.leave_paper(now),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => self.overlay = None,
                _ => {}
            },
            Overlay::Resume => match code {
                KeyCode::Char('y' | 'Y' | 'r') | KeyCode::Enter => return self.resume(now),
                KeyCode::Char('n' | 'N') => {
                    self.overlay = None;
                    if let Some(u) = self.unfinished.take() {
                        self.notice = Some(format!("The unfinished {} paper was discarded", u.exam_name));
                        return vec![Effect::Abandon(u.id)];
                    }
                }
                KeyCode::Esc | KeyCode::Char('q') => self.overlay = None,
                _ => {}
            },
        }
        Vec::new()
    }

    /// Back to the home screen. The paper is kept (in the store, and here with its clock
    /// stopped) and `r` resumes it.
    fn leave_paper(&mut self, now: Instant) -> Vec<Effect> {
        self.overlay = None;
        let Screen::Exam(mut s) = std::mem::replace(&mut self.screen, Screen::Home) else { return Vec::new() };
        let effects = save_current(&mut s, now).into_iter().collect();
        s.clock = ExamClock::new(s.clock.limit(), s.clock.used(now), now);
        // A kept paper supersedes an older unfinished one for the resume key.
        self.suspended = Some(s);
        effects
    }

    /// Picks the kept paper up again; the clock runs from where it stopped.
    fn resume_suspended(&mut self, now: Instant) -> Vec<Effect> {
        let Some(mut s) = self.suspended.take() else { return Vec::new() };
        s.clock = ExamClock::new(s.clock.limit(), s.clock.used(s.shown_at), now);
        s.shown_at = now;
        s.last_saved = now;
        self.screen = Screen::Exam(s);
        Vec::new()
    }

    fn on_navigator_key(&mut self, cursor: usize, code: KeyCode, now: Instant) -> Vec<Effect> {
        let Screen::Exam(s) = &mut self.screen else {
            self.overlay = None;
            return Vec::new();
        };
        let n = s.attempt.len();
        let cursor = match code {
            KeyCode::Left | KeyCode::Char('h') => cursor.saturating_sub(1),
            KeyCode::Right | KeyCode::Char('l') => (cursor + 1).min(n - 1),
            KeyCode::Up | KeyCode::Char('k') => cursor.saturating_sub(NAV_COLUMNS),
            KeyCode::Down | KeyCode::Char('j') => (cursor + NAV_COLUMNS).min(n - 1),
            KeyCode::Home => 0,
            KeyCode::End => n - 1,
            KeyCode::Enter | KeyCode::Char(' ') => {
                self.overlay = None;
                return go_to(s, cursor, now);
            }
            KeyCode::Esc | KeyCode::Char('g' | 'q') => {
                self.overlay = None;
                return Vec::new();
            }
            _ => cursor,
        };
        self.overlay = Some(Overlay::Navigator { cursor });
        Vec::new()
    }

    fn on_home_key(&mut self, key: KeyEvent, now: Instant) -> Vec<Effect> {
        let n = self.catalog.banks.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.home_cursor = self.home_cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.home_cursor = (self.home_cursor + 1).min(n.saturating_sub(1)),
            KeyCode::Char('x') => self.extra_time = !self.extra_time,
            KeyCode::Char(c @ '0'..='9') if self.seed_input.len() < 18 => self.seed_input.push(c),
            KeyCode::Backspace => {
                self.seed_input.pop();
            }
            KeyCode::Enter | KeyCode::Char(' ') => {
                let Some(bank) = self.catalog.banks.get(self.home_cursor) else { return Vec::new() };
                let short = short_areas(&bank.bank);
                if !short.is_empty() {
                    let names: Vec<String> =
                        short.iter().map(|s| format!("{} ({}/{})", s.area, s.have, s.need)).collect();
                    self.notice = Some(format!("No full paper yet: short areas {}", names.join(", ")));
                    return Vec::new();
                }
                let exam = bank.bank.exam.id.clone();
                let seed = self.seed_input.parse().ok();
                return self.start_exam(&exam, seed, self.extra_time, now);
            }
            KeyCode::Char('r') if self.suspended.is_some() => return self.resume_suspended(now),
            KeyCode::Char('r') if self.unfinished.is_some() => return self.resume(now),
            KeyCode::Char('h') => {
                self.screen = Screen::History(HistoryView { loading: true, ..HistoryView::default() });
                return vec![Effect::LoadHistory];
            }
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            _ => {}
        }
        Vec::new()
    }

    fn on_exam_key(&mut self, key: KeyEvent, now: Instant) -> Vec<Effect> {
        let Screen::Exam(s) = &mut self.screen else { return Vec::new() };
        let choice = match key.code {
            KeyCode::Char(c @ '1'..='4') => Some(c as usize - '1' as usize),
            KeyCode::Char(c @ ('a'..='d' | 'A'..='D')) => Some(c.to_ascii_lowercase() as usize - 'a' as usize),
            KeyCode::Enter => Some(s.cursor),
            _ => None,
        };
        if let Some(shown) = choice {
            s.attempt.choose(shown);
            s.cursor = shown;
            return save_current(s, now).into_iter().collect();
        }
        match key.code {
            KeyCode::Char('n') | KeyCode::Right => {
                let next = (s.attempt.current + 1).min(s.attempt.len() - 1);
                go_to(s, next, now)
            }
            KeyCode::Char('p') | KeyCode::Left => {
                let prev = s.attempt.current.saturating_sub(1);
                go_to(s, prev, now)
            }
            KeyCode::Up => {
                s.cursor = s.cursor.saturating_sub(1);
                Vec::new()
            }
            KeyCode::Down => {
                s.cursor = (s.cursor + 1).min(3);
                Vec::new()
            }
            KeyCode::PageDown => {
                s.scroll = s.scroll.saturating_add(5);
                Vec::new()
            }
            KeyCode::PageUp => {
                s.scroll = s.scroll.saturating_sub(5);
                Vec::new()
            }
            KeyCode::Char('f') => {
                s.attempt.toggle_flag();
                save_current(s, now).into_iter().collect()
            }
            KeyCode::Char('g') => {
                self.overlay = Some(Overlay::Navigator { cursor: s.attempt.current });
                Vec::new()
            }
            KeyCode::Char('s') => {
                self.overlay = Some(Overlay::ConfirmSubmit);
                Vec::new()
            }
            KeyCode::Char('q') | KeyCode::Esc => {
                self.overlay = Some(Overlay::ConfirmLeave);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn on_results_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Screen::Results(f) = &mut self.screen else { return Vec::new() };
        let filter = match key.code {
            KeyCode::Char('r') | KeyCode::Enter => Some(ReviewFilter::All),
            KeyCode::Char('w') => Some(ReviewFilter::Wrong),
            KeyCode::Down | KeyCode::Char('j') => {
                f.scroll = f.scroll.saturating_add(1);
                None
            }
            KeyCode::Up | KeyCode::Char('k') => {
                f.scroll = f.scroll.saturating_sub(1);
                None
            }
            KeyCode::Char('h') => {
                self.screen = Screen::History(HistoryView { loading: true, ..HistoryView::default() });
                return vec![Effect::LoadHistory];
            }
            KeyCode::Char('q') | KeyCode::Esc => {
                self.screen = Screen::Home;
                None
            }
            _ => None,
        };
        if let Some(filter) = filter
            && let Screen::Results(f) = std::mem::replace(&mut self.screen, Screen::Home)
        {
            self.screen = Screen::Review(Box::new(Review::new(*f, filter)));
        }
        Vec::new()
    }

    fn on_review_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Screen::Review(r) = &mut self.screen else { return Vec::new() };
        match key.code {
            KeyCode::Char('n') | KeyCode::Right => {
                r.pos = (r.pos + 1).min(r.shown.len().saturating_sub(1));
                r.scroll = 0;
            }
            KeyCode::Char('p') | KeyCode::Left => {
                r.pos = r.pos.saturating_sub(1);
                r.scroll = 0;
            }
            KeyCode::Down | KeyCode::Char('j') => r.scroll = r.scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => r.scroll = r.scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => r.scroll = r.scroll.saturating_add(10),
            KeyCode::PageUp => r.scroll = r.scroll.saturating_sub(10),
            KeyCode::Char('a') => r.set_filter(ReviewFilter::All),
            KeyCode::Char('w') => r.set_filter(ReviewFilter::Wrong),
            KeyCode::Char('f') => r.set_filter(ReviewFilter::Flagged),
            KeyCode::Char('u') => r.set_filter(ReviewFilter::Unanswered),
            KeyCode::Char('q') | KeyCode::Esc | KeyCode::Enter => {
                if let Screen::Review(r) = std::mem::replace(&mut self.screen, Screen::Home) {
                    self.screen = Screen::Results(Box::new(r.finished));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn on_history_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Screen::History(h) = &mut self.screen else { return Vec::new() };
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => h.cursor = h.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => h.cursor = (h.cursor + 1).min(h.rows.len().saturating_sub(1)),
            KeyCode::Enter => {
                if let Some(row) = h.rows.get(h.cursor) {
                    return vec![Effect::LoadAttempt(row.id)];
                }
            }
            KeyCode::Char('q') | KeyCode::Esc => self.screen = Screen::Home,
            _ => {}
        }
        Vec::new()
    }

    /// Shows a past attempt's results (and so its review), if its bank is loaded.
    fn open_stored(&mut self, result: Result<StoredAttempt, String>) {
        let stored = match result {
            Ok(s) => s,
            Err(e) => {
                self.notice = Some(e);
                return;
            }
        };
        let Some(loaded) = self.catalog.get(&stored.exam) else {
            self.notice = Some(format!("The {} bank is not loaded, so the attempt cannot be reviewed", stored.exam));
            return;
        };
        let bank = Rc::new(loaded.bank.clone());
        let attempt = stored.to_attempt();
        let score = Score::from_tally(stored.tally(), stored.pass_mark);
        self.screen = Screen::Results(Box::new(Finished {
            bank,
            attempt,
            score,
            ending: stored.ended.unwrap_or(Ending::Submitted),
            time_used: Duration::from_secs(stored.time_used_s),
            time_limit: Duration::from_secs(stored.time_limit_s),
            scroll: 0,
        }));
    }

    /// When the runner should wake up if no key comes: the next change of the countdown,
    /// or the next periodic save.
    pub fn next_wakeup(&self, now: Instant) -> Duration {
        match &self.screen {
            Screen::Exam(s) => s.clock.until_next_second(now).min(SAVE_EVERY),
            _ => Duration::from_secs(1),
        }
    }
}

/// Questions per row in the navigator grid.
pub const NAV_COLUMNS: usize = 10;

fn go_to(s: &mut Sitting, target: usize, now: Instant) -> Vec<Effect> {
    if target == s.attempt.current {
        return Vec::new();
    }
    let effects = save_current(s, now).into_iter().collect();
    s.attempt.go_to(target);
    s.cursor = s.attempt.chosen_shown(target).unwrap_or(0);
    s.scroll = 0;
    effects
}

/// Books the time spent on the current question and saves its state (when the paper is
/// stored: with history off there is nowhere to save it).
fn save_current(s: &mut Sitting, now: Instant) -> Option<Effect> {
    let i = s.attempt.current;
    s.attempt.add_time(i, now.saturating_duration_since(s.shown_at));
    s.shown_at = now;
    s.last_saved = now;
    Some(Effect::SaveResponse {
        attempt: s.attempt_id?,
        position: i,
        chosen: s.attempt.answers[i],
        flagged: s.attempt.flags[i],
        spent_ms: s.attempt.spent[i].as_millis() as u64,
        time_used_s: s.time_used_s(now),
        current: i,
    })
}

/// The store's record of a freshly drawn paper.
pub fn new_attempt_record(bank: &Bank, attempt: &Attempt, seed: u64, time_limit_s: u64, started_at: i64) -> NewAttempt {
    let responses = attempt
        .paper
        .items
        .iter()
        .filter_map(|item| {
            let q = bank.question(&item.question_id)?;
            let area = bank.area(&q.area)?;
            Some(NewResponse {
                question_id: q.id.clone(),
                area: area.id.clone(),
                area_title: area.title.clone(),
                area_bloom: area.bloom,
                bloom: q.bloom,
                order: item.order,
                answer: q.answer,
            })
        })
        .collect();
    NewAttempt {
        exam: bank.exam.id.clone(),
        exam_name: bank.exam.name.clone(),
        mode: Mode::Mock.as_str(),
        seed,
        started_at,
        time_limit_s: time_limit_s as i64,
        questions: attempt.len() as i64,
        pass_mark: bank.exam.pass_mark as i64,
        responses,
    }
}
