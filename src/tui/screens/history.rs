//! History: past attempts, newest first; Enter opens one's results and review.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};

use super::{keys_line, theme};
use crate::domain::clock::format_secs;
use crate::tui::app::{App, HistoryView};

pub fn draw(frame: &mut Frame, area: Rect, h: &HistoryView, app: &App) {
    let [top, body, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(Line::styled(" History · finished attempts, newest first", theme::TITLE), top);
    frame.render_widget(
        keys_line(&[("↑↓", "select"), ("Enter", "results and review"), ("Esc", "home"), ("?", "help")]),
        keys,
    );
    let message = if let Some(off) = &app.history_off {
        Some(format!("History is off: {off}"))
    } else if let Some(e) = &h.error {
        Some(e.clone())
    } else if h.loading {
        Some("Loading…".into())
    } else if h.rows.is_empty() {
        Some("No finished attempts yet. Sit a paper from the home screen.".into())
    } else {
        None
    };
    if let Some(m) = message {
        frame.render_widget(Paragraph::new(m).block(Block::bordered()), body);
        return;
    }
    // Build only the rows that fit: a history of thousands of attempts stays cheap to draw.
    let visible = body.height.saturating_sub(3).max(1) as usize;
    let offset = h.cursor.saturating_sub(visible - 1);
    let rows = h.rows.iter().skip(offset).take(visible).map(|a| {
        let verdict = if a.passed { Span::styled("PASS", theme::RIGHT) } else { Span::styled("FAIL", theme::WRONG) };
        Row::new(vec![
            Span::raw(local_time(&a.started_at)),
            Span::raw(a.exam.clone()),
            Span::raw(format!("{}/{}", a.score, a.questions)),
            verdict,
            Span::raw(format_secs(a.time_used_s)),
            Span::raw(a.seed.to_string()),
            Span::raw(if a.ended == "time_up" { "time up" } else { "" }),
        ])
    });
    let widths = [
        Constraint::Length(16),
        Constraint::Length(10),
        Constraint::Length(6),
        Constraint::Length(4),
        Constraint::Length(8),
        Constraint::Length(7),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(Row::new(["Started", "Exam", "Score", "", "Time", "Seed", ""]).style(theme::DIM))
        .block(Block::bordered())
        .row_highlight_style(theme::SELECTED);
    frame.render_stateful_widget(table, body, &mut TableState::default().with_selected(Some(h.cursor - offset)));
}

/// "YYYY-MM-DD HH:MM" in the system's time zone.
fn local_time(rfc3339: &str) -> String {
    rfc3339
        .parse::<jiff::Timestamp>()
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}
