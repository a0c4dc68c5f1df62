//! The proc-macro half: async functions returning every kind of value, an
//! object with async methods, a foreign trait with sync and async methods, a
//! Rust implementation of it handed out, a Rust object that keeps a foreign
//! one, and a callback interface.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::yield_now::yield_now;

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Shape {
    Circle { radius: f64 },
    Rectangle { width: f64, height: f64 },
    Nothing,
}

#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum FixtureError {
    #[error("bad input: {reason}")]
    BadInput { reason: String },
    #[error("not found: {key}")]
    NotFound { key: String },
    /// What a foreign implementation threw that was not a `FixtureError`.
    #[error("unexpected: {message}")]
    Unexpected { message: String },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for FixtureError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        FixtureError::Unexpected { message: e.reason }
    }
}

/// `value * 2`, after one yield.
#[uniffi::export]
pub async fn async_double(value: u32) -> u32 {
    yield_now().await;
    value * 2
}

/// `value + 1` (wrapping), after one yield.
#[uniffi::export]
pub async fn async_next_u64(value: u64) -> u64 {
    yield_now().await;
    value.wrapping_add(1)
}

/// `value` reversed, after one yield.
#[uniffi::export]
pub async fn async_reverse(value: String) -> String {
    yield_now().await;
    value.chars().rev().collect()
}

/// The point `(x, y)`, after one yield.
#[uniffi::export]
pub async fn async_point(x: f64, y: f64) -> Point {
    yield_now().await;
    Point { x, y }
}

/// A circle for a positive radius, else `Nothing`.
#[uniffi::export]
pub async fn async_shape(radius: f64) -> Shape {
    yield_now().await;
    if radius > 0.0 {
        Shape::Circle { radius }
    } else {
        Shape::Nothing
    }
}

/// `0..count`, after one yield.
#[uniffi::export]
pub async fn async_range(count: u32) -> Vec<u32> {
    yield_now().await;
    (0..count).collect()
}

/// Each word with its length.
#[uniffi::export]
pub async fn async_lengths(words: Vec<String>) -> HashMap<String, u32> {
    yield_now().await;
    words
        .into_iter()
        .map(|w| {
            let n = w.chars().count() as u32;
            (w, n)
        })
        .collect()
}

/// `value` in upper case, or nothing.
#[uniffi::export]
pub async fn async_upper(value: Option<String>) -> Option<String> {
    yield_now().await;
    value.map(|v| v.to_uppercase())
}

/// A new account for `owner`, after one yield: an async function returning an object.
#[uniffi::export]
pub async fn async_account(owner: String) -> Arc<Account> {
    Account::open(owner).await
}

/// Returns nothing, after one yield.
#[uniffi::export]
pub async fn async_nothing() {
    yield_now().await;
}

/// Fails with `BadInput { reason }` after one yield.
#[uniffi::export]
pub async fn async_fail(reason: String) -> Result<u32, FixtureError> {
    yield_now().await;
    Err(FixtureError::BadInput { reason })
}

/// Panics with `message` after one yield.
#[uniffi::export]
pub async fn async_panic(message: String) -> u32 {
    yield_now().await;
    panic!("{message}");
}

/// Never finishes: only cancelling ends it.
#[uniffi::export]
pub async fn async_forever() -> u32 {
    std::future::pending::<()>().await;
    unreachable!("a pending future never resolves")
}

/// A sync function, for callbacks that call back into Rust.
#[uniffi::export]
pub fn triple(value: u32) -> u32 {
    value * 3
}

/// An object with async methods and an async named constructor.
#[derive(uniffi::Object)]
pub struct Account {
    owner: String,
    balance: Mutex<u64>,
}

#[uniffi::export]
impl Account {
    /// An account for `owner`, opened after one yield.
    #[uniffi::constructor]
    pub async fn open(owner: String) -> Arc<Self> {
        yield_now().await;
        Arc::new(Account {
            owner,
            balance: Mutex::new(0),
        })
    }

    /// Adds `amount` after one yield and returns the new balance.
    pub async fn deposit(&self, amount: u64) -> u64 {
        yield_now().await;
        let mut b = self.balance.lock().unwrap();
        *b += amount;
        *b
    }

