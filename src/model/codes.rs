//! Closed sets of values with stable codes: the lists a student picks from (a 신고 reason, a review's
//! answers, a course category, a sort order, a list of posts) and the kinds of things the server acts on.
//!
//! Each value's code is written next to its variant, once: it is what forms and URLs send, what JSON
//! carries and what the database stores. The Korean labels live in `text` and are mapped by variant, so
//! reordering or rewording the interface never changes what stored data means.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::AppError;
use crate::text;

/// A value of a closed set, with its stable code.
pub trait Code: Sized + Copy + 'static {
    /// Every value, in the order the interface lists them.
    const ALL: &'static [Self];

    fn code(self) -> &'static str;

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.code() == code)
    }
}

/// Declares an enum whose variants have stable codes: `Code`, `FromStr`, `Display` (the code) and serde as
/// the code string.
macro_rules! coded {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $( $(#[$variant_meta:meta])* $variant:ident = $code:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $( $(#[$variant_meta])* $variant ),+ }

        impl $crate::model::codes::Code for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];

            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::codes::UnknownCode;

            fn from_str(code: &str) -> Result<Self, Self::Err> {
                <Self as $crate::model::codes::Code>::from_code(code).ok_or($crate::model::codes::UnknownCode)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::codes::Code::code(*self))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::model::codes::Code::code(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = String::deserialize(deserializer)?;
                <Self as $crate::model::codes::Code>::from_code(&code)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown code {code:?}")))
            }
        }
    };
}
pub(crate) use coded;

/// A text that is no value's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a code of this list")]
pub struct UnknownCode;

/// A value picked from a closed set, as a form or a URL sends it. An unknown code is kept rather than
/// failing the request as malformed (400): [`Pick::known`] refuses it as the student's mistake (422),
/// naming the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick<T> {
    Known(T),
    Unknown(String),
}

impl<T: Code> Pick<T> {
    /// The value, or a 422 that names `field`.
    pub fn known(self, field: &str) -> Result<T, AppError> {
        self.known_or(field, text::errors::UNKNOWN_CHOICE)
    }

    /// The value, or a 422 that names `field` with `message`.
    pub fn known_or(self, field: &str, message: &str) -> Result<T, AppError> {
        match self {
            Pick::Known(value) => Ok(value),
            Pick::Unknown(_) => Err(AppError::field(field, message)),
        }
    }
}

/// An optional pick from a form's select, whose empty value (its "all" entry) means no choice; anything
/// else that is no code is a 422 that names `field` with `message`.
pub fn optional_pick<T: Code>(
    pick: Option<Pick<T>>,
    field: &str,
    message: &str,
) -> Result<Option<T>, AppError> {
    match pick {
        None => Ok(None),
        Some(Pick::Unknown(code)) if code.is_empty() => Ok(None),
        Some(pick) => pick.known_or(field, message).map(Some),
    }
}

impl<T: Code> Pick<T> {
    /// What a form or URL sent: its value when the code is one, kept as it is otherwise.
    pub fn parse(code: &str) -> Self {
        T::from_code(code).map_or_else(|| Pick::Unknown(code.to_owned()), Pick::Known)
    }
}

impl<T> From<T> for Pick<T> {
    fn from(value: T) -> Self {
        Pick::Known(value)
    }
}

impl<T: Code> Serialize for Pick<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Pick::Known(value) => serializer.serialize_str(value.code()),
            Pick::Unknown(code) => serializer.serialize_str(code),
        }
    }
}

impl<'de, T: Code> Deserialize<'de> for Pick<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Pick::parse(&String::deserialize(deserializer)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    coded! {
        enum Fruit { Apple = "apple", Pear = "pear" }
    }

    #[test]
    fn codes_round_trip_and_unknown_ones_are_kept_for_a_422() {
        assert_eq!(Fruit::from_code("pear"), Some(Fruit::Pear));
        assert_eq!("apple".parse::<Fruit>(), Ok(Fruit::Apple));
        assert_eq!(serde_json::to_string(&Fruit::Apple).expect("json"), "\"apple\"");
        assert!(serde_json::from_str::<Fruit>("\"plum\"").is_err());
        let pick: Pick<Fruit> = serde_json::from_str("\"plum\"").expect("kept");
        assert_eq!(pick, Pick::Unknown("plum".into()));
        let error = pick.known("fruit").expect_err("refused");
        assert_eq!(error.status(), 422);
        assert_eq!(error.message_for("fruit"), Some(text::errors::UNKNOWN_CHOICE));
        let pick: Pick<Fruit> = serde_json::from_str("\"pear\"").expect("known");
        assert_eq!(pick.known("fruit"), Ok(Fruit::Pear));
        assert_eq!(optional_pick::<Fruit>(Some(Pick::Unknown(String::new())), "fruit", "?"), Ok(None));
        assert_eq!(optional_pick(Some(Pick::Known(Fruit::Apple)), "fruit", "?"), Ok(Some(Fruit::Apple)));
        assert!(optional_pick::<Fruit>(Some(Pick::Unknown("plum".into())), "fruit", "?").is_err());
    }
}
