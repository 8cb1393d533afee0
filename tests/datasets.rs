//! The two bundled real datasets (American Civil War battles, UCDP GED
//! sample) through the public API, and the examples that read them.
#![cfg(feature = "serde")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod common;

use common::run_example;

use reckon::model::{Form, TripleIssue, TripleRepair};
use reckon::reconcile::conflict::ConflictKind;
use reckon::{Decimal, Dossier, Estimate, Interval, Reconciler, Relation, SourceKind};

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(file)
}

fn acw() -> Dossier {
    Dossier::load(data("acw-battles.toml")).expect("the bundled dossier loads and validates")
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

// ---------------------------------------------------------------- Civil War

#[test]
fn acw_dossier_has_the_converted_battles_figures_and_claims() {
    let dossier = acw();
    assert_eq!(dossier.sources().len(), 9);
    assert_eq!(dossier.figures().len(), 1463);
    assert_eq!(dossier.claims().len(), 4371);
    assert_eq!(dossier.relations().len(), 505);
    assert!(
        dossier
            .sources()
            .iter()
            .all(|s| s.kind() == SourceKind::Encyclopedia && s.side().is_none())
    );

    // Battles are the figures' events; each was kept because at least four
    // compilations give it a figure.
    let mut sources_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in dossier.claims() {
        let f = dossier
            .figure(c.figure())
            .expect("every claim's figure exists");
        let battle = f.scope().events()[0].as_str();
        sources_of
            .entry(battle)
            .or_default()
            .insert(c.source().as_str());
    }
    assert_eq!(sources_of.len(), 196);
    assert!(sources_of.values().all(|s| s.len() >= 4));
    for battle in [
        "Gettysburg (CWSAC PA002)",
        "Antietam (CWSAC MD003)",
        "Chickamauga (CWSAC GA004)",
        "Chancellorsville (CWSAC VA032)",
        "Shiloh (CWSAC TN003)",
        "Stones River (CWSAC TN010)",
        "Fredericksburg I (CWSAC VA028)",
        "Manassas, Second (CWSAC VA026)",
        "Spotsylvania Court House (CWSAC VA048)",
        "Wilderness (CWSAC VA046)",
    ] {
        assert!(sources_of.contains_key(battle), "{battle} is missing");
    }
    assert_eq!(sources_of["Gettysburg (CWSAC PA002)"].len(), 9);
}

#[test]
fn gettysburg_confederate_casualties_span_fox_to_phisterer() {
    let dossier = acw();
    let figure = dossier
        .figure(&"pa002-confederate-casualties".into())
        .expect("the figure exists");
    assert_eq!(figure.scope().measure().as_str(), "casualties");
    assert_eq!(
        figure.scope().side().map(|s| s.as_str()),
        Some("confederate")
    );
    assert_eq!(
        figure.scope().period().map(ToString::to_string).as_deref(),
        Some("1863-07-01/1863-07-03")
    );

    let claims: Vec<_> = dossier.claims_of(figure.id()).collect();
    let by_source: BTreeMap<&str, String> = claims
        .iter()
        .map(|c| (c.source().as_str(), c.value().to_string()))
        .collect();
    assert_eq!(
        by_source,
        BTreeMap::from([
            ("bodart", "22000".to_owned()),
            ("civilwarorg", "28063".to_owned()),
            ("cwsac", "28000".to_owned()),
            ("fox", "20448".to_owned()),
            ("kennedy", "28000".to_owned()),
            ("phisterer", "31621".to_owned()),
        ])
    );
    let lowest = claims
        .iter()
        .min_by_key(|c| c.value().interval().low())
        .expect("claims");
    let highest = claims
        .iter()
        .max_by_key(|c| c.value().interval().high())
        .expect("claims");
    assert_eq!(
        (lowest.source().as_str(), lowest.value().interval().low()),
        ("fox", d(20448))
    );
    assert_eq!(
        (highest.source().as_str(), highest.value().interval().high()),
        ("phisterer", Some(d(31621)))
    );
    let envelope = claims
        .iter()
        .map(|c| c.value().interval())
        .reduce(|a, b| a.hull(&b))
        .expect("claims");
    assert_eq!(envelope, Interval::new(d(20448), Some(d(31621))).unwrap());

    // Livermore gives only components: nothing was summed into a total.
    assert!(claims.iter().all(|c| c.source().as_str() != "livermore"));
    let livermore = |fig: &str| {
        dossier
            .claims_of(&fig.into())
            .find(|c| c.source().as_str() == "livermore")
            .map(|c| c.value().to_string())
    };
    assert_eq!(
        livermore("pa002-confederate-killed").as_deref(),
        Some("3903")
    );
    assert_eq!(
        livermore("pa002-confederate-wounded").as_deref(),
        Some("18735")
    );
    assert_eq!(
        livermore("pa002-confederate-missing").as_deref(),
        Some("5425")
    );
    assert!(dossier.relations().contains(&Relation::components(
        [
            "pa002-confederate-killed-and-wounded",
            "pa002-confederate-missing"
        ],
        "pa002-confederate-casualties"
    )));
    assert!(dossier.relations().contains(&Relation::components(
        ["pa002-confederate-killed", "pa002-confederate-wounded"],
        "pa002-confederate-killed-and-wounded"
    )));
}

#[test]
fn acw_min_max_pairs_become_ranges_and_separate_captured_figures() {
    let dossier = acw();
    let value = |claim: &str| dossier.claim(&claim.into()).map(|c| c.value().clone());
    // Kennedy gives Spotsylvania's Confederate casualties as 9,000 to 10,000.
    assert_eq!(
        value("va048-confederate-casualties-kennedy").map(|v| v.form().clone()),
        Some(Form::Range {
            low: d(9000),
            high: d(10000)
        })
    );
    // An equal min/max pair is an exact figure.
    assert_eq!(
        value("pa002-confederate-killed-wikipedia").map(|v| v.form().clone()),
        Some(Form::Exact(d(4708)))
    );
    // CWSAC gives Harpers Ferry's Union captured apart from the missing, so
    // its `missing` cell counts only the missing.
    assert_eq!(
        value("wv010-union-captured-cwsac").map(|v| v.to_string()),
        Some("12419".into())
    );
    assert_eq!(
        value("wv010-union-missing-not-captured-cwsac").map(|v| v.to_string()),
        Some("0".into())
    );
    assert!(dossier.relations().contains(&Relation::components(
        ["wv010-union-captured", "wv010-union-missing-not-captured"],
        "wv010-union-missing"
    )));
    // Kennedy's inverted GA011 pair (1,500 to 1,000) was not converted.
    assert!(value("ga011-confederate-casualties-kennedy").is_none());
    // Every claim says where its figure is in the compilation.
    assert!(dossier.claims().iter().all(|c| c.quote().is_some()));
}

#[test]
fn civil_war_example_prints_claims_and_envelopes() {
    let out = run_example("civil_war", &[]);
    assert!(out.contains("196 battles, 1463 figures, 4371 claims from 9 compilations"));
    assert!(out.contains(
        "  Confederate casualties: 6 claims, envelope 20448–31621 (high/low 1.55)\n      cwsac 28000 · kennedy 28000 · fox 20448 · phisterer 31621 · bodart 22000\n      civilwarorg 28063\n"
    ));
    // The default policy's reading and the conflicts it finds.
    assert!(out.contains(
        "    weighted: 20448–31621, best 28000 · contested · confidence low\n    conflicts: 4 disjoint, 1 empty_consensus\n"
    ));
    assert!(out.contains("      left out: bodart (an outlier)\n"));
    assert!(out.contains(
        "      outlier (high): 1000 lies far from every other claim: the nearest is\n        8012\n"
    ));
    insta::assert_snapshot!("civil_war", out);

    let one = run_example("civil_war", &["--battle", "pa002"]);
    assert!(one.contains("Gettysburg (CWSAC PA002) · 1863-07-01/1863-07-03\nAdams County, PA\n"));
    assert!(!one.contains("Shiloh (CWSAC TN003)"));
}

#[test]
fn acw_reconciled_under_the_default_policy() {
    let dossier = acw();
    let findings = Reconciler::new().reconcile(&dossier).expect("reconciles");
    assert_eq!(findings.len(), 1463);

    // Gettysburg, Confederate casualties: six compilations, no two ranges
    // overlap except CWSAC's and Kennedy's 28,000, so there is no consensus.
    let g = findings
        .get(&"pa002-confederate-casualties".into())
        .expect("finding");
    assert_eq!(g.policy(), "weighted");
    assert_eq!(
        g.envelope(),
        Some(Interval::new(d(20448), Some(d(31621))).unwrap())
    );
    assert_eq!(g.consensus(), None);
    assert!(g.claims().iter().all(|c| c.role().is_used()));

    // Shiloh, Confederate wounded: Bodart's 1,000 against six compilations'
    // 8,012 is an outlier, left out; the others agree exactly.
    let s = findings
        .get(&"tn003-confederate-wounded".into())
        .expect("finding");
    assert_eq!(s.range(), Some(Interval::exact(d(8012)).unwrap()));
    assert_eq!(s.best(), Some(d(8012)));
    let left_out: Vec<&str> = s
        .claims()
        .iter()
        .filter(|c| !c.role().is_used())
        .map(|c| c.claim().as_str())
        .collect();
    assert_eq!(left_out, ["tn003-confederate-wounded-bodart"]);
    assert!(s.conflicts().iter().any(|c| {
        c.kind() == ConflictKind::Outlier
            && c.claims()
                .iter()
                .map(|c| c.as_str())
                .eq(["tn003-confederate-wounded-bodart"])
    }));

    // Across figures, the components relations find totals below their parts
    // (Fort Sumter: 85 captured against 0 missing), and no measure mismatch.
    assert!(findings.cross_figure_conflicts().iter().any(|c| {
        c.kind() == ConflictKind::ComponentsExceedTotal
            && c.figures().last().map(|f| f.as_str()) == Some("sc001-union-missing")
    }));
    assert!(
        findings
            .cross_figure_conflicts()
            .iter()
            .all(|c| c.kind() != ConflictKind::ScopeMismatch)
    );
}

// -------------------------------------------------------------------- UCDP

/// The rows of the bundled sample whose triple is not low ≤ best ≤ high,
/// found with plain integer comparisons (no reckon code involved).
fn inconsistent_by_plain_scan() -> BTreeMap<String, &'static str> {
    let mut rdr = csv::Reader::from_path(data("ucdp-ged-sample.csv")).expect("sample");
    let header = rdr.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (id, low, best, high) = (col("id"), col("low"), col("best"), col("high"));
    let mut out = BTreeMap::new();
    for r in rdr.records() {
        let r = r.expect("row");
        let n = |i: usize| r[i].parse::<i64>().expect("integer");
        let (l, b, h) = (n(low), n(best), n(high));
        let issue = if l > h {
            "low > high"
        } else if b < l {
            "best < low"
        } else if b > h {
            "best > high"
        } else {
            continue;
        };
        out.insert(r[id].to_owned(), issue);
    }
    out
}

