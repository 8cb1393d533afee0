//! A guess at the kind of source a speaker is, from its words.

use crate::SourceKind;

/// A guess at the kind of a speaker from its words.
pub(super) fn kind_of(name: &str) -> SourceKind {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let phrase = |p: &str| lower.contains(p);
    if phrase("state tv")
        || phrase("state media")
        || phrase("state television")
        || phrase("state news")
    {
        SourceKind::StateMedia
    } else if has(&[
        "observatory",
        "monitor",
        "monitors",
        "u.n.",
        "un",
        "amnesty",
        "unicef",
        "unhcr",
        "ocha",
        "ngo",
        "airwars",
    ]) || phrase("united nations")
        || phrase("human rights")
        || phrase("red cross")
    {
        SourceKind::Monitor
    } else if has(&[
        "bbc",
        "jazeera",
        "reuters",
        "ap",
        "afp",
        "cnn",
        "newspaper",
        "tv",
        "television",
        "radio",
        "agency",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "news",
    ]) {
        SourceKind::Media
    } else if has(&[
        "rebel",
        "rebels",
        "opposition",
        "insurgents",
        "separatist",
        "separatists",
        "militants",
        "taliban",
        "ltte",
        "nusra",
    ]) {
        SourceKind::ArmedOpposition
    } else if has(&["hezbollah", "militia", "militias"]) {
        SourceKind::Belligerent
    } else if has(&[
        "police",
        "policeman",
        "military",
        "army",
        "ministry",
        "government",
        "official",
        "officials",
        "soldiers",
        "spokesman",
        "spokeswoman",
        "commander",
        "forces",
        "troops",
        "sla",
        "governor",
        "president",
        "u.s.",
        "pentagon",
        "state",
        "states",
        "ntc",
    ]) {
        SourceKind::Government
    } else if has(&[
        "witness",
        "witnesses",
        "resident",
        "residents",
        "sources",
        "source",
        "reports",
        "report",
        "activists",
        "locals",
    ]) {
        SourceKind::Anonymous
    } else {
        SourceKind::Unspecified
    }
}

#[cfg(test)]
mod tests {
    use super::kind_of;
    use crate::SourceKind;

    #[test]
    fn kinds_are_guessed_from_the_speakers_words() {
        assert_eq!(kind_of("Syrian state TV"), SourceKind::StateMedia);
        assert_eq!(
            kind_of("the Syrian Observatory for Human Rights"),
            SourceKind::Monitor
        );
        assert_eq!(kind_of("U.N. officials"), SourceKind::Monitor);
        assert_eq!(kind_of("BBC News Ukrainian"), SourceKind::Media);
        assert_eq!(kind_of("a rebel commander"), SourceKind::ArmedOpposition);
        assert_eq!(kind_of("Hezbollah sources"), SourceKind::Belligerent);
        assert_eq!(kind_of("military officials"), SourceKind::Government);
        assert_eq!(kind_of("Witnesses"), SourceKind::Anonymous);
        assert_eq!(kind_of("Chivington"), SourceKind::Unspecified);
    }
}
