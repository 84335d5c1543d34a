//! The browser's end of the live stream (`server::live`): while a student is logged in, one EventSource on
//! `/events` keeps [`LiveNotifications`] current for the tab bar's badge and the 알림 screen. EventSource
//! reconnects by itself, and the first event after a reconnect is the whole state again. On the server, and
//! before hydration, the state stays empty.

use leptos::prelude::*;

use crate::model::notifications::LiveState;
use crate::session::use_session;

/// The student's notification state as the stream last told it.
#[derive(Clone, Copy)]
pub struct LiveNotifications(pub RwSignal<LiveState>);

pub fn use_live_notifications() -> LiveNotifications {
    expect_context::<LiveNotifications>()
}

/// Provides the state, and in the browser follows the stream whenever someone is logged in.
pub fn provide_live_notifications() {
    let live = LiveNotifications(RwSignal::new(LiveState::default()));
    provide_context(live);
    let session = use_session();
    // Effects run only in the browser. The stream of a previous login is closed when the login changes.
    Effect::new(move |previous: Option<Option<stream::Stream>>| {
        if let Some(Some(previous)) = previous {
            previous.close();
        }
        let logged_in = matches!(session.user.get(), Some(Ok(Some(_))));
        if !logged_in {
            live.0.set(LiveState::default());
            return None;
        }
        stream::Stream::open(live.0)
    });
}

#[cfg(feature = "hydrate")]
mod stream {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{EventSource, MessageEvent};

    use crate::model::notifications::LiveState;

    /// An open EventSource and its listener (kept alive with it).
    pub struct Stream {
        source: EventSource,
        _on_state: Closure<dyn FnMut(MessageEvent)>,
    }

    impl Stream {
        pub fn open(state: RwSignal<LiveState>) -> Option<Stream> {
            let source = EventSource::new("/events").ok()?;
            let on_state = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let update = event.data().as_string().and_then(|data| serde_json::from_str(&data).ok());
                if let Some(update) = update {
                    state.set(update);
                }
            });
            source
                .add_event_listener_with_callback("notifications", on_state.as_ref().unchecked_ref())
                .ok()?;
            Some(Stream { source, _on_state: on_state })
        }

        pub fn close(&self) {
            self.source.close();
        }
    }
}

#[cfg(not(feature = "hydrate"))]
mod stream {
    use leptos::prelude::*;

    use crate::model::notifications::LiveState;

    /// The server renders without a stream.
    pub struct Stream;

    impl Stream {
        pub fn open(_state: RwSignal<LiveState>) -> Option<Stream> {
            None
        }

        pub fn close(&self) {}
    }
}
