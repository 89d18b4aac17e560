//! Pop-ups over a screen: help, the question navigator, and confirmations.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme;
use crate::tui::app::{App, NAV_COLUMNS, Overlay, Screen, Sitting};
use crate::tui::text::wrap;

pub fn draw(frame: &mut Frame, area: Rect, overlay: &Overlay, app: &App) {
    let sitting = match &app.screen {
        Screen::Exam(s) => Some(s.as_ref()),
        _ => None,
    };
    let (title, lines, width) = match (overlay, sitting) {
        (Overlay::Help, _) => (" Keys ", help_lines(), 70),
        (Overlay::Navigator { cursor }, Some(s)) => (" Questions ", navigator_lines(s, *cursor), 66),
        (Overlay::ConfirmSubmit, Some(s)) => (" Submit the paper? ", submit_lines(s), 60),
        (Overlay::ConfirmLeave, _) => (" Leave the paper? ", leave_lines(app), 60),
        (Overlay::Resume, _) => (" Unfinished paper ", resume_lines(app), 60),
        _ => return,
    };
    let width = width.min(area.width);
    // Count wrapped lines, so that the last line (usually the keys to answer) is never cut off.
    let inner = width.saturating_sub(2) as usize;
    let height: usize = lines.iter().map(|l| wrap(&l.to_string(), inner).len()).sum::<usize>() + 2;
    let rect = centered(area, width, (height as u16).min(area.height));
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(Span::styled(title, theme::TITLE));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), rect);
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(v);
    h
}

fn choice_line(yes: &str, yes_what: &str, no: &str, no_what: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(yes.to_string(), theme::KEY),
        Span::raw(format!(" {yes_what}   ")),
        Span::styled(no.to_string(), theme::KEY),
        Span::raw(format!(" {no_what}")),
    ])
}

fn help_lines() -> Vec<Line<'static>> {
    let rows: &[(&str, &str)] = &[
        ("Home", ""),
        ("↑↓ Enter", "choose an exam; start a paper"),
        ("x  0-9 Backspace", "extra time (+25%); type a seed for a set paper"),
        ("h  r  q", "history; resume a kept paper; quit"),
        ("Exam", ""),
        ("1-4  a-d", "choose an option (again to change it)"),
        ("↑↓ Enter", "highlight an option, choose it"),
        ("n →  p ←", "next, previous question"),
        ("PgDn PgUp", "scroll a long question"),
        ("f  g", "flag for review; question grid (arrows, Enter)"),
        ("s  q Esc", "submit (y confirms); leave, the paper is kept"),
        ("Results, review, history", ""),
        ("r  w  h", "review all, review wrong; history"),
        ("n → p ← ↑↓", "next, previous question; scroll"),
        ("a  w  f  u", "show all, wrong, flagged, unanswered"),
        ("Esc  q  Ctrl-C", "back; back; quit at once (the paper is kept)"),
    ];
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(k, what)| {
            if what.is_empty() {
                Line::styled(k.to_string(), theme::TITLE)
            } else {
                Line::from(vec![Span::styled(format!("  {k:<17}"), theme::KEY), Span::raw(what.to_string())])
            }
        })
        .collect();
    lines.push(Line::styled("Any key closes this help.", theme::DIM));
    lines
}

fn navigator_lines(s: &Sitting, cursor: usize) -> Vec<Line<'static>> {
    let a = &s.attempt;
    let mut lines = Vec::new();
    for row in 0..a.len().div_ceil(NAV_COLUMNS) {
        let mut spans = Vec::new();
        for i in row * NAV_COLUMNS..((row + 1) * NAV_COLUMNS).min(a.len()) {
            let mark = if a.flags[i] {
                "⚑"
            } else if a.answers[i].is_some() {
                "•"
            } else {
                " "
            };
            let mut style = if a.flags[i] {
                theme::FLAG
            } else if a.answers[i].is_some() {
                theme::CHOSEN
            } else {
                theme::DIM
            };
            if i == cursor {
                style = style.patch(theme::SELECTED);
            }
            let current = if i == a.current { "›" } else { " " };
            spans.push(Span::styled(format!("{current}{:>2}{mark}", i + 1), style));
            spans.push(Span::raw("  "));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.push(Line::from(format!(
        "• answered {}   ⚑ flagged {}   blank: unanswered {}   › current",
        a.answered(),
        a.flagged().len(),
        a.unanswered().len()
    )));
    lines.push(Line::from(vec![
        Span::styled("arrows", theme::KEY),
        Span::raw(" move  "),
        Span::styled("Enter", theme::KEY),
        Span::raw(" go to question  "),
        Span::styled("g/Esc", theme::KEY),
        Span::raw(" close"),
    ]));
    lines
}

fn submit_lines(s: &Sitting) -> Vec<Line<'static>> {
    let list = |v: Vec<usize>| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(", ")
        }
    };
    let unanswered = s.attempt.unanswered();
    let mut lines = vec![
        Line::from(format!("Answered {} of {}.", s.attempt.answered(), s.attempt.len())),
        Line::from(vec![
            Span::raw("Unanswered: "),
            Span::styled(list(unanswered.clone()), if unanswered.is_empty() { theme::PLAIN } else { theme::WARN }),
        ]),
        Line::from(vec![Span::raw("Flagged: "), Span::styled(list(s.attempt.flagged()), theme::FLAG)]),
        Line::default(),
    ];
    if !unanswered.is_empty() {
        lines.push(Line::from("Unanswered questions score nothing; there is no negative marking."));
    }
    lines.push(choice_line("y", "submit and see results", "n/Esc", "back to the paper"));
    lines
}

fn leave_lines(app: &App) -> Vec<Line<'static>> {
    let kept = if app.history_off.is_some() {
        Line::styled("History is off: the paper is kept only until you quit.", theme::WARN)
    } else {
        Line::from("Your answers are saved, also if the trainer is closed.")
    };
    vec![
        Line::from("The paper is kept: resume it with r on the home screen."),
        Line::from("The clock stops while you are away."),
        kept,
        Line::default(),
        choice_line("y", "leave", "n/Esc", "stay"),
    ]
}

fn resume_lines(app: &App) -> Vec<Line<'static>> {
    let Some(u) = &app.unfinished else { return Vec::new() };
    let answered = u.responses.iter().filter(|r| r.chosen.is_some()).count();
    let left = u.time_limit_s.saturating_sub(u.time_used_s);
    vec![
        Line::from(format!("{} (seed {})", u.exam_name, u.seed)),
        Line::from(format!(
            "{answered} of {} answered, {} left on the clock.",
            u.responses.len(),
            crate::domain::clock::format_secs(left)
        )),
        Line::default(),
        Line::from(vec![
            Span::styled("y/Enter", theme::KEY),
            Span::raw(" resume   "),
            Span::styled("n", theme::KEY),
            Span::raw(" discard it   "),
            Span::styled("Esc", theme::KEY),
            Span::raw(" later"),
        ]),
    ]
}
