//! Which characters typed text may hold, shared by every form that stores or searches text.
//!
//! Text is kept exactly as typed apart from whitespace trimmed at both ends: these rules only refuse, they
//! never rewrite. Limits elsewhere count characters (Unicode scalar values), as PRODUCT.md's limits are read:
//! a 한글 syllable or an emoji is one, a ZWJ family emoji is several.
//!
//! - Control characters (NUL, escape, …) are refused everywhere: nothing legitimate types them, some render
//!   as nothing, and PostgreSQL cannot store NUL at all. Multi-line text keeps tab and line breaks.
//! - One-line text (titles, names) refuses the bidi embedding, override and isolate controls as well: placed
//!   in a title they reverse how it reads ("exe.txt" shows as "txt.exe"). Multi-line text keeps them, since
//!   right-to-left quotes need them and a body is a paragraph of its own that they cannot spill out of. The
//!   direction marks (U+200E, U+200F) are always allowed.
//! - Text that shows nothing — only spaces, zero-width characters or the Hangul filler (ㅤ, a well-known way
//!   to post an "empty" title) — counts as not written.

/// Shows nothing on its own.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' // zero-width space, non-joiner, joiner; direction marks
                | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                | '\u{FEFF}' // zero-width no-break space (byte order mark)
                | '\u{034F}' // combining grapheme joiner
                | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
                | '\u{180E}' // Mongolian vowel separator
        )
}

/// The embedding, override and isolate controls, which change the direction of the text after them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether the text shows nothing at all (empty included).
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// Whether one-line text (a title, a name) holds a character it may not: any control character, line
/// breaks and tab included, or a bidi control.
pub fn has_forbidden_in_line(text: &str) -> bool {
    text.chars().any(|c| c.is_control() || is_bidi_control(c))
}

/// Whether multi-line text (a body, a comment, a review) holds a control character other than tab and line
/// breaks.
pub fn has_forbidden_in_body(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Whether a search text holds a control character (nothing to search for, and NUL breaks PostgreSQL).
pub fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_only_spaces_and_invisible_characters_is_blank() {
        assert!(is_blank(""));
        assert!(is_blank(" \t\n\u{3000}\u{00A0}"));
        assert!(is_blank("\u{200B}\u{FEFF}\u{3164}\u{202E}"));
        assert!(!is_blank("\u{200B}가"));
        assert!(!is_blank("👨‍👩‍👧"), "a ZWJ sequence shows");
        assert!(!is_blank("\u{0301}"), "a lone combining mark shows");
    }

    #[test]
    fn one_line_text_refuses_controls_and_direction_overrides() {
        assert!(!has_forbidden_in_line("제목 <script> 👍🏿 e\u{301} \u{200F}שלום"));
        for c in ['\0', '\t', '\n', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{202E}', '\u{2067}'] {
            assert!(has_forbidden_in_line(&format!("a{c}b")), "{c:?}");
        }
    }

    #[test]
    fn multi_line_text_keeps_tabs_line_breaks_and_direction_controls() {
        assert!(!has_forbidden_in_body("첫 줄\r\n\t둘째 줄 \u{202E}abc\u{202C}"));
        for c in ['\0', '\u{1}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{9f}'] {
            assert!(has_forbidden_in_body(&format!("a{c}b")), "{c:?}");
        }
    }
}
