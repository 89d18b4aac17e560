//! Styles, in one place so the screens agree.

use ratatui::style::{Color, Modifier, Style};

pub const TITLE: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const KEY: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const CHOSEN: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const RIGHT: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
pub const WRONG: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const FLAG: Style = Style::new().fg(Color::Yellow);
pub const WARN: Style = Style::new().fg(Color::Yellow);
pub const ALERT: Style = Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD);
pub const PLAIN: Style = Style::new();
