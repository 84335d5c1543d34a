//! Generated bad input thrown at every form and server function that takes user input.
//!
//! The strings come from proptest strategies — empty and blank (unicode spaces, zero-width characters, the
//! Hangul filler), at, one over and far over each limit, control characters and NUL, bidi overrides,
//! combining marks, emoji and ZWJ sequences, very long single words, SQL and HTML payloads, arbitrary
//! unicode — drawn from a runner with a fixed seed, so every run sends the same inputs. Numbers, missing,
//! unknown and repeated fields, malformed percent-escapes, invalid UTF-8 and huge bodies are built by hand.
//!
//! For each input an oracle written here from PRODUCT.md's rules (not from the server's code) says what must
//! happen:
//! - refused: a 4xx, never a 5xx, whose JSON body is an `AppError` with a Korean message; where a field is at
//!   fault the error names exactly the fields at fault, each with the message of a rule that field breaks;
//! - accepted: a 200, and the text reads back through the API byte for byte (forms trim whitespace at both
//!   ends, nothing else changes).
//!
//! Text rules the server enforces (src/model/chars.rs): limits count characters (Unicode scalar values), as
//! src/model always has; text that shows nothing (only spaces, zero-width characters or Hangul fillers) is
//! "not written"; one-line text (titles, names) holds no control character and no bidi embedding, override or
//! isolate control; multi-line text (bodies, comments, reviews) holds no control character but tab and line
//! breaks; nicknames and usernames keep their narrow alphabets.
//!
//! Each test prints its tally; the last one to finish prints the total (run with `--nocapture` to see it).

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use campus::error::AppError;
use campus::model::codes::Code;
use campus::model::community::ReportReason;
use campus::model::timetable::{Amount, Attendance, CourseCategory, CourseSort, Grading};
use campus::text;
use proptest::prelude::*;
use proptest::strategy::{BoxedStrategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use reqwest::{Client, StatusCode};
use serde_json::Value;

use crate::helpers::*;

// ---------------------------------------------------------------------------------------------------------
// The oracle: PRODUCT.md's text rules, written independently of src/model.
// ---------------------------------------------------------------------------------------------------------

/// The server's request body limit (`MAX_BODY_BYTES` in src/server/http): anything longer is a 413.
const BODY_LIMIT: usize = 64 * 1024;

/// Shows nothing on its own.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{3164}'
                | '\u{FFA0}'
        )
}

fn bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What one-line text (a title, a name) must not hold.
fn forbidden_in_line(c: char) -> bool {
    c.is_control() || bidi_control(c)
}

/// What multi-line text (a body, a comment, a review) must not hold.
fn forbidden_in_body(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// One text field's rules and the messages for breaking them.
#[derive(Clone, Copy)]
struct Rule {
    /// Least characters after trimming (1 for "required").
    min: usize,
    max: usize,
    forbidden: fn(char) -> bool,
    /// Whether text that shows nothing counts as empty (only whitespace does for searches).
    invisible_is_blank: bool,
    required: &'static str,
    too_short: &'static str,
    too_long: &'static str,
    bad_chars: &'static str,
}

impl Rule {
    /// `Ok(stored text)` or `Err(the messages of the rules it breaks)`.
    fn judge(&self, input: &str) -> Result<String, Vec<&'static str>> {
        let text = input.trim();
        let length = text.chars().count();
        let blank = if self.invisible_is_blank { text.chars().all(invisible) } else { text.is_empty() };
        let mut broken = Vec::new();
        if blank {
            broken.push(self.required);
        }
        if length < self.min {
            broken.push(self.too_short);
        }
        if length > self.max {
            broken.push(self.too_long);
        }
        if text.chars().any(self.forbidden) {
            broken.push(self.bad_chars);
        }
        if broken.is_empty() {
            Ok(text.to_owned())
        } else {
            Err(broken)
        }
    }
}

mod rules {
    use super::*;
    use campus::text::{community as c, timetable as tt};

    pub const TITLE: Rule = Rule {
        min: 1,
        max: 100,
        forbidden: forbidden_in_line,
        invisible_is_blank: true,
        required: c::TITLE_REQUIRED,
        too_short: c::TITLE_REQUIRED,
        too_long: c::TITLE_TOO_LONG,
        bad_chars: c::TITLE_INVALID_CHARS,
    };
    pub const BODY: Rule = Rule {
        min: 1,
        max: 5_000,
        forbidden: forbidden_in_body,
        invisible_is_blank: true,
        required: c::BODY_REQUIRED,
        too_short: c::BODY_REQUIRED,
        too_long: c::BODY_TOO_LONG,
        bad_chars: c::BODY_INVALID_CHARS,
    };
    pub const COMMENT: Rule = Rule {
        min: 1,
        max: 1_000,
        forbidden: forbidden_in_body,
        invisible_is_blank: true,
        required: c::COMMENT_REQUIRED,
        too_short: c::COMMENT_REQUIRED,
        too_long: c::COMMENT_TOO_LONG,
        bad_chars: c::COMMENT_INVALID_CHARS,
    };
    /// A 쪽지: as a comment, with its own messages.
    pub const MESSAGE: Rule = Rule {
        min: 1,
        max: 1_000,
        forbidden: forbidden_in_body,
        invisible_is_blank: true,
        required: text::messages::BODY_REQUIRED,
        too_short: text::messages::BODY_REQUIRED,
        too_long: text::messages::BODY_TOO_LONG,
        bad_chars: text::messages::BODY_INVALID_CHARS,
    };
    /// 글 검색: at least two characters; no upper limit (the server searches for the first 100).
    pub const POST_SEARCH: Rule = Rule {
        min: 2,
        max: usize::MAX,
        forbidden: char::is_control,
        invisible_is_blank: false,
        required: c::SEARCH_TOO_SHORT,
        too_short: c::SEARCH_TOO_SHORT,
        too_long: c::SEARCH_TOO_SHORT,
        bad_chars: c::SEARCH_INVALID_CHARS,
    };
    /// 강의 검색 and 교수 검색.
    pub const CATALOGUE_SEARCH: Rule = Rule {
        min: 2,
        max: usize::MAX,
        forbidden: char::is_control,
        invisible_is_blank: false,
        required: tt::SEARCH_TOO_SHORT,
        too_short: tt::SEARCH_TOO_SHORT,
        too_long: tt::SEARCH_TOO_SHORT,
        bad_chars: tt::SEARCH_INVALID_CHARS,
    };
    pub const TIMETABLE_NAME: Rule = Rule {
        min: 1,
        max: 20,
        forbidden: forbidden_in_line,
        invisible_is_blank: true,
        required: tt::TIMETABLE_NAME_REQUIRED,
        too_short: tt::TIMETABLE_NAME_REQUIRED,
        too_long: tt::TIMETABLE_NAME_TOO_LONG,
        bad_chars: tt::LINE_INVALID_CHARS,
    };
    pub const ENTRY_NAME: Rule = Rule {
        min: 1,
        max: 30,
        forbidden: forbidden_in_line,
        invisible_is_blank: true,
        required: tt::ENTRY_NAME_REQUIRED,
        too_short: tt::ENTRY_NAME_REQUIRED,
        too_long: tt::ENTRY_NAME_TOO_LONG,
        bad_chars: tt::LINE_INVALID_CHARS,
    };
    /// 교수 and 장소 of a custom entry: optional, so nothing is "required".
    pub const ENTRY_DETAIL: Rule = Rule {
        min: 0,
        max: 20,
        forbidden: forbidden_in_line,
        invisible_is_blank: false,
        required: "",
        too_short: "",
        too_long: tt::ENTRY_DETAIL_TOO_LONG,
        bad_chars: tt::LINE_INVALID_CHARS,
    };
    /// A 학점계산기 term's name.
    pub const TERM_NAME: Rule = Rule {
        min: 1,
        max: 20,
        forbidden: forbidden_in_line,
        invisible_is_blank: true,
        required: text::gpa::TERM_NAME_REQUIRED,
        too_short: text::gpa::TERM_NAME_REQUIRED,
        too_long: text::gpa::TERM_NAME_TOO_LONG,
        bad_chars: text::gpa::INVALID_CHARS,
    };
    /// A 학점계산기 course's name.
    pub const COURSE_NAME: Rule = Rule {
        min: 1,
        max: 30,
        forbidden: forbidden_in_line,
        invisible_is_blank: true,
        required: text::gpa::COURSE_NAME_REQUIRED,
        too_short: text::gpa::COURSE_NAME_REQUIRED,
        too_long: text::gpa::COURSE_NAME_TOO_LONG,
        bad_chars: text::gpa::INVALID_CHARS,
    };
    pub const REVIEW: Rule = Rule {
        min: 10,
        max: 1_000,
        forbidden: forbidden_in_body,
        invisible_is_blank: true,
        required: tt::REVIEW_TOO_SHORT,
        too_short: tt::REVIEW_TOO_SHORT,
        too_long: tt::REVIEW_TOO_LONG,
        bad_chars: tt::REVIEW_INVALID_CHARS,
    };
}

impl Rule {
    /// An optional field (empty is fine) judged by this rule otherwise.
    fn judge_optional(&self, input: &str) -> Result<String, Vec<&'static str>> {
        if input.trim().is_empty() {
            Ok(String::new())
        } else {
            Rule { min: 0, invisible_is_blank: false, ..*self }.judge(input)
        }
    }
}

/// 4–20 of a–z, A–Z, 0–9 and `_`, as typed.
fn judge_username(username: &str) -> Result<(), Vec<&'static str>> {
    let mut broken = Vec::new();
    if !(4..=20).contains(&username.chars().count()) {
        broken.push(text::auth::USERNAME_LENGTH);
    }
    if !username.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        broken.push(text::auth::USERNAME_CHARS);
    }
    if broken.is_empty() {
        Ok(())
    } else {
        Err(broken)
    }
}

/// 8–64 characters, no control characters, two kinds of letters / digits / symbols.
fn judge_password(password: &str) -> Result<(), Vec<&'static str>> {
    let mut broken = Vec::new();
    if !(8..=64).contains(&password.chars().count()) {
        broken.push(text::auth::PASSWORD_LENGTH);
    }
    if password.chars().any(char::is_control) {
        broken.push(text::auth::PASSWORD_CONTROL);
    }
    let letters = password.chars().any(char::is_alphabetic);
    let digits = password.chars().any(|c| c.is_ascii_digit());
    let symbols = password.chars().any(|c| !c.is_alphabetic() && !c.is_ascii_digit());
    if [letters, digits, symbols].iter().filter(|k| **k).count() < 2 {
        broken.push(text::auth::PASSWORD_KINDS);
    }
    if broken.is_empty() {
        Ok(())
    } else {
        Err(broken)
    }
}

/// 2–10 of 한글 syllables, a–z, A–Z, 0–9 and `_`, after trimming.
fn judge_nickname(nickname: &str) -> Result<String, Vec<&'static str>> {
    let nickname = nickname.trim();
    let mut broken = Vec::new();
    if !(2..=10).contains(&nickname.chars().count()) {
        broken.push(text::auth::NICKNAME_LENGTH);
    }
    if !nickname.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || ('가'..='힣').contains(&c)) {
        broken.push(text::auth::NICKNAME_CHARS);
    }
    if broken.is_empty() {
        Ok(nickname.to_owned())
    } else {
        Err(broken)
    }
}

// ---------------------------------------------------------------------------------------------------------
// Generators.
// ---------------------------------------------------------------------------------------------------------

/// Draws values from strategies with a fixed seed: the same inputs on every run.
struct Gen(TestRunner);

impl Gen {
    fn new() -> Self {
        Gen(TestRunner::new_with_rng(Config::default(), TestRng::deterministic_rng(RngAlgorithm::ChaCha)))
    }

    fn draw<S: Strategy>(&mut self, strategy: &S) -> S::Value {
        strategy.new_tree(&mut self.0).expect("strategy").current()
    }
}

const SQL_PAYLOADS: [&str; 8] = [
    "'; DROP TABLE posts; --",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "1; SELECT * FROM users --",
    "%' OR '%'='",
    "\\'; DELETE FROM users; --",
    "%%__\\\\",
    "') UNION SELECT password_hash FROM users --",
];

const HTML_PAYLOADS: [&str; 9] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "&lt;b&gt;&amp;&quot;{{7*7}}${7*7}",
    "<!--<style>*{display:none}</style>",
];

/// Grapheme clusters of several characters each (a ZWJ family is 7).
const EMOJI_SEQUENCES: [&str; 8] = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "👩🏽‍💻", "🇰🇷", "❤️‍🔥", "🧑‍🤝‍🧑", "👍🏿", "1️⃣"];

/// Characters that may stand anywhere in text: several scripts, emoji, combining marks.
fn visible_char() -> BoxedStrategy<char> {
    prop_oneof![
        5 => proptest::char::range('!', '~'),
        5 => proptest::char::range('가', '힣'),
        1 => proptest::char::range('ㄱ', 'ㅣ'),
        1 => proptest::char::range('一', '龥'),
        1 => proptest::char::range('\u{0621}', '\u{064A}'),
        1 => proptest::char::range('\u{05D0}', '\u{05EA}'),
        1 => proptest::char::range('\u{1F600}', '\u{1F64F}'),
        1 => proptest::char::range('\u{0300}', '\u{036F}'),
        1 => proptest::char::range('\u{10000}', '\u{1000F}'),
    ]
    .boxed()
}

