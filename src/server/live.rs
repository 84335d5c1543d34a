//! The live stream (`GET /events`): server-sent events that keep an open page's 알림 badge current.
//!
//! One stream per open page of a logged-in student, authenticated like every request (the refresh cookie
//! renews an expired access cookie when the browser reconnects). Each event is the student's [`LiveState`],
//! sent when the stream opens and whenever a committed write signals that their notifications changed (see
//! `db::signals`, which also carries signals between app servers). Every event is the whole state, and its
//! id names that state; a page that reconnects (EventSource does so by itself, sending the last id it saw)
//! gets a first event only if the state changed meanwhile, so it resumes exactly where it was.
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
    let last_event_id =
        request.headers().get("last-event-id").and_then(|value| value.to_str().ok()).map(str::to_owned);
    // Subscribed before the first state is read, so that no change falls between the two.
    let subscription = state.db.signals().subscribe(me.id);
    let ends_at = Instant::now() + state.config.access_token_ttl;
    let live =
        Live { state, user_id: me.id, session_id, subscription, ends_at, opened: false, last_event_id };
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
    /// The id of the last state sent on this stream (or on the one it resumes).
    last_event_id: Option<String>,
}

fn live_events(live: Live) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(live, |mut live| async move {
        let event = live.next_state().await?;
        Some((Ok(event), live))
    })
}

impl Live {
    /// The next event: the state on opening (unless the stream resumes it), then after each signal whatever
    /// the state changed to. `None` ends the stream.
    async fn next_state(&mut self) -> Option<Event> {
        loop {
            let first = !self.opened;
            let state = self.wait_for_state().await?;
            let id = state_id(&state);
            if self.last_event_id.as_deref() == Some(id.as_str()) {
                self.opened = true;
                continue;
            }
            let data = serde_json::to_string(&state).unwrap_or_default();
            let mut event = Event::default().event("notifications").id(&id).data(data);
            if first {
                event = event.retry(RETRY);
            }
            self.opened = true;
            self.last_event_id = Some(id);
            return Some(event);
        }
    }

    /// The state now on opening, then after the next signal; `None` ends the stream.
    async fn wait_for_state(&mut self) -> Option<LiveState> {
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
        match notifications::live_state(&self.state, self.user_id).await {
            Ok(state) => Some(state),
            Err(error) => {
                tracing::warn!(?error, "live stream: state could not be read");
                None
            }
        }
    }
}

/// The event id of a state: the newest notification's id, the unread count and the newest message's id,
/// which together change whenever the state does.
fn state_id(state: &LiveState) -> String {
    format!("{}.{}.{}", state.newest_id, state.unread, state.newest_message_id)
}
