//! The exam clock. Time is data: the clock keeps how much time was used before this
//! session and when this session started, and derives everything else from `now`.
//! Nothing counts down by ticks, so a slow frame or a suspended process cannot drift it.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamClock {
    limit: Duration,
    used_before: Duration,
    since: Instant,
}

impl ExamClock {
    /// A clock for a paper with `limit`, of which `used_before` was spent in earlier sessions.
    pub fn new(limit: Duration, used_before: Duration, since: Instant) -> Self {
        Self { limit, used_before, since }
    }

    pub fn limit(&self) -> Duration {
        self.limit
    }

    pub fn used(&self, now: Instant) -> Duration {
        (self.used_before + now.saturating_duration_since(self.since)).min(self.limit)
    }

    pub fn remaining(&self, now: Instant) -> Duration {
        self.limit.saturating_sub(self.used(now))
    }

    pub fn is_over(&self, now: Instant) -> bool {
        self.remaining(now).is_zero()
    }

    /// How long until the displayed countdown (whole seconds, rounded up) changes.
    pub fn until_next_second(&self, now: Instant) -> Duration {
        let sub = self.remaining(now).subsec_nanos();
        if sub == 0 { Duration::from_secs(1) } else { Duration::from_nanos(u64::from(sub)) }
    }
}

/// "mm:ss", or "h:mm:ss" from an hour up; rounds up so 0:00 shows only when time is up.
pub fn format_countdown(d: Duration) -> String {
    let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    format_secs(secs)
}

/// "mm:ss" or "h:mm:ss".
pub fn format_secs(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m:02}:{s:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaining_time_counts_earlier_sessions() {
        let t0 = Instant::now();
        let clock = ExamClock::new(Duration::from_secs(600), Duration::from_secs(100), t0);
        assert_eq!(clock.remaining(t0 + Duration::from_secs(50)), Duration::from_secs(450));
        assert!(!clock.is_over(t0 + Duration::from_secs(499)));
        assert!(clock.is_over(t0 + Duration::from_secs(500)));
        assert_eq!(clock.used(t0 + Duration::from_secs(9999)), Duration::from_secs(600));
    }

    #[test]
    fn countdown_rounds_up_and_shows_hours() {
        assert_eq!(format_countdown(Duration::from_millis(59_001)), "01:00");
        assert_eq!(format_countdown(Duration::ZERO), "00:00");
        assert_eq!(format_countdown(Duration::from_secs(113 * 60)), "1:53:00");
    }
}