#[test]
fn ucdp_sample_loads_as_triples_and_the_inconsistent_ones_are_flagged() {
    let plain = inconsistent_by_plain_scan();
    assert_eq!(plain.len(), 13);

    let mut rdr = csv::Reader::from_path(data("ucdp-ged-sample.csv")).expect("sample");
    let header = rdr.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (id, low, best, high) = (col("id"), col("low"), col("best"), col("high"));
    let mut rows = 0;
    let mut flagged = BTreeMap::new();
    for r in rdr.records() {
        let r = r.expect("row");
        rows += 1;
        let n = |i: usize| r[i].parse::<Decimal>().expect("decimal");
        let t = Estimate::triple(n(low), n(best), n(high)).expect("non-negative");
        if let Some(issue) = t.triple_issue() {
            // Flagged, not fixed: the triple reads as the hull of its three figures.
            assert_eq!(
                t.to_string(),
                format!("{}/{}/{}", &r[low], &r[best], &r[high])
            );
            flagged.insert(r[id].to_owned(), issue);
        }
    }
    assert_eq!(rows, 1000);
    assert_eq!(
        flagged.keys().collect::<Vec<_>>(),
        plain.keys().collect::<Vec<_>>()
    );
    assert_eq!(flagged["236880"], TripleIssue::BestBelowLow);
    assert_eq!(flagged["299515"], TripleIssue::BestAboveHigh);
    assert_eq!(flagged["406097"], TripleIssue::LowAboveHigh);
    let count = |i: TripleIssue| flagged.values().filter(|v| **v == i).count();
    assert_eq!(count(TripleIssue::BestBelowLow), 4);
    assert_eq!(count(TripleIssue::BestAboveHigh), 2);
    assert_eq!(count(TripleIssue::LowAboveHigh), 7);
}

