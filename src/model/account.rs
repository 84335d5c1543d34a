//! Accounts: what a logged-in student sees of themselves, and the sign-up rules (PRODUCT.md, "Accounts").

use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldError};
use crate::text::auth as t;

/// What the account settings need to say about the nickname rule: the configured cooldown, and when the
/// student's nickname may change again if that is still ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NicknameRule {
    pub cooldown_days: i64,
    pub changeable_from: Option<i64>,
}

/// The logged-in student, as their own pages show them. Never describes anyone else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub id: i64,
    pub username: String,
    pub nickname: String,
    pub school_id: i64,
    pub school_name: String,
    pub school_short_name: String,
    pub department_name: String,
    pub admission_year: i64,
    /// When the account was created (UTC Unix seconds).
    pub joined_at: i64,
    /// Granted by an operator command: sees reported and hidden content and moderates it.
    pub is_admin: bool,
}

/// The answer to a successful log-in: the student, and the access token an API client sends as `Bearer`
/// (browsers use the cookie and can ignore it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginResult {
    pub me: Me,
    pub access_token: String,
}

/// The sign-up form as submitted: every field is text, so that a missing or malformed number becomes a
/// message next to its field rather than a rejected request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupInput {
    pub username: String,
    pub password: String,
    /// The password typed a second time (비밀번호 확인): a typo in a hidden field would lock the student out.
    pub password_confirm: String,
    pub nickname: String,
    pub school_id: String,
    pub department_id: String,
    pub admission_year: String,
}

/// A sign-up that passed validation. Whether the school, department and names exist or are free is for the
/// database to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSignup {
    pub username: String,
    pub password: String,
    pub nickname: String,
    pub school_id: i64,
    pub department_id: i64,
    pub admission_year: i64,
}

/// How many years back from this year a 학번 may go. The form offers exactly these years (this year first),
/// since a student picks one rather than types it; a 졸업생 of longer ago is rare enough not to lengthen the
/// list for every new student, and the server refuses any other year, as a form that was not ours may send.
pub const ADMISSION_YEARS_BACK: i64 = 15;

/// The 학번 a student may sign up with, newest first.
pub fn admission_years(current_year: i64) -> impl Iterator<Item = i64> {
    (current_year - ADMISSION_YEARS_BACK..=current_year).rev()
}

impl SignupInput {
    /// Checks every field and reports all problems at once. `current_year` bounds the 학번.
    pub fn validate(&self, current_year: i64) -> Result<ValidSignup, AppError> {
        let mut errors = Vec::new();
        let mut check = |field: &str, result: Result<(), &'static str>| {
            if let Err(message) = result {
                errors.push(FieldError { field: field.to_owned(), message: message.to_owned() });
            }
        };
        check("username", validate_username(&self.username));
        check("password", validate_password(&self.password));
        check("password_confirm", confirm_password(&self.password, &self.password_confirm));
        let nickname = self.nickname.trim();
        check("nickname", validate_nickname(nickname));
        let school_id = self.school_id.trim().parse::<i64>().ok().filter(|id| *id > 0);
        check("school_id", school_id.map(|_| ()).ok_or(t::SCHOOL_REQUIRED));
        let department_id = self.department_id.trim().parse::<i64>().ok().filter(|id| *id > 0);
        check("department_id", department_id.map(|_| ()).ok_or(t::DEPARTMENT_REQUIRED));
        let admission_year = parse_admission_year(&self.admission_year, current_year);
        check("admission_year", admission_year.map(|_| ()));

        match (school_id, department_id, admission_year) {
            (Some(school_id), Some(department_id), Ok(admission_year)) if errors.is_empty() => {
                Ok(ValidSignup {
                    username: self.username.clone(),
                    password: self.password.clone(),
                    nickname: nickname.to_owned(),
                    school_id,
                    department_id,
                    admission_year,
                })
            }
            _ => Err(AppError::fields(errors)),
        }
    }
}

/// 4–20 characters of a–z, A–Z, 0–9 and `_`. Case is kept as typed; uniqueness ignores it.
pub fn validate_username(username: &str) -> Result<(), &'static str> {
    let length = username.chars().count();
    if !(4..=20).contains(&length) {
        return Err(t::USERNAME_LENGTH);
    }
    if !username.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(t::USERNAME_CHARS);
    }
    Ok(())
}

