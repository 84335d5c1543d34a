//! The login state every page shares: the actions that start or end a login, and the current student,
//! fetched again whenever one of them completes. The app shell provides it; pages and components read it.

use leptos::prelude::*;

use crate::api::account::{DeleteAccount, LogOutEverywhere};
use crate::api::{current_user, LogIn, LogOut, SignUp};
use crate::error::AppError;
use crate::model::Me;

/// The session's actions and the student they lead to.
#[derive(Clone, Copy)]
pub struct Session {
    pub log_in: ServerAction<LogIn>,
    pub sign_up: ServerAction<SignUp>,
    pub log_out: ServerAction<LogOut>,
    pub log_out_everywhere: ServerAction<LogOutEverywhere>,
    pub delete_account: ServerAction<DeleteAccount>,
    pub user: Resource<Result<Option<Me>, AppError>>,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Creates the session and provides it to everything below.
pub fn provide_session() {
    let log_in = ServerAction::<LogIn>::new();
    let sign_up = ServerAction::<SignUp>::new();
    let log_out = ServerAction::<LogOut>::new();
    let log_out_everywhere = ServerAction::<LogOutEverywhere>::new();
    let delete_account = ServerAction::<DeleteAccount>::new();
    let user = Resource::new(
        move || {
            let ended =
                (log_out.version().get(), log_out_everywhere.version().get(), delete_account.version().get());
            (log_in.version().get(), sign_up.version().get(), ended)
        },
        |_| current_user(),
    );
    provide_context(Session { log_in, sign_up, log_out, log_out_everywhere, delete_account, user });
}

/// The refusal that a plain form post to server function `S` (made before the page hydrated) brought back
/// in the address. Leptos hands it to the server actions made inside the router, which reads the address;
/// the session's actions are made above the router, so a page asks with an action of its own.
pub fn refusal_in_address<S>() -> Option<AppError>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    ServerAction::<S>::new().value().with_untracked(|value| value.as_ref()?.as_ref().err().cloned())
}
