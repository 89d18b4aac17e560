//! Home: the exams, their history, paper options, and anything the user should know
//! (refused banks, short areas, history off, a paper to resume).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{keys_line, theme};
use crate::domain::paper::short_areas;
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let notices = notices(app);
    let rows = app.catalog.banks.len().max(1) as u16;
    let [title, list, paper, notes, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Max(rows + 3),
        Constraint::Length(4),
        Constraint::Min(notices.len().min(1) as u16),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Line::from(vec![Span::styled(" itil-trainer", theme::TITLE), Span::raw(" · ITIL 4 mock exams, closed book")]),
        title,
    );
    draw_exams(frame, list, app);
    draw_paper(frame, paper, app);
    if !notices.is_empty() {
        let block = Block::bordered().title(" Notices ");
        frame.render_widget(Paragraph::new(notices).wrap(Wrap { trim: true }).block(block), notes);
    }
    let mut hints = vec![("↑↓", "exam"), ("Enter", "start"), ("x", "+25% time"), ("0-9", "seed"), ("h", "history")];
    if app.unfinished.is_some() || app.suspended.is_some() {
        hints.push(("r", "resume"));
    }
    hints.extend([("?", "help"), ("q", "quit")]);
    frame.render_widget(keys_line(&hints), keys);
}

fn draw_exams(frame: &mut Frame, area: Rect, app: &App) {
    let header = Row::new(["Exam", "Questions", "Papers", "Last", "Best"]).style(theme::DIM);
    let rows = app.catalog.banks.iter().map(|b| {
        let summary = app.summaries.iter().find(|s| s.exam == b.bank.exam.id);
        let score = |s: (usize, usize)| format!("{}/{}", s.0, s.1);
        let papers = b.bank.full_papers();
        Row::new(vec![
            Cell::from(b.bank.exam.name.clone()),
            Cell::from(b.bank.questions.len().to_string()),
            Cell::from(if papers == 0 { Span::styled("none", theme::WARN) } else { Span::raw(papers.to_string()) }),
            Cell::from(summary.map_or("-".into(), |s| score(s.last))),
            Cell::from(summary.map_or("-".into(), |s| score(s.best))),
        ])
    });
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(6),
        Constraint::Length(5),
        Constraint::Length(5),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .block(Block::bordered().title(" Exams "))
        .row_highlight_style(theme::SELECTED)
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected((!app.catalog.banks.is_empty()).then_some(app.home_cursor));
    frame.render_stateful_widget(table, area, &mut state);
    if app.catalog.banks.is_empty() {
        let inner = area.inner(ratatui::layout::Margin::new(2, 2));
        frame.render_widget(Paragraph::new("No bank loaded: see the notices below."), inner);
    }
}

fn draw_paper(frame: &mut Frame, area: Rect, app: &App) {
    let Some(bank) = app.catalog.banks.get(app.home_cursor).map(|b| &b.bank) else { return };
    let e = &bank.exam;
    let minutes = bank.time_limit(app.extra_time).as_secs() / 60;
    let pct = 100 * e.pass_mark / e.questions.max(1);
    let seed =
        if app.seed_input.is_empty() { "random (type digits to fix one)".to_string() } else { app.seed_input.clone() };
    let lines = vec![
        Line::from(format!(
            "{} questions · {minutes} minutes · pass mark {}/{} ({pct}%) · closed book",
            e.questions, e.pass_mark, e.questions
        )),
        Line::from(vec![
            Span::raw("Extra time (x): "),
            Span::styled(if app.extra_time { "on, +25%" } else { "off" }, theme::CHOSEN),
            Span::raw(" · Seed: "),
            Span::styled(seed, theme::CHOSEN),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).block(Block::bordered().title(" Paper ")), area);
}

fn notices(app: &App) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(n) = &app.notice {
        out.push(Line::styled(n.clone(), theme::WARN));
    }
    if let Some(s) = &app.suspended {
        out.push(Line::from(format!(
            "Kept {} paper: {}/{} answered, {} left. Press r to resume.",
            s.bank.exam.name,
            s.attempt.answered(),
            s.attempt.len(),
            crate::domain::clock::format_secs(s.clock.limit().saturating_sub(s.clock.used(s.shown_at)).as_secs())
        )));
    } else if let Some(u) = &app.unfinished {
        let answered = u.responses.iter().filter(|r| r.chosen.is_some()).count();
        let left = u.time_limit_s.saturating_sub(u.time_used_s);
        out.push(Line::from(format!(
            "Unfinished {} paper: {answered}/{} answered, {} left. Press r to resume.",
            u.exam_name,
            u.responses.len(),
            crate::domain::clock::format_secs(left)
        )));
    }
    if let Some(off) = &app.history_off {
        out.push(Line::styled(format!("History off: {off}"), theme::WARN));
    }
    for r in &app.catalog.refused {
        let first = r.errors.first().map(|e| e.to_string()).unwrap_or_default();
        let more = if r.errors.len() > 1 {
            format!(" (+{} more; run itil-trainer validate)", r.errors.len() - 1)
        } else {
            String::new()
        };
        out.push(Line::styled(format!("Refused {first}{more}"), theme::WARN));
    }
    for b in &app.catalog.banks {
        let short = short_areas(&b.bank);
        if !short.is_empty() {
            let names: Vec<String> = short.iter().map(|s| format!("{} ({}/{})", s.area, s.have, s.need)).collect();
            out.push(Line::from(format!("{}: no full paper yet; short areas {}", b.bank.exam.id, names.join(", "))));
        }
    }
    out
}
