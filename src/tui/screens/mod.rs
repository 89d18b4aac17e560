//! Drawing: one file per screen, each a pure function of the state (and `now` for clocks).

mod exam;
mod history;
mod home;
mod overlays;
mod results;
mod review;
pub mod theme;

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};

/// The smallest terminal every screen fits in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub fn draw(frame: &mut Frame, app: &App, now: Instant) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area);
        return;
    }
    match &app.screen {
        Screen::Home => home::draw(frame, area, app),
        Screen::Exam(s) => exam::draw(frame, area, s, app, now),
        Screen::Results(f) => results::draw(frame, area, f, app),
        Screen::Review(r) => review::draw(frame, area, r),
        Screen::History(h) => history::draw(frame, area, h, app),
    }
    if let Some(overlay) = &app.overlay {
        overlays::draw(frame, area, overlay, app);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}×{} now; itil-trainer needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
            area.width, area.height
        )),
        Line::from("Enlarge the window, or press q to quit."),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let rect = Rect { y: area.y + y, height: area.height.saturating_sub(y), ..area };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center).wrap(Wrap { trim: true }), rect);
}

/// A footer line of key hints.
fn keys_line(keys: &[(&str, &str)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, (key, what)) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(ratatui::text::Span::styled(" · ", theme::DIM));
        }
        spans.push(ratatui::text::Span::styled(key.to_string(), theme::KEY));
        spans.push(ratatui::text::Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}
