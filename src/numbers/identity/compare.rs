//! Comparing two figures' identities: whether they are two quantities
//! whatever else agrees (different times, holders, stretches, areas,
//! sub-populations, variants, exclusive predicates). Pure reading of two
//! [`Identity`] values, used by the number finder (which weighs the rest of
//! the evidence) and by matching (two sentences whose figures are all two
//! quantities state two facts).

use super::{Identity, Time};
use crate::numbers::QuantityClass;

/// The end of a stretch of years still running ("since 2007").
const OPEN_END: i32 = i32::MAX;

/// Whether two figures count different things whatever else agrees: two
/// exclusive predicates ("killed" / "injured"), or one a part, a rate or a
/// count of occasions and the other not.
fn identities_conflict(a: &Identity, b: &Identity) -> bool {
    if let (Some(x), Some(y)) = (a.predicate, b.predicate)
        && x.exclusive
        && y.exclusive
        && x.concept != y.concept
    {
        return true;
    }
    a.part != b.part || a.rate != b.rate || a.repetition != b.repetition
}

/// Whether two figures are tied to one time: `None` when either is tied to
/// none that can be placed, else whether some time of one is a time of the
/// other ("since 2007" is the stretch "from 2007 to 2014" of a later report).
#[must_use]
pub fn shared_time(a: &Identity, b: &Identity, years: (Option<i32>, Option<i32>)) -> Option<bool> {
    let resolve = |time: &Time, year: Option<i32>| match time {
        Time::Year(y) => Some((*y, *y)),
        Time::Relative(r) => year.map(|y| (y + r, y + r)),
        Time::Span(from, to) => Some((*from, *to)),
        Time::Since(from) => Some((*from, OPEN_END)),
    };
    let resolved = |identity: &Identity, year: Option<i32>| -> Vec<(i32, i32)> {
        identity.times.iter().filter_map(|t| resolve(t, year)).collect()
    };
    // "since 2007" is the stretch "from 2007 to 2014" of a later report.
    let same = |x: &(i32, i32), y: &(i32, i32)| {
        x == y || (x.0 == y.0 && x.0 != x.1 && y.0 != y.1 && (x.1 == OPEN_END || y.1 == OPEN_END))
    };
    let (ya, yb) = (resolved(a, years.0), resolved(b, years.1));
    if ya.is_empty() || yb.is_empty() {
        // Undated articles: "last year" meets "the last fiscal year" as written.
        let (ra, rb) = (relative_years(a), relative_years(b));
        return (!ra.is_empty() && !rb.is_empty() && ra.iter().any(|r| rb.contains(r))).then_some(true);
    }
    Some(ya.iter().any(|x| yb.iter().any(|y| same(x, y))))
}

/// The years a figure is tied to relative to its article's ("last year": -1).
fn relative_years(identity: &Identity) -> Vec<i32> {
    identity.times.iter().filter_map(|t| if let Time::Relative(r) = t { Some(*r) } else { None }).collect()
}

/// Whether two figures of one `class` are two quantities by their
/// identities alone, whoever holds them: [`identities_conflict`] (exclusive
/// predicates, part, rate, occasions) or [`circumstances_differ`]; `time`
/// is their [`shared_time`]. Who holds a figure is read by each caller (the
/// number finder also reads it from the sentences around).
#[must_use]
pub fn two_quantities(
    a: &Identity,
    b: &Identity,
    class: &QuantityClass,
    years: (Option<i32>, Option<i32>),
    time: Option<bool>,
) -> bool {
    identities_conflict(a, b) || circumstances_differ(a, b, class, years, time)
}

/// Whether two figures are held under different circumstances: tied to
/// different times ("for 2014" / "from 2007 through 2014", "last year" /
/// "this year"; `time` is their [`shared_time`]), expected against
/// reported, held in two stretches of the event, among two populations,
/// for two variants, in two areas. What the figures count and what
/// happened to it are not read here.
#[must_use]
pub fn circumstances_differ(
    a: &Identity,
    b: &Identity,
    class: &QuantityClass,
    years: (Option<i32>, Option<i32>),
    time: Option<bool>,
) -> bool {
    if time == Some(false) {
        return true;
    }
    // Both relative and unresolved: "last year" against "this year".
    let (ra, rb) = (relative_years(a), relative_years(b));
    if !ra.is_empty()
        && !rb.is_empty()
        && !ra.iter().any(|r| rb.contains(r))
        && (years.0.is_none() || years.1.is_none())
    {
        return true;
    }
    // Expected and reported ("will get 10 to 12 carries" / "had nine
    // carries"): two quantities. Not for ages ("will turn 29" is read as
    // an age already) nor sums, which deals and offers give as what one
    // side would pay.
    let modal_kind = matches!(class, QuantityClass::Age | QuantityClass::Money(_));
    if a.projected != b.projected && !modal_kind {
        return true;
    }
    // Held in two stretches of the event, or one in a stretch ("at the
    // half", "in the past 24 hours") and one over all of it.
    if a.period != b.period {
        return true;
    }
    // Shares of two populations ("first among farmers, at 30 percent" /
    // "30 percent" of all voters).
    if *class == QuantityClass::Percent && a.subgroup != b.subgroup {
        return true;
    }
    // Given for two variants, or for one and for the whole product ("2.38
    // pounds for the 11-inch model" / "it weighs under 4.5 pounds").
    if a.variant != b.variant {
        return true;
    }
    // Held in two different areas ("in the province" / "across Asia"),
    // however alike the rest.
    !a.area.is_empty() && !b.area.is_empty() && !a.area.iter().any(|p| b.area.contains(p))
}

/// Whose a figure is by its own clause: the possessive name right before
/// it ("the Bluejays' 11 assists"), else the name holding it ("while
/// Richard Carter had 12 points").
#[must_use]
pub fn own_holder(identity: &Identity) -> Option<&str> {
    identity.owner.as_deref().or(identity.holding_name.as_deref())
}
