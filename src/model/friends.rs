//! Friends: who a student is friends with, the requests in and out, and whom they have blocked.
//!
//! Friendship is not anonymous content: the lists name usernames and nicknames, and a friend's username is
//! what their timetable page is addressed by.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::text::friends as t;

/// Another student as the friend lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Person {
    pub username: String,
    pub nickname: String,
}

/// Everything the 친구 tab lists, each list in the order it is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendsOverview {
    /// Friends, by nickname.
    pub friends: Vec<Person>,
    /// 받은 요청: requests waiting for this student's answer, newest first.
    pub incoming: Vec<Person>,
    /// 보낸 요청: this student's requests still waiting, newest first.
    pub outgoing: Vec<Person>,
    /// 차단한 사용자, most recently blocked first.
    pub blocked: Vec<Person>,
}

/// What a friend request did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestOutcome {
    /// The request now waits for the other student.
    Sent,
    /// The other student had already asked: their request was accepted instead, and the two are friends.
    BecameFriends(Person),
}

impl RequestOutcome {
    /// The confirmation shown after the request.
    pub fn message(&self) -> String {
        match self {
            RequestOutcome::Sent => t::SENT.to_owned(),
            RequestOutcome::BecameFriends(person) => crate::text::fill(t::BECAME_FRIENDS, &person.nickname),
        }
    }
}

/// A username typed into a friend form: trimmed and required. Whether it names a student is the server's
/// question; a name that breaks the username rules names nobody and is answered "not found" here, without
/// asking the database (which could not even compare some of them: PostgreSQL refuses NUL in text).
pub fn validate_username_input(username: &str) -> Result<String, AppError> {
    let username = username.trim();
    if username.is_empty() {
        return Err(AppError::field("username", t::USERNAME_REQUIRED));
    }
    if !super::account::could_name_an_account(username) {
        return Err(AppError::Missing(t::UNKNOWN_USER.to_owned()));
    }
    Ok(username.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_username_is_trimmed_and_required() {
        assert_eq!(validate_username_input("  kim_01 ").ok().as_deref(), Some("kim_01"));
        let error = validate_username_input("   ").err();
        assert_eq!(error.as_ref().and_then(|e| e.message_for("username")), Some(t::USERNAME_REQUIRED));
        assert_eq!(validate_username_input("kim\0"), Err(AppError::Missing(t::UNKNOWN_USER.to_owned())));
    }
}
