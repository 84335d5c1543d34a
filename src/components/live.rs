//! The browser's end of the live stream (`server::live`): while a student is logged in, one EventSource on
//! `/events` keeps [`LiveNotifications`] current for the tab bar's badge, the 알림 screen and open
//! conversations. EventSource reconnects by itself, and the first event after a reconnect is the whole state
//! again. On the server, and until hydration has finished, the state stays empty.
//!
//! While the page is in the background and the student has allowed it ([`BackgroundAlerts`]), a new 알림
//! also shows as a system notification through the service worker. It says only that something is new:
//! the lock screen is no place for who wrote what. (A closed app hears nothing: that needs Web Push.)

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
        // The stream's first event may change views (the tab bar's badge): not while they hydrate.
        if !crate::hydration::hydrated() {
            return None;
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
            let opened = std::cell::Cell::new(false);
            let on_state = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let update: Option<LiveState> =
                    event.data().as_string().and_then(|data| serde_json::from_str(&data).ok());
                if let Some(update) = update {
                    // The first event of a page is the state it opened with, not news.
                    if opened.replace(true) && update.newest_id > state.get_untracked().newest_id {
                        super::background::tell();
                    }
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

/// Whether this browser can show background notifications, and whether the student allowed them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackgroundAlerts {
    /// Not asked yet: the 알림 screen offers to turn them on.
    Ask,
    Allowed,
    /// Refused, or not available here (no Notification API, or no service worker).
    Unavailable,
}

#[cfg(feature = "hydrate")]
pub mod background {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Notification, NotificationOptions, NotificationPermission, ServiceWorkerRegistration};

    use super::BackgroundAlerts;
    use crate::text::notifications as t;

    fn supported() -> bool {
        let window = leptos::prelude::window();
        js_has(window.as_ref(), "Notification") && js_has(window.navigator().as_ref(), "serviceWorker")
    }

    fn js_has(target: &JsValue, name: &str) -> bool {
        web_sys::js_sys::Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
    }

    pub fn state() -> BackgroundAlerts {
        if !supported() {
            return BackgroundAlerts::Unavailable;
        }
        match Notification::permission() {
            NotificationPermission::Granted => BackgroundAlerts::Allowed,
            NotificationPermission::Default => BackgroundAlerts::Ask,
            _ => BackgroundAlerts::Unavailable,
        }
    }

    /// Asks the browser's permission (from a tap); what the student answered.
    pub async fn ask() -> BackgroundAlerts {
        if let Ok(answer) = Notification::request_permission() {
            let _ = JsFuture::from(answer).await;
        }
        state()
    }

    /// Shows "새 알림이 있어요" when the page is hidden and notifications are allowed. One tag: several
    /// hidden tabs, or several 알림, make one system notification, not a pile.
    pub fn tell() {
        let hidden = leptos::prelude::document().hidden();
        if !hidden || state() != BackgroundAlerts::Allowed {
            return;
        }
        let Ok(ready) = leptos::prelude::window().navigator().service_worker().ready() else { return };
        leptos::task::spawn_local(async move {
            let Ok(registration) = JsFuture::from(ready).await else { return };
            let registration = ServiceWorkerRegistration::from(registration);
            let options = NotificationOptions::new();
            options.set_body(t::BACKGROUND_BODY);
            options.set_tag("campus-notifications");
            options.set_icon("/icons/icon-192.png");
            options.set_data(&JsValue::from_str("/notifications"));
            let _ = registration.show_notification_with_options(crate::text::app::NAME, &options);
        });
    }
}

#[cfg(not(feature = "hydrate"))]
pub mod background {
    use super::BackgroundAlerts;

    /// The server renders as if nothing were available; the page asks the browser once it is live.
    pub fn state() -> BackgroundAlerts {
        BackgroundAlerts::Unavailable
    }

    pub async fn ask() -> BackgroundAlerts {
        BackgroundAlerts::Unavailable
    }

    pub fn tell() {}
}
