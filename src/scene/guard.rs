//! A last line of defence around third-party parsers: a panic inside one becomes a clear
//! "malformed file" error instead of a crash (and its message is not printed as a crash).

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use anyhow::Result;

use crate::error::Problem;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

static INSTALL_HOOK: Once = Once::new();

/// Runs `parse`; a panic inside it is turned into an input error about `format` files.
pub fn catch_parser_panics<T>(format: &str, parse: impl FnOnce() -> Result<T>) -> Result<T> {
    INSTALL_HOOK.call_once(|| {
        let default_hook = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                default_hook(info);
            }
        }));
    });
    let was_guarded = GUARDED.with(|g| g.replace(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(parse));
    GUARDED.with(|g| g.set(was_guarded));
    // The panic's own text is about the parser's code, not the file: it is not shown.
    outcome.unwrap_or_else(|_| {
        Err(Problem::input(format!(
            "the {format} data is malformed in a way the {format} reader could not follow (its counts, offsets or indices contradict each other)"
        ))
        .with_hint("check the file with a validator (e.g. the Khronos glTF Validator) or export it again; please report it to holoforge")
        .into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parser_panic_becomes_an_error() {
        let err = catch_parser_panics::<()>("test", || panic!("index out of bounds")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the test data is malformed in a way the test reader could not follow (its counts, offsets or indices contradict each other)"
        );
        assert_eq!(catch_parser_panics("test", || Ok(5)).unwrap(), 5);
    }
}