/// Text of exactly `length` characters (drawn from `lengths`), with spaces inside but none at either end, so
/// its length survives trimming.
fn words(lengths: RangeInclusive<usize>) -> BoxedStrategy<String> {
    proptest::collection::vec(prop_oneof![8 => visible_char(), 1 => Just(' '), 1 => Just('\n')], lengths)
        .prop_map(|mut chars| {
            let n = chars.len();
            for i in [0, n.saturating_sub(1)] {
                if chars.get(i).is_some_and(|c| c.is_whitespace()) {
                    chars[i] = '가';
                }
            }
            chars.into_iter().collect()
        })
        .boxed()
}

/// Like [`words`] but on one line.
fn line(lengths: RangeInclusive<usize>) -> BoxedStrategy<String> {
    words(lengths).prop_map(|s| s.replace('\n', " ")).boxed()
}

/// Plain ASCII words: long texts that stay small on the wire.
fn ascii_words(length: usize) -> BoxedStrategy<String> {
    proptest::string::string_regex(&format!("[a-z]{{{length}}}"))
        .expect("regex")
        .prop_map(|s| {
            s.char_indices().map(|(i, c)| if i % 7 == 6 && i + 1 < s.len() { ' ' } else { c }).collect()
        })
        .boxed()
}

/// Text that shows nothing: spaces of several kinds, zero-width characters, the Hangul filler.
fn blank() -> BoxedStrategy<String> {
    let chars = vec![
        ' ', '\t', '\n', '\r', '\u{3000}', '\u{00A0}', '\u{2003}', '\u{200B}', '\u{200D}', '\u{FEFF}',
        '\u{3164}', '\u{2060}', '\u{202E}', '\u{200F}',
    ];
    proptest::collection::vec(proptest::sample::select(chars), 1..=12).prop_map(String::from_iter).boxed()
}

/// Characters to slip into otherwise good text.
fn intruder() -> BoxedStrategy<char> {
    let controls = vec![
        '\0', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}',
        '\n', '\r', '\t',
    ];
    let formats = vec![
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
        '\u{2069}', '\u{200E}', '\u{200F}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        '\u{3164}', '\u{FFFD}', '\u{FFFF}', '\u{E000}', '\u{2028}', '\u{2029}',
    ];
    prop_oneof![proptest::sample::select(controls), proptest::sample::select(formats)].boxed()
}

/// Good text with one intruder inside.
fn with_intruder() -> BoxedStrategy<String> {
    (line(2..=30), intruder(), any::<prop::sample::Index>())
        .prop_map(|(text, c, at)| {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
            let at = if boundaries.is_empty() { text.len() } else { boundaries[at.index(boundaries.len())] };
            format!("{}{c}{}", &text[..at], &text[at..])
        })
        .boxed()
}

/// Payloads and tricky scripts, alone or inside other text.
fn payload() -> BoxedStrategy<String> {
    let mut all: Vec<String> =
        SQL_PAYLOADS.iter().chain(HTML_PAYLOADS.iter()).map(|s| s.to_string()).collect();
    all.extend(EMOJI_SEQUENCES.iter().map(|s| s.repeat(3)));
    all.extend([
        "e\u{301}\u{301}\u{301} Z\u{336}\u{335}\u{334}\u{337}a\u{338}l\u{321}g\u{322}o".to_owned(),
        "\u{202E}txt.exe".to_owned(),
        "مرحبا بالعالم שלום".to_owned(),
        "한\u{302}글 \u{1100}\u{1161}\u{11A8}".to_owned(),
        "\u{FFFD}\u{FFFD} replacement".to_owned(),
        "null\\u0000 \\x00 %00".to_owned(),
        "ＡＢＣ　전각".to_owned(),
    ]);
    (proptest::sample::select(all), line(0..=6))
        .prop_map(|(payload, around)| if around.is_empty() { payload } else { format!("{around} {payload}") })
        .boxed()
}

/// Every kind of text for a field of at most `max` characters: empty, blank, short, at the limit, one over,
/// far over, a very long single word, intruders, payloads and arbitrary unicode.
fn text_for(max: usize, multiline: bool) -> BoxedStrategy<String> {
    let good = if multiline { words(1..=max.min(60)) } else { line(1..=max.min(60)) };
    let at_limit = if multiline { words(max..=max) } else { line(max..=max) };
    let over = if multiline { words(max + 1..=max + 1) } else { line(max + 1..=max + 1) };
    let emoji_at_limit = proptest::sample::select(EMOJI_SEQUENCES.to_vec())
        .prop_map(move |e| {
            let mut s = String::new();
            while s.chars().count() + e.chars().count() <= max {
                s.push_str(e);
            }
            s
        })
        .boxed();
    // More than ten alternatives: proptest's union then needs them all of one (boxed) type.
    prop_oneof![
        1 => Just(String::new()).boxed(),
        3 => blank(),
        6 => good,
        3 => at_limit,
        3 => over,
        1 => emoji_at_limit,
        2 => ascii_words(max * 4),
        1 => Just("가".repeat(max)).boxed(),
        1 => Just("w".repeat(max + 1)).boxed(),
        6 => with_intruder(),
        6 => payload(),
        2 => any::<String>().boxed(),
        1 => proptest::string::string_regex("[\\x00-\\x1f\\x7f]{1,4}[a-z가-힣]{0,5}").expect("regex").boxed(),
        1 => blank().prop_flat_map(move |b| line(1..=20).prop_map(move |t| format!("{b}{t}{b}"))).boxed(),
    ]
    .boxed()
}

/// Text for a search box: mostly short, with every kind of oddity.
fn search_text() -> BoxedStrategy<String> {
    prop_oneof![
        1 => Just(String::new()),
        2 => blank(),
        2 => proptest::string::string_regex("[a-z가-힣%_\\\\']{1,3}").expect("regex"),
        4 => line(2..=12),
        2 => with_intruder(),
        4 => payload(),
        1 => ascii_words(3_000),
        1 => any::<String>(),
    ]
    .boxed()
}

/// Integers as a form may carry them: in range, out of range, not numbers at all.
fn number_text() -> BoxedStrategy<String> {
    let odd = vec![
        "",
        " ",
        "abc",
        "1.5",
        "1e3",
        "0x1F",
        "+1",
        " 1",
        "1 ",
        "-0",
        "99999999999999999999",
        "9223372036854775808",
        "-9223372036854775809",
        "9223372036854775807",
        "-9223372036854775808",
        "-1",
        "0",
        "１",
        "١٢",
        "NaN",
        "inf",
        "true",
        "null",
        "1,000",
        "1_000",
        "[]",
        "{}",
        "1\u{0}",
        "' OR 1=1 --",
    ];
    prop_oneof![
        4 => proptest::sample::select(odd).prop_map(str::to_owned),
        2 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<String>(),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------------------
// Sending and checking.
// ---------------------------------------------------------------------------------------------------------

/// `application/x-www-form-urlencoded`, exactly as browsers and reqwest encode it.
fn encode(fields: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        encode_into(&mut out, key.as_bytes());
        out.push(b'=');
        encode_into(&mut out, value.as_bytes());
    }
    out
}

fn encode_into(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(b),
            b' ' => out.push(b'+'),
            _ => out.extend_from_slice(format!("%{b:02X}").as_bytes()),
        }
    }
}

/// What the server answered.
struct Reply {
    status: StatusCode,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// How an input must be refused.
enum Refusal<'a> {
    /// A validation error naming exactly these fields, each with one of its messages.
    Fields(&'a [(&'a str, &'a [&'static str])]),
    /// This status, whatever the message.
    Status(StatusCode),
    /// Any 4xx.
    Any,
}

/// Inputs tried, refused and accepted by one test, added to the run's total when it ends.
struct Tally {
    name: &'static str,
    tried: usize,
    refused: usize,
    accepted: usize,
    round_tripped: usize,
}

static TOTAL_TRIED: AtomicUsize = AtomicUsize::new(0);
static TOTAL_REFUSED: AtomicUsize = AtomicUsize::new(0);
static TOTAL_ACCEPTED: AtomicUsize = AtomicUsize::new(0);
static TOTAL_ROUND_TRIPPED: AtomicUsize = AtomicUsize::new(0);
static FINISHED: AtomicUsize = AtomicUsize::new(0);
/// The tests of this file: the last one to finish prints the total.
const TESTS: usize = 16;

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Tally {
    fn new(name: &'static str) -> Self {
        Tally { name, tried: 0, refused: 0, accepted: 0, round_tripped: 0 }
    }

    fn finish(self) {
        println!(
            "bad input [{}]: {} inputs, {} refused with 4xx, {} accepted ({} read back byte for byte)",
            self.name,
            thousands(self.tried),
            thousands(self.refused),
            thousands(self.accepted),
            thousands(self.round_tripped)
        );
        TOTAL_TRIED.fetch_add(self.tried, Ordering::SeqCst);
        TOTAL_REFUSED.fetch_add(self.refused, Ordering::SeqCst);
        TOTAL_ACCEPTED.fetch_add(self.accepted, Ordering::SeqCst);
        TOTAL_ROUND_TRIPPED.fetch_add(self.round_tripped, Ordering::SeqCst);
        if FINISHED.fetch_add(1, Ordering::SeqCst) + 1 == TESTS {
            println!(
                "bad input: {} inputs, {} refused with 4xx, {} accepted ({} stored and read back byte for byte)",
                thousands(TOTAL_TRIED.load(Ordering::SeqCst)),
                thousands(TOTAL_REFUSED.load(Ordering::SeqCst)),
                thousands(TOTAL_ACCEPTED.load(Ordering::SeqCst)),
                thousands(TOTAL_ROUND_TRIPPED.load(Ordering::SeqCst)),
            );
        }
    }
}

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('가'..='힣').contains(&c))
}

/// Shortens an input for a failure message.
fn show(input: &str) -> String {
    let head: String = input.chars().take(80).collect();
    if head.len() < input.len() {
        format!("{head:?}… ({} chars)", input.chars().count())
    } else {
        format!("{head:?}")
    }
}

/// A test's app, its tally, and the sending and checking of inputs.
struct Probe {
    app: TestApp,
    tally: Tally,
}

impl Probe {
    async fn new(name: &'static str) -> Self {
        Self::with(name, Settings::default()).await
    }

    async fn with(name: &'static str, settings: Settings) -> Self {
        Probe { app: spawn_app_with(settings).await, tally: Tally::new(name) }
    }

