//! The seed, drafted: the dossier `text::DossierDrafter` makes from the
//! Qalamoun article, reusing the sources and sides of the hand-made
//! `examples/data/qalamoun-2014.toml`, compared with that dossier claim by
//! claim.
//!
//! Each hand-made claim is paired with the drafted claim of the same value
//! whose quote is the same sentence (one contains the other, an infobox
//! line's "- " aside), of the same measure where one is, first come first
//! paired. A pair agrees on the source
//! when both name the same source id, and on the measure when both figures
//! have the same measure. Run `cargo test --test qalamoun_draft --
//! --nocapture` for the list of disagreements.
#![cfg(feature = "serde")]

use reckon::text::DossierDrafter;
use reckon::{Claim, Dossier, Lexicon, Source, SourceKind};

/// The share of hand-made claims whose drafted pair has the same source and
/// measure, as last measured (75 of 81: 0.9259), rounded down; the target
/// is 0.9. The dossier's own measure words (shelling, attempted-capture,
/// advance, strikes, seized) are read where the article's clause says them
/// ("heavy shell fire", "attempting to capture", "airstrikes"). Of the 6
/// others, 3 have no drafted pair: a sum the text does not state (22), a
/// second claim on one mention (two soldiers captured, then freed), and
/// "estimated at 400", which reckon reads as about 400. 2 use the
/// dossier's words for what the text says otherwise ("surrounded on three
/// sides" is bordering, "captured … several others" seized), and 1 is
/// "taken hostage", which the dossier calls captured.
const AGREEMENT_FLOOR: f64 = 0.92;
/// Paired claims with the same source, as last measured: all 78.
const SOURCE_FLOOR: usize = 78;

fn seed() -> Dossier {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/qalamoun-2014.toml"
    );
    Dossier::load(path).unwrap_or_else(|e| panic!("the dossier does not load: {e}"))
}

fn article_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/qalamoun-offensive-2014.txt"
    );
    std::fs::read_to_string(path).expect("the seed article is vendored")
}

/// A quote as compared: without an infobox line's dash and outer space.
fn plain(q: &str) -> &str {
    q.trim().trim_start_matches("- ").trim()
}

fn same_sentence(a: &Claim, b: &Claim) -> bool {
    match (a.quote().map(plain), b.quote().map(plain)) {
        (Some(x), Some(y)) => x.contains(y) || y.contains(x),
        _ => false,
    }
}

#[test]
fn the_draft_of_the_seed_article_agrees_with_the_hand_made_dossier() {
    let seed = seed();
    let article = Source::new("article", "the article", SourceKind::Encyclopedia);
    let draft = DossierDrafter::new(article)
        .reusing(&seed)
        .draft(&article_text(), Lexicon::shared());
    let drafted = draft.dossier();
    assert!(drafted.validate().is_ok(), "{:?}", drafted.validate());

    let measure = |dossier: &Dossier, claim: &Claim| {
        dossier
            .figure(claim.figure())
            .map(|f| f.scope().measure().to_string())
            .unwrap_or_default()
    };
    let mut used = vec![false; drafted.claims().len()];
    let (mut paired, mut source_right, mut measure_right, mut both) = (0, 0, 0, 0);
    let mut notes = Vec::new();
    for c in seed.claims() {
        // Among drafted claims of the same value and sentence (an infobox
        // line may hold "20 killed" and "20 captured"), the one of the same
        // measure first.
        let candidates: Vec<(usize, &Claim)> = drafted
            .claims()
            .iter()
            .enumerate()
            .filter(|(i, d)| {
                !used[*i] && d.value().interval() == c.value().interval() && same_sentence(c, d)
            })
            .collect();
        let pair = candidates
            .iter()
            .find(|(_, d)| measure(drafted, d) == measure(&seed, c))
            .or(candidates.first());
        let Some(&(i, d)) = pair else {
            notes.push(format!(
                "{}: no drafted claim of {} in its sentence",
                c.id(),
                c.value()
            ));
            continue;
        };
        used[i] = true;
        paired += 1;
        let (ms, md) = (measure(&seed, c), measure(drafted, d));
        let source_ok = c.source() == d.source();
        let measure_ok = ms == md;
        source_right += usize::from(source_ok);
        measure_right += usize::from(measure_ok);
        both += usize::from(source_ok && measure_ok);
        if !source_ok || !measure_ok {
            notes.push(format!(
                "{} ({}): source {} drafted {}, measure {ms} drafted {md}",
                c.id(),
                c.value(),
                c.source(),
                d.source()
            ));
        }
    }
    let n = seed.claims().len();
    for note in &notes {
        println!("{note}");
    }
    let share = both as f64 / n as f64;
    println!(
        "\n{n} hand-made claims: {paired} paired with a drafted claim; same source {source_right}, \
         same measure {measure_right}, both {both} ({share:.4}); {} drafted claims unpaired; \
         {} drafted claims flagged unattributed",
        used.iter().filter(|u| !**u).count(),
        draft.unattributed().len()
    );
    assert!(
        source_right >= SOURCE_FLOOR,
        "{source_right} paired claims have the dossier's source, fewer than {SOURCE_FLOOR}"
    );
    assert!(
        share >= AGREEMENT_FLOOR,
        "agreement fell to {share:.4}, below its floor {AGREEMENT_FLOOR:.2}"
    );
}
