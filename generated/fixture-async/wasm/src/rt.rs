//! The part of every glue crate that is the same for any UniFFI crate:
//! call-status checks, panic messages, handles and time conversions.
//! Emitted by joyous-bindgen; do not edit.

#![allow(dead_code)]

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use wasm_bindgen::prelude::*;

/// The tag for uniffi's builtin converters, which work for any tag.
pub struct Tag;

/// The last panic's message: wasm32 aborts on panic, so the hook keeps the
/// message for the TypeScript side to read after the trap.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("Box<dyn Any>");
        let text = match info.location() {
            Some(at) => format!("{message} (panicked at {}:{})", at.file(), at.line()),
            None => message.to_string(),
        };
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(text);
    }));
}

/// The message of the panic that trapped the last call, if any.
#[wasm_bindgen]
pub fn uniffi_take_panic_message() -> Option<String> {
    LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take()
}

/// A failed call as a JavaScript value: the serialized error as bytes for the
/// facade to decode, or an internal error's message as a string.
pub fn check(status: ::uniffi::RustCallStatus) -> Result<(), JsValue> {
    use ::uniffi::RustCallStatusCode as Code;
    let buffer = std::mem::ManuallyDrop::into_inner(status.error_buf);
    match status.code {
        Code::Success => Ok(()),
        Code::Error => Err(JsValue::from(buffer.destroy_into_vec())),
        Code::UnexpectedError => {
            let message = String::from_utf8_lossy(&buffer.destroy_into_vec()).into_owned();
            Err(JsValue::from_str(&message))
        }
        Code::Cancelled => Err(JsValue::from_str("the call was cancelled")),
    }
}

/// A returned buffer as a Rust value, the way uniffi lifts it (a `String` is
/// the raw bytes; other types are serialized).
pub fn lift<T: ::uniffi::Lift<Tag, FfiType = ::uniffi::RustBuffer>>(
    buffer: ::uniffi::RustBuffer,
) -> Result<T, JsValue> {
    T::try_lift(buffer).map_err(|e| JsValue::from_str(&format!("{e:#}")))
}

/// A `RustBuffer` holding what `write` puts in UniFFI's format.
pub fn buffer(write: impl FnOnce(&mut Vec<u8>)) -> ::uniffi::RustBuffer {
    let mut buf = Vec::new();
    write(&mut buf);
    ::uniffi::RustBuffer::from_vec(buf)
}

/// Handles are pointers, which fit in a JavaScript number on wasm32.
pub fn handle_out(raw: u64) -> Result<f64, JsValue> {
    if raw > (1 << 53) {
        return Err(JsValue::from_str(&format!(
            "handle {raw:#x} does not fit in a JavaScript number"
        )));
    }
    Ok(raw as f64)
}

/// A new reference to an object for a call that consumes one.
pub fn clone_handle(
    clone: unsafe extern "C" fn(u64, &mut ::uniffi::RustCallStatus) -> u64,
    handle: f64,
) -> Result<u64, JsValue> {
    let mut status = ::uniffi::RustCallStatus::default();
    let raw = unsafe { clone(handle as u64, &mut status) };
    check(status)?;
    Ok(raw)
}

/// Milliseconds since the epoch (the facade has checked they are finite).
pub fn timestamp(ms: f64) -> SystemTime {
    let away = Duration::from_secs_f64(ms.abs() / 1000.0);
    if ms >= 0.0 {
        UNIX_EPOCH + away
    } else {
        UNIX_EPOCH - away
    }
}

/// Milliseconds (the facade has checked they are finite and not negative).
pub fn duration(ms: f64) -> Duration {
    Duration::from_secs_f64(ms / 1000.0)
}

/// UniFFI's `ForeignFutureResult<T>`, laid out the same: what a foreign
/// future completes with.
#[repr(C)]
pub struct FutureResult<T> {
    pub return_value: T,
    pub call_status: ::uniffi::RustCallStatus,
}

/// A foreign future in flight: UniFFI's completion function and its data,
/// and whether Rust has dropped the future that awaits it.
struct Pending<T> {
    complete: extern "C" fn(u64, FutureResult<T>),
    data: u64,
    dropped: std::rc::Rc<std::cell::Cell<bool>>,
}