#[test]
fn ucdp_example_lists_every_inconsistent_row_with_its_repair() {
    let out = run_example("ucdp", &[]);
    assert!(
        out.contains("ucdp-ged-sample.csv: 1000 rows read, 1000 loaded as claims, 0 not loaded")
    );
    assert!(out.contains("1000 figures, 1000 claims,"));

    let plain = inconsistent_by_plain_scan();
    assert!(out.contains(&format!(
        "{} events have an inconsistent low/best/high triple",
        plain.len()
    )));
    // The table: one line per flagged event, in file order.
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("id "))
        .skip(1)
        .collect();
    assert_eq!(table.len(), plain.len());
    for line in table {
        let cells: Vec<&str> = line.split_whitespace().collect();
        let (id, value) = (cells[0], cells[2]);
        let issue = plain
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not inconsistent"));
        assert!(line.contains(issue), "{line}");
        let hull = value
            .parse::<Estimate>()
            .and_then(|v| v.repair(TripleRepair::Hull))
            .expect("a triple");
        assert_eq!(cells.last().copied(), Some(hull.to_string().as_str()));
    }
    assert!(out.contains("236880       8  3/2/3          best < low   2/2/3"));
    insta::assert_snapshot!("ucdp", out);
}

#[test]
fn ucdp_example_reports_rows_it_cannot_read_and_keeps_the_rest() {
    let header = "id,low,best,high,source_office,source_original,source_date,source_headline,\
                  date_start,date_end,where_description,adm_1,country,side_a,side_b,dyad_name";
    let rows = [
        // line 2: fine, consistent
        "1,2,3,4,Reuters,army statement,2014-08-02,,2014-08-01,2014-08-02,Arsal,,Lebanon,A,B,A - B",
        // line 3: best is not a number
        "2,2,three,4,Reuters,,,,2014-08-01,2014-08-01,,,Lebanon,A,B,A - B",
        // line 4: no id
        ",1,1,1,,,,,2014-08-01,2014-08-01,,,Lebanon,A,B,A - B",
        // line 5: a negative count
        "4,-1,1,1,,,,,2014-08-01,2014-08-01,,,Lebanon,A,B,A - B",
        // line 6: inconsistent, kept and flagged; no source named
        "5,9,1,5,,,,,2014-08-01,2014-08-01,,,Lebanon,A,B,A - B",
        // line 7: a date that does not exist
        "6,1,1,1,SOHR,SOHR,,,2014-02-30,2014-03-01,,,Syria,A,B,A - B",
    ];
    let path = std::env::temp_dir().join(format!("reckon-ucdp-bad-{}.csv", std::process::id()));
    std::fs::write(&path, format!("{header}\n{}\n", rows.join("\n"))).expect("temp file");
    let out = run_example("ucdp", &[path.to_str().expect("UTF-8 path")]);
    let _ = std::fs::remove_file(&path);
    let name = path.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(
        out.contains(&format!(
            "{name}: 6 rows read, 2 loaded as claims, 4 not loaded"
        )),
        "{out}"
    );
    for expected in [
        format!("{name} line 3, column `best`: 'three' is not a count; not loaded"),
        format!("{name} line 4, column `id`: the event has no id; not loaded"),
        format!(
            "{name} line 5, column `best`: value -1/1/1: values are never negative; not loaded"
        ),
        format!(
            "{name} line 7, column `date_start`: '2014-02-30' is not a value: date 2014-02-30: there is no such day in that month; not loaded"
        ),
    ] {
        assert!(out.contains(&expected), "missing `{expected}` in:\n{out}");
    }
    assert!(out.contains("1 event has an inconsistent low/best/high triple"));
    assert!(
        out.contains("5            6  9/1/5          low > high   1/1/9"),
        "{out}"
    );
}