    /// Posts a body as a form to a server function, and counts it as one input.
    async fn raw(&mut self, client: &Client, endpoint: &str, body: Vec<u8>) -> Reply {
        self.tally.tried += 1;
        let request = client
            .post(self.app.url(&format!("/api/{endpoint}")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .timeout(Duration::from_secs(30));
        let response = request.send().await.unwrap_or_else(|e| panic!("{endpoint}: no answer: {e}"));
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        Reply { status, body }
    }

    async fn send(&mut self, client: &Client, endpoint: &str, fields: &[(&str, &str)]) -> Reply {
        self.raw(client, endpoint, encode(fields)).await
    }

    /// The input was accepted: a 200 with a JSON answer.
    fn accepted(&mut self, reply: &Reply, what: &str) -> Value {
        assert_eq!(reply.status, StatusCode::OK, "{what} must be accepted: {}", reply.body);
        self.tally.accepted += 1;
        reply.json()
    }

    /// The input was refused as it must be: a 4xx whose body is an `AppError` with a Korean message.
    fn refused(&mut self, reply: &Reply, how: Refusal<'_>, what: &str) -> AppError {
        assert!(
            reply.status.is_client_error(),
            "{what} must be refused with a 4xx, got {}: {}",
            reply.status,
            reply.body
        );
        let error: AppError = serde_json::from_str(&reply.body)
            .unwrap_or_else(|e| panic!("{what}: the refusal is not an AppError ({e}): {}", reply.body));
        assert_eq!(reply.status.as_u16(), error.status(), "{what}: status and error disagree: {error:?}");
        assert!(has_hangul(&error.to_string()), "{what}: the message is not Korean: {error:?}");
        match how {
            Refusal::Fields(expected) => {
                let AppError::Invalid { fields, .. } = &error else {
                    panic!(
                        "{what}: expected a validation error on {:?}, got {error:?}",
                        field_names(expected)
                    );
                };
                let named: HashSet<&str> = fields.iter().map(|f| f.field.as_str()).collect();
                let wanted: HashSet<&str> = expected.iter().map(|(f, _)| *f).collect();
                assert_eq!(named, wanted, "{what}: wrong fields named in {error:?}");
                for field in fields {
                    let (_, messages) = expected.iter().find(|(f, _)| *f == field.field).expect("field");
                    assert!(
                        messages.contains(&field.message.as_str()),
                        "{what}: {} says {:?}, expected one of {messages:?}",
                        field.field,
                        field.message
                    );
                }
            }
            Refusal::Status(status) => {
                assert_eq!(reply.status, status, "{what}: {error:?}")
            }
            Refusal::Any => {}
        }
        self.tally.refused += 1;
        error
    }

    /// Checks a reply against the oracle's verdict on each field: accepted when every field is good, refused
    /// naming every bad field otherwise. Returns the answer when accepted.
    fn judge(
        &mut self,
        reply: &Reply,
        body_len: usize,
        verdicts: &[(&str, Result<(), Vec<&'static str>>)],
        what: &str,
    ) -> Option<Value> {
        if body_len > BODY_LIMIT {
            self.refused(reply, Refusal::Status(StatusCode::PAYLOAD_TOO_LARGE), what);
            return None;
        }
        let bad: Vec<(&str, &[&'static str])> =
            verdicts.iter().filter_map(|(f, v)| v.as_ref().err().map(|m| (*f, m.as_slice()))).collect();
        if bad.is_empty() {
            Some(self.accepted(reply, what))
        } else {
            self.refused(reply, Refusal::Fields(&bad), what);
            None
        }
    }

    fn round_tripped(&mut self) {
        self.tally.round_tripped += 1;
    }

    /// A student of the first school, signed up on a client of their own.
    async fn student(&self) -> (Student, Client) {
        self.app.signed_up_student().await
    }

    fn finish(self) {
        self.tally.finish();
    }
}

fn field_names(expected: &[(&str, &[&'static str])]) -> Vec<String> {
    expected.iter().map(|(f, _)| f.to_string()).collect()
}

fn ok_or_messages<T>(result: &Result<T, Vec<&'static str>>) -> Result<(), Vec<&'static str>> {
    result.as_ref().map(|_| ()).map_err(Clone::clone)
}

// ---------------------------------------------------------------------------------------------------------
// Accounts.
// ---------------------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sign_up_refuses_every_malformed_field_and_keeps_good_names_exactly() {
    let mut probe = Probe::new("sign-up").await;
    let mut gen = Gen::new();
    let student = probe.app.new_student(0).await;
    let (school, department) = (student.school_id.to_string(), student.department_id.to_string());
    let username = prop_oneof![
        4 => proptest::string::string_regex("[a-zA-Z0-9_]{4,20}").expect("regex"),
        1 => proptest::string::string_regex("[a-z]{1,3}|[a-z]{21,40}").expect("regex"),
        2 => text_for(20, false),
        1 => proptest::string::string_regex("[a-z]{2,8}[\u{202E}\u{200B}\u{0430}\u{0456} -]{1,2}[a-z]{2,8}")
            .expect("regex"),
    ];
    let password = prop_oneof![
        4 => proptest::string::string_regex("[a-z가-힣]{5,12}[0-9!@#]{1,4}").expect("regex"),
        1 => proptest::string::string_regex("[a-z]{8,20}|[0-9]{8,20}|[!-/]{8,12}|.{0,7}|[a-z0-9]{65,80}")
            .expect("regex"),
        2 => text_for(64, false),
    ];
    let nickname = prop_oneof![
        4 => proptest::string::string_regex("[가-힣a-zA-Z0-9_]{2,10}").expect("regex"),
        1 => proptest::string::string_regex("[ \u{3000}]{0,2}[가-힣]{2,6}[ \u{3000}]{0,2}").expect("regex"),
        3 => text_for(10, false),
    ];
    // The confirmation mostly repeats the password, as the form makes sure of; sometimes it does not.
    let mistyped = prop_oneof![5 => Just(None), 1 => text_for(64, false).prop_map(Some)];
    let id = prop_oneof![3 => Just(None), 1 => number_text().prop_map(Some)];
    let year = prop_oneof![
        4 => Just("2024".to_owned()),
        1 => proptest::string::string_regex("19[5-9][0-9]|20[0-4][0-9]").expect("regex"),
        1 => proptest::string::string_regex("[0-9]{4}| ?20[0-9]{2} ?|[0-9]{1,3}|[0-9]{5}|２０２４").expect("regex"),
        1 => number_text(),
    ];
    let current_year = campus::server::current_year();
    let mut taken_usernames = HashSet::new();
    let mut taken_nicknames = HashSet::new();
    for _ in 0..90 {
        let username = gen.draw(&username);
        let password = gen.draw(&password);
        let password_confirm = gen.draw(&mistyped).unwrap_or_else(|| password.clone());
        let nickname = gen.draw(&nickname);
        let school_id = gen.draw(&id).unwrap_or_else(|| school.clone());
        let department_id = gen.draw(&id).unwrap_or_else(|| department.clone());
        let admission_year = gen.draw(&year);
        let fields = [
            ("username", username.as_str()),
            ("password", password.as_str()),
            ("password_confirm", password_confirm.as_str()),
            ("nickname", nickname.as_str()),
            ("school_id", school_id.as_str()),
            ("department_id", department_id.as_str()),
            ("admission_year", admission_year.as_str()),
        ];
        let body = encode(&fields);
        let body_len = body.len();
        let client = new_client();
        let reply = probe.raw(&client, "auth/signup", body).await;
        let what = format!("sign-up {}", show(&format!("{fields:?}")));

        let positive = |text: &str| text.trim().parse::<i64>().ok().filter(|n| *n > 0);
        let year_ok = {
            let t = admission_year.trim();
            t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())
        };
        let year_verdict = if !year_ok {
            Err(vec![text::auth::ADMISSION_YEAR_INVALID])
        } else if !(current_year - campus::model::account::ADMISSION_YEARS_BACK..=current_year)
            .contains(&admission_year.trim().parse::<i64>().unwrap_or(0))
        {
            Err(vec![text::auth::ADMISSION_YEAR_RANGE])
        } else {
            Ok(())
        };
        let nickname_verdict = judge_nickname(&nickname);
        let verdicts = [
            ("username", judge_username(&username)),
            ("password", judge_password(&password)),
            (
                "password_confirm",
                if password_confirm == password { Ok(()) } else { Err(vec![text::auth::PASSWORD_MISMATCH]) },
            ),
            ("nickname", ok_or_messages(&nickname_verdict)),
            ("school_id", positive(&school_id).map(|_| ()).ok_or(vec![text::auth::SCHOOL_REQUIRED])),
            (
                "department_id",
                positive(&department_id).map(|_| ()).ok_or(vec![text::auth::DEPARTMENT_REQUIRED]),
            ),
            ("admission_year", year_verdict),
        ];
        let format_ok = verdicts.iter().all(|(_, v)| v.is_ok());
        if format_ok {
            // Well formed: what remains is for the database to say.
            let school_ok = positive(&school_id) == Some(student.school_id);
            let department_ok = positive(&department_id) == Some(student.department_id);
            let nickname = nickname_verdict.expect("checked");
            if taken_usernames.contains(&username.to_ascii_lowercase()) {
                let messages: &[&'static str] = &[text::auth::USERNAME_TAKEN];
                probe.refused(&reply, Refusal::Fields(&[("username", messages)]), &what);
            } else if !department_ok || !school_ok {
                probe.refused(&reply, Refusal::Any, &what);
            } else if taken_nicknames.contains(&nickname.to_lowercase()) {
                let messages: &[&'static str] = &[text::auth::NICKNAME_TAKEN];
                probe.refused(&reply, Refusal::Fields(&[("nickname", messages)]), &what);
            } else {
                probe.accepted(&reply, &what);
                let me = probe.app.whoami(&client).await.expect("logged in after sign-up");
                assert_eq!(me["username"], username.as_str(), "{what}: username altered");
                assert_eq!(me["nickname"], nickname.as_str(), "{what}: nickname altered");
                probe.round_tripped();
                taken_usernames.insert(username.to_ascii_lowercase());
                taken_nicknames.insert(nickname.to_lowercase());
            }
        } else {
            probe.judge(&reply, body_len, &verdicts, &what);
        }
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn log_in_answers_garbage_credentials_with_a_4xx() {
    let mut probe = Probe::new("log-in").await;
    let mut gen = Gen::new();
    let (student, _) = probe.student().await;
    let username = prop_oneof![
        2 => proptest::string::string_regex("[a-z0-9_]{4,20}").expect("regex"),
        4 => text_for(20, false),
        1 => Just(student.username.to_uppercase()),
        1 => Just(format!(" {} ", student.username)),
    ];
    // Names no account can have, NUL included, are answered like any unknown name.
    let impossible =
        proptest::sample::select(vec!["\0", "kim\0", "\0\0\0\0\0", "a\u{202E}bcd", "학생\u{0}1"]);
    let username = prop_oneof![5 => username, 1 => impossible.prop_map(str::to_owned)];
    let password = prop_oneof![2 => text_for(64, false), 1 => Just(PASSWORD.to_owned())];
    let key = |name: &str| name.trim().to_ascii_lowercase();
    let mut failures: HashMap<String, usize> = HashMap::new();
    // The student's own name in another case and with spaces around it logs in (names are unique regardless
    // of case, and forms trim); then the generated attempts.
    let own = [student.username.to_uppercase(), format!("\u{3000}{} ", student.username)];
    for i in 0..47 {
        let (username, password) = match own.get(i) {
            Some(name) => (name.clone(), PASSWORD.to_owned()),
            None => (gen.draw(&username), gen.draw(&password)),
        };
        let client = new_client();
        let reply =
            probe.send(&client, "auth/login", &[("username", &username), ("password", &password)]).await;
        let what = format!("log-in as {} / {}", show(&username), show(&password));
        if username.trim().is_empty() || password.is_empty() {
            let messages: &[&'static str] = &[text::auth::LOGIN_FIELDS_REQUIRED];
            probe.refused(&reply, Refusal::Fields(&[("username", messages)]), &what);
        } else if judge_username(username.trim()).is_err() {
            // No account can have this name: refused at once, and not counted against any account.
            probe.refused(&reply, Refusal::Status(StatusCode::UNAUTHORIZED), &what);
        } else if failures.get(&key(&username)).copied().unwrap_or(0) >= 5 {
            probe.refused(&reply, Refusal::Status(StatusCode::TOO_MANY_REQUESTS), &what);
        } else if key(&username) == key(&student.username) && password == PASSWORD {
            probe.accepted(&reply, &what);
            assert_eq!(probe.app.whoami(&client).await.expect("logged in")["username"], student.username);
            failures.remove(&key(&username));
        } else {
            probe.refused(&reply, Refusal::Status(StatusCode::UNAUTHORIZED), &what);
            *failures.entry(key(&username)).or_default() += 1;
        }
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nickname_and_password_changes_refuse_bad_input_and_keep_good_input() {
    let settings = Settings { nickname_cooldown_days: Some(0), ..Default::default() };
    let mut probe = Probe::with("nickname and password", settings).await;
    let mut gen = Gen::new();
    let (other, _) = probe.student().await;
    let (student, client) = probe.student().await;

    let nickname = prop_oneof![
        3 => proptest::string::string_regex("[가-힣a-zA-Z0-9_]{2,10}").expect("regex"),
        1 => proptest::string::string_regex("[ \u{3000}\u{00A0}]{1,2}[가-힣]{2,8}[ \u{3000}]{0,2}").expect("regex"),
        1 => Just(other.nickname.to_uppercase()),
        5 => text_for(10, false),
        1 => proptest::string::string_regex("[가-힣]{1,4}[\u{202E}\u{200B}\u{3164}\u{0301}ㅋ]{1,2}[가-힣]{1,4}")
            .expect("regex"),
    ];
    let mut current = student.nickname.clone();
    for _ in 0..110 {
        let nickname = gen.draw(&nickname);
        let reply = probe.send(&client, "account/nickname", &[("nickname", &nickname)]).await;
        let what = format!("nickname {}", show(&nickname));
        match judge_nickname(&nickname) {
            Err(messages) => {
                probe.refused(&reply, Refusal::Fields(&[("nickname", &messages)]), &what);
            }
            Ok(wanted) if wanted == current => {
                let messages: &[&'static str] = &[text::profile::SAME_NICKNAME];
                probe.refused(&reply, Refusal::Fields(&[("nickname", messages)]), &what);
            }
            Ok(wanted) if wanted.to_lowercase() == other.nickname.to_lowercase() => {
                let messages: &[&'static str] = &[text::auth::NICKNAME_TAKEN];
                probe.refused(&reply, Refusal::Fields(&[("nickname", messages)]), &what);
            }
            Ok(wanted) => {
                probe.accepted(&reply, &what);
                let me = probe.app.whoami(&client).await.expect("me");
                assert_eq!(me["nickname"], wanted.as_str(), "{what}: stored differently");
                probe.round_tripped();
                current = wanted;
            }
        }
    }

    let new_password = prop_oneof![
        2 => proptest::string::string_regex("[a-z가-힣]{5,12}[0-9!@# ]{1,4}").expect("regex"),
        5 => text_for(64, false),
        1 => proptest::string::string_regex("[a-z]{8,20}|[0-9]{8,12}|.{0,7}|[a-z0-9]{65,70}").expect("regex"),
    ];
    let mistyped = prop_oneof![5 => Just(None), 1 => text_for(64, false).prop_map(Some)];
    let mut password = PASSWORD.to_owned();
    for _ in 0..40 {
        let new = gen.draw(&new_password);
        let confirm = gen.draw(&mistyped).unwrap_or_else(|| new.clone());
        let fields = [
            ("current_password", password.as_str()),
            ("new_password", new.as_str()),
            ("new_password_confirm", confirm.as_str()),
        ];
        let reply = probe.send(&client, "account/password", &fields).await;
        let what = format!("new password {} confirmed as {}", show(&new), show(&confirm));
        match judge_password(&new) {
            Err(messages) => {
                probe.refused(&reply, Refusal::Fields(&[("new_password", &messages)]), &what);
            }
            Ok(()) if confirm != new => {
                let messages: &[&'static str] = &[text::auth::PASSWORD_MISMATCH];
                probe.refused(&reply, Refusal::Fields(&[("new_password_confirm", messages)]), &what);
            }
            Ok(()) if new == password => {
                let messages: &[&'static str] = &[text::profile::SAME_PASSWORD];
                probe.refused(&reply, Refusal::Fields(&[("new_password", messages)]), &what);
            }
            Ok(()) => {
                probe.accepted(&reply, &what);
                let fresh = new_client();
                let login = probe.app.log_in(&fresh, &student.username, &new).await;
                assert_eq!(login.status(), StatusCode::OK, "{what}: the new password does not log in");
                probe.round_tripped();
                password = new;
            }
        }
    }
    // A wrong current password, however odd, is a field error.
    for wrong in ["".to_owned(), "\0".to_owned(), "x".repeat(10_000), "<script>alert(1)</script>".to_owned()]
    {
        let fields = [
            ("current_password", wrong.as_str()),
            ("new_password", "another-pass-9"),
            ("new_password_confirm", "another-pass-9"),
        ];
        let reply = probe.send(&client, "account/password", &fields).await;
        let messages: &[&'static str] = &[text::profile::WRONG_PASSWORD];
        probe.refused(
            &reply,
            Refusal::Fields(&[("current_password", messages)]),
            &format!("current {wrong:?}"),
        );
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn account_deletion_refuses_wrong_passwords_of_any_shape() {
    let mut probe = Probe::new("account deletion").await;
    let (student, client) = probe.student().await;
    // Four wrong guesses: a fifth would lock the account (and the right password with it) for a while.
    for wrong in
        ["\0\0\0\0".to_owned(), "\u{202E}drowssap".to_owned(), "가".repeat(5_000), "' OR 1=1 --".to_owned()]
    {
        let reply = probe.send(&client, "account/delete", &[("password", &wrong)]).await;
        let messages: &[&'static str] = &[text::profile::WRONG_PASSWORD];
        probe.refused(
            &reply,
            Refusal::Fields(&[("password", messages)]),
            &format!("delete with {}", show(&wrong)),
        );
    }
    let reply = probe.send(&client, "account/delete", &[]).await;
    probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), "delete without a password");
    let reply = probe.send(&client, "account/delete", &[("password", PASSWORD)]).await;
    probe.accepted(&reply, "delete with the password");
    let fresh = new_client();
    let login = probe.app.log_in(&fresh, &student.username, PASSWORD).await;
    assert_eq!(login.status(), StatusCode::UNAUTHORIZED, "a deleted account logs in");
    probe.finish();
}

// ---------------------------------------------------------------------------------------------------------
// Posts, comments, reports and searches.
// ---------------------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn posts_refuse_bad_titles_and_bodies_and_keep_good_ones_byte_for_byte() {
    let mut probe = Probe::new("posts").await;
    let mut gen = Gen::new();
    let (_, client) = probe.student().await;
    let board = probe.app.board_id(&client, "free").await;
    let board = board.to_string();
    let title = prop_oneof![2 => text_for(100, false), 1 => line(1..=40)];
    let body = prop_oneof![2 => text_for(5_000, true), 1 => words(1..=200)];
    let mut previous: Option<(String, String)> = None;
    let mut post_id = None;
    for _ in 0..170 {
        let (title, body) = (gen.draw(&title), gen.draw(&body));
        let fields = [("board_id", board.as_str()), ("title", title.as_str()), ("body", body.as_str())];
        let encoded = encode(&fields);
        let body_len = encoded.len();
        let reply = probe.raw(&client, "posts/write", encoded).await;
        let what = format!("post {} / {}", show(&title), show(&body));
        let (title_verdict, body_verdict) = (rules::TITLE.judge(&title), rules::BODY.judge(&body));
        let duplicate = matches!((&title_verdict, &body_verdict, &previous),
            (Ok(t), Ok(b), Some((pt, pb))) if t == pt && b == pb);
        if duplicate && body_len <= BODY_LIMIT {
            let messages: &[&'static str] = &[text::community::DUPLICATE_POST];
            probe.refused(&reply, Refusal::Fields(&[("body", messages)]), &what);
            continue;
        }
        let verdicts = [("title", ok_or_messages(&title_verdict)), ("body", ok_or_messages(&body_verdict))];
        if let Some(id) = probe.judge(&reply, body_len, &verdicts, &what) {
            let id = id.as_i64().expect("post id");
            let (title, body) = (title_verdict.expect("valid"), body_verdict.expect("valid"));
            let post = probe.app.get_post(&client, id).await.expect("the post reads back");
            assert_eq!(post["title"], title.as_str(), "{what}: title altered");
            assert_eq!(post["body"], body.as_str(), "{what}: body altered");
            probe.round_tripped();
            previous = Some((title, body));
            post_id = Some(id);
        }
    }

    // Editing applies the same rules.
    let post = post_id.expect("some post was accepted").to_string();
    for _ in 0..130 {
        let (title, body) = (gen.draw(&title), gen.draw(&body));
        let fields = [("post_id", post.as_str()), ("title", title.as_str()), ("body", body.as_str())];
        let encoded = encode(&fields);
        let body_len = encoded.len();
        let reply = probe.raw(&client, "posts/edit", encoded).await;
        let what = format!("edit {} / {}", show(&title), show(&body));
        let (title_verdict, body_verdict) = (rules::TITLE.judge(&title), rules::BODY.judge(&body));
        let verdicts = [("title", ok_or_messages(&title_verdict)), ("body", ok_or_messages(&body_verdict))];
        if probe.judge(&reply, body_len, &verdicts, &what).is_some() {
            let id = post.parse().expect("id");
            let stored = probe.app.get_post(&client, id).await.expect("the post reads back");
            assert_eq!(stored["title"], title_verdict.expect("valid").as_str(), "{what}: title altered");
            assert_eq!(stored["body"], body_verdict.expect("valid").as_str(), "{what}: body altered");
            probe.round_tripped();
        }
    }
    probe.finish();
}

/// Finds a comment (or reply) of a post's JSON by id.
fn find_comment(post: &Value, id: i64) -> Option<Value> {
    let comments = post["comments"].as_array()?;
    comments
        .iter()
        .chain(comments.iter().flat_map(|c| c["replies"].as_array().into_iter().flatten()))
        .find(|c| c["id"].as_i64() == Some(id))
        .cloned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn comments_refuse_bad_bodies_and_keep_good_ones_byte_for_byte() {
    let mut probe = Probe::new("comments").await;
    let mut gen = Gen::new();
    let (author, reader, _, post) = probe.app.post_with_reader("댓글 받는 글").await;
    let post = post.to_string();
    let body = prop_oneof![3 => text_for(1_000, true), 1 => words(1..=100)];
    let mut comment_id = None;
    for i in 0..170 {
        let body = gen.draw(&body);
        let client = if i % 2 == 0 { &reader } else { &author };
        let mut fields = vec![("post_id", post.as_str()), ("body", body.as_str())];
        if i % 3 == 0 {
            fields.push(("anonymous", "on"));
        }
        let encoded = encode(&fields);
        let body_len = encoded.len();
        let reply = probe.raw(client, "comments/write", encoded).await;
        let what = format!("comment {}", show(&body));
        let verdict = rules::COMMENT.judge(&body);
        if let Some(id) = probe.judge(&reply, body_len, &[("body", ok_or_messages(&verdict))], &what) {
            let id = id.as_i64().expect("comment id");
            let thread = probe.app.get_post(client, post.parse().expect("id")).await.expect("post");
            let comment = find_comment(&thread, id).expect("the comment is on the post");
            assert_eq!(comment["body"], verdict.expect("valid").as_str(), "{what}: altered");
            probe.round_tripped();
            if i % 2 == 0 {
                comment_id = Some(id);
            }
        }
    }
    let comment = comment_id.expect("some comment was accepted").to_string();
    for _ in 0..110 {
        let body = gen.draw(&body);
        let fields = [("comment_id", comment.as_str()), ("body", body.as_str())];
        let encoded = encode(&fields);
        let body_len = encoded.len();
        let reply = probe.raw(&reader, "comments/edit", encoded).await;
        let what = format!("comment edit {}", show(&body));
        let verdict = rules::COMMENT.judge(&body);
        if probe.judge(&reply, body_len, &[("body", ok_or_messages(&verdict))], &what).is_some() {
            let thread = probe.app.get_post(&reader, post.parse().expect("id")).await.expect("post");
            let stored = find_comment(&thread, comment.parse().expect("id")).expect("comment");
            assert_eq!(stored["body"], verdict.expect("valid").as_str(), "{what}: altered");
            probe.round_tripped();
        }
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn messages_refuse_bad_bodies_and_keep_good_ones_byte_for_byte() {
    let mut probe = Probe::new("messages").await;
    let mut gen = Gen::new();
    let (author, reader, _, post) = probe.app.post_with_reader("쪽지 받는 글").await;
    let post = post.to_string();
    let body = prop_oneof![3 => text_for(1_000, true), 1 => words(1..=100)];
    let mut conversation = None;
    for i in 0..200 {
        let body = gen.draw(&body);
        // The first accepted start opens the conversation; the rest are sent in it, from either side.
        let (client, endpoint, fields) = match &conversation {
            None => (&reader, "messages/start", vec![("post_id", post.clone()), ("body", body.clone())]),
            Some(id) => {
                let client = if i % 2 == 0 { &reader } else { &author };
                (client, "messages/send", vec![("conversation_id", format!("{id}")), ("body", body.clone())])
            }
        };
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let encoded = encode(&fields);
        let body_len = encoded.len();
        let reply = probe.raw(client, endpoint, encoded).await;
        let what = format!("{endpoint} {}", show(&body));
        let verdict = rules::MESSAGE.judge(&body);
        if let Some(answer) = probe.judge(&reply, body_len, &[("body", ok_or_messages(&verdict))], &what) {
            let id = *conversation
                .get_or_insert_with(|| answer["conversation_id"].as_i64().expect("conversation"));
            let form = [("conversation_id", id.to_string())];
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let opened: serde_json::Value =
                probe.app.call(client, "messages/open", &form).await.json().await.expect("open");
            let newest =
                opened["messages"]["messages"].as_array().and_then(|m| m.last().cloned()).expect("a message");
            assert_eq!(newest["body"], verdict.expect("valid").as_str(), "{what}: altered");
            probe.round_tripped();
        }
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reports_refuse_unknown_targets_and_reasons() {
    let mut probe = Probe::new("reports").await;
    let mut gen = Gen::new();
    let (author, reader, _, first) = probe.app.post_with_reader("신고 대상").await;
    let board = probe.app.board_id(&author, "free").await;
    let comment: i64 = probe
        .app
        .comment(&author, first, None, "신고 대상 댓글", false)
        .await
        .json()
        .await
        .expect("comment id");
    let target = prop_oneof![
        4 => Just("post".to_owned()),
        2 => Just("comment".to_owned()),
        2 => proptest::sample::select(vec!["", "POST", " post", "posts", "user", "post\0", "comment;--"])
            .prop_map(str::to_owned),
        1 => text_for(10, false),
    ];
    let reason_codes: Vec<&'static str> = ReportReason::ALL.iter().map(|r| r.code()).collect();
    let reason = prop_oneof![
        3 => proptest::sample::select(reason_codes).prop_map(str::to_owned),
        2 => number_text(),
        1 => search_text(),
        1 => proptest::sample::select(ReportReason::ALL.iter().map(|r| r.label()).collect::<Vec<_>>())
            .prop_map(str::to_owned),
        1 => proptest::sample::select(vec!["SPAM", " spam", "spam\0", "abuse;--"]).prop_map(str::to_owned),
    ];
    let mut posts = vec![first];
    let mut reported: HashSet<(String, i64)> = HashSet::new();
    for i in 0..110 {
        // A fresh post now and then, so that good reports have something new to report.
        if i % 12 == 0 {
            posts.push(probe.app.write_post(&author, board, &format!("신고 대상 {i}"), false).await);
        }
        let target = gen.draw(&target);
        let reason = gen.draw(&reason);
        let target_id = if target == "comment" { comment } else { posts[i % posts.len()] };
        let fields =
            [("target", target.as_str()), ("target_id", &target_id.to_string()), ("reason", &reason)];
        let reply = probe.send(&reader, "reports/create", &fields).await;
        let what = format!("report {target:?} {target_id} for {}", show(&reason));
        // Codes are taken exactly as sent: no trimming, no case folding.
        let reason_ok = ReportReason::from_code(&reason).is_some();
        if !matches!(target.as_str(), "post" | "comment") {
            let messages: &[&'static str] = &[text::errors::UNKNOWN_CHOICE];
            probe.refused(&reply, Refusal::Fields(&[("target", messages)]), &what);
        } else if !reason_ok {
            let messages: &[&'static str] = &[text::community::REPORT_REASON_INVALID];
            probe.refused(&reply, Refusal::Fields(&[("reason", messages)]), &what);
        } else if !reported.insert((target.clone(), target_id)) {
            probe.refused(&reply, Refusal::Status(StatusCode::CONFLICT), &what);
        } else {
            probe.accepted(&reply, &what);
        }
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn searches_refuse_short_or_control_text_and_treat_everything_else_as_literal_text() {
    let mut probe = Probe::new("searches").await;
    let mut gen = Gen::new();
    let (_, client) = probe.student().await;
    let board = probe.app.board_id(&client, "free").await;
    for title in ["100%_달성", "' OR 1=1 -- 글", "평범한 글", "back\\slash 글"] {
        probe.app.write_post(&client, board, title, false).await;
    }
    let query = search_text();
    for _ in 0..110 {
        let query = gen.draw(&query);
        let reply = probe.send(&client, "posts/list", &[("kind", "search"), ("query", &query)]).await;
        let what = format!("post search {}", show(&query));
        match rules::POST_SEARCH.judge(&query) {
            Err(messages) => {
                probe.refused(&reply, Refusal::Fields(&[("query", &messages)]), &what);
            }
            Ok(wanted) => {
                let page = probe.accepted(&reply, &what);
                // Wildcards and quotes are text: every post found holds the query.
                let wanted: String = wanted.chars().take(100).collect();
                for found in page["posts"].as_array().expect("posts") {
                    let post =
                        probe.app.get_post(&client, found["id"].as_i64().expect("id")).await.expect("post");
                    let haystack = format!("{} {}", post["title"], post["body"]).to_lowercase();
                    let needle = serde_json::to_string(&wanted.to_lowercase()).expect("json");
                    assert!(
                        haystack.contains(needle.trim_matches('"')),
                        "{what}: found a post without the text: {}",
                        post["title"]
                    );
                }
            }
        }
    }
    // The same queries at the catalogue and the professor lookup, with odd filters.
    let category = prop_oneof![
        3 => Just(None),
        2 => proptest::sample::select(CourseCategory::ALL.iter().map(|c| c.code()).collect::<Vec<_>>())
            .prop_map(|c| Some(c.to_owned())),
        1 => proptest::sample::select(CourseCategory::ALL.iter().map(|c| c.label()).collect::<Vec<_>>())
            .prop_map(|c| Some(c.to_owned())),
        1 => Just(Some(String::new())),
        2 => text_for(10, false).prop_map(Some),
    ];
    let sort_codes: Vec<&'static str> = CourseSort::ALL.iter().map(|s| s.code()).collect();
    let sort = prop_oneof![
        3 => Just(None),
        2 => proptest::sample::select(sort_codes).prop_map(|s| Some(s.to_owned())),
        1 => Just(Some(String::new())),
        1 => text_for(10, false).prop_map(Some),
    ];
    for _ in 0..110 {
        let (q, category, sort) = (gen.draw(&query), gen.draw(&category), gen.draw(&sort));
        let mut fields = vec![("q", q.as_str())];
        if let Some(category) = category.as_deref() {
            fields.push(("category", category));
        }
        if let Some(sort) = sort.as_deref() {
            fields.push(("sort", sort));
        }
        let reply = probe.send(&client, "courses/search", &fields).await;
        let what = format!("course search {} in {category:?} by {sort:?}", show(&q));
        let text_verdict =
            if q.trim().is_empty() { Ok(()) } else { ok_or_messages(&rules::CATALOGUE_SEARCH.judge(&q)) };
        let category_verdict = match category.as_deref() {
            None | Some("") => Ok(()),
            Some(c) if CourseCategory::from_code(c).is_some() => Ok(()),
            Some(_) => Err(vec![text::timetable::CATEGORY_INVALID]),
        };
        let sort_verdict = match sort.as_deref() {
            None | Some("") => Ok(()),
            Some(s) if CourseSort::from_code(s).is_some() => Ok(()),
            Some(_) => Err(vec![text::errors::UNKNOWN_CHOICE]),
        };
        // The filters are checked in order and the first bad one is named.
        let verdicts = if text_verdict.is_err() {
            [("q", text_verdict)]
        } else if category_verdict.is_err() {
            [("category", category_verdict)]
        } else {
            [("sort", sort_verdict)]
        };
        probe.judge(&reply, 0, &verdicts, &what);
    }
    for _ in 0..70 {
        let q = gen.draw(&query);
        let reply = probe.send(&client, "professors/search", &[("q", &q)]).await;
        let what = format!("professor search {}", show(&q));
        let verdict = ok_or_messages(&rules::CATALOGUE_SEARCH.judge(&q));
        if let Some(found) = probe.judge(&reply, 0, &[("q", verdict)], &what) {
            for professor in found.as_array().expect("list") {
                let name = professor["name"].as_str().expect("name").to_lowercase();
                let wanted: String = q.trim().chars().take(50).collect::<String>().to_lowercase();
                assert!(name.contains(&wanted), "{what}: {name}");
            }
        }
    }
    // The 강의평 search takes the same text as the catalogue's.
    for _ in 0..40 {
        let q = gen.draw(&query);
        let reply = probe.send(&client, "reviews/search", &[("q", &q)]).await;
        let what = format!("review search {}", show(&q));
        let verdict = ok_or_messages(&rules::CATALOGUE_SEARCH.judge(&q));
        probe.judge(&reply, 0, &[("q", verdict)], &what);
    }
    // A professor's page by name: anything that is not a professor of the school is not found.
    let (_, course) = some_course(&probe, &client).await;
    let real = course["professor"].as_str().map(str::to_owned);
    let name = prop_oneof![
        4 => text_for(20, false),
        1 => Just(real.clone().unwrap_or_default()),
        1 => Just(format!(" {} ", real.clone().unwrap_or_default())),
        1 => Just(format!("{}\0", real.clone().unwrap_or_default())),
    ];
    for _ in 0..50 {
        let name = gen.draw(&name);
        let reply = probe.send(&client, "professors/get", &[("name", &name)]).await;
        let what = format!("professor {}", show(&name));
        if real.as_deref() == Some(name.trim()) {
            let detail = probe.accepted(&reply, &what);
            assert_eq!(detail["name"], name.trim(), "{what}");
        } else {
            probe.refused(&reply, Refusal::Status(StatusCode::NOT_FOUND), &what);
        }
    }
    probe.finish();
}

// ---------------------------------------------------------------------------------------------------------
// Friends.
// ---------------------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn friend_forms_answer_any_username_with_a_4xx_unless_it_names_a_student() {
    let mut probe = Probe::new("friends").await;
    let mut gen = Gen::new();
    let (me, client) = probe.student().await;
    let (friend, friend_client) = probe.student().await;
    let username = prop_oneof![
        5 => text_for(20, false),
        2 => proptest::string::string_regex("[a-z0-9_]{4,20}").expect("regex"),
        1 => Just(friend.username.to_uppercase()),
        1 => Just(format!("\u{3000}{}\u{00A0}", friend.username)),
        1 => Just(format!("{}\0", friend.username)),
    ];
    let endpoints = [
        "friends/request",
        "friends/accept",
        "friends/decline",
        "friends/cancel",
        "friends/remove",
        "friends/block",
        "friends/unblock",
    ];
    for i in 0..150 {
        let username = gen.draw(&username);
        let endpoint = endpoints[i % endpoints.len()];
        let reply = probe.send(&client, endpoint, &[("username", &username)]).await;
        let what = format!("{endpoint} {}", show(&username));
        let names_friend = username.trim().eq_ignore_ascii_case(&friend.username);
        if username.trim().is_empty() {
            let messages: &[&'static str] = &[text::friends::USERNAME_REQUIRED];
            probe.refused(&reply, Refusal::Fields(&[("username", messages)]), &what);
        } else if !names_friend {
            probe.refused(&reply, Refusal::Status(StatusCode::NOT_FOUND), &what);
        } else {
            // The real student: each form does what it says (or refuses with a 4xx when it does not apply).
            assert!(
                reply.status == StatusCode::OK || reply.status.is_client_error(),
                "{what}: {}",
                reply.body
            );
            if reply.status == StatusCode::OK {
                probe.accepted(&reply, &what);
            } else {
                probe.refused(&reply, Refusal::Any, &what);
            }
        }
    }
    // A request by a username typed with spaces reaches the student, and the lists name them exactly.
    for undo in ["friends/unblock", "friends/cancel", "friends/remove"] {
        probe.app.call(&client, undo, &[("username", &friend.username)]).await;
    }
    let reply =
        probe.send(&client, "friends/request", &[("username", &format!(" {} ", friend.username))]).await;
    probe.accepted(&reply, "a request with spaces around the name");
    let lists: Value = probe.app.call(&friend_client, "friends/list", &[]).await.json().await.expect("lists");
    assert_eq!(lists["incoming"][0]["username"], me.username.as_str());
    assert_eq!(lists["incoming"][0]["nickname"], me.nickname.as_str());
    probe.round_tripped();

    // Another student's timetable by username.
    for _ in 0..50 {
        let username = gen.draw(&username);
        let reply = probe.send(&client, "timetables/of", &[("username", &username)]).await;
        let what = format!("timetable of {}", show(&username));
        if username.trim().eq_ignore_ascii_case(&friend.username) {
            let shown = probe.accepted(&reply, &what);
            assert_eq!(shown["nickname"], friend.nickname.as_str());
        } else {
            probe.refused(&reply, Refusal::Status(StatusCode::NOT_FOUND), &what);
        }
    }
    probe.finish();
}

// ---------------------------------------------------------------------------------------------------------
// Timetables and reviews.
// ---------------------------------------------------------------------------------------------------------

fn current_semester() -> String {
    campus::model::timetable::Semester::current(campus::server::now()).0.to_string()
}

/// The student's timetables of the current semester, with the open one.
async fn timetables(probe: &Probe, client: &Client, open: Option<i64>) -> Value {
    let open = open.map(|id| id.to_string());
    let mut form = vec![];
    if let Some(open) = open.as_deref() {
        form.push(("timetable_id", open));
    }
    let response = probe.app.call(client, "timetables/mine", &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("timetables")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn timetable_names_and_custom_entries_refuse_bad_text_and_keep_good_text() {
    let mut probe = Probe::new("timetables").await;
    let mut gen = Gen::new();
    let (_, client) = probe.student().await;
    let semester = current_semester();
    let name = prop_oneof![3 => text_for(20, false), 1 => line(1..=20)];
    let mut names: HashSet<String> = HashSet::new();
    let mut last_id = None;
    for _ in 0..90 {
        let name = gen.draw(&name);
        let reply =
            probe.send(&client, "timetables/create", &[("semester", &semester), ("name", &name)]).await;
        let what = format!("timetable {}", show(&name));
        match rules::TIMETABLE_NAME.judge(&name) {
            Err(messages) => {
                probe.refused(&reply, Refusal::Fields(&[("name", &messages)]), &what);
            }
            Ok(wanted) if names.contains(&wanted) => {
                probe.refused(&reply, Refusal::Status(StatusCode::CONFLICT), &what);
            }
            Ok(wanted) => {
                let id = probe.accepted(&reply, &what).as_i64().expect("id");
                let listed = timetables(&probe, &client, Some(id)).await;
                assert_eq!(listed["open"]["summary"]["name"], wanted.as_str(), "{what}: altered");
                probe.round_tripped();
                names.insert(wanted);
                last_id = Some(id);
            }
        }
    }
    let timetable = last_id.expect("a timetable was made");
    for _ in 0..50 {
        let name = gen.draw(&name);
        let fields = [("timetable_id", timetable.to_string()), ("name", name.clone())];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = probe.send(&client, "timetables/rename", &fields).await;
        let what = format!("rename to {}", show(&name));
        let current = timetables(&probe, &client, Some(timetable)).await["open"]["summary"]["name"]
            .as_str()
            .expect("name")
            .to_owned();
        match rules::TIMETABLE_NAME.judge(&name) {
            Err(messages) => {
                probe.refused(&reply, Refusal::Fields(&[("name", &messages)]), &what);
            }
            Ok(wanted) if names.contains(&wanted) && wanted != current => {
                probe.refused(&reply, Refusal::Status(StatusCode::CONFLICT), &what);
            }
            Ok(wanted) => {
                probe.accepted(&reply, &what);
                let listed = timetables(&probe, &client, Some(timetable)).await;
                assert_eq!(listed["open"]["summary"]["name"], wanted.as_str(), "{what}: altered");
                probe.round_tripped();
                names.remove(&current);
                names.insert(wanted);
            }
        }
    }

    // Custom entries: name, professor, room, weekday, start and end.
    let detail = prop_oneof![2 => Just(String::new()), 3 => text_for(20, false)];
    let weekday = prop_oneof![6 => (0..7i64).prop_map(|d| d.to_string()), 1 => number_text()];
    let clock = prop_oneof![
        6 => (8..20u32, 0..12u32).prop_map(|(h, m)| format!("{h:02}:{:02}", m * 5)),
        1 => proptest::sample::select(vec!["", "25:00", "12:03", "9:5", "12", "ab:cd", "12:00:00", "-1:00", "１２:００", "\0"])
            .prop_map(str::to_owned),
        1 => text_for(5, false),
    ];
    for _ in 0..130 {
        let (name, professor, room) = (gen.draw(&name), gen.draw(&detail), gen.draw(&detail));
        let (weekday, start, end) = (gen.draw(&weekday), gen.draw(&clock), gen.draw(&clock));
        let timetable_id = timetable.to_string();
        let fields = [
            ("timetable_id", timetable_id.as_str()),
            ("name", name.as_str()),
            ("professor", professor.as_str()),
            ("room", room.as_str()),
            ("weekday", weekday.as_str()),
            ("start", start.as_str()),
            ("end", end.as_str()),
        ];
        let reply = probe.send(&client, "timetables/add-custom", &fields).await;
        let what = format!("custom entry {}", show(&format!("{fields:?}")));
        let Ok(weekday) = weekday.parse::<i64>() else {
            probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), &what);
            continue;
        };
        // Times are checked by their own rules (the model's unit tests cover them); here they only decide
        // whether the text fields alone settle the answer.
        let clock = campus::model::timetable::parse_clock;
        let times_ok =
            matches!((clock(&start), clock(&end)), (Some(s), Some(e)) if s % 5 == 0 && e % 5 == 0 && s < e);
        let name_verdict = rules::ENTRY_NAME.judge(&name);
        let professor_verdict = rules::ENTRY_DETAIL.judge_optional(&professor);
        let room_verdict = rules::ENTRY_DETAIL.judge_optional(&room);
        let mut verdicts = vec![
            ("name", ok_or_messages(&name_verdict)),
            ("professor", ok_or_messages(&professor_verdict)),
            ("room", ok_or_messages(&room_verdict)),
        ];
        if !(0..=6).contains(&weekday) {
            verdicts.push(("weekday", Err(vec![text::timetable::WEEKDAY_INVALID])));
        }
        if !times_ok {
            // Which of start or end is named depends on what is wrong with them.
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {}", reply.body);
            probe.refused(&reply, Refusal::Any, &what);
            continue;
        }
        if let Some(id) = probe.judge(&reply, 0, &verdicts, &what) {
            let id = id.as_i64().expect("entry id");
            let listed = timetables(&probe, &client, Some(timetable)).await;
            let entry = listed["open"]["entries"]
                .as_array()
                .expect("entries")
                .iter()
                .find(|e| e["id"].as_i64() == Some(id))
                .cloned()
                .expect("the entry is listed");
            assert_eq!(entry["name"], name_verdict.expect("valid").as_str(), "{what}: name altered");
            assert_eq!(
                entry["professor"],
                professor_verdict.expect("valid").as_str(),
                "{what}: professor altered"
            );
            assert_eq!(entry["room"], room_verdict.expect("valid").as_str(), "{what}: room altered");
            probe.round_tripped();
            let reply =
                probe.send(&client, "timetables/remove-entry", &[("entry_id", &id.to_string())]).await;
            probe.accepted(&reply, "removing the entry again");
        }
    }
    probe.finish();
}

/// A course of the current semester's catalogue: (id, its JSON).
async fn some_course(probe: &Probe, client: &Client) -> (i64, Value) {
    let page: Value = probe.app.call(client, "courses/search", &[]).await.json().await.expect("courses");
    let course = page["courses"][0].clone();
    (course["id"].as_i64().expect("course id"), course)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reviews_refuse_bad_text_and_answers_and_keep_good_text() {
    let mut probe = Probe::new("reviews").await;
    let mut gen = Gen::new();
    let (_, client) = probe.student().await;
    let (course, _) = some_course(&probe, &client).await;
    let course = course.to_string();
    let body = prop_oneof![3 => text_for(1_000, true), 1 => words(10..=200)];
    fn answer<T: Code>() -> BoxedStrategy<String> {
        let codes: Vec<&'static str> = T::ALL.iter().map(|a| a.code()).collect();
        prop_oneof![
            6 => proptest::sample::select(codes).prop_map(str::to_owned),
            1 => number_text(),
            1 => proptest::sample::select(vec!["", "MANY", " many", "many\0", "보통"]).prop_map(str::to_owned),
        ]
        .boxed()
    }
    let (stars, amount, grading, attendance, exams) = (
        prop_oneof![4 => (1..6i64).prop_map(|n| n.to_string()), 1 => number_text()],
        answer::<Amount>(),
        answer::<Grading>(),
        answer::<Attendance>(),
        prop_oneof![6 => (0..11i64).prop_map(|n| n.to_string()), 1 => number_text()],
    );
    for _ in 0..110 {
        let body = gen.draw(&body);
        let values = [
            ("stars", gen.draw(&stars)),
            ("assignments", gen.draw(&amount)),
            ("team_projects", gen.draw(&amount)),
            ("grading", gen.draw(&grading)),
            ("attendance", gen.draw(&attendance)),
            ("exams", gen.draw(&exams)),
        ];
        let mut fields = vec![("course_id", course.as_str()), ("body", body.as_str())];
        fields.extend(values.iter().map(|(k, v)| (*k, v.as_str())));
        let encoded = encode(&fields);
        let body_len = encoded.len();
        let reply = probe.raw(&client, "reviews/write", encoded).await;
        let what = format!("review {}", show(&format!("{fields:?}")));
        // Stars and exams are integers: anything else is a malformed request. The answers are codes.
        let numbers: Vec<Option<i64>> =
            [&values[0].1, &values[5].1].iter().map(|v| v.parse::<i64>().ok()).collect();
        if body_len <= BODY_LIMIT && numbers.iter().any(Option::is_none) {
            probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), &what);
            continue;
        }
        let (stars_given, exams_given) = (numbers[0].unwrap_or(0), numbers[1].unwrap_or(0));
        let answered = |ok: bool| if ok { Ok(()) } else { Err(vec![text::timetable::CHOOSE_ONE]) };
        let within = |value: i64, range: std::ops::Range<i64>, message: &'static str| {
            if range.contains(&value) {
                Ok(())
            } else {
                Err(vec![message])
            }
        };
        let verdict = rules::REVIEW.judge(&body);
        let verdicts = [
            ("body", ok_or_messages(&verdict)),
            ("stars", within(stars_given, 1..6, text::timetable::STARS_INVALID)),
            ("assignments", answered(Amount::from_code(&values[1].1).is_some())),
            ("team_projects", answered(Amount::from_code(&values[2].1).is_some())),
            ("grading", answered(Grading::from_code(&values[3].1).is_some())),
            ("attendance", answered(Attendance::from_code(&values[4].1).is_some())),
            ("exams", within(exams_given, 0..11, text::timetable::EXAMS_INVALID)),
        ];
        if let Some(id) = probe.judge(&reply, body_len, &verdicts, &what) {
            let id = id.as_i64().expect("review id");
            let detail: Value = probe
                .app
                .call(&client, "courses/get", &[("course_id", &course)])
                .await
                .json()
                .await
                .expect("course");
            let review = detail["reviews"]
                .as_array()
                .expect("reviews")
                .iter()
                .find(|r| r["id"].as_i64() == Some(id))
                .cloned()
                .expect("the review is shown");
            assert_eq!(review["content"]["body"], verdict.expect("valid").as_str(), "{what}: altered");
            probe.round_tripped();
            let reply = probe.send(&client, "reviews/delete", &[("review_id", &id.to_string())]).await;
            probe.accepted(&reply, "deleting the review again");
        }
    }
    probe.finish();
}

// ---------------------------------------------------------------------------------------------------------
// Malformed requests: wrong types, missing, unknown and repeated fields, broken encodings, huge bodies.
// ---------------------------------------------------------------------------------------------------------

/// A server function, a good form for it, and which of its fields are integers.
struct Form {
    endpoint: &'static str,
    fields: Vec<(&'static str, String)>,
    integers: &'static [&'static str],
    /// Fields that may be left out.
    optional: &'static [&'static str],
}

impl Form {
    fn new(
        endpoint: &'static str,
        fields: &[(&'static str, &str)],
        integers: &'static [&'static str],
        optional: &'static [&'static str],
    ) -> Self {
        Form {
            endpoint,
            fields: fields.iter().map(|(k, v)| (*k, v.to_string())).collect(),
            integers,
            optional,
        }
    }

    fn with(&self, name: &str, value: &str) -> Vec<(&'static str, String)> {
        self.fields.iter().map(|(k, v)| (*k, if *k == name { value.to_owned() } else { v.clone() })).collect()
    }
}

// ---------------------------------------------------------------------------------------------------------
// 학점계산기.
// ---------------------------------------------------------------------------------------------------------

/// Credits as a student might type them, with the verdict of the rule "0 to 10 in steps of 0.5, written as a
/// whole number or with .0 or .5" (surrounding spaces trimmed).
const CREDITS: [(&str, bool); 24] = [
    ("0", true),
    ("0.5", true),
    ("3", true),
    (" 3 ", true),
    ("2.0", true),
    ("10", true),
    ("9.5", true),
    ("10.5", false),
    ("11", false),
    ("-1", false),
    ("1.25", false),
    ("1.", false),
    (".5", false),
    ("", false),
    ("abc", false),
    ("３", false),
    ("1e1", false),
    ("0x3", false),
    ("NaN", false),
    ("3학점", false),
    ("1,5", false),
    ("99999999999999999999", false),
    ("3\u{0}", false),
    ("' OR 1=1 --", false),
];

/// A grade code as a form might send it, and on the 4.5 scale `None` (a grade; "" is 미입력) or the message
/// that refuses it.
const GRADES: [(&str, Option<&str>); 10] = [
    ("", None),
    ("A+", None),
    ("A0", None),
    ("F", None),
    ("P", None),
    ("NP", None),
    ("A-", Some(text::gpa::NO_MINUS_ON_45)),
    ("a+", Some(text::gpa::GRADE_INVALID)),
    ("A", Some(text::gpa::GRADE_INVALID)),
    ("<b>", Some(text::gpa::GRADE_INVALID)),
];

async fn gpa_book(probe: &Probe, client: &Client) -> Value {
    probe.app.call(client, "gpa", &[]).await.json().await.expect("book")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn gpa_terms_and_courses_refuse_bad_input_and_keep_good_input() {
    let mut probe = Probe::new("gpa").await;
    let mut gen = Gen::new();
    let (_, client) = probe.student().await;
    // Term names: up to 20 terms, each made and then deleted so the limit never decides.
    let name = prop_oneof![3 => text_for(20, false), 1 => line(1..=20)];
    for _ in 0..60 {
        let name = gen.draw(&name);
        let reply = probe.send(&client, "gpa/terms/create", &[("name", &name)]).await;
        let what = format!("term {}", show(&name));
        match rules::TERM_NAME.judge(&name) {
            Err(messages) => {
                probe.refused(&reply, Refusal::Fields(&[("name", &messages)]), &what);
            }
            Ok(wanted) => {
                let id = probe.accepted(&reply, &what).as_i64().expect("id");
                let listed = gpa_book(&probe, &client).await;
                let term = listed["terms"]
                    .as_array()
                    .expect("terms")
                    .iter()
                    .find(|t| t["id"].as_i64() == Some(id))
                    .cloned()
                    .expect("listed");
                assert_eq!(term["name"], wanted.as_str(), "{what}: altered");
                probe.round_tripped();
                let reply = probe.send(&client, "gpa/terms/delete", &[("term_id", &id.to_string())]).await;
                probe.accepted(&reply, "deleting the term again");
            }
        }
    }
    // Courses: name, credits and grade together, into one term, each deleted again.
    let term = probe.app.call(&client, "gpa/terms/create", &[("name", "검사 학기")]).await;
    let term: i64 = term.json().await.expect("term id");
    let term = term.to_string();
    let course_name = prop_oneof![3 => text_for(30, false), 1 => line(1..=30)];
    for round in 0..90 {
        let name = gen.draw(&course_name);
        let (credits, credits_ok) = CREDITS[round % CREDITS.len()];
        let (grade, grade_refusal) = GRADES[(round / 3) % GRADES.len()];
        let fields = [("term_id", term.as_str()), ("name", &name), ("credits", credits), ("grade", grade)];
        let reply = probe.send(&client, "gpa/courses/add", &fields).await;
        let what = format!("course {}", show(&format!("{fields:?}")));
        let name_verdict = rules::COURSE_NAME.judge(&name);
        let verdicts = [
            ("name", ok_or_messages(&name_verdict)),
            ("credits", if credits_ok { Ok(()) } else { Err(vec![text::gpa::CREDITS_INVALID]) }),
            ("grade", grade_refusal.map_or(Ok(()), |message| Err(vec![message]))),
        ];
        if let Some(id) = probe.judge(&reply, 0, &verdicts, &what) {
            let id = id.as_i64().expect("course id");
            let listed = gpa_book(&probe, &client).await;
            let course = listed["terms"][0]["courses"]
                .as_array()
                .expect("courses")
                .iter()
                .find(|c| c["id"].as_i64() == Some(id))
                .cloned()
                .expect("the course is listed");
            assert_eq!(course["name"], name_verdict.expect("valid").as_str(), "{what}: name altered");
            probe.round_tripped();
            let reply = probe.send(&client, "gpa/courses/delete", &[("course_id", &id.to_string())]).await;
            probe.accepted(&reply, "deleting the course again");
        }
    }
    // Scales: only the two codes.
    for (scale, ok) in
        [("4.5", true), ("4.3", true), ("4.0", false), ("", false), ("4,5", false), ("45", false)]
    {
        let reply = probe.send(&client, "gpa/scale", &[("scale", scale)]).await;
        let what = format!("scale {scale:?}");
        if ok {
            probe.accepted(&reply, &what);
        } else {
            probe.refused(&reply, Refusal::Fields(&[("scale", &[text::gpa::SCALE_INVALID])]), &what);
        }
    }
    probe.finish();
}

fn as_pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The `images` field of a post: anything but the student's own waiting uploads, at most the limit and each
/// once, is refused naming the field, and nothing is written.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn photo_attachments_and_uploads_refuse_garbage_with_a_korean_4xx() {
    let mut probe = Probe::new("photos").await;
    let mut gen = Gen::new();
    let (_, client) = probe.student().await;
    let board = probe.app.board_id(&client, "free").await.to_string();
    let list = prop_oneof![
        3 => number_text(),
        2 => proptest::collection::vec(number_text(), 1..12).prop_map(|ids| ids.join(",")),
        2 => payload(),
        1 => Just(",,,".to_owned()),
        1 => Just("1,1".to_owned()),
        1 => Just((1..=11).map(|n| n.to_string()).collect::<Vec<_>>().join(",")),
    ];
    let messages = [text::images::STALE, text::images::DUPLICATE, "사진은 한 글에 10장까지 올릴 수 있어요."];
    for round in 0..80 {
        let images = gen.draw(&list);
        let title = format!("사진 검사 {round}");
        let fields = [("board_id", board.as_str()), ("title", &title), ("body", "본문"), ("images", &images)];
        let reply = probe.send(&client, "posts/write", &fields).await;
        let what = format!("images {}", show(&images));
        if images.trim().is_empty() {
            probe.accepted(&reply, &what);
        } else {
            probe.refused(&reply, Refusal::Fields(&[("images", &messages)]), &what);
        }
    }
    let posts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM posts WHERE image_count > 0")
        .fetch_one(probe.app.db().pool())
        .await
        .expect("count");
    assert_eq!(posts, 0, "no post carries a photo nobody uploaded");

    // Upload bodies: bytes of every kind, some dressed as the start of an image, are refused with a 4xx and
    // a Korean message, never a 5xx.
    let headers: [&[u8]; 5] =
        [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"RIFF\0\0\0\0WEBPVP8 ", b"\0\0\0\x18ftypheic"];
    let tail = proptest::collection::vec(any::<u8>(), 0..4096);
    for round in 0..60 {
        let mut body = headers[round % headers.len()].to_vec();
        body.extend(gen.draw(&tail));
        probe.tally.tried += 1;
        let response = client.post(probe.app.url("/images")).body(body.clone()).send().await.expect("upload");
        let reply = Reply { status: response.status(), body: response.text().await.unwrap_or_default() };
        probe.refused(
            &reply,
            Refusal::Any,
            &format!("upload of {} bytes starting {:?}", body.len(), &body[..body.len().min(12)]),
        );
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn wrong_types_missing_unknown_and_repeated_fields_are_answered_with_a_4xx() {
    let mut probe = Probe::new("malformed fields").await;
    let mut gen = Gen::new();
    let (friend, _) = probe.student().await;
    let (_, client) = probe.student().await;
    let board = probe.app.board_id(&client, "free").await.to_string();
    let post =
        probe.app.write_post(&client, board.parse().expect("id"), "형식 검사", false).await.to_string();
    let comment: i64 = probe
        .app
        .comment(&client, post.parse().expect("id"), None, "댓글", false)
        .await
        .json()
        .await
        .expect("id");
    let comment = comment.to_string();
    let semester = current_semester();
    let timetable: i64 = probe
        .app
        .call(&client, "timetables/create", &[("semester", &semester), ("name", "형식")])
        .await
        .json()
        .await
        .expect("timetable id");
    let timetable = timetable.to_string();
    let (course, _) = some_course(&probe, &client).await;
    let course = course.to_string();
    // A notification of the student's: a schoolmate comments on their post.
    let (_, commenter) = probe.student().await;
    probe.app.comment(&commenter, post.parse().expect("id"), None, "알림이 갈 댓글", false).await;
    let notifications: Value =
        probe.app.call(&client, "notifications", &[]).await.json().await.expect("list");
    let notification = notifications["items"][0]["id"].as_i64().expect("a notification").to_string();
    let gpa_term: i64 = probe
        .app
        .call(&client, "gpa/terms/create", &[("name", "형식 학기")])
        .await
        .json()
        .await
        .expect("term id");
    let gpa_term = gpa_term.to_string();
    let gpa_course: i64 = probe
        .app
        .call(
            &client,
            "gpa/courses/add",
            &[("term_id", &gpa_term), ("name", "형식 과목"), ("credits", "3"), ("grade", "A0")],
        )
        .await
        .json()
        .await
        .expect("course id");
    let gpa_course = gpa_course.to_string();

    let forms = [
        Form::new(
            "posts/write",
            &[("board_id", &board), ("title", "제목"), ("body", "본문")],
            &["board_id"],
            &[],
        ),
        Form::new(
            "posts/edit",
            &[("post_id", &post), ("title", "제목"), ("body", "본문")],
            &["post_id"],
            &[],
        ),
        Form::new("posts/get", &[("post_id", &post)], &["post_id"], &[]),
        Form::new(
            "boards/posts",
            &[("board_id", &board), ("before", "100")],
            &["board_id", "before"],
            &["before"],
        ),
        Form::new("posts/list", &[("kind", "recent"), ("before", "5")], &["before"], &["before"]),
        Form::new(
            "comments/write",
            &[("post_id", &post), ("body", "댓글"), ("parent_id", &comment)],
            &["post_id", "parent_id"],
            &["parent_id"],
        ),
        Form::new("comments/edit", &[("comment_id", &comment), ("body", "댓글")], &["comment_id"], &[]),
        Form::new("posts/scrap", &[("post_id", &post), ("scrapped", "false")], &["post_id"], &[]),
        Form::new("boards/pin", &[("board_id", &board), ("pinned", "false")], &["board_id"], &[]),
        Form::new(
            "reports/create",
            &[("target", "post"), ("target_id", &post), ("reason", "abuse")],
            &["target_id"],
            &[],
        ),
        Form::new("friends/request", &[("username", &friend.username)], &[], &[]),
        Form::new("timetables/create", &[("semester", &semester), ("name", "새 시간표")], &["semester"], &[]),
        Form::new("timetables/shared", &[("timetable_id", &timetable)], &["timetable_id"], &[]),
        Form::new(
            "timetables/rename",
            &[("timetable_id", &timetable), ("name", "이름")],
            &["timetable_id"],
            &[],
        ),
        Form::new(
            "timetables/visibility",
            &[("timetable_id", &timetable), ("visibility", "friends")],
            &["timetable_id"],
            &[],
        ),
        Form::new(
            "timetables/mine",
            &[("semester", &semester), ("timetable_id", &timetable)],
            &["semester", "timetable_id"],
            &["semester", "timetable_id"],
        ),
        Form::new(
            "timetables/add-custom",
            &[
                ("timetable_id", &timetable),
                ("name", "동아리"),
                ("weekday", "2"),
                ("start", "18:00"),
                ("end", "19:00"),
            ],
            &["timetable_id", "weekday"],
            &[],
        ),
        Form::new(
            "courses/search",
            &[
                ("semester", &semester),
                ("q", "강의"),
                ("department_id", "1"),
                ("credits", "3"),
                ("weekday", "1"),
                ("offset", "0"),
            ],
            &["semester", "department_id", "credits", "weekday", "offset"],
            &["semester", "q", "department_id", "credits", "weekday", "offset"],
        ),
        Form::new("courses/get", &[("course_id", &course)], &["course_id"], &[]),
        Form::new(
            "reviews/write",
            &[
                ("course_id", &course),
                ("stars", "4"),
                ("body", "과제가 적당하고 설명이 친절합니다."),
                ("assignments", "average"),
                ("team_projects", "average"),
                ("grading", "average"),
                ("attendance", "roll_call"),
                ("exams", "2"),
            ],
            &["course_id", "stars", "exams"],
            &[],
        ),
        Form::new("professors/search", &[("q", "교수")], &[], &[]),
        Form::new("reviews/search", &[("q", "교수"), ("offset", "20")], &["offset"], &["offset"]),
        Form::new("reviews/recent", &[("before", "100")], &["before"], &["before"]),
        Form::new("reviews/mine", &[("before", "100")], &["before"], &["before"]),
        Form::new("notifications", &[("before", "100")], &["before"], &["before"]),
        Form::new("notifications/read", &[("notification_id", &notification)], &["notification_id"], &[]),
        Form::new("gpa/scale", &[("scale", "4.3")], &[], &[]),
        Form::new("gpa/terms/create", &[("name", "학기")], &[], &[]),
        Form::new("gpa/terms/rename", &[("term_id", &gpa_term), ("name", "바뀐 학기")], &["term_id"], &[]),
        Form::new(
            "gpa/courses/add",
            &[("term_id", &gpa_term), ("name", "과목"), ("credits", "3"), ("grade", "A0"), ("major", "on")],
            &["term_id"],
            &["grade", "major"],
        ),
        Form::new(
            "gpa/courses/edit",
            &[("course_id", &gpa_course), ("name", "고친 과목"), ("credits", "2.5"), ("grade", "P")],
            &["course_id"],
            &["grade"],
        ),
        Form::new(
            "gpa/import",
            &[("timetable_id", &timetable), ("term_id", &gpa_term)],
            &["timetable_id", "term_id"],
            &["term_id"],
        ),
    ];
    let number = number_text();
    for form in &forms {
        // Integers that are not integers are a malformed request; integers that name nothing are a 4xx.
        for name in form.integers {
            for _ in 0..9 {
                let value = gen.draw(&number);
                let reply = probe.send(&client, form.endpoint, &as_pairs(&form.with(name, &value))).await;
                let what = format!("{} with {name}={}", form.endpoint, show(&value));
                if value.parse::<i64>().is_err() && !(value.is_empty() && form.optional.contains(name)) {
                    probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), &what);
                } else if reply.status == StatusCode::OK {
                    probe.accepted(&reply, &what);
                } else {
                    probe.refused(&reply, Refusal::Any, &what);
                }
            }
        }
        // Each field left out.
        for (name, _) in &form.fields {
            let fields: Vec<(&str, &str)> =
                form.fields.iter().filter(|(k, _)| k != name).map(|(k, v)| (*k, v.as_str())).collect();
            let reply = probe.send(&client, form.endpoint, &fields).await;
            let what = format!("{} without {name}", form.endpoint);
            if form.optional.contains(name) {
                assert!(
                    reply.status == StatusCode::OK || reply.status.is_client_error(),
                    "{what}: {}",
                    reply.body
                );
                if reply.status == StatusCode::OK {
                    probe.accepted(&reply, &what);
                } else {
                    probe.refused(&reply, Refusal::Any, &what);
                }
            } else {
                probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), &what);
            }
        }
        // An unknown field is ignored; a field sent twice is refused or one of its values is taken.
        let mut extra = form.fields.clone();
        extra.push(("utm_source", "<script>alert(1)</script>".to_owned()));
        let reply = probe.send(&client, form.endpoint, &as_pairs(&extra)).await;
        let what = format!("{} with an unknown field", form.endpoint);
        if reply.status.is_client_error() {
            // The good form itself may be refused the second time (a duplicate post, a taken name).
            probe.refused(&reply, Refusal::Any, &what);
        } else {
            probe.accepted(&reply, &what);
        }
        for (name, value) in &form.fields {
            let mut twice = form.fields.clone();
            twice.push((name, format!("{value}0")));
            let reply = probe.send(&client, form.endpoint, &as_pairs(&twice)).await;
            let what = format!("{} with {name} twice", form.endpoint);
            if reply.status.is_client_error() {
                probe.refused(&reply, Refusal::Any, &what);
            } else {
                probe.accepted(&reply, &what);
            }
        }
    }
    // Nothing at all, and bodies that are not forms.
    let junk: [&[u8]; 11] = [
        b"",
        b"&&&",
        b"=",
        b"=x",
        b"%",
        b"%Z",
        b"title[]=x&title[]=y",
        b"title[a][b][c][d][e][f][g]=x",
        b"board_id=x&title=%&body=%ZZ",
        b"{\"title\":\"x\"}",
        b"\x00\x00\x00",
    ];
    for form in &forms {
        let all_optional = form.fields.iter().all(|(name, _)| form.optional.contains(name));
        for body in junk {
            let reply = probe.raw(&client, form.endpoint, body.to_vec()).await;
            let what = format!("{} with the body {:?}", form.endpoint, String::from_utf8_lossy(body));
            if all_optional && reply.status == StatusCode::OK {
                probe.accepted(&reply, &what);
            } else {
                probe.refused(&reply, Refusal::Any, &what);
            }
        }
    }
    probe.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn invalid_utf8_and_huge_bodies_are_refused_never_stored_or_failed() {
    let mut probe = Probe::new("encodings and sizes").await;
    let (_, client) = probe.student().await;
    let board = probe.app.board_id(&client, "free").await;
    let bad_sequences =
        ["%FF%FE", "%C0%AF", "%ED%A0%80", "%F8%88%80%80%80", "%80", "%E2%82", "%F4%90%80%80", "%FE%FF"];
    let raw_sequences: [&[u8]; 4] = [b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x80abc"];
    let title = |bad: &str| format!("board_id={board}&title=%EC%A0%9C%EB%AA%A9{bad}&body=ok");
    let body = |bad: &str| format!("board_id={board}&title=ok&body=a{bad}b");
    for bad in bad_sequences {
        for form in [title(bad), body(bad)] {
            let reply = probe.raw(&client, "posts/write", form.clone().into_bytes()).await;
            probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), &format!("post {form}"));
        }
        let reply =
            probe.raw(&client, "auth/login", format!("username=ab{bad}cd&password=x").into_bytes()).await;
        probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), &format!("log-in with {bad}"));
    }
    for bad in raw_sequences {
        let mut form = format!("board_id={board}&title=ok&body=").into_bytes();
        form.extend_from_slice(bad);
        let reply = probe.raw(&client, "posts/write", form).await;
        probe.refused(&reply, Refusal::Status(StatusCode::BAD_REQUEST), &format!("raw bytes {bad:?}"));
    }
    // Nothing of the above was stored.
    let mine: Value =
        probe.app.call(&client, "posts/list", &[("kind", "mine")]).await.json().await.expect("mine");
    assert_eq!(mine["posts"].as_array().map(Vec::len), Some(0), "a malformed post was stored: {mine}");

    // Valid percent-escapes of every width still arrive intact, U+FFFD included.
    let wanted = "가\u{FFFD}😀é\u{10FFFF}";
    let reply = probe
        .send(
            &client,
            "posts/write",
            &[("board_id", &board.to_string()), ("title", wanted), ("body", wanted)],
        )
        .await;
    let id = probe.accepted(&reply, "a post with every width of UTF-8").as_i64().expect("id");
    assert_eq!(probe.app.get_post(&client, id).await.expect("post")["title"], wanted);
    probe.round_tripped();

    // Huge bodies, with a declared length and streamed without one: a 413, promptly, or at worst the
    // connection closed while the client was still sending (the server need not read 20 MB to refuse it).
    let (student, _) = probe.student().await;
    let login: Value =
        probe.app.log_in(&new_client(), &student.username, PASSWORD).await.json().await.expect("login");
    let token = login["access_token"].as_str().expect("token").to_owned();
    let address = probe.app.base.trim_start_matches("http://").to_owned();
    for size in [65 * 1024, 2 * 1024 * 1024, 20 * 1024 * 1024] {
        let form = format!("board_id={board}&title=big&body={}", "a".repeat(size)).into_bytes();
        for streamed in [false, true] {
            let what = format!("{size} bytes{}", if streamed { " streamed" } else { "" });
            let started = std::time::Instant::now();
            let (address, token, form) = (address.clone(), token.clone(), form.clone());
            let answer = tokio::task::spawn_blocking(move || {
                post_over_socket(&address, "/api/posts/write", &token, form, streamed)
            })
            .await
            .expect("socket thread");
            probe.tally.tried += 1;
            match answer {
                Ok(reply) => {
                    probe.refused(&reply, Refusal::Status(StatusCode::PAYLOAD_TOO_LARGE), &what);
                }
                Err(error) => {
                    assert!(
                        !matches!(
                            error.kind(),
                            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
                        ),
                        "{what}: no answer: {error}"
                    );
                    probe.tally.refused += 1;
                }
            }
            assert!(started.elapsed() < Duration::from_secs(15), "{what} took {:?}", started.elapsed());
        }
    }
    let mine: Value =
        probe.app.call(&client, "posts/list", &[("kind", "mine")]).await.json().await.expect("mine");
    assert_eq!(mine["posts"].as_array().map(Vec::len), Some(1), "a huge post was stored");
    probe.finish();
}

/// Posts `body` over a plain socket, with a `Content-Length` or streamed in chunks of unknown total length
/// (this reqwest has no streaming bodies), while another thread reads the answer. A reset connection or a
/// read timeout is the error.
fn post_over_socket(
    address: &str,
    path: &str,
    token: &str,
    body: Vec<u8>,
    streamed: bool,
) -> std::io::Result<Reply> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let length = if streamed {
        "Transfer-Encoding: chunked".to_owned()
    } else {
        format!("Content-Length: {}", body.len())
    };
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\n{length}\r\nConnection: close\r\n\r\n"
    );
    let mut writer = stream.try_clone()?;
    writer.set_write_timeout(Some(Duration::from_secs(20)))?;
    let sender = std::thread::spawn(move || -> std::io::Result<()> {
        writer.write_all(head.as_bytes())?;
        for chunk in body.chunks(64 * 1024) {
            if streamed {
                writer.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())?;
            }
            writer.write_all(chunk)?;
            if streamed {
                writer.write_all(b"\r\n")?;
            }
        }
        if streamed {
            writer.write_all(b"0\r\n\r\n")?;
        }
        Ok(())
    });
    let mut answer = Vec::new();
    let read = stream.read_to_end(&mut answer);
    // Whether the client managed to send everything does not matter: only the answer does.
    let _ = sender.join();
    if answer.is_empty() {
        read?;
    }
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let code: u16 = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        let mut body = String::new();
        let mut rest = rest;
        while let Some((size, after)) = rest.split_once("\r\n") {
            let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if size == 0 || after.len() < size {
                break;
            }
            body.push_str(&after[..size]);
            rest = after[size..].trim_start_matches("\r\n");
        }
        body
    } else {
        rest.to_owned()
    };
    let status =
        StatusCode::from_u16(code).map_err(|_| std::io::Error::other(format!("no status in {head:?}")))?;
    Ok(Reply { status, body })
}

// ---------------------------------------------------------------------------------------------------------
// Rendered pages.
// ---------------------------------------------------------------------------------------------------------

/// Markup that must never reach a page unescaped.
const RAW_MARKUP: [&str; 6] = [
    "<script>alert(1)",
    "<img src=x onerror",
    "<svg onload",
    "</textarea><script",
    "</title><script",
    "</script><script>alert",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_payload_renders_escaped_in_every_page() {
    let mut probe = Probe::new("pages").await;
    let (_, client) = probe.student().await;
    let (_, reader) = probe.student().await;
    let board = probe.app.board_id(&client, "free").await;
    let payload = HTML_PAYLOADS.join(" ");
    let title = format!("{}{}{}", HTML_PAYLOADS[4], HTML_PAYLOADS[1], HTML_PAYLOADS[2]);

    let reply = probe
        .send(
            &client,
            "posts/write",
            &[("board_id", &board.to_string()), ("title", &title), ("body", &payload)],
        )
        .await;
    let post = probe.accepted(&reply, "a post of payloads").as_i64().expect("id");
    let reply =
        probe.send(&reader, "comments/write", &[("post_id", &post.to_string()), ("body", &payload)]).await;
    probe.accepted(&reply, "a comment of payloads");
    let semester = current_semester();
    let name: String = "<script>alert(1)</script>".chars().take(20).collect();
    let name = name.trim().to_owned();
    let reply = probe
        .send(&client, "timetables/create", &[("semester", &semester), ("name", "\"><svg onload=x>")])
        .await;
    let timetable = probe.accepted(&reply, "a timetable named with markup").as_i64().expect("id");
    let custom = [
        ("timetable_id", timetable.to_string()),
        ("name", "<img src=x onerror=alert(1)>".to_owned()),
        ("professor", name.clone()),
        ("room", "</title><script>".to_owned()),
        ("weekday", "1".to_owned()),
        ("start", "10:00".to_owned()),
        ("end", "11:00".to_owned()),
    ];
    let reply = probe.send(&client, "timetables/add-custom", &as_pairs(&custom)).await;
    probe.accepted(&reply, "a custom entry of markup");
    let reply = probe
        .send(
            &client,
            "timetables/visibility",
            &[("timetable_id", &timetable.to_string()), ("visibility", "public")],
        )
        .await;
    probe.accepted(&reply, "a public timetable");
    let (course, _) = some_course(&probe, &client).await;
    let review = [
        ("course_id", course.to_string()),
        ("stars", "5".to_owned()),
        ("body", payload.chars().take(1_000).collect()),
        ("assignments", "many".to_owned()),
        ("team_projects", "many".to_owned()),
        ("grading", "lenient".to_owned()),
        ("attendance", "mixed".to_owned()),
        ("exams", "1".to_owned()),
    ];
    let reply = probe.send(&client, "reviews/write", &as_pairs(&review)).await;
    probe.accepted(&reply, "a review of payloads");
    let me = probe.app.whoami(&client).await.expect("me");
    let username = me["username"].as_str().expect("username").to_owned();
    let reply = probe.send(&client, "gpa/terms/create", &[("name", "\"><svg onload=x>")]).await;
    let gpa_term = probe.accepted(&reply, "a term named with markup").as_i64().expect("id").to_string();
    let reply = probe
        .send(
            &client,
            "gpa/courses/add",
            &[
                ("term_id", &gpa_term),
                ("name", "<script>alert(1)</script>"),
                ("credits", "3"),
                ("grade", "A+"),
            ],
        )
        .await;
    probe.accepted(&reply, "a course named with markup");

    let encoded = |s: &str| String::from_utf8(encode(&[("q", s)])).expect("ascii")[2..].to_owned();
    let script = "<script>alert(1)</script>";
    let pages = [
        (format!("/posts/{post}"), true),
        (format!("/posts/{post}/edit"), true),
        (format!("/boards/{board}"), true),
        ("/".to_owned(), true),
        ("/me".to_owned(), false),
        ("/lists/mine".to_owned(), true),
        (format!("/search?q={}", encoded(script)), true),
        (
            format!(
                "/timetable?id={timetable}&q={}&category={}",
                encoded(script),
                encoded("</title><script>")
            ),
            false,
        ),
        (format!("/users/{username}/timetable"), false),
        (format!("/timetables/{timetable}"), false),
        (format!("/timetables/{timetable}/image.svg"), false),
        (format!("/courses/{course}"), true),
        (format!("/professors?q={}", encoded(script)), false),
        (format!("/professors/{}", encoded(script)), false),
        (format!("/users/{}/timetable", encoded(script)), false),
        (format!("/boards/{}", encoded(script)), false),
        ("/gpa".to_owned(), true),
    ];
    let checked = pages.len() * 2;
    for (path, shows_script) in pages {
        for (i, viewer) in [&client, &reader].into_iter().enumerate() {
            let response = viewer.get(probe.app.url(&path)).send().await.expect("page");
            let status = response.status();
            let html = response.text().await.expect("html");
            assert!(!status.is_server_error(), "{path}: {status}");
            for raw in RAW_MARKUP {
                if let Some(at) = html.find(raw) {
                    let from = html.floor_char_boundary(at.saturating_sub(300));
                    let to = html.ceil_char_boundary((at + 100).min(html.len()));
                    panic!("{path} shows {raw:?} unescaped: …{}…", &html[from..to]);
                }
            }
            // The hydration data carries the same text as JSON inside a <script>: there `<` must be
            // `\u003c`, or a `</script>` in a post would end the script element.
            if path == format!("/posts/{post}") {
                assert!(
                    html.contains("u003cscript>alert(1)"),
                    "{path}: the hydration data lacks the payload"
                );
            }
            if shows_script && i == 0 {
                assert!(
                    html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                        || html.contains("&lt;script>alert(1)&lt;/script>"),
                    "{path} does not show the payload escaped"
                );
            }
        }
    }
    println!("bad input [pages]: {checked} server-rendered pages checked, every payload escaped");
    probe.finish();
}

/// A timetable's link and image with an id that is no number (or names nothing) answer a 4xx, never a 5xx:
/// the page reads such an id as none (404), the image refuses the malformed path (400).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn timetable_links_and_images_with_ids_that_are_no_number_answer_a_4xx() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let ids = ["abc", "1.5", "-1", "0", "99999999999999999999", "%00", "%3Cscript%3E", "1e3", "%ED%95%9C"];
    for id in ids {
        for path in [format!("/timetables/{id}"), format!("/timetables/{id}/image.svg")] {
            let response = client.get(app.url(&path)).send().await.expect("response");
            let status = response.status();
            assert!(status.is_client_error(), "{path}: {status}");
        }
    }
}
