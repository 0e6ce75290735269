//! Whether a document is in force, computed for a given day (never frozen at ingest).

use chrono::NaiveDate;
use serde::Serialize;

use super::Lifecycle;

/// 有效性: where a document stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// 尚未施行: its effective date is still to come.
    NotYetEffective,
    /// 现行有效: in force.
    InForce,
    /// 已失效: its term of validity has ended.
    Expired,
    /// 已废止: a later document repealed it.
    Repealed,
}

impl Validity {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Validity::NotYetEffective => "尚未施行",
            Validity::InForce => "现行有效",
            Validity::Expired => "已失效",
            Validity::Repealed => "已废止",
        }
    }
}

impl Validity {
    /// Every validity, in the order a reader weighs them.
    pub const ALL: [Validity; 4] = [
        Validity::InForce,
        Validity::NotYetEffective,
        Validity::Expired,
        Validity::Repealed,
    ];

    /// The validity a Chinese name (as [`Validity::label`] writes it) denotes.
    pub fn from_label(label: &str) -> Option<Validity> {
        Validity::ALL.into_iter().find(|v| v.label() == label)
    }
}

impl Serialize for Validity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// The validity on `today`; None when the text states no effective date, expiry or repeal.
pub fn validity(life: &Lifecycle, today: NaiveDate) -> Option<Validity> {
    on_day(life.repealed, life.expires, life.effective, today)
}

/// The rule of validity, over any ordered representation of days (dates here, day stamps
/// in the index): repealed from `repealed`, expired after `expires`, in force from
/// `effective`; None when none of them is known.
pub fn on_day<D: PartialOrd>(
    repealed: Option<D>,
    expires: Option<D>,
    effective: Option<D>,
    today: D,
) -> Option<Validity> {
    if repealed.is_some_and(|d| d <= today) {
        return Some(Validity::Repealed);
    }
    if expires.is_some_and(|d| d < today) {
        return Some(Validity::Expired);
    }
    match effective {
        Some(d) if today < d => Some(Validity::NotYetEffective),
        Some(_) => Some(Validity::InForce),
        None => None,
    }
}

/// Whether a document counting from `repealer` can repeal one counting from `target`: not one
/// of a later day (a newer document of the same title or number), as far as the days are known.
pub fn may_repeal<D: PartialOrd>(repealer: Option<D>, target: Option<D>) -> bool {
    !matches!((repealer, target), (Some(r), Some(t)) if t > r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_follows_the_calendar() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let life = Lifecycle {
            effective: Some(day(2021, 3, 5)),
            expires: Some(day(2026, 3, 4)),
            ..Lifecycle::default()
        };
        assert_eq!(
            validity(&life, day(2021, 1, 1)),
            Some(Validity::NotYetEffective)
        );
        assert_eq!(validity(&life, day(2026, 3, 4)), Some(Validity::InForce));
        assert_eq!(validity(&life, day(2026, 3, 5)), Some(Validity::Expired));
        assert_eq!(validity(&Lifecycle::default(), day(2026, 1, 1)), None);
        for v in Validity::ALL {
            assert_eq!(Validity::from_label(v.label()), Some(v));
        }
        assert_eq!(Validity::from_label("有效"), None);
    }

    #[test]
    fn a_document_repeals_only_what_is_no_later_than_it() {
        assert!(may_repeal(Some(2024), Some(2017)));
        assert!(may_repeal(Some(2024), Some(2024)));
        assert!(!may_repeal(Some(2014), Some(2024)), "not a newer namesake");
        assert!(may_repeal(None, Some(2024)) && may_repeal(Some(2014), None::<i32>));
    }
}