#[test]
fn the_rounded_reading_forgives_round_numbers_only() {
    use reckon::model::Reading;
    use reckon::reconcile::confidence::Grade;
    let dossier = acw();
    let contested = |reading: Reading| {
        Reconciler::new()
            .reading(reading)
            .reconcile(&dossier)
            .expect("reconciles")
            .iter()
            .filter(|f| f.summary().grade() == Grade::Contested)
            .count()
    };
    // Most compilations disagree in exact counts (Shiloh, Union dead: 1735
    // against 1754), so reading Bodart's round figures as rounded settles
    // few: 43 of 796.
    assert_eq!(contested(Reading::Strict), 796);
    assert_eq!(contested(Reading::Rounded), 753);

    // Shiloh, Union casualties: Bodart's 13000 no longer contradicts 13047;
    // Phisterer's 13573 still does.
    let shiloh = Reconciler::new()
        .reading(Reading::Rounded)
        .reconcile(&dossier)
        .expect("reconciles");
    let f = shiloh
        .get(&"tn003-union-casualties".into())
        .expect("finding");
    let disjoint: Vec<String> = f
        .conflicts()
        .iter()
        .filter(|c| c.kind() == ConflictKind::Disjoint)
        .map(|c| c.explanation())
        .collect();
    assert_eq!(disjoint.len(), 1, "{disjoint:?}");
    assert!(disjoint[0].contains("13573"), "{disjoint:?}");

    let out = run_example("civil_war", &["--rounded", "--battle", "tn003"]);
    assert!(out.contains("Round numbers are read as every count that rounds to them"));
    assert!(out.contains("    weighted: 12500–13573, best 13047 · contested · confidence low\n    conflicts: 1 disjoint, 1 empty_consensus\n"));
}
