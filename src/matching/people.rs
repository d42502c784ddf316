//! The people a sentence names, and when two sentences name different
//! people of one family name ("Tomas Halloran" / "Marek Halloran"): such
//! sentences are about different people, however much else they share.

use crate::analysis::SentenceAnalysis;
use crate::names;

/// One person named with at least two words: the folded keys of the words,
/// surname last.
pub(crate) type Person = Vec<String>;

/// The people a sentence names.
pub(crate) type People = Vec<Person>;

pub(crate) fn people_of(analysis: &SentenceAnalysis) -> People {
    analysis
        .names
        .iter()
        .filter(|n| n.words.len() >= 2)
        .map(|n| n.words.iter().map(|w| names::fold_key(w)).collect())
        .collect()
}

/// Whether two mentions sharing a surname can be one person: the same or a
/// like given name ("Steven" / "Steve"), or one mention is the end of the
/// other ("Rodham Clinton" in "Hillary Rodham Clinton", "Red Sox" in
/// "Boston Red Sox").
fn same_person(a: &[String], b: &[String]) -> bool {
    let (Some(given), Some(other)) = (a.first(), b.first()) else { return true };
    given == other
        || strsim::jaro_winkler(given, other) >= 0.9
        || names::same_given_name(given, other)
        || a.ends_with(b)
        || b.ends_with(a)
}

/// True when some family name is named in both sentences but no mention of
/// it in one can be the person a mention of it in the other names: "Tomas
/// Halloran" / "Marek Halloran" conflict, while "Hillary and Bill Clinton"
/// / "Bill Clinton" do not (the one Clinton of the second is one of the
/// first's two).
pub(crate) fn name_conflict(a: &People, b: &People) -> bool {
    a.iter().any(|person| {
        let bears = |p: &&Person| p.last() == person.last();
        b.iter().any(|p| bears(&p))
            && !a.iter().filter(bears).any(|x| b.iter().filter(bears).any(|y| same_person(x, y)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(names: &[&str]) -> People {
        names.iter().map(|n| n.split(' ').map(names::fold_key).collect()).collect()
    }

    #[test]
    fn different_given_names_of_one_surname_conflict() {
        assert!(name_conflict(&people(&["Tomas Halloran"]), &people(&["Marek Halloran"])));
        assert!(!name_conflict(&people(&["Tomas Halloran"]), &people(&["Tomas Halloran", "Edda Vinter"])));
        assert!(!name_conflict(&people(&["Tomas Halloran"]), &people(&["Edda Vinter"])));
    }

    #[test]
    fn one_of_two_people_of_a_family_is_no_conflict() {
        let couple = people(&["Hillary Rodham Clinton", "Bill Clinton"]);
        assert!(!name_conflict(&couple, &people(&["Bill Clinton"])));
        assert!(!name_conflict(&people(&["Bill Clinton"]), &couple));
        assert!(name_conflict(&couple, &people(&["Chelsea Clinton"])));
    }

    #[test]
    fn a_shorter_form_of_a_name_is_the_same_one() {
        assert!(!name_conflict(&people(&["Boston Red Sox"]), &people(&["Red Sox"])));
        assert!(!name_conflict(&people(&["Rodham Clinton"]), &people(&["Hillary Rodham Clinton"])));
    }
}
