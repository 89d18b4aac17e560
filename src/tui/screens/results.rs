//! Results: pass or fail, then where the marks were lost: areas weakest first, Bloom levels.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use super::{keys_line, theme};
use crate::domain::Ending;
use crate::domain::clock::format_secs;
use crate::tui::app::{App, Finished};

pub fn draw(frame: &mut Frame, area: Rect, f: &Finished, app: &App) {
    let [top, summary, table, blooms, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let s = &f.score;
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" Results · {}", f.bank.exam.name), theme::TITLE),
            Span::styled(format!(" · seed {}", f.attempt.paper.seed), theme::DIM),
        ]),
        top,
    );
    let verdict = if s.passed { Span::styled(" PASS ", theme::RIGHT) } else { Span::styled(" FAIL ", theme::WRONG) };
    let pct = 100 * s.correct / s.total.max(1);
    let ended = match f.ending {
        Ending::TimeUp => "time ran out: submitted automatically",
        _ => "submitted",
    };
    let mut line = vec![
        verdict,
        Span::styled(format!(" {}/{} ({pct}%)", s.correct, s.total), theme::TITLE),
        Span::raw(format!(
            " · pass mark {} · time {} of {} · {ended}",
            s.pass_mark,
            format_secs(f.time_used.as_secs()),
            format_secs(f.time_limit.as_secs())
        )),
    ];
    if app.history_off.is_some() {
        line.push(Span::styled(" · not saved", theme::WARN));
    }
    frame.render_widget(Paragraph::new(Line::from(line)).block(Block::bordered()), summary);
    draw_areas(frame, table, f);
    let bloom_spans: Vec<Span> = s
        .tally
        .blooms
        .iter()
        .map(|b| {
            Span::raw(format!("BL{}: {}/{} ({}%)   ", b.bloom, b.correct, b.total, 100 * b.correct / b.total.max(1)))
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(bloom_spans)).block(Block::bordered().title(" Bloom levels ")),
        blooms,
    );
    frame.render_widget(
        keys_line(&[
            ("r", "review all"),
            ("w", "review wrong"),
            ("↑↓", "scroll"),
            ("h", "history"),
            ("Esc", "home"),
            ("?", "help"),
        ]),
        keys,
    );
}

fn draw_areas(frame: &mut Frame, area: Rect, f: &Finished) {
    let rows = f.score.tally.weakest_first().into_iter().skip(f.scroll as usize).map(|r| {
        let style = if r.correct == r.total {
            theme::RIGHT
        } else if r.ratio() < 0.5 {
            theme::WRONG
        } else {
            theme::PLAIN
        };
        Row::new(vec![
            Span::raw(r.area.clone()),
            Span::raw(format!("BL{}", r.bloom)),
            Span::styled(format!("{}/{}", r.correct, r.total), style),
            Span::raw(r.title.clone()),
        ])
    });
    let widths = [Constraint::Length(6), Constraint::Length(4), Constraint::Length(6), Constraint::Fill(1)];
    let table = Table::new(rows, widths)
        .header(Row::new(["Area", "BL", "Score", "Syllabus area"]).style(theme::DIM))
        .block(Block::bordered().title(" Syllabus areas, weakest first "));
    frame.render_widget(table, area);
}
