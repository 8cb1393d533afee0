//! Tests of attribution, sentence by sentence.

use crate::Lexicon;
use crate::model::Qualifier;
use crate::text::extract;

/// Each mention as "text: speaker (qualifier)".
fn said(text: &str) -> Vec<String> {
    extract(text, Lexicon::shared())
        .iter()
        .map(|m| {
            format!(
                "{}: {} ({})",
                m.text(),
                m.speaker().map_or("-", |s| s.name()),
                m.qualifier().map_or("-", |q| q.as_str())
            )
        })
        .collect()
}

#[test]
fn the_speakers_of_news_prose_are_named() {
    assert_eq!(
        said("A rebel commander claimed that 40 Hezbollah fighters were killed."),
        ["40: A rebel commander (claimed)"]
    );
    assert_eq!(
        said("At least 22 rebels died, according to the Syrian Observatory for Human Rights."),
        ["At least 22: the Syrian Observatory for Human Rights (-)"]
    );
    assert_eq!(
        said("Syrian state TV said dozens of terrorists were killed in Yabroud."),
        ["dozens: Syrian state TV (-)"]
    );
    assert_eq!(
        said("Hezbollah sources confirmed 14 fighters had died; other sources claimed 30."),
        [
            "14: Hezbollah sources (confirmed)",
            "30: other sources (claimed)"
        ]
    );
    assert_eq!(
        said(
            "Coalition forces killed 10 militants and detained 13 suspects, U.S. military officials reported."
        ),
        [
            "10: U.S. military officials (-)",
            "13: U.S. military officials (-)"
        ]
    );
    assert_eq!(
        said("However, most sources estimate around 150 people were killed."),
        ["around 150: most sources (estimated)"]
    );
}

#[test]
fn a_clause_after_a_comma_may_name_the_speaker() {
    assert_eq!(
        said("On 14 June, a rebel commander claimed that 29 Hezbollah fighters were killed."),
        ["29: a rebel commander (claimed)"]
    );
    assert_eq!(
        said("At this point, it was confirmed 14 fighters had been killed."),
        ["14: - (confirmed)"]
    );
    assert_eq!(
        said("60 militants were also confirmed dead."),
        ["60: - (confirmed)"]
    );
    assert_eq!(
        said("The army said 5 soldiers died, while the rebels claimed 70 soldiers were killed."),
        ["5: The army (-)", "70: the rebels (claimed)"]
    );
}

