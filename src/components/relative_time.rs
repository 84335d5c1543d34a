//! "방금", "5분 전", "3시간 전", then the date: how the app students know shows times.

use crate::model::time::KstDate;
use crate::text::{app as t, fill};

/// A label for `at` seen at `now` (both UTC Unix seconds).
pub fn relative_time(at: i64, now: i64) -> String {
    let ago = now - at;
    match ago {
        i64::MIN..=59 => t::JUST_NOW.to_owned(),
        60..=3_599 => fill(t::MINUTES_AGO, ago / 60),
        3_600..=86_399 => fill(t::HOURS_AGO, ago / 3_600),
        _ => {
            let date = KstDate::from_unix(at);
            if date.year == KstDate::from_unix(now).year {
                format!("{:02}/{:02}", date.month, date.day)
            } else {
                format!("{}/{:02}/{:02}", date.year % 100, date.month, date.day)
            }
        }
    }
}

/// Now, on either side (server clock or browser clock).
pub fn now_seconds() -> i64 {
    #[cfg(feature = "ssr")]
    {
        crate::server::now()
    }
    #[cfg(not(feature = "ssr"))]
    {
        (js_sys_now() / 1000.0) as i64
    }
}

#[cfg(not(feature = "ssr"))]
fn js_sys_now() -> f64 {
    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Date, js_name = now)]
        fn date_now() -> f64;
    }
    date_now()
}

#[cfg(test)]
mod tests {
    use super::relative_time;

    #[test]
    fn recent_times_are_relative_and_older_ones_are_dates() {
        let now = 1_795_532_400; // 2026-11-25 00:00 KST
        assert_eq!(relative_time(now - 10, now), "방금");
        assert_eq!(relative_time(now - 300, now), "5분 전");
        assert_eq!(relative_time(now - 7_200, now), "2시간 전");
        assert_eq!(relative_time(now - 3 * 86_400, now), "11/22");
    }
}
