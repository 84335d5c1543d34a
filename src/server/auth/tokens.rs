//! Access tokens (JWT, HS256) and refresh tokens (random, stored hashed).
//!
//! A refresh token's successor is not random but derived from it with a keyed hash ([`TokenKeys::successor_of`]):
//! every app server computes the same successor for the same token, so requests that race with one refresh
//! cookie can all be answered with the one successor that the first of them stored (see
//! `db::sessions::exchange`), without the successor ever being stored in the clear.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What an access token says: who, in which login, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user id, as a string: the JWT spec makes `sub` a string.
    pub sub: String,
    /// The session (login) id; the token is good only while that session is live.
    pub sid: i64,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
}

/// Signs and checks access tokens, and derives refresh-token successors, with one secret.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// The HMAC key of [`TokenKeys::successor_of`]: the secret, under a label of its own, so that a
    /// successor is never also a valid signature of anything else.
    successor_key: Hmac<Sha256>,
}

/// Signing an access token failed; it cannot with a valid HMAC key, so this is a server fault.
#[derive(Debug, thiserror::Error)]
#[error("could not sign an access token: {0}")]
pub struct SigningError(#[from] jsonwebtoken::errors::Error);

impl TokenKeys {
    pub fn new(secret: &str) -> Self {
        // Only HS256 is accepted: a token claiming `none` or an RSA algorithm fails validation, which closes
        // the algorithm-confusion attacks.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp", "nbf", "sub"]);
        #[allow(clippy::expect_used, reason = "HMAC accepts a key of any length; the error cannot happen")]
        let mut successor_key =
            <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
        successor_key.update(b"campus refresh-token successor\0");
        TokenKeys {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            successor_key,
        }
    }

    pub fn issue(
        &self,
        user_id: i64,
        session_id: i64,
        now: i64,
        ttl_seconds: i64,
    ) -> Result<String, SigningError> {
        let claims =
            Claims { sub: user_id.to_string(), sid: session_id, iat: now, nbf: now, exp: now + ttl_seconds };
        Ok(encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// The refresh token that replaces `token` when it is exchanged: as unguessable as a random one to anyone
    /// without the secret, and the same on every server.
    pub fn successor_of(&self, token: &str) -> String {
        let mut mac = self.successor_key.clone();
        mac.update(token.as_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// The claims of a token whose signature, algorithm and times are all valid.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation).ok().map(|data| data.claims)
    }

    /// The (user id, session id) of a valid token.
    pub fn verify_login(&self, token: &str) -> Option<(i64, i64)> {
        let claims = self.verify(token)?;
        Some((claims.sub.parse().ok()?, claims.sid))
    }
}

/// 256 random bits, URL-safe base64: a refresh token, or a development JWT secret.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Refresh tokens are stored as SHA-256 hashes: a copy of the database does not hand out logins. A fast hash
/// is right here because the token is random and long, not a password.
pub fn hash_refresh_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "test-secret-test-secret-test-secret";

    fn now() -> i64 {
        crate::server::now()
    }

    #[test]
    fn a_fresh_token_verifies_and_names_user_and_session() {
        let keys = TokenKeys::new(SECRET);
        let token = keys.issue(7, 42, now(), 1800).expect("signed");
        assert_eq!(keys.verify_login(&token), Some((7, 42)));
    }

    #[test]
    fn an_expired_token_is_rejected() {
        let keys = TokenKeys::new(SECRET);
        let token = keys.issue(7, 42, now() - 3600, 1800).expect("signed");
        assert!(keys.verify(&token).is_none());
    }

    #[test]
    fn a_not_yet_valid_token_is_rejected() {
        let keys = TokenKeys::new(SECRET);
        let token = keys.issue(7, 42, now() + 600, 1800).expect("signed");
        assert!(keys.verify(&token).is_none());
    }

    #[test]
    fn a_token_signed_with_another_secret_is_rejected() {
        let other = TokenKeys::new("another-secret-another-secret-another");
        let token = other.issue(7, 42, now(), 1800).expect("signed");
        assert!(TokenKeys::new(SECRET).verify(&token).is_none());
    }

    #[test]
    fn a_tampered_payload_is_rejected() {
        let keys = TokenKeys::new(SECRET);
        let token = keys.issue(7, 42, now(), 1800).expect("signed");
        let parts: Vec<&str> = token.split('.').collect();
        let forged_claims = Claims { sub: "1".into(), sid: 42, iat: now(), nbf: now(), exp: now() + 1800 };
        let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(serde_json::to_vec(&forged_claims).expect("json"));
        let tampered = format!("{}.{}.{}", parts[0], forged, parts[2]);
        assert!(keys.verify(&tampered).is_none());
    }

    #[test]
    fn an_unsigned_alg_none_token_is_rejected() {
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = engine.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let claims = Claims { sub: "7".into(), sid: 42, iat: now(), nbf: now(), exp: now() + 1800 };
        let payload = engine.encode(serde_json::to_vec(&claims).expect("json"));
        let keys = TokenKeys::new(SECRET);
        assert!(keys.verify(&format!("{header}.{payload}.")).is_none());
        assert!(keys.verify(&format!("{header}.{payload}")).is_none());
    }

    #[test]
    fn a_successor_is_the_same_on_every_server_and_unlike_its_token() {
        let (a, b) = (TokenKeys::new(SECRET), TokenKeys::new(SECRET));
        let token = random_token();
        assert_eq!(a.successor_of(&token), b.successor_of(&token));
        assert_ne!(a.successor_of(&token), token);
        assert_ne!(a.successor_of(&token), a.successor_of(&random_token()));
        assert_eq!(a.successor_of(&token).len(), 43);
        let other = TokenKeys::new("another-secret-another-secret-another");
        assert_ne!(other.successor_of(&token), a.successor_of(&token));
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed_stably() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash_refresh_token(&a), hash_refresh_token(&a));
        assert_ne!(hash_refresh_token(&a), hash_refresh_token(&b));
        assert_eq!(hash_refresh_token(&a).len(), 64);
    }
}