/// Whether a typed username (trimmed) could be some account's. A name that breaks the username rules names
/// nobody, so every lookup by name — log-in, the friend forms, a student's timetable — refuses it as it
/// refuses an unknown name, without asking the database (PostgreSQL refuses NUL in text: such a name was a
/// 500), and with no hash spent on it.
pub fn could_name_an_account(username: &str) -> bool {
    validate_username(username.trim()).is_ok()
}

/// The key that makes usernames unique regardless of case, and that log-in looks up.
pub fn username_key(username: &str) -> String {
    username.trim().to_ascii_lowercase()
}

/// 8–64 characters with at least two kinds among letters, digits and symbols. Any letter counts (한글 too);
/// a symbol is any other visible character; control characters are refused.
pub fn validate_password(password: &str) -> Result<(), &'static str> {
    let length = password.chars().count();
    if !(8..=64).contains(&length) {
        return Err(t::PASSWORD_LENGTH);
    }
    if password.chars().any(char::is_control) {
        return Err(t::PASSWORD_CONTROL);
    }
    let letters = password.chars().any(char::is_alphabetic);
    let digits = password.chars().any(|c| c.is_ascii_digit());
    let symbols = password.chars().any(|c| !c.is_alphabetic() && !c.is_ascii_digit());
    if [letters, digits, symbols].iter().filter(|kind| **kind).count() < 2 {
        return Err(t::PASSWORD_KINDS);
    }
    Ok(())
}

/// The second typing of a new password matches the first (sign-up, password change).
pub fn confirm_password(password: &str, confirmation: &str) -> Result<(), &'static str> {
    if password == confirmation {
        Ok(())
    } else {
        Err(t::PASSWORD_MISMATCH)
    }
}

/// 2–10 characters of 한글 syllables, a–z, A–Z, 0–9 and `_`. The narrow alphabet keeps out look-alike letters
/// from other scripts, invisible characters and right-to-left overrides, so a nickname cannot impersonate.
pub fn validate_nickname(nickname: &str) -> Result<(), &'static str> {
    let length = nickname.chars().count();
    if !(2..=10).contains(&length) {
        return Err(t::NICKNAME_LENGTH);
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || ('가'..='힣').contains(&c);
    if !nickname.chars().all(allowed) {
        return Err(t::NICKNAME_CHARS);
    }
    Ok(())
}

/// The key that makes nicknames unique within a school regardless of case.
pub fn nickname_key(nickname: &str) -> String {
    nickname.trim().to_lowercase()
}

/// A four-digit admission year among [`admission_years`].
pub fn parse_admission_year(text: &str, current_year: i64) -> Result<i64, &'static str> {
    let text = text.trim();
    if text.len() != 4 || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(t::ADMISSION_YEAR_INVALID);
    }
    let year: i64 = text.parse().map_err(|_| t::ADMISSION_YEAR_INVALID)?;
    if !admission_years(current_year).any(|allowed| allowed == year) {
        return Err(t::ADMISSION_YEAR_RANGE);
    }
    Ok(year)
}

