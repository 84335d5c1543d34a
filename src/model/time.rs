//! Timestamps: stored and sent as UTC Unix seconds, shown in Korean Standard Time.
//!
//! A few lines of calendar arithmetic instead of a date crate keep the browser bundle small.

/// Korea does not observe daylight saving time, so KST is always UTC+9.
const KST_OFFSET_SECONDS: i64 = 9 * 3600;

/// A calendar date in KST.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KstDate {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl KstDate {
    /// The KST calendar date of a UTC Unix timestamp.
    pub fn from_unix(seconds: i64) -> Self {
        let days = (seconds + KST_OFFSET_SECONDS).div_euclid(86_400);
        civil_from_days(days)
    }
}

/// The weekday in KST of a UTC Unix timestamp: 0 (Mon) … 6 (Sun), as timetable slots number them.
pub fn kst_weekday(seconds: i64) -> i64 {
    let days = (seconds + KST_OFFSET_SECONDS).div_euclid(86_400);
    // 1970-01-01 was a Thursday (3).
    (days + 3).rem_euclid(7)
}

impl std::fmt::Display for KstDate {
    /// `2026.03.02`, the way Korean services write dates.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:02}.{:02}", self.year, self.month, self.day)
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a proleptic Gregorian date.
fn civil_from_days(days: i64) -> KstDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    KstDate { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_epoch_is_the_morning_of_1970_01_01_in_kst() {
        assert_eq!(KstDate::from_unix(0).to_string(), "1970.01.01");
    }

    #[test]
    fn utc_evening_is_already_the_next_day_in_kst() {
        // 2026-11-24 15:00:00 UTC is 2026-11-25 00:00 KST.
        assert_eq!(KstDate::from_unix(1_795_532_400).to_string(), "2026.11.25");
        assert_eq!(KstDate::from_unix(1_795_532_399).to_string(), "2026.11.24");
    }

    #[test]
    fn the_weekday_turns_at_midnight_in_kst() {
        // 1970-01-01 (KST) was a Thursday; 2026-11-24 15:00 UTC is Wednesday 2026-11-25 00:00 KST.
        assert_eq!(kst_weekday(0), 3);
        assert_eq!(kst_weekday(1_795_532_399), 1);
        assert_eq!(kst_weekday(1_795_532_400), 2);
    }

    #[test]
    fn leap_day_is_handled() {
        // 2024-02-29 12:00 UTC.
        assert_eq!(KstDate::from_unix(1_709_208_000).to_string(), "2024.02.29");
    }
}
