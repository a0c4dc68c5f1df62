//! The Rust side of the UDL half.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::yield_now::yield_now;

pub async fn echo_after(text: String, ticks: u32) -> String {
    for _ in 0..ticks {
        yield_now().await;
    }
    text
}

pub trait Logger: Send + Sync {
    fn log(&self, line: String);
}

pub fn log_lines(logger: Box<dyn Logger>, prefix: String, count: u32) -> u32 {
    for i in 0..count {
        logger.log(format!("{prefix} {i}"));
    }
    count
}

pub struct Ticker {
    next: AtomicU32,
}

impl Ticker {
    pub async fn starting_at(start: u32) -> Self {
        yield_now().await;
        Ticker {
            next: AtomicU32::new(start),
        }
    }

    pub async fn tick(&self) -> u32 {
        yield_now().await;
        self.next.fetch_add(1, Ordering::SeqCst)
    }
}