#[test]
fn a_speaker_covers_its_own_sentence_only() {
    // A stop before citation markers ends the sentence; so does one
    // inside a closing quotation mark.
    assert_eq!(
        said("Officials said 5 soldiers were killed.[1][2] 7 civilians died later."),
        ["5: Officials (-)", "7: - (-)"]
    );
    assert_eq!(
        said(r#"Officials said "5 soldiers were killed." 7 civilians died later."#),
        ["5: Officials (-)", "7: - (-)"]
    );
}

#[test]
fn a_quotation_takes_the_speaker_named_after_it() {
    assert_eq!(
        said(
            r#""The bomber stopped at a check," said police official Zafar Khan. "Three of our constables were killed.""#
        ),
        ["Three: police official Zafar Khan (-)"]
    );
}

#[test]
fn infobox_sources_cover_the_figures_of_their_field() {
    assert_eq!(
        said(
            "- Casualties1: 1,250+ killed and ~2,000 wounded (LTTE & UNP claims), 857 killed (acc. SLA), 40 missing"
        ),
        [
            "1,250+: LTTE & UNP (claimed)",
            "~2,000: LTTE & UNP (claimed)",
            "857: SLA (-)",
            "40: - (-)"
        ]
    );
    assert_eq!(
        said("- Casualties1: Russian Military Data: , 400+ killed, 1,469 wounded"),
        [
            "400+: Russian Military Data (-)",
            "1,469: Russian Military Data (-)"
        ]
    );
    // A label before a colon is not a source.
    assert_eq!(
        said("- Casualties2: Killed: 67, Wounded: 283"),
        ["67: - (-)", "283: - (-)"]
    );
}

#[test]
fn hedges_without_a_speaker_are_qualifiers() {
    assert_eq!(
        said("It is estimated that between 5,000 and 8,000 civilians were killed."),
        ["between 5,000 and 8,000: - (estimated)"]
    );
    assert_eq!(
        said("Six soldiers were reported wounded. An estimated 70 people died."),
        ["Six: - (reportedly)", "An estimated 70: - (estimated)"]
    );
    assert_eq!(
        said("It rose to 269 confirmed killed."),
        ["269: - (confirmed)"]
    );
    assert_eq!(
        said("There are also reports that some civilians were killed."),
        ["some: reports (reportedly)"]
    );
}

#[test]
fn a_sentence_without_a_source_names_none() {
    // "The United States" is a name, not a verb; "It" is not a speaker.
    assert_eq!(
        said("The official death toll was first set at 200 on 7 May. It said 30 more died."),
        ["200: - (-)", "30: - (-)"]
    );
    assert_eq!(
        said("The United States claimed to have killed at least 21 fighters."),
        ["at least 21: The United States (claimed)"]
    );
    assert_eq!(Qualifier::Claimed.as_str(), "claimed");
}

#[test]
fn an_article_or_a_determiner_is_never_a_speaker() {
    // "estimated" after an article is an adjective, not a verb whose
    // subject is the article.
    assert_eq!(
        said("Families fled, and an estimated 300–400 fighters regrouped in Qabasin."),
        ["300–400: - (estimated)"]
    );
    assert_eq!(
        said("An estimated 300–400 fighters regrouped."),
        ["300–400: - (estimated)"]
    );
    assert_eq!(said("The reported 40 deaths were disputed."), ["40: - (-)"]);
    // "report" after "a" is a noun: the verb is "said".
    assert_eq!(
        said("A report said 30 rebels were killed."),
        ["30: A report (-)"]
    );
    assert_eq!(
        said("Their estimates put it lower, and the estimated 12 died."),
        ["estimated 12: - (estimated)"]
    );
}

#[test]
fn a_contrastive_clause_with_a_reporting_verb_names_its_own_speaker() {
    for text in [
        "The SOHR reported 26 dead, while the Local Coordination Committees gave a figure of 31.",
        "The SOHR reported 26 dead while the Local Coordination Committees gave a figure of 31.",
        "The SOHR reported 26 dead, while the Local Coordination Committees said 31 were killed.",
    ] {
        assert_eq!(
            said(text),
            [
                "26: The SOHR (-)",
                "31: the Local Coordination Committees (-)"
            ],
            "{text}"
        );
    }
    assert_eq!(
        said("The SOHR reported 26 dead, whereas the army put the death toll at 12."),
        ["26: The SOHR (-)", "12: the army (-)"]
    );
    assert_eq!(
        said("The SOHR reported 26 dead but the army put it at 12."),
        ["26: The SOHR (-)", "12: the army (-)"]
    );
    assert_eq!(
        said("The SOHR reported 26 dead, but the Violations Documentation Center counted 40."),
        [
            "26: The SOHR (-)",
            "40: the Violations Documentation Center (-)"
        ]
    );
    assert_eq!(
        said("The SOHR reported 26 dead, while other sources gave an estimate of 40."),
        ["26: The SOHR (-)", "40: other sources (estimated)"]
    );
}

#[test]
fn a_contrastive_clause_keeps_the_sentences_speaker_only_without_a_reporting_verb() {
    // Without a reporting verb, the sentence's speaker covers the clause.
    assert_eq!(
        said("The SOHR reported 26 dead, while 31 more were wounded."),
        ["26: The SOHR (-)", "31: The SOHR (-)"]
    );
    assert_eq!(
        said("The SOHR reported 26 dead while the army lost 31 soldiers."),
        ["26: The SOHR (-)", "31: The SOHR (-)"]
    );
    // Without a subject, it shares the sentence's.
    assert_eq!(
        said("The army said 10 soldiers died but later said 12."),
        ["10: The army (-)", "12: The army (-)"]
    );
    // A subject and a reporting verb that name nobody: nobody.
    assert_eq!(
        said("The SOHR reported 26 dead, while it was estimated that 31 were wounded."),
        ["26: The SOHR (-)", "31: - (estimated)"]
    );
    assert_eq!(
        said("The SOHR reported 26 dead, while they claimed 31 were wounded."),
        ["26: The SOHR (-)", "31: - (claimed)"]
    );
    assert_eq!(
        said("The SOHR reported 26 dead but activists counted 40."),
        ["26: The SOHR (-)", "40: - (-)"]
    );
    // "gave" without a noun for the figure reports nothing.
    assert_eq!(
        said("The SOHR reported 26 dead, while the army gave 31 rifles to the militia."),
        ["26: The SOHR (-)", "31: The SOHR (-)"]
    );
}
