//! A future that is pending once, waking itself: it hands control back to the
//! caller's poll loop without any executor or timer.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

pub fn yield_now() -> YieldNow {
    YieldNow(false)
}
