//! Signals: "this student's notifications changed", raised by a committed write and delivered to the live
//! streams of every app server.
//!
//! A write transaction [`announce`](super::Tx::announce)s the students it notified. On SQLite (one embedded
//! server) the signal goes to this process's streams once the transaction commits. On PostgreSQL the
//! transaction sends it with `pg_notify`, which PostgreSQL delivers at commit, and only then, to every
//! server listening on [`CHANNEL`] — this one included — so a student whose stream is connected to another
//! app server hears of it too. A signal carries no content: each stream reads its student's state itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{broadcast, watch};

/// The PostgreSQL notification channel.
pub const CHANNEL: &str = "campus_signals";

/// Signals queued for one student's streams before they fall behind; a stream behind reads the state once.
const QUEUE: usize = 8;

/// The streams of this process, by student.
#[derive(Debug)]
pub struct Signals {
    subscribers: Mutex<HashMap<i64, broadcast::Sender<()>>>,
    /// Dropped with the last handle on the signals: tells the PostgreSQL listener to stop.
    _alive: watch::Sender<()>,
    alive: watch::Receiver<()>,
}

impl Signals {
    pub fn new() -> Arc<Signals> {
        let (alive_sender, alive) = watch::channel(());
        Arc::new(Signals { subscribers: Mutex::default(), _alive: alive_sender, alive })
    }

    /// Listens for the student's signals until the subscription is dropped.
    pub fn subscribe(self: &Arc<Self>, user_id: i64) -> Subscription {
        let mut subscribers = self.subscribers.lock().unwrap_or_else(PoisonError::into_inner);
        let receiver = subscribers.entry(user_id).or_insert_with(|| broadcast::channel(QUEUE).0).subscribe();
        Subscription { receiver, signals: self.clone(), user_id }
    }

    /// Wakes the student's streams in this process.
    pub fn deliver(&self, user_id: i64) {
        let subscribers = self.subscribers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(sender) = subscribers.get(&user_id) {
            let _ = sender.send(());
        }
    }

    /// Wakes every stream in this process: after the listener lost its connection, signals may have been
    /// missed, so every stream reads its state again.
    fn deliver_to_all(&self) {
        let subscribers = self.subscribers.lock().unwrap_or_else(PoisonError::into_inner);
        for sender in subscribers.values() {
            let _ = sender.send(());
        }
    }

    /// The students in a `pg_notify` payload: ids separated by commas.
    fn deliver_payload(&self, payload: &str) {
        for id in payload.split(',').filter_map(|id| id.parse().ok()) {
            self.deliver(id);
        }
    }
}

/// One stream's subscription to its student's signals.
pub struct Subscription {
    receiver: broadcast::Receiver<()>,
    signals: Arc<Signals>,
    user_id: i64,
}

impl Subscription {
    /// Waits for the next signal. Signals that arrived meanwhile count as one.
    pub async fn changed(&mut self) {
        loop {
            match self.receiver.recv().await {
                Ok(()) | Err(broadcast::error::RecvError::Lagged(_)) => break,
                // The sender lives in the map while this subscription does; never reached.
                Err(broadcast::error::RecvError::Closed) => std::future::pending::<()>().await,
            }
        }
        while self.receiver.try_recv().is_ok() {}
    }
}

impl Drop for Subscription {
    /// The last subscription of a student removes the student's entry, so idle students cost nothing.
    fn drop(&mut self) {
        let mut subscribers = self.signals.subscribers.lock().unwrap_or_else(PoisonError::into_inner);
        // This subscription's receiver still counts here.
        if subscribers.get(&self.user_id).is_some_and(|sender| sender.receiver_count() <= 1) {
            subscribers.remove(&self.user_id);
        }
    }
}

/// The payload of a `pg_notify` for these students.
pub fn payload(user_ids: &[i64]) -> String {
    user_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// On PostgreSQL: listens on [`CHANNEL`] for as long as `signals` lives, and delivers each signal to this
/// process's streams. A lost connection is retried every second; once it is back, every stream reads its
/// state again, since signals sent meanwhile were lost.
pub fn listen_on_postgres(url: String, signals: &Arc<Signals>) {
    let weak = Arc::downgrade(signals);
    let mut alive = signals.alive.clone();
    tokio::spawn(async move {
        let mut reconnecting = false;
        loop {
            let listener = async {
                let mut listener = sqlx::postgres::PgListener::connect(&url).await?;
                listener.listen(CHANNEL).await?;
                Ok::<_, sqlx::Error>(listener)
            };
            let mut listener = tokio::select! {
                listener = listener => listener,
                _ = alive.changed() => return,
            };
            if let Ok(listener) = listener.as_mut() {
                if reconnecting {
                    if let Some(signals) = weak.upgrade() {
                        signals.deliver_to_all();
                    }
                }
                loop {
                    let notification = tokio::select! {
                        notification = listener.try_recv() => notification,
                        _ = alive.changed() => return,
                    };
                    match (notification, weak.upgrade()) {
                        (Ok(Some(notification)), Some(signals)) => {
                            signals.deliver_payload(notification.payload())
                        }
                        (_, None) => return,
                        (Ok(None), Some(_)) | (Err(_), Some(_)) => break,
                    }
                }
            }
            if let Err(error) = listener {
                tracing::warn!(%error, "cannot listen for signals on PostgreSQL; retrying");
            }
            reconnecting = true;
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_signal_reaches_only_its_students_streams_and_idle_students_leave_no_entry() {
        let signals = Signals::new();
        let mut mine = signals.subscribe(1);
        let mut other = signals.subscribe(2);
        signals.deliver_payload("1,3");
        tokio::time::timeout(Duration::from_secs(1), mine.changed()).await.expect("student 1 is signalled");
        assert!(
            tokio::time::timeout(Duration::from_millis(50), other.changed()).await.is_err(),
            "student 2 was not signalled"
        );
        drop(mine);
        drop(other);
        assert!(signals.subscribers.lock().map(|s| s.is_empty()).unwrap_or(false));
    }
}
