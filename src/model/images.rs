//! Photos of posts as the browser sees them: a photo is named by its [`ImageKey`] (its id and a hash of its
//! stored bytes), which gives the URLs of its full size and its thumbnail. Who uploaded a photo never leaves
//! the server (an anonymous post's photos must not name their author).

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::text::images as t;

/// The longest side of an accepted photo, in pixels: beyond it a file is a decompression bomb or a panorama
/// the phone screen cannot show anyway.
pub const MAX_SIDE: u32 = 10_000;

/// A stored photo's name: `<id>-<digest>`, the digest being 16 hex digits of the SHA-256 of its bytes. The
/// URL changes whenever the bytes would, so a browser may keep a photo forever; and the digest makes a URL
/// unguessable from the id alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ImageKey {
    pub id: i64,
    pub digest: String,
}

impl ImageKey {
    /// The length of a digest in hex digits.
    pub const DIGEST_LEN: usize = 16;

    /// Reads `<id>-<digest>`; anything else is `None`.
    pub fn parse(text: &str) -> Option<ImageKey> {
        let (id, digest) = text.split_once('-')?;
        let id = id.parse().ok().filter(|id: &i64| *id > 0)?;
        let hex = digest.len() == Self::DIGEST_LEN && digest.bytes().all(|b| b.is_ascii_hexdigit());
        (hex && !digest.bytes().any(|b| b.is_ascii_uppercase()))
            .then(|| ImageKey { id, digest: digest.to_owned() })
    }

    /// The full size (at most 2,048 pixels on its longest side).
    pub fn full_url(&self) -> String {
        format!("/images/{self}")
    }

    /// The thumbnail (at most 480 pixels on its longest side, always JPEG).
    pub fn thumb_url(&self) -> String {
        format!("/images/{self}/thumb")
    }
}

impl std::fmt::Display for ImageKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.id, self.digest)
    }
}

/// A photo with its full size's dimensions (the strip reserves its space before it loads). Also what an
/// upload answers with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostImage {
    pub key: ImageKey,
    pub width: u32,
    pub height: u32,
}

/// The operator's photo limits (config), which the write screen checks before it uploads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageLimits {
    pub per_post: usize,
    pub max_bytes: usize,
}

impl ImageLimits {
    /// What the server is configured with unless the operator says otherwise (`server::config`); the write
    /// screen assumes it until the server's own answer arrives.
    pub const DEFAULT: ImageLimits = ImageLimits { per_post: 10, max_bytes: 10 * 1024 * 1024 };

    /// The largest file in whole megabytes, for messages.
    pub fn max_megabytes(self) -> usize {
        self.max_bytes / (1024 * 1024)
    }
}

/// The write form's `images` field: the ids of the student's uploaded photos in strip order, comma-separated
/// (a form field, so that the post and its photos are sent as one request). Empty or absent: no photos.
pub fn parse_attachments(text: Option<&str>, limits: ImageLimits) -> Result<Vec<i64>, AppError> {
    let text = text.unwrap_or_default().trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let ids = text
        .split(',')
        .map(|id| id.trim().parse::<i64>().ok().filter(|id| *id > 0))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| AppError::field("images", t::STALE))?;
    if ids.len() > limits.per_post {
        return Err(AppError::field("images", crate::text::fill(t::TOO_MANY, limits.per_post)));
    }
    if ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id)) {
        return Err(AppError::field("images", t::DUPLICATE));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ImageLimits = ImageLimits { per_post: 3, max_bytes: 1024 };

    #[test]
    fn a_key_reads_back_what_it_writes_and_nothing_else() {
        let key = ImageKey { id: 12, digest: "0123456789abcdef".into() };
        assert_eq!(ImageKey::parse(&key.to_string()), Some(key));
        for bad in [
            "12",
            "12-0123",
            "0-0123456789abcdef",
            "x-0123456789abcdef",
            "12-0123456789ABCDEF",
            "12-0123456789abcdeg",
        ] {
            assert_eq!(ImageKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn attachments_are_ids_in_order_within_the_limit_without_repeats() {
        assert_eq!(parse_attachments(None, LIMITS).ok(), Some(vec![]));
        assert_eq!(parse_attachments(Some(" "), LIMITS).ok(), Some(vec![]));
        assert_eq!(parse_attachments(Some("3,1,2"), LIMITS).ok(), Some(vec![3, 1, 2]));
        assert!(parse_attachments(Some("1,2,3,4"), LIMITS).is_err());
        assert!(parse_attachments(Some("1,1"), LIMITS).is_err());
        assert!(parse_attachments(Some("1,x"), LIMITS).is_err());
        assert!(parse_attachments(Some("1,-2"), LIMITS).is_err());
    }
}