/// "24학번" from 2024.
pub fn admission_label(admission_year: i64) -> String {
    format!("{:02}{}", admission_year.rem_euclid(100), crate::text::profile::ADMISSION_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_input() -> SignupInput {
        SignupInput {
            username: "Kim_Minsu24".into(),
            password: "correct horse 1".into(),
            password_confirm: "correct horse 1".into(),
            nickname: "민수".into(),
            school_id: "1".into(),
            department_id: "3".into(),
            admission_year: "2024".into(),
        }
    }

    #[test]
    fn a_valid_signup_passes_and_trims_the_nickname() {
        let input = SignupInput { nickname: "  민수 ".into(), ..valid_input() };
        let valid = input.validate(2026).expect("valid");
        assert_eq!(valid.nickname, "민수");
        assert_eq!(valid.school_id, 1);
        assert_eq!(valid.admission_year, 2024);
    }

    #[test]
    fn a_confirmation_that_differs_is_refused_by_itself() {
        let input = SignupInput { password_confirm: "correct horse 2".into(), ..valid_input() };
        let error = input.validate(2026).expect_err("mismatch");
        assert_eq!(error.message_for("password_confirm"), Some(t::PASSWORD_MISMATCH));
        assert_eq!(error.message_for("password"), None, "the password itself is fine");
    }

    #[test]
    fn username_length_and_alphabet_are_enforced() {
        assert_eq!(validate_username("abc"), Err(t::USERNAME_LENGTH));
        assert_eq!(validate_username(&"a".repeat(21)), Err(t::USERNAME_LENGTH));
        assert!(validate_username(&"a".repeat(20)).is_ok());
        assert!(validate_username("abcd").is_ok());
        assert_eq!(validate_username("kim minsu"), Err(t::USERNAME_CHARS));
        assert_eq!(validate_username("김민수abc"), Err(t::USERNAME_CHARS));
        assert_eq!(validate_username("abcd-"), Err(t::USERNAME_CHARS));
    }

    #[test]
    fn username_key_ignores_case() {
        assert_eq!(username_key("Kim_Minsu"), username_key("kim_minsu"));
    }

    #[test]
    fn password_needs_length_and_two_kinds() {
        assert_eq!(validate_password("a1b2c3d"), Err(t::PASSWORD_LENGTH));
        assert_eq!(validate_password(&"a1".repeat(33)), Err(t::PASSWORD_LENGTH));
        assert!(validate_password(&"a1".repeat(32)).is_ok());
        assert_eq!(validate_password("abcdefgh"), Err(t::PASSWORD_KINDS));
        assert_eq!(validate_password("12345678"), Err(t::PASSWORD_KINDS));
        assert_eq!(validate_password("!@#$%^&*"), Err(t::PASSWORD_KINDS));
        assert!(validate_password("abcdefg1").is_ok());
        assert!(validate_password("abcdefg!").is_ok());
        assert!(validate_password("1234567!").is_ok());
        assert!(validate_password("비밀번호입니다12").is_ok());
        assert_eq!(validate_password("abcdefg1\u{0}"), Err(t::PASSWORD_CONTROL));
    }

    #[test]
    fn nickname_rules_refuse_lookalikes_and_invisible_characters() {
        assert_eq!(validate_nickname("민"), Err(t::NICKNAME_LENGTH));
        assert_eq!(validate_nickname("가나다라마바사아자차카"), Err(t::NICKNAME_LENGTH));
        assert!(validate_nickname("가나다라마바사아자차").is_ok());
        assert!(validate_nickname("min_su24").is_ok());
        assert_eq!(validate_nickname("민 수"), Err(t::NICKNAME_CHARS));
        assert_eq!(validate_nickname("min\u{202e}su"), Err(t::NICKNAME_CHARS));
        assert_eq!(validate_nickname("mіnsu"), Err(t::NICKNAME_CHARS), "Cyrillic і");
        assert_eq!(validate_nickname("ㅋㅋㅋ"), Err(t::NICKNAME_CHARS), "bare jamo");
    }

    #[test]
    fn admission_year_is_four_digits_within_range() {
        assert_eq!(parse_admission_year("2024", 2026), Ok(2024));
        assert_eq!(parse_admission_year(" 2026 ", 2026), Ok(2026));
        assert_eq!(parse_admission_year("2027", 2026), Err(t::ADMISSION_YEAR_RANGE));
        assert_eq!(parse_admission_year("2011", 2026), Ok(2011));
        assert_eq!(parse_admission_year("2010", 2026), Err(t::ADMISSION_YEAR_RANGE));
        assert_eq!(parse_admission_year("1949", 2026), Err(t::ADMISSION_YEAR_RANGE));
        assert_eq!(parse_admission_year("24", 2026), Err(t::ADMISSION_YEAR_INVALID));
        assert_eq!(parse_admission_year("２０２４", 2026), Err(t::ADMISSION_YEAR_INVALID));
        let offered: Vec<i64> = admission_years(2026).collect();
        assert_eq!((offered.len(), offered[0], offered[15]), (16, 2026, 2011), "newest first");
        assert_eq!(admission_label(2024), "24학번");
        assert_eq!(admission_label(2005), "05학번");
    }

    #[test]
    fn every_bad_field_is_reported_together() {
        let input = SignupInput {
            username: "ab".into(),
            password: "short".into(),
            password_confirm: "shorter".into(),
            nickname: "x".into(),
            school_id: "".into(),
            department_id: "abc".into(),
            admission_year: "".into(),
        };
        let error = input.validate(2026).expect_err("invalid");
        let fields = [
            "username",
            "password",
            "password_confirm",
            "nickname",
            "school_id",
            "department_id",
            "admission_year",
        ];
        for field in fields {
            assert!(error.message_for(field).is_some(), "no message for {field}");
        }
        assert_eq!(error.status(), 422);
    }
}
