//! The exam screen: one question, the countdown, progress. No feedback: closed book.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{keys_line, theme};
use crate::domain::clock::format_countdown;
use crate::domain::letter;
use crate::tui::app::{App, LOW_TIME, Sitting};
use crate::tui::text::{hanging, wrap};

pub fn draw(frame: &mut Frame, area: Rect, s: &Sitting, app: &App, now: Instant) {
    let [top, body, status, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)])
            .areas(area);
    draw_top(frame, top, s, now);
    draw_question(frame, body, s);
    let mut info = format!(
        " Answered {}/{} · Flagged {} · Seed {}",
        s.attempt.answered(),
        s.attempt.len(),
        s.attempt.flagged().len(),
        s.attempt.paper.seed
    );
    if s.extra_time {
        info += " · extra time";
    }
    let mut spans = vec![Span::styled(info, theme::DIM)];
    if app.history_off.is_some() {
        spans.push(Span::styled(" · not saved: history off", theme::WARN));
    }
    frame.render_widget(Line::from(spans), status);
    frame.render_widget(
        keys_line(&[
            ("1-4", "answer"),
            ("←→", "move"),
            ("f", "flag"),
            ("g", "grid"),
            ("s", "submit"),
            ("?", "help"),
            ("q", "leave"),
        ]),
        keys,
    );
}

fn draw_top(frame: &mut Frame, area: Rect, s: &Sitting, now: Instant) {
    let remaining = s.clock.remaining(now);
    let clock_style = if remaining <= LOW_TIME { theme::ALERT } else { theme::TITLE };
    let clock = format!(" {} ", format_countdown(remaining));
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(clock.chars().count() as u16 + 6)]).areas(area);
    // The question number comes first: a long exam name is what gets cut on a narrow screen.
    let mut spans =
        vec![Span::styled(format!(" Question {} of {}", s.attempt.current + 1, s.attempt.len()), theme::TITLE)];
    if s.attempt.flags[s.attempt.current] {
        spans.push(Span::styled(" ⚑ flagged", theme::FLAG));
    }
    spans.push(Span::styled(format!(" · {}", s.bank.exam.name), theme::DIM));
    frame.render_widget(Line::from(spans), left);
    frame.render_widget(Line::from(vec![Span::raw("Time "), Span::styled(clock, clock_style)]).right_aligned(), right);
}

fn draw_question(frame: &mut Frame, area: Rect, s: &Sitting) {
    let block = Block::bordered();
    let inner = block.inner(area);
    let width = inner.width.saturating_sub(1) as usize;
    let item = &s.attempt.paper.items[s.attempt.current];
    let Some(q) = s.bank.question(&item.question_id) else { return };
    let mut lines: Vec<Line> = wrap(&q.stem, width).into_iter().map(Line::from).collect();
    let chosen = s.attempt.chosen_shown(s.attempt.current);
    for (shown, &original) in item.order.iter().enumerate() {
        lines.push(Line::default());
        let picked = chosen == Some(shown);
        let mark = if picked { "(•)" } else { "( )" };
        let cursor = if s.cursor == shown { "▸" } else { " " };
        let style = if picked { theme::CHOSEN } else { theme::PLAIN };
        let prefix = Span::styled(format!("{cursor}{mark} {}  ", letter(shown)), style);
        lines.extend(hanging(prefix, &q.options[original], width, style));
    }
    let overflow = (lines.len() as u16).saturating_sub(inner.height);
    let scroll = s.scroll.min(overflow);
    let title = if overflow > 0 { " PgDn/PgUp: more text " } else { "" };
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block.title(title)), area);
}
