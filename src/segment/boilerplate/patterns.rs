//! The shapes of boilerplate lines, written out by hand as steps over
//! positions ([`crate::segment::shapes`]): nothing is compiled at start-up.
//! Each shape keeps the case-insensitive regex it implements beside it;
//! the tests check that both agree.

use crate::segment::shapes::{Ends, Line, either, is_cased_letter, is_digit, is_letter_nocase};

/// A shape of whole boilerplate lines: the regex it implements (the
/// specification, run by the tests; `(?i)` is implied, and a group named
/// `max<N>` holds at most N characters) and the steps that implement it.
pub(super) struct Shape {
    /// The regex, for the tests and for readers.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) regex: &'static str,
    /// Whether a line (trimmed) has the shape.
    pub(super) matches: fn(Line) -> bool,
}

/// Every shape of a boilerplate line.
pub(super) const SHAPES: [Shape; 18] = [
    // Bylines and credits.
    Shape {
        regex: r"^(?:by|written by|words by|text by|interview by|von|par|por)\s+\p{Lu}(?P<max100>[^.!?]*)$",
        matches: |l| {
            const OPENS: [&str; 8] = ["by", "written by", "words by", "text by", "interview by", "von", "par", "por"];
            if !l.opens(false, &OPENS) {
                return false;
            }
            let named = l.spaces(&l.words(&l.start(), &OPENS), 1);
            l.one(&named, is_cased_letter).iter().any(|&p| {
                let rest = &l.text[p..];
                !rest.contains(['.', '!', '?']) && rest.chars().count() <= 100
            })
        },
    },
    Shape {
        regex: r"^\(?(?:reporting|additional reporting|writing|editing|compiled|edited) by\b",
        matches: |l| {
            let roles = ["reporting", "additional reporting", "writing", "editing", "compiled", "edited"];
            if !l.opens(true, &roles) {
                return false;
            }
            let by = l.words(&l.words(&l.maybe(&l.start(), &["("]), &roles), &[" by"]);
            !l.boundary(&by).is_empty()
        },
    },
    Shape {
        regex: r"^\(?(?:photo|photograph|photos|image|picture|credit|illustration|graphic|video|footage)s?\s*(?::|by\b|credit\b)",
        matches: |l| {
            let kinds = [
                "photo",
                "photograph",
                "photos",
                "image",
                "picture",
                "credit",
                "illustration",
                "graphic",
                "video",
                "footage",
            ];
            if !l.opens(true, &kinds) {
                return false;
            }
            let kind = l.spaces(&l.maybe(&l.words(&l.maybe(&l.start(), &["("]), &kinds), &["s"]), 0);
            !l.words(&kind, &[":"]).is_empty() || !l.boundary(&l.words(&kind, &["by", "credit"])).is_empty()
        },
    },
    Shape {
        regex: r"\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+read\b",
        matches: |l| {
            if !(l.holds("min") && l.holds("read")) {
                return false;
            }
            let number = l.repeat(&l.boundary(&l.anywhere()), 1, usize::MAX, is_digit);
            let before_unit = l.spaces(&number, 0);
            let before_unit = either(l.spaces(&l.words(&before_unit, &["-"]), 0), &before_unit);
            let unit = l.spaces(&l.words(&before_unit, &["min", "mins", "minute", "minutes"]), 1);
            !l.boundary(&l.words(&unit, &["read"])).is_empty()
        },
    },
    // Share bars and social links.
    Shape {
        regex: r"^share(?:\s+(?:this|on|article|story|via|the article))?\s*[:|]",
        matches: |l| {
            if !l.opens(false, &["share"]) {
                return false;
            }
            let share = l.words(&l.start(), &["share"]);
            let what = l.words(&l.spaces(&share, 1), &["this", "on", "article", "story", "via", "the article"]);
            !l.words(&l.spaces(&either(what, &share), 0), &[":", "|"]).is_empty()
        },
    },
    Shape {
        regex: r"^(?:share|tweet|email|print|copy link|facebook|twitter|whatsapp|linkedin|x)(?:\s*[·|,/•]\s*(?:share|tweet|email|print|copy link|facebook|twitter|whatsapp|linkedin|reddit|x))+\s*$",
        matches: |l| {
            const FIRST: [&str; 10] =
                ["share", "tweet", "email", "print", "copy link", "facebook", "twitter", "whatsapp", "linkedin", "x"];
            const MORE: [&str; 11] = [
                "share",
                "tweet",
                "email",
                "print",
                "copy link",
                "facebook",
                "twitter",
                "whatsapp",
                "linkedin",
                "reddit",
                "x",
            ];
            if !l.opens(false, &FIRST) {
                return false;
            }
            let mut at = l.words(&l.start(), &FIRST);
            let mut after_two_or_more = Ends::new();
            // Each round reads at least two characters: it ends.
            while !at.is_empty() {
                let separated = l.spaces(&l.words(&l.spaces(&at, 0), &["·", "|", ",", "/", "•"]), 0);
                at = l.words(&separated, &MORE);
                after_two_or_more = either(after_two_or_more, &at);
            }
            l.reaches_end(&l.spaces(&after_two_or_more, 0))
        },
    },
    // Pointers to other content.
    Shape {
        regex: r"^(?:read more|related|see also|more on this|more on|recommended|most read|most popular|also read|read next|read also|more from|you may also like|you might also like|trending|further reading|more stories|related articles|related stories|related coverage|top stories)\b",
        matches: |l| {
            let pointers = [
                "read more",
                "related",
                "see also",
                "more on this",
                "more on",
                "recommended",
                "most read",
                "most popular",
                "also read",
                "read next",
                "read also",
                "more from",
                "you may also like",
                "you might also like",
                "trending",
                "further reading",
                "more stories",
                "related articles",
                "related stories",
                "related coverage",
                "top stories",
            ];
            l.opens(false, &pointers) && !l.boundary(&l.words(&l.start(), &pointers)).is_empty()
        },
    },
    Shape {
        regex: r"^(?:watch|listen|video|audio|gallery|podcast|live|explainer|analysis|opinion|comment)\s*:",
        matches: |l| {
            let kinds = [
                "watch",
                "listen",
                "video",
                "audio",
                "gallery",
                "podcast",
                "live",
                "explainer",
                "analysis",
                "opinion",
                "comment",
            ];
            l.opens(false, &kinds) && !l.words(&l.spaces(&l.words(&l.start(), &kinds), 0), &[":"]).is_empty()
        },
    },
    Shape {
        regex: r"^(?:click here|continue reading|skip to (?:main )?content|advertisement|sponsored|promoted|paid content|cookie|we use cookies|accept (?:all )?cookies)\b",
        matches: |l| {
            const PLAIN: [&str; 8] = [
                "click here",
                "continue reading",
                "advertisement",
                "sponsored",
                "promoted",
                "paid content",
                "cookie",
                "we use cookies",
            ];
            if !(l.opens(false, &PLAIN) || l.opens(false, &["skip to ", "accept "])) {
                return false;
            }
            let start = l.start();
            let plain = l.words(&start, &PLAIN);
            let skip = l.words(&l.maybe(&l.words(&start, &["skip to "]), &["main "]), &["content"]);
            let accept = l.words(&l.maybe(&l.words(&start, &["accept "]), &["all "]), &["cookies"]);
            !l.boundary(&either(either(plain, &skip), &accept)).is_empty()
        },
    },
    // Subscriptions.
    Shape {
        regex: r"^(?:subscribe|sign up|sign in|log in|register|newsletter|get our|join our|follow us|follow\s+@|download (?:our|the) app|support our journalism|become a member|donate)\b",
        matches: |l| {
            const PLAIN: [&str; 12] = [
                "subscribe",
                "sign up",
                "sign in",
                "log in",
                "register",
                "newsletter",
                "get our",
                "join our",
                "follow us",
                "support our journalism",
                "become a member",
                "donate",
            ];
            if !(l.opens(false, &PLAIN) || l.opens(false, &["follow", "download "])) {
                return false;
            }
            let start = l.start();
            let plain = l.words(&start, &PLAIN);
            let handle = l.words(&l.spaces(&l.words(&start, &["follow"]), 1), &["@"]);
            let app = l.words(&l.words(&l.words(&start, &["download "]), &["our", "the"]), &[" app"]);
            !l.boundary(&either(either(plain, &handle), &app)).is_empty()
        },
    },
    Shape { regex: r"\bsubscribe to (?:our|the)\b(?P<max80>.*?)\bnewsletter\b", matches: newsletter_box },
    // Tags and categories.
    Shape {
        regex: r"^(?:tags|topics|filed under|categories|category|keywords|more about)\s*:",
        matches: |l| {
            let labels = ["tags", "topics", "filed under", "categories", "category", "keywords", "more about"];
            l.opens(false, &labels) && !l.words(&l.spaces(&l.words(&l.start(), &labels), 0), &[":"]).is_empty()
        },
    },
    // Rights and corrections.
    Shape {
        regex: r"^(?:©|\(c\)|copyright\b)",
        matches: |l| {
            l.opens(false, &["©", "(c)", "copyright"])
                && (!l.words(&l.start(), &["©", "(c)"]).is_empty()
                    || !l.boundary(&l.words(&l.start(), &["copyright"])).is_empty())
        },
    },
    Shape {
        regex: r"\ball rights reserved\b",
        matches: |l| {
            l.holds("all right")
                && !l.boundary(&l.words(&l.boundary(&l.anywhere()), &["all rights reserved"])).is_empty()
        },
    },
    Shape {
        regex: r"^(?:this (?:article|story|report|piece) (?:was|has been) (?:amended|updated|corrected|edited))",
        matches: |l| {
            if !l.opens(false, &["this "]) {
                return false;
            }
            let what = l.words(&l.words(&l.start(), &["this "]), &["article", "story", "report", "piece"]);
            let done = l.words(&l.words(&what, &[" "]), &["was", "has been"]);
            !l.words(&l.words(&done, &[" "]), &["amended", "updated", "corrected", "edited"]).is_empty()
        },
    },
    Shape {
        regex: r"^(?:correction|clarification|editor's note|editor’s note)\s*:",
        matches: |l| {
            let notes = ["correction", "clarification", "editor's note", "editor’s note"];
            l.opens(false, &notes) && !l.words(&l.spaces(&l.words(&l.start(), &notes), 0), &[":"]).is_empty()
        },
    },
    Shape {
        regex: r"^source\s*:",
        matches: |l| {
            l.opens(false, &["source"]) && !l.words(&l.spaces(&l.words(&l.start(), &["source"]), 0), &[":"]).is_empty()
        },
    },
    // Timestamps.
    Shape {
        regex: r"^(?:updated|published|posted|last updated|first published|last modified)\b(?P<max60>.*)$",
        matches: |l| {
            let stamps = ["updated", "published", "posted", "last updated", "first published", "last modified"];
            l.opens(false, &stamps)
                && l.boundary(&l.words(&l.start(), &stamps)).iter().any(|&p| {
                    let rest = &l.text[p..];
                    !rest.contains('\n') && rest.chars().count() <= 60
                })
        },
    },
];

