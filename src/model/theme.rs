//! The colour theme of one device: the device's own setting (`prefers-color-scheme`), or light or dark as
//! chosen in 내 정보. It is kept in a cookie of the device, not with the account: a student may read in dark
//! on the phone and in light on a library's computer.

use crate::model::codes::coded;
use crate::text::profile as t;

/// The cookie that keeps a chosen theme; without it the device decides.
pub const THEME_COOKIE: &str = "campus_theme";

coded! {
    /// A device's theme, as 내 정보 offers it.
    pub enum Theme {
        /// Follows the device (light or dark as its settings say).
        System = "system",
        Light = "light",
        Dark = "dark",
    }
}

impl Theme {
    /// The `data-theme` of `<html>` that the stylesheet reads: none when the device decides.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => t::THEME_SYSTEM,
            Theme::Light => t::THEME_LIGHT,
            Theme::Dark => t::THEME_DARK,
        }
    }
}
