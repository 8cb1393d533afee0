//! Dates with a precision (day, month or year) and periods between them.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// How precisely a [`Date`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year: `2014`.
    Year,
    /// The year and month: `2014-08`.
    Month,
    /// The day: `2014-08-12`.
    Day,
}

/// A calendar date known to a day, a month or a year.
///
/// Written `2014-08-12`, `2014-08` or `2014`. Dates order by year, then
/// month, then day, a less precise date first (`2014-08 < 2014-08-01`).
///
/// ```
/// use reckon::model::{Date, Precision};
///
/// let d: Date = "2014-08".parse()?;
/// assert_eq!(d.precision(), Precision::Month);
/// assert!(d < "2014-08-12".parse()?);
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date known to the day.
    ///
    /// # Errors
    /// When the month or day does not exist (`2014-02-30`).
    pub fn ymd(year: i16, month: u8, day: u8) -> Result<Self, Error> {
        if !(1..=12).contains(&month) {
            return Err(Error::invalid(
                format!("date {year}-{month:02}-{day:02}"),
                "there is no such month",
            ));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(Error::invalid(
                format!("date {year}-{month:02}-{day:02}"),
                "there is no such day in that month",
            ));
        }
        Ok(Date { year, month, day })
    }

    /// A date known to the month.
    ///
    /// # Errors
    /// When the month is not 1–12.
    pub fn ym(year: i16, month: u8) -> Result<Self, Error> {
        if !(1..=12).contains(&month) {
            return Err(Error::invalid(
                format!("date {year}-{month:02}"),
                "there is no such month",
            ));
        }
        Ok(Date {
            year,
            month,
            day: 0,
        })
    }

    /// A date known to the year.
    pub fn year_only(year: i16) -> Self {
        Date {
            year,
            month: 0,
            day: 0,
        }
    }

    /// The year.
    pub fn year(&self) -> i16 {
        self.year
    }

    /// The month (1–12), when known.
    pub fn month(&self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, when known.
    pub fn day(&self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// Whether `other` could be the same day: equal where both are known.
    pub fn may_equal(&self, other: &Date) -> bool {
        self.year == other.year
            && (self.month == 0 || other.month == 0 || self.month == other.month)
            && (self.day == 0 || other.day == 0 || self.day == other.day)
    }
}

fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || Error::value(s, "a date is written YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.trim().split('-');
        let year: i16 = parts
            .next()
            .filter(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse().ok())
            .ok_or_else(bad)?;
        let mut num = |len| -> Result<Option<u8>, Error> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let month = num(2)?;
        let day = num(2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        let map = |e: Error| Error::value(s, e.to_string());
        match (month, day) {
            (None, _) => Ok(Date::year_only(year)),
            (Some(m), None) => Date::ym(year, m).map_err(map),
            (Some(m), Some(d)) => Date::ymd(year, m, d).map_err(map),
        }
    }
}

/// A period from one date to another, both included: `2014-06-21/2014-08-07`.
/// A single date is a period of one day (or month, or year): `2014-08-02`.
///
/// ```
/// use reckon::model::Period;
///
/// let p: Period = "2014-08-01/2014-08-02".parse()?;
/// assert_eq!(p.to_string(), "2014-08-01/2014-08-02");
/// assert!(p.overlaps(&"2014-08".parse()?));
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    start: Date,
    end: Date,
}

impl Period {
    /// From `start` to `end`, both included.
    ///
    /// # Errors
    /// When `end` is before `start`.
    pub fn new(start: Date, end: Date) -> Result<Self, Error> {
        if end < start && !start.may_equal(&end) {
            return Err(Error::invalid(
                format!("period {start}/{end}"),
                "it ends before it starts",
            ));
        }
        Ok(Period { start, end })
    }

    /// The period of one date.
    pub fn on(date: Date) -> Self {
        Period {
            start: date,
            end: date,
        }
    }

    /// The first date.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The last date.
    pub fn end(&self) -> Date {
        self.end
    }

    /// Whether the two periods may share a day, given their precision.
    pub fn overlaps(&self, other: &Period) -> bool {
        let before = |a: &Date, b: &Date| a < b && !a.may_equal(b);
        !(before(&self.end, &other.start) || before(&other.end, &self.start))
    }
}

impl From<Date> for Period {
    fn from(d: Date) -> Self {
        Period::on(d)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}/{}", self.start, self.end)
        }
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s.split_once('/') {
            None => Ok(Period::on(s.parse()?)),
            Some((a, b)) => {
                Period::new(a.parse()?, b.parse()?).map_err(|e| Error::value(s, e.to_string()))
            }
        }
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use super::{Date, Period};

    macro_rules! via_str {
        ($t:ty) => {
            impl serde::Serialize for $t {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.collect_str(self)
                }
            }
            impl<'de> serde::Deserialize<'de> for $t {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                    s.parse().map_err(serde::de::Error::custom)
                }
            }
        };
    }
    via_str!(Date);
    via_str!(Period);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_check_the_calendar() {
        for s in ["2014", "2014-08", "2014-08-12", "2016-02-29"] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
        assert_eq!(
            "2014-02-30".parse::<Date>().unwrap_err().to_string(),
            "'2014-02-30' is not a value: date 2014-02-30: there is no such day in that month"
        );
        assert_eq!(
            "12 August".parse::<Date>().unwrap_err().to_string(),
            "'12 August' is not a value: a date is written YYYY, YYYY-MM or YYYY-MM-DD"
        );
    }

    #[test]
    fn periods_overlap_by_precision() {
        let p = |s: &str| s.parse::<Period>().unwrap();
        assert!(p("2014-08-01/2014-08-02").overlaps(&p("2014-08")));
        assert!(!p("2014-06-21/2014-07-31").overlaps(&p("2014-08-01/2014-08-02")));
        assert!(p("2014").overlaps(&p("2014-12-31")));
        assert!("2014-08-05/2014-08-01".parse::<Period>().is_err());
    }
}
