//! Word wrapping with a hanging indent, for options and rationales whose continuation
//! lines should line up under their text rather than under the letter.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Greedy word wrap to `width` columns (by characters); keeps the text's own line breaks.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let (lw, ww) = (line.chars().count(), word.chars().count());
            if lw > 0 && lw + 1 + ww > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            // A single word longer than the line is cut, never lost.
            while line.chars().count() > width {
                let head: String = line.chars().take(width).collect();
                line = line.chars().skip(width).collect();
                out.push(head);
            }
        }
        out.push(line);
    }
    out
}

/// `prefix` then `text` wrapped to `width`, continuation lines indented by the prefix's width.
pub fn hanging<'a>(prefix: Span<'a>, text: &str, width: usize, style: Style) -> Vec<Line<'a>> {
    let indent = prefix.content.chars().count();
    let mut lines = Vec::new();
    for (i, part) in wrap(text, width.saturating_sub(indent)).into_iter().enumerate() {
        let head = if i == 0 { prefix.clone() } else { Span::raw(" ".repeat(indent)) };
        lines.push(Line::from(vec![head, Span::styled(part, style)]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_keeps_breaks() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a\nb c", 20), ["a", "b c"]);
        assert_eq!(wrap("abcdefghijkl", 8), ["abcdefgh", "ijkl"]);
    }

    #[test]
    fn continuation_lines_hang_under_the_text() {
        let lines = hanging(Span::raw("A) "), "alpha beta gamma", 14, Style::default());
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["A) alpha beta", "   gamma"]);
    }
}