    /// Takes `amount` out, or fails with `BadInput` if the balance is smaller.
    pub async fn withdraw(&self, amount: u64) -> Result<u64, FixtureError> {
        yield_now().await;
        let mut b = self.balance.lock().unwrap();
        if *b < amount {
            return Err(FixtureError::BadInput {
                reason: format!("balance {} is less than {amount}", *b),
            });
        }
        *b -= amount;
        Ok(*b)
    }

    pub fn owner(&self) -> String {
        self.owner.clone()
    }
}

/// A key-value store that either side may implement: Rust (`memory_store`)
/// or the foreign language.
#[uniffi::export(with_foreign)]
#[async_trait::async_trait]
pub trait Store: Send + Sync {
    /// The value of `key`, if any.
    fn get(&self, key: String) -> Option<String>;
    /// Sets `key`; fails as the implementation decides.
    fn put(&self, key: String, value: String) -> Result<(), FixtureError>;
    /// The value of `key`, fetched asynchronously; `NotFound` if missing.
    async fn fetch(&self, key: String) -> Result<String, FixtureError>;
    /// How many keys there are.
    async fn size(&self) -> u32;
}

struct MemoryStore(Mutex<HashMap<String, String>>);

#[async_trait::async_trait]
impl Store for MemoryStore {
    fn get(&self, key: String) -> Option<String> {
        self.0.lock().unwrap().get(&key).cloned()
    }
    fn put(&self, key: String, value: String) -> Result<(), FixtureError> {
        if key.is_empty() {
            return Err(FixtureError::BadInput {
                reason: "empty key".into(),
            });
        }
        self.0.lock().unwrap().insert(key, value);
        Ok(())
    }
    async fn fetch(&self, key: String) -> Result<String, FixtureError> {
        yield_now().await;
        self.get(key.clone())
            .ok_or(FixtureError::NotFound { key })
    }
    async fn size(&self) -> u32 {
        self.0.lock().unwrap().len() as u32
    }
}

/// A store implemented in Rust, handed to the foreign language.
#[uniffi::export]
pub fn memory_store() -> Arc<dyn Store> {
    Arc::new(MemoryStore(Mutex::new(HashMap::new())))
}

/// `store.get(key)`: a sync call of a foreign method.
#[uniffi::export]
pub fn store_get(store: Arc<dyn Store>, key: String) -> Option<String> {
    store.get(key)
}

/// `store.put(key, value)`, passing on its error.
#[uniffi::export]
pub fn store_put(store: Arc<dyn Store>, key: String, value: String) -> Result<(), FixtureError> {
    store.put(key, value)
}

/// `store.fetch(key)` awaited in Rust, then `"<key>=<value>"`.
#[uniffi::export]
pub async fn store_fetch(store: Arc<dyn Store>, key: String) -> Result<String, FixtureError> {
    let value = store.fetch(key.clone()).await?;
    Ok(format!("{key}={value}"))
}

/// `store.size()` awaited in Rust.
#[uniffi::export]
pub async fn store_size(store: Arc<dyn Store>) -> u32 {
    store.size().await
}

/// The same store back: a foreign one comes back as the foreign object.
#[uniffi::export]
pub fn same_store(store: Arc<dyn Store>) -> Arc<dyn Store> {
    store
}

/// A Rust object that keeps a store (of either side) and uses it later.
#[derive(uniffi::Object)]
pub struct Cache {
    store: Arc<dyn Store>,
}

#[uniffi::export]
impl Cache {
    #[uniffi::constructor]
    pub fn new(store: Arc<dyn Store>) -> Arc<Self> {
        Arc::new(Cache { store })
    }

    /// The kept store's value of `key`.
    pub fn lookup(&self, key: String) -> Option<String> {
        self.store.get(key)
    }

    /// The kept store's `fetch`, awaited.
    pub async fn fetch(&self, key: String) -> Result<String, FixtureError> {
        self.store.fetch(key).await
    }

    /// The kept store.
    pub fn store(&self) -> Arc<dyn Store> {
        self.store.clone()
    }
}

/// A callback interface declared by proc-macros.
#[uniffi::export(callback_interface)]
pub trait Visitor: Send + Sync {
    /// Maps one value; may fail.
    fn visit(&self, value: u32) -> Result<u32, FixtureError>;
}

/// `visitor.visit` of each value, stopping at the first error.
#[uniffi::export]
pub fn visit_all(values: Vec<u32>, visitor: Box<dyn Visitor>) -> Result<Vec<u32>, FixtureError> {
    values.into_iter().map(|v| visitor.visit(v)).collect()
}
