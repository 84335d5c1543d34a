//! The live stream (`GET /events`): server-sent events that keep an open page's 알림 badge current.
//!
//! One stream per open page of a logged-in student, authenticated like every request (the refresh cookie
//! renews an expired access cookie when the browser reconnects). Each event is the student's [`LiveState`],
//! sent when the stream opens and whenever a committed write signals that their notifications changed (see
//! `db::signals`, which also carries signals between app servers); its id is the newest notification's id.
//! Because every event is the whole state, a page that reconnects (EventSource does so by itself) is current
//! again with its first event, whatever it missed meanwhile.
//!
//! An idle stream costs a keep-alive comment every 20 seconds. A stream ends when its login is revoked, and
//! after one access-token lifetime, so that the reconnect authenticates again.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream};
use http::HeaderValue;
use tokio::time::Instant;

use crate::error::AppError;
use crate::model::notifications::LiveState;
use crate::server::auth::identity::Identity;
use crate::server::db::signals::Subscription;
use crate::server::db::users;
use crate::server::notifications;
use crate::server::state::AppState;

/// How often an idle stream sends a comment, so that proxies and phones keep the connection open.
const KEEP_ALIVE: Duration = Duration::from_secs(20);
/// How soon the browser reconnects after a stream ends.
const RETRY: Duration = Duration::from_secs(1);

pub async fn events(State(state): State<AppState>, request: Request) -> Response {
    let Some(Identity::Student { me, session_id }) = request.extensions().get::<Identity>().cloned() else {
        return AppError::Unauthorized.into_response();
    };
    // Subscribed before the first state is read, so that no change falls between the two.
    let subscription = state.db.signals().subscribe(me.id);
    let ends_at = Instant::now() + state.config.access_token_ttl;
    let live = Live { state, user_id: me.id, session_id, subscription, ends_at, opened: false };
    let mut response =
        Sse::new(live_events(live)).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)).into_response();
    let headers = response.headers_mut();
    // nginx would otherwise buffer the stream (scripts/pair).
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    headers.insert(http::header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// One open stream.
struct Live {
    state: AppState,
    user_id: i64,
    session_id: i64,
    subscription: Subscription,
    ends_at: Instant,
    opened: bool,
}

fn live_events(live: Live) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(live, |mut live| async move {
        let event = live.next_state().await?;
        Some((Ok(event), live))
    })
}

impl Live {
    /// The next event: the state now on opening, then after each signal. `None` ends the stream.
    async fn next_state(&mut self) -> Option<Event> {
        if self.opened {
            tokio::select! {
                _ = self.subscription.changed() => {}
                _ = tokio::time::sleep_until(self.ends_at) => return None,
            }
            // A revoked login (log-out, password change) hears no more.
            match users::by_live_session(&self.state.db, self.session_id, self.user_id).await {
                Ok(Some(_)) => {}
                Ok(None) => return None,
                Err(error) => {
                    tracing::warn!(%error, "live stream: session check failed");
                    return None;
                }
            }
        }
        let state = match notifications::live_state(&self.state, self.user_id).await {
            Ok(state) => state,
            Err(error) => {
                tracing::warn!(?error, "live stream: state could not be read");
                return None;
            }
        };
        let mut event = state_event(&state);
        if !self.opened {
            event = event.retry(RETRY);
            self.opened = true;
        }
        Some(event)
    }
}

fn state_event(state: &LiveState) -> Event {
    let data = serde_json::to_string(state).unwrap_or_default();
    Event::default().event("notifications").id(state.newest_id.to_string()).data(data)
}