/// "Subscribe to our … newsletter", at most 80 characters between: at each
/// start, the nearest "newsletter" on the same line (the lazy group's
/// first match) must be close enough.
fn newsletter_box(l: Line) -> bool {
    if !(l.holds("cribe to ") && l.holds("letter")) {
        return false;
    }
    let opened = l.words(&l.words(&l.boundary(&l.anywhere()), &["subscribe to "]), &["our", "the"]);
    l.boundary(&opened).into_iter().any(|from| {
        for (gap, (offset, c)) in l.text[from..].char_indices().enumerate() {
            let at = from + offset;
            if l.boundary(&l.words(&l.boundary(&[at]), &["newsletter"])).len() == 1 {
                return gap <= 80;
            }
            if c == '\n' {
                return false;
            }
        }
        false
    })
}

/// A line that is only a date and/or time ("March 4, 2026", "Updated 18:40"
/// is not: see the timestamp shape).
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const DATE_ONLY: &str = r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:[0-9]{1,2}\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+[0-9]{1,2}(?:st|nd|rd|th)?)?,?(?:\s+[0-9]{4})?(?:,?\s+[0-9]{1,2}[:.][0-9]{2}(?:\s*[ap]\.?m\.?)?)?(?:\s+[a-z]{2,4})?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[t ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?z?$";

/// [`DATE_ONLY`], by hand.
pub(super) fn is_date_only(l: Line) -> bool {
    const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const MONTHS: [&str; 24] = [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    // Every way through starts with a digit, a weekday or a month.
    if !(l.text.starts_with(|c: char| c.is_ascii_digit()) || l.opens(false, &WEEKDAYS) || l.opens(false, &MONTHS)) {
        return false;
    }
    let digits = |at: &[usize], min, max| l.repeat(at, min, max, |c| c.is_ascii_digit());
    let start = l.start();
    let weekday = either(l.spaces(&l.maybe(&l.words(&start, &WEEKDAYS), &[","]), 1), &start);
    let day_first = either(l.spaces(&digits(&weekday, 1, 2), 1), &weekday);
    let month = l.maybe(&l.words(&day_first, &MONTHS), &["."]);
    let day = l.maybe(&digits(&l.spaces(&month, 1), 1, 2), &["st", "nd", "rd", "th"]);
    let year = l.maybe(&either(day, &month), &[","]);
    let year = either(digits(&l.spaces(&year, 1), 4, 4), &year);
    let clock = digits(&l.words(&digits(&l.spaces(&l.maybe(&year, &[","]), 1), 1, 2), &[":", "."]), 2, 2);
    let meridiem = l.maybe(&l.words(&l.maybe(&l.words(&l.spaces(&clock, 0), &["a", "p"]), &["."]), &["m"]), &["."]);
    let time = either(either(clock, &meridiem), &year);
    let zone = either(l.repeat(&l.spaces(&time, 1), 2, 4, is_letter_nocase), &time);
    if l.reaches_end(&zone) {
        return true;
    }
    let date = digits(&l.words(&digits(&l.words(&digits(&start, 4, 4), &["-"]), 2, 2), &["-"]), 2, 2);
    let hour = digits(&l.words(&digits(&l.words(&date, &["t", " "]), 2, 2), &[":"]), 2, 2);
    let seconds = either(digits(&l.words(&hour, &[":"]), 2, 2), &hour);
    l.reaches_end(&l.maybe(&either(seconds, &date), &["z"]))
}

/// The byline pattern; group 1 is the name.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const BYLINE: &str =
    r"(?i)^\s*[*_]*\s*(?:by|written by|words by|text by)\s+(\p{Lu}[^|·•,\n*_]+?)\s*(?:[|·•,*_]|\s+-\s+|$)";

/// [`BYLINE`]'s group 1 (its byte range), by hand: the shortest name that
/// an end of the byline follows.
pub(super) fn byline_span(l: Line) -> Option<std::ops::Range<usize>> {
    let start = l.spaces(&l.repeat(&l.spaces(&l.start(), 0), 0, usize::MAX, |c| c == '*' || c == '_'), 0);
    let named = l.spaces(&l.words(&start, &["by", "written by", "words by", "text by"]), 1);
    let &from = l.one(&named, is_cased_letter).first()?;
    let name_start = from - l.text[..from].chars().next_back().map_or(0, char::len_utf8);
    let mut end = from;
    for c in l.text[from..].chars() {
        if matches!(c, '|' | '·' | '•' | ',' | '\n' | '*' | '_') {
            return None;
        }
        end += c.len_utf8();
        let gap = l.spaces(&[end], 0);
        let closes = !l.words(&gap, &["|", "·", "•", ",", "*", "_"]).is_empty()
            || !l.spaces(&l.words(&l.spaces(&[end], 1), &["-"]), 1).is_empty()
            || l.reaches_end(&gap);
        if closes {
            return Some(name_start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests;