/// A token for the facade to complete a foreign future with, exactly once.
/// Pointers fit in a JavaScript number on wasm32. `dropped` is set to tell
/// the token when Rust drops the awaiting future (cancelled or done).
pub fn pending<T>(
    complete: extern "C" fn(u64, FutureResult<T>),
    data: u64,
    dropped: &mut ::uniffi::ForeignFutureDroppedCallbackStruct,
) -> f64 {
    let flag = std::rc::Rc::new(std::cell::Cell::new(false));
    *dropped = ::uniffi::ForeignFutureDroppedCallbackStruct {
        callback_data: std::rc::Rc::into_raw(flag.clone()) as usize as u64,
        callback: future_dropped,
    };
    Box::into_raw(Box::new(Pending { complete, data, dropped: flag })) as usize as f64
}

/// UniFFI calls this once, when the future awaiting a foreign one is dropped.
extern "C" fn future_dropped(data: u64) {
    let flag = unsafe { std::rc::Rc::from_raw(data as usize as *const std::cell::Cell<bool>) };
    flag.set(true);
}

/// Completes the foreign future of `token` (made by `pending::<T>`).
pub fn complete_pending<T>(token: f64, value: T, status: ::uniffi::RustCallStatus) {
    let pending = unsafe { Box::from_raw(token as usize as *mut Pending<T>) };
    (pending.complete)(
        pending.data,
        FutureResult {
            return_value: value,
            call_status: status,
        },
    );
}

/// Completes the foreign future of `token` without a value when Rust no
/// longer awaits it (a cancelled call): nobody would free a buffer sent now,
/// but UniFFI's channel is freed only by a completion. Returns whether it did.
pub fn complete_if_dropped<T: ::uniffi::FfiDefault>(token: f64) -> bool {
    let dropped = unsafe { &*(token as usize as *const Pending<T>) }.dropped.get();
    if dropped {
        complete_pending(token, T::ffi_default(), ::uniffi::RustCallStatus::default());
    }
    dropped
}

/// Completes a foreign future whose wrapper itself threw.
pub fn fail_pending<T: ::uniffi::FfiDefault>(token: f64, thrown: JsValue) {
    complete_pending(token, T::ffi_default(), status(2, wrapper_threw(thrown)));
}

/// A call status: `code` 0 is success, 1 a declared error (`bytes` are it,
/// serialized), 2 an unexpected error (`bytes` are its message).
pub fn status(code: i8, bytes: Vec<u8>) -> ::uniffi::RustCallStatus {
    use ::uniffi::RustCallStatusCode as Code;
    let mut status = ::uniffi::RustCallStatus::default();
    status.code = match code {
        0 => return status,
        1 => Code::Error,
        _ => Code::UnexpectedError,
    };
    status.error_buf = std::mem::ManuallyDrop::new(::uniffi::RustBuffer::from_vec(bytes));
    status
}

thread_local! {
    /// What the last foreign method threw, reported by the facade.
    static CALLBACK_ERROR: std::cell::RefCell<Option<(i8, Vec<u8>)>> = const { std::cell::RefCell::new(None) };
}

pub fn set_callback_error(code: i8, bytes: Vec<u8>) {
    CALLBACK_ERROR.with(|e| *e.borrow_mut() = Some((code, bytes)));
}

/// The message of what a facade wrapper threw (never expected: the wrappers
/// catch what the user's method throws). Not `{:?}` of the value, which
/// would pull wasm-bindgen's value printer into every .wasm.
fn wrapper_threw(thrown: JsValue) -> Vec<u8> {
    let what = thrown
        .as_string()
        .unwrap_or_else(|| "a value that is not a string".into());
    format!("the foreign method's wrapper threw: {what}").into_bytes()
}

/// The value a sync foreign method returned, or `None` with `status` set to
/// what it threw.
pub fn callback_outcome<T>(
    result: Result<T, JsValue>,
    status: &mut ::uniffi::RustCallStatus,
) -> Option<T> {
    let thrown = CALLBACK_ERROR.with(|e| e.borrow_mut().take());
    match (result, thrown) {
        (Ok(value), None) => Some(value),
        (_, Some((code, bytes))) => {
            *status = self::status(code, bytes);
            None
        }
        (Err(e), None) => {
            *status = self::status(2, wrapper_threw(e));
            None
        }
    }
}

/// A callback argument as the value JavaScript gets. The buffer comes from
/// uniffi's own lowering, so failing here means the glue and the
/// scaffolding disagree: a bug, reported as a panic.
pub fn lift_arg<T: ::uniffi::Lift<Tag, FfiType = ::uniffi::RustBuffer>>(
    buffer: ::uniffi::RustBuffer,
) -> T {
    match T::try_lift(buffer) {
        Ok(v) => v,
        Err(e) => panic!("a callback argument did not lift: {e:#}"),
    }
}
