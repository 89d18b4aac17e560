//! The event loop: draw, wait for a key or the next second of the countdown, update,
//! then carry out the effects against the store and feed the replies back.

use std::time::Instant;

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::{DefaultTerminal, Terminal, backend::Backend};

use super::app::{App, Effect, Msg, Screen, new_attempt_record};
use super::screens;
use crate::cli::Settings;
use crate::store::{Store, now_unix};

/// What the trainer opens on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    Exam { exam: String, seed: Option<u64>, extra_time: bool },
}

/// Runs the TUI until the user quits. The terminal is restored on return and, through
/// ratatui's panic hook, on panic too.
pub fn run(settings: &Settings, start: Start) -> Result<(), String> {
    let catalog = settings.catalog();
    let (store, history_off) = match settings.open_store() {
        Ok(store) => (Some(store), None),
        Err(e) => (None, Some(e)),
    };
    let summaries = store.as_ref().and_then(|s| s.summaries().ok()).unwrap_or_default();
    let unfinished = store.as_ref().and_then(|s| s.unfinished().ok().flatten());
    let mut app = App::new(catalog, summaries, unfinished, history_off);
    let mut effects = Vec::new();
    if let Start::Exam { exam, seed, extra_time } = start {
        effects = app.start_exam(&exam, seed, extra_time, Instant::now());
        if !matches!(app.screen, Screen::Exam(_)) {
            // Say why before any screen is drawn, so the message stays on the terminal.
            return Err(app.notice.take().unwrap_or_else(|| format!("cannot start {exam}")));
        }
    }
    let mut runner = Runner { store };
    let mut terminal: DefaultTerminal = ratatui::init();
    let result = runner.run_loop(&mut terminal, &mut app, effects);
    ratatui::restore();
    result.map_err(|e| format!("terminal error: {e}"))
}

pub struct Runner {
    pub store: Option<Store>,
}

impl Runner {
    fn run_loop<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &mut App,
        first: Vec<Effect>,
    ) -> std::io::Result<()>
    where
        B::Error: Into<std::io::Error>,
    {
        self.apply(app, first);
        while !app.quit {
            terminal.draw(|frame| screens::draw(frame, app, Instant::now())).map_err(Into::into)?;
            let msg = if event::poll(app.next_wakeup(Instant::now()))? {
                match event::read()? {
                    Event::Key(key) if key.kind != KeyEventKind::Release => Msg::Key(key),
                    // A resize or other event only needs a redraw; Tick also checks the clock.
                    _ => Msg::Tick,
                }
            } else {
                Msg::Tick
            };
            let effects = app.update(msg, Instant::now());
            self.apply(app, effects);
        }
        Ok(())
    }

    /// Carries out effects in order, feeding each reply back into the app.
    pub fn apply(&mut self, app: &mut App, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if let Some(reply) = self.execute(app, effect) {
                queue.extend(app.update(reply, Instant::now()));
            }
        }
    }

    fn execute(&mut self, app: &App, effect: Effect) -> Option<Msg> {
        let Some(store) = self.store.as_mut() else {
            return match effect {
                Effect::LoadHistory => Some(Msg::HistoryLoaded(Ok(Vec::new()))),
                _ => None,
            };
        };
        let result = match effect {
            Effect::CreateAttempt(new) => {
                let Screen::Exam(s) = &app.screen else { return None };
                let record = new_attempt_record(&s.bank, &s.attempt, new.seed, new.time_limit_s, now_unix());
                return Some(match store.create_attempt(&record) {
                    Ok(id) => Msg::AttemptCreated(id),
                    Err(e) => self.failed(e),
                });
            }
            Effect::SaveResponse { attempt, position, chosen, flagged, spent_ms, time_used_s, current } => {
                store.save_response(attempt, position, chosen, flagged, spent_ms, time_used_s, current)
            }
            Effect::SaveProgress { attempt, time_used_s, current } => {
                store.save_progress(attempt, time_used_s, current)
            }
            Effect::Finish { attempt, ending, time_used_s } => store.finish(attempt, ending, now_unix(), time_used_s),
            Effect::Abandon(id) => store.finish(id, crate::domain::Ending::Abandoned, now_unix(), 0),
            Effect::LoadHistory => {
                return Some(Msg::HistoryLoaded(store.history_list(None).map_err(|e| e.to_string())));
            }
            Effect::LoadAttempt(id) => return Some(Msg::AttemptLoaded(store.attempt(id).map_err(|e| e.to_string()))),
            Effect::RefreshSummaries => return store.summaries().ok().map(Msg::Summaries),
        };
        result.err().map(|e| self.failed(e))
    }

    fn failed(&mut self, e: crate::store::StoreError) -> Msg {
        self.store = None;
        Msg::StoreFailed(e.to_string())
    }
}
