//! Bank text is shown as text: control characters (and so escape sequences) never reach
//! the terminal, whatever a bank file holds.

/// Keeps newlines, turns tabs into spaces, drops every other control character, and trims.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_sequences_and_controls_are_removed() {
        assert_eq!(super::sanitize(" a\u{1b}[2Jb\tc\u{7}\u{9b}d\n e "), "a[2Jb cd\n e");
    }
}
