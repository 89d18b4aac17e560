//! Review: each question as the candidate saw it, their answer, the key, and why every
//! option is right or wrong.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{keys_line, theme};
use crate::domain::letter;
use crate::tui::app::Review;
use crate::tui::text::{hanging, wrap};

pub fn draw(frame: &mut Frame, area: Rect, r: &Review) {
    let [top, body, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(
        keys_line(&[
            ("←→", "question"),
            ("↑↓", "scroll"),
            ("a", "all"),
            ("w", "wrong"),
            ("f", "flagged"),
            ("u", "unanswered"),
            ("Esc", "results"),
        ]),
        keys,
    );
    let f = &r.finished;
    let Some(i) = r.current() else {
        frame.render_widget(Line::styled(format!(" Review · filter: {}", r.filter.label()), theme::TITLE), top);
        let text = format!("No {} questions in this paper. Press a to review all.", r.filter.label());
        frame.render_widget(Paragraph::new(text).block(Block::bordered()), body);
        return;
    };
    let item = &f.attempt.paper.items[i];
    let Some(q) = f.bank.question(&item.question_id) else { return };
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" Review · question {} of {}", i + 1, f.attempt.len()), theme::TITLE),
            Span::styled(
                format!(
                    " · {} {}/{} · {} · area {} · BL{}",
                    r.filter.label(),
                    r.pos + 1,
                    r.shown.len(),
                    q.id,
                    q.area,
                    q.bloom
                ),
                theme::DIM,
            ),
        ]),
        top,
    );
    let block = Block::bordered();
    let width = block.inner(body).width.saturating_sub(1) as usize;
    let chosen = f.attempt.answers[i];
    let mut lines: Vec<Line> = wrap(&q.stem, width).into_iter().map(Line::from).collect();
    lines.push(Line::default());
    lines.push(verdict_line(
        chosen,
        q.answer,
        item.shown_position(q.answer),
        chosen.map(|c| item.shown_position(c)),
        f.attempt.flags[i],
    ));
    for (shown, &original) in item.order.iter().enumerate() {
        lines.push(Line::default());
        let (mark, style) = match (original == q.answer, chosen == Some(original)) {
            (true, _) => ("✓", theme::RIGHT),
            (false, true) => ("✗", theme::WRONG),
            _ => (" ", theme::PLAIN),
        };
        let you = if chosen == Some(original) { "  ← your answer" } else { "" };
        let prefix = Span::styled(format!("{mark} {}  ", letter(shown)), style);
        let mut option = hanging(prefix, &format!("{}{you}", q.options[original]), width, style);
        option.extend(hanging(Span::raw("     "), &q.rationale[original], width, theme::DIM));
        lines.extend(option);
    }
    if let Some(reference) = &q.reference {
        lines.push(Line::default());
        lines.push(Line::styled(format!("Reference: {reference}"), theme::DIM));
    }
    let overflow = (lines.len() as u16).saturating_sub(block.inner(body).height);
    let title = if overflow > 0 { " ↑↓ scroll " } else { "" };
    frame.render_widget(Paragraph::new(lines).scroll((r.scroll.min(overflow), 0)).block(block.title(title)), body);
}

fn verdict_line(
    chosen: Option<usize>,
    answer: usize,
    key_shown: usize,
    chosen_shown: Option<usize>,
    flagged: bool,
) -> Line<'static> {
    let mut spans = match chosen {
        None => vec![Span::styled("Not answered", theme::WARN)],
        Some(c) if c == answer => vec![Span::styled("Correct", theme::RIGHT)],
        Some(_) => vec![Span::styled("Wrong", theme::WRONG)],
    };
    if let Some(c) = chosen_shown {
        spans.push(Span::raw(format!(" · your answer {}", letter(c))));
    }
    spans.push(Span::raw(format!(" · correct answer {}", letter(key_shown))));
    if flagged {
        spans.push(Span::styled(" · ⚑ flagged", theme::FLAG));
    }
    Line::from(spans)
}
