//! The object of the fixture, declared by proc-macros, and the functions and
//! record that pass it around.

use std::sync::{Arc, Mutex};

use crate::udl::ArithmeticError;

/// A counter that goes up by a fixed step. Safe to share between threads.
#[derive(Debug, uniffi::Object)]
pub struct Counter {
    value: Mutex<u64>,
    step: u64,
}

impl Counter {
    fn get(&self) -> u64 {
        *self.value.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn update(&self, f: impl FnOnce(u64) -> Option<u64>) -> Result<u64, ArithmeticError> {
        let mut value = self.value.lock().unwrap_or_else(|p| p.into_inner());
        *value = f(*value).ok_or(ArithmeticError::Overflow)?;
        Ok(*value)
    }
}

#[uniffi::export]
impl Counter {
    /// A counter at 0 that goes up by `step`.
    #[uniffi::constructor(default(step = 1))]
    pub fn new(step: u64) -> Self {
        Self {
            value: Mutex::new(0),
            step,
        }
    }

    /// A counter at `start` that goes up by `step`.
    #[uniffi::constructor(default(step = 1))]
    pub fn with_start(start: u64, step: u64) -> Arc<Self> {
        Arc::new(Self {
            value: Mutex::new(start),
            step,
        })
    }

    /// The current value.
    pub fn value(&self) -> u64 {
        self.get()
    }

    /// How much `increment` adds.
    pub fn step(&self) -> u64 {
        self.step
    }

    /// Adds the step and returns the new value; fails with `Overflow` (and
    /// leaves the value unchanged) when it would exceed `u64`.
    pub fn increment(&self) -> Result<u64, ArithmeticError> {
        let step = self.step;
        self.update(|v| v.checked_add(step))
    }

    /// Adds `amount` and returns the new value; fails with `Overflow` (and
    /// leaves the value unchanged) when it would exceed `u64`.
    pub fn add(&self, amount: u64) -> Result<u64, ArithmeticError> {
        self.update(|v| v.checked_add(amount))
    }

    /// Sets the value back to 0.
    pub fn reset(&self) {
        *self.value.lock().unwrap_or_else(|p| p.into_inner()) = 0;
    }

    /// `<label>: <value> (step <step>)`; the label defaults to `counter`.
    pub fn describe(&self, label: Option<String>) -> String {
        format!(
            "{}: {} (step {})",
            label.as_deref().unwrap_or("counter"),
            self.get(),
            self.step
        )
    }

    /// Whether `other` is this very counter (not merely an equal one).
    pub fn same_as(&self, other: Arc<Counter>) -> bool {
        std::ptr::eq(self, Arc::as_ptr(&other))
    }

    /// A new, independent counter with this one's value and step.
    pub fn fork(&self) -> Arc<Counter> {
        Counter::with_start(self.get(), self.step)
    }
}

/// A counter starting at `start`, with step 1.
#[uniffi::export]
pub fn make_counter(start: u64) -> Arc<Counter> {
    Counter::with_start(start, 1)
}

/// The sum of the values of `counters`, saturating at the `u64` maximum.
#[uniffi::export]
pub fn counter_total(counters: Vec<Arc<Counter>>) -> u64 {
    counters
        .iter()
        .fold(0u64, |sum, c| sum.saturating_add(c.value()))
}

/// A record that holds an object.
#[derive(Debug, Clone, uniffi::Record)]
pub struct NamedCounter {
    /// The counter's name.
    pub name: String,
    /// The counter itself (shared, not copied).
    pub counter: Arc<Counter>,
}

/// `counter` under `name`; the record holds the same counter.
#[uniffi::export]
pub fn name_counter(name: String, counter: Arc<Counter>) -> NamedCounter {
    NamedCounter { name, counter }
}

/// `<name>=<value>` of a named counter.
#[uniffi::export]
pub fn named_counter_value(named: NamedCounter) -> String {
    format!("{}={}", named.name, named.counter.value())
}
