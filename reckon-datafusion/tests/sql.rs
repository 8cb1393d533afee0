//! The functions as a SQL user calls them, and the aggregate held to the
//! library's own bulk path.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, RecordBatch, StringArray, StructArray};
use datafusion::arrow::datatypes::{DataType, Decimal128Type, Field, Schema, UInt64Type};
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::datasource::MemTable;
use datafusion::prelude::*;
use proptest::prelude::*;
use reckon::io::bulk::Bulk;
use reckon::reconcile::policy::Registry;
use reckon::{Decimal, Finding, Reconciler};

/// A context with the functions, `partitions` target partitions, and
/// partial aggregation skipped at once when `skip_partial` (so that the
/// state is built row by row).
fn context(partitions: usize, skip_partial: bool) -> SessionContext {
    let mut config = SessionConfig::new().with_target_partitions(partitions);
    if skip_partial {
        let agg = &mut config.options_mut().execution;
        agg.skip_partial_aggregation_probe_ratio_threshold = 0.0;
        agg.skip_partial_aggregation_probe_rows_threshold = 1;
    }
    let mut ctx = SessionContext::new_with_config(config);
    reckon_datafusion::register(&mut ctx).unwrap();
    ctx
}

fn run<T>(f: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

async fn query(ctx: &SessionContext, sql: &str) -> Vec<RecordBatch> {
    ctx.sql(sql).await.unwrap().collect().await.unwrap()
}

async fn table(ctx: &SessionContext, sql: &str) -> String {
    pretty_format_batches(&query(ctx, sql).await)
        .unwrap()
        .to_string()
}

#[test]
fn value_functions_read_the_grammar_and_english_and_say_why_not() {
    let ctx = context(2, false);
    let got = run(table(
        &ctx,
        "SELECT v, reckon_low(v) AS low, reckon_best(v) AS best, reckon_high(v) AS high,
                reckon_form(v) AS form, reckon_value_error(v) AS error
         FROM (VALUES ('50–170'), ('20+'), ('more than 100'), ('dozens'), ('~400'),
                      ('2,000'), ('50–'), (NULL)) AS t(v)",
    ));
    let want = "\
+---------------+---------------+----------------+----------------+-----------+---------------------------------------------------+
| v             | low           | best           | high           | form      | error                                             |
+---------------+---------------+----------------+----------------+-----------+---------------------------------------------------+
| 50–170        | 50.000000000  |                | 170.000000000  | range     |                                                   |
| 20+           | 20.000000000  |                |                | at-least  |                                                   |
| more than 100 | 101.000000000 |                |                | more-than |                                                   |
| dozens        | 24.000000000  | 12.000000000   | 119.000000000  | vague     |                                                   |
| ~400          | 360.000000000 | 400.000000000  | 440.000000000  | approximately |                                               |
| 2,000         | 2000.000000000 | 2000.000000000 | 2000.000000000 | exact    |                                                   |
| 50–           |               |                |                |           | '50–' is not a value: the range has no upper end  |
|               |               |                |                |           |                                                   |
+---------------+---------------+----------------+----------------+-----------+---------------------------------------------------+";
    assert_eq!(cells(&got), cells(want), "{got}");
}

/// The cells of a printed table, row by row, trimmed.
fn cells(table: &str) -> Vec<Vec<&str>> {
    table
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
        .collect()
}

#[test]
fn a_value_reads_as_one_struct() {
    let ctx = context(1, false);
    let got = run(table(
        &ctx,
        "SELECT reckon_value(v) AS r FROM (VALUES ('about 400'), ('x')) AS t(v)",
    ));
    assert!(
        got.contains("{low: 360.000000000, best: 400.000000000, high: 440.000000000, form: approximately, value: ~400}"),
        "{got}"
    );
    // The value that cannot be read gives a null struct: an empty cell.
    let empty = got
        .lines()
        .filter(|l| l.starts_with('|') && l.trim_matches(|c| c == '|' || c == ' ').is_empty())
        .count();
    assert_eq!(empty, 1, "{got}");
}

#[test]
fn numbers_and_dates_are_read_as_text_and_other_types_refused() {
    let ctx = context(1, false);
    let got = run(table(&ctx, "SELECT reckon_high(200) AS h"));
    assert!(got.contains("200.000000000"), "{got}");
    let err = run(async { ctx.sql("SELECT reckon_low(true)").await.map(|_| ()) }).unwrap_err();
    assert!(
        err.to_string()
            .contains("reckon_low: argument 1 is Boolean, not text, a number or a date"),
        "{err}"
    );
    let err = run(async { ctx.sql("SELECT reckon_reconcile('5')").await.map(|_| ()) }).unwrap_err();
    assert!(
        err.to_string()
            .contains("reckon_reconcile takes from 2 to 7 arguments"),
        "{err}"
    );
}

#[test]
fn extract_finds_the_figures_of_a_text_column() {
    let ctx = context(1, false);
    let got = run(table(
        &ctx,
        "SELECT id, m['text'] AS text, m['low'] AS low, m['high'] AS high, m['measure'] AS measure,
                m['speaker'] AS speaker, m['start'] AS start
         FROM (SELECT id, unnest(reckon_extract(body)) AS m
               FROM (VALUES (1, 'According to the Syrian Observatory, 50–170 rebels were killed.'),
                            (2, 'Nothing counted here.'),
                            (3, 'Hezbollah lost 14 fighters[3].')) AS a(id, body))
         ORDER BY id, start",
    ));
    assert_eq!(
        cells(&got),
        [
            vec!["id", "text", "low", "high", "measure", "speaker", "start"],
            vec![
                "1",
                "50–170",
                "50.000000000",
                "170.000000000",
                "killed",
                "the Syrian Observatory",
                "37"
            ],
            vec![
                "3",
                "14",
                "14.000000000",
                "14.000000000",
                "killed",
                "",
                "15"
            ],
        ],
        "{got}"
    );
}

/// The claims of `rows` (figure, source, value) as a table split over
/// `partitions` partitions of batches of at most `batch` rows, each claim
/// with the id the library's bulk path gives it: `L` and its line in the
/// claims file.
fn claims_table(rows: &[[&str; 3]], partitions: usize, batch: usize) -> MemTable {
    let schema = Arc::new(Schema::new(vec![
        Field::new("figure", DataType::Utf8, false),
        Field::new("source", DataType::Utf8, true),
        Field::new("value", DataType::Utf8, true),
        Field::new("claim", DataType::Utf8, false),
    ]));
    let mut parts: Vec<Vec<RecordBatch>> = vec![Vec::new(); partitions.max(1)];
    let ids: Vec<String> = (0..rows.len()).map(|n| format!("L{}", n + 2)).collect();
    for (n, (chunk, ids)) in rows
        .chunks(batch.max(1))
        .zip(ids.chunks(batch.max(1)))
        .enumerate()
    {
        let column = |i: usize| -> ArrayRef {
            Arc::new(StringArray::from_iter_values(chunk.iter().map(|r| r[i])))
        };
        let claim: ArrayRef = Arc::new(StringArray::from_iter_values(ids));
        let b = RecordBatch::try_new(schema.clone(), vec![column(0), column(1), column(2), claim])
            .unwrap();
        let k = n % parts.len();
        parts[k].push(b);
    }
    MemTable::try_new(schema, parts).unwrap()
}

/// What the aggregate and the library are compared on: bounds, best,
/// consensus, grade, confidence, claims counted and conflict kinds.
#[derive(Debug, PartialEq)]
struct Summary {
    low: Option<Decimal>,
    best: Option<Decimal>,
    high: Option<Decimal>,
    consensus: Option<(Decimal, Option<Decimal>)>,
    grade: String,
    confidence: String,
    claims: u64,
    conflicts: Vec<(String, String)>,
}

fn nine(d: Option<Decimal>) -> Option<Decimal> {
    d.map(|d| d.round_dp(9).normalize())
}

impl Summary {
    fn of(f: &Finding) -> Summary {
        let mut conflicts: Vec<_> = f
            .conflicts()
            .iter()
            .map(|c| {
                (
                    c.kind().as_str().to_owned(),
                    c.severity().as_str().to_owned(),
                )
            })
            .collect();
        conflicts.sort();
        Summary {
            low: nine(f.low()),
            best: nine(f.best()),
            high: nine(f.high()),
            consensus: f
                .consensus()
                .map(|c| (nine(Some(c.low())).unwrap(), nine(c.high()))),
            grade: f.summary().grade().as_str().to_owned(),
            confidence: f.summary().confidence().as_str().to_owned(),
            claims: f.claims().len() as u64,
            conflicts,
        }
    }

    fn from_row(r: &StructArray, i: usize) -> Summary {
        let dec = |name: &str| {
            let a = r
                .column_by_name(name)
                .unwrap()
                .as_primitive::<Decimal128Type>();
            a.is_valid(i).then(|| {
                Decimal::try_from_i128_with_scale(a.value(i), 9)
                    .unwrap()
                    .normalize()
            })
        };
        let text = |name: &str| {
            r.column_by_name(name)
                .unwrap()
                .as_string::<i32>()
                .value(i)
                .to_owned()
        };
        let list = r
            .column_by_name("conflicts")
            .unwrap()
            .as_list::<i32>()
            .value(i);
        let list = list.as_struct();
        let mut conflicts: Vec<_> = (0..list.len())
            .map(|k| {
                let s = |n: &str| {
                    list.column_by_name(n)
                        .unwrap()
                        .as_string::<i32>()
                        .value(k)
                        .to_owned()
                };
                (s("kind"), s("severity"))
            })
            .collect();
        conflicts.sort();
        let consensus = dec("consensus_low").map(|low| (low, dec("consensus_high")));
        Summary {
            low: dec("low"),
            best: dec("best"),
            high: dec("high"),
            consensus,
            grade: text("grade"),
            confidence: text("confidence"),
            claims: r
                .column_by_name("claims")
                .unwrap()
                .as_primitive::<UInt64Type>()
                .value(i),
            conflicts,
        }
    }
}

/// The policies whose aggregates decide groups: all but those that learn
/// across figures (`learned`), which a group, decided alone, cannot fit.
fn aggregated(policies: &Registry) -> Vec<&str> {
    let learns = |name: &&str| policies.get(name).unwrap().learns_across_figures();
    let names: Vec<&str> = policies.names().filter(|n| !learns(n)).collect();
    assert!(!names.contains(&"learned") && names.contains(&"weighted"));
    names
}

/// Every figure's result under every policy, from SQL: (policy, figure)
/// to its summary and problems.
async fn sql_results(
    rows: &[[&str; 3]],
    partitions: usize,
    batch: usize,
    skip_partial: bool,
    ids: bool,
) -> Vec<(String, String, Summary, usize)> {
    let ctx = context(partitions, skip_partial);
    ctx.register_table("claims", Arc::new(claims_table(rows, partitions, batch)))
        .unwrap();
    let mut out = Vec::new();
    for policy in aggregated(&Registry::standard()) {
        let args = if ids {
            "value, source, NULL, NULL, NULL, claim"
        } else {
            "value, source"
        };
        let sql = format!(
            "SELECT figure, reckon_reconcile_{policy}({args}) AS r FROM claims GROUP BY figure"
        );
        for b in query(&ctx, &sql).await {
            let figures = b.column(0).as_string_view_opt().map_or_else(
                || {
                    b.column(0)
                        .as_string::<i32>()
                        .iter()
                        .map(|s| s.unwrap().to_owned())
                        .collect::<Vec<_>>()
                },
                |v| v.iter().map(|s| s.unwrap().to_owned()).collect(),
            );
            let r = b.column(1).as_struct();
            let problems = r.column_by_name("problems").unwrap().as_list::<i32>();
            for (i, figure) in figures.into_iter().enumerate() {
                let summary = Summary::from_row(r, i);
                // A group none of whose claims could be read has no finding
                // in the bulk path, which reports its rows instead.
                if summary.claims == 0 {
                    assert!(
                        !problems.value(i).is_empty(),
                        "{figure}: no claims and no problems"
                    );
                    continue;
                }
                out.push((policy.to_owned(), figure, summary, problems.value(i).len()));
            }
        }
    }
    out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    out
}

/// The same from the library's bulk path, reading the rows as a CSV file.
fn library_results(rows: &[[&str; 3]]) -> Vec<(String, String, Summary, usize)> {
    let mut csv = String::from("figure,source,value\n");
    for r in rows {
        csv.push_str(&format!("{},{},\"{}\"\n", r[0], r[1], r[2]));
    }
    let policies = Registry::standard();
    let mut out = Vec::new();
    for policy in aggregated(&policies) {
        let bulk =
            Bulk::new(Reconciler::new().policy(policies.get(policy).unwrap())).parallel(false);
        let (findings, summary) = bulk.findings(csv.as_bytes(), "claims.csv").unwrap();
        for f in &findings {
            let rejected = summary
                .problems()
                .iter()
                .filter(|p| {
                    let line: usize = p
                        .to_string()
                        .split(' ')
                        .nth(2)
                        .and_then(|l| l.trim_end_matches(',').parse().ok())
                        .unwrap();
                    rows[line - 2][0] == f.figure().as_str()
                })
                .count();
            out.push((
                policy.to_owned(),
                f.figure().as_str().to_owned(),
                Summary::of(f),
                rejected,
            ));
        }
    }
    out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    out
}

const VALUES: &[&str] = &[
    "50",
    "50–170",
    "200",
    "20+",
    ">100",
    "<30",
    "~400",
    "dozens",
    "more than 100",
    "several",
    "1,000",
    "12",
    "3/5/9",
    "0",
    "at least 7",
    "hundreds",
    "50–",
    "abc",
];

fn claims() -> impl Strategy<Value = Vec<[&'static str; 3]>> {
    let figure = prop::sample::select(vec!["f1", "f2", "f3", "f4", "f10"]);
    let source = prop::sample::select(vec!["s1", "s2", "s3", "s4", "article"]);
    let value = prop::sample::select(VALUES.to_vec());
    prop::collection::vec(
        (figure, source, value).prop_map(|(f, s, v)| [f, s, v]),
        1..40,
    )
}

#[test]
fn the_aggregate_is_the_library_on_a_worked_example() {
    let rows = [
        ["jobeh-rebels", "article", "50–170"],
        ["jobeh-rebels", "others", "200"],
        ["hezbollah-killed", "sohr", "dozens"],
        ["hezbollah-killed", "hezbollah", "14"],
        ["hezbollah-killed", "state-tv", "50–"],
    ];
    let sql = run(sql_results(&rows, 3, 2, false, true));
    let lib = library_results(&rows);
    assert_eq!(sql, lib);
    let weighted = sql
        .iter()
        .find(|r| r.0 == "weighted" && r.1 == "jobeh-rebels")
        .unwrap();
    let kinds: Vec<_> = weighted.2.conflicts.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(kinds, ["disjoint", "empty_consensus"]);
    // The unreadable claim is named beside the finding, not dropped.
    let hezbollah = sql
        .iter()
        .find(|r| r.0 == "weighted" && r.1 == "hezbollah-killed")
        .unwrap();
    assert_eq!((hezbollah.2.claims, hezbollah.3), (2, 1));
    println!("{} figure results equal the library's", sql.len());
}

/// `learned` learns across figures, so its aggregate refuses; once fitted by
/// the library and registered, it decides every group as the library's
/// `learned` decides the whole table.
#[test]
fn learned_weights_reach_sql_once_fitted() {
    use reckon::Dossier;
    use reckon::reconcile::learn::Learner;

    let mut csv = String::from("figure,source,value\n");
    // `c` disagrees with `a` and `b` on every figure but the last, where
    // `a` is alone against it.
    for (i, (ab, c)) in [(10, 40), (20, 90), (30, 7), (50, 200)]
        .into_iter()
        .enumerate()
    {
        csv.push_str(&format!("f{i},a,{ab}\nf{i},b,{ab}\nf{i},c,{c}\n"));
    }
    csv.push_str("f9,a,300\nf9,c,100\n");
    let ctx = context(2, false);
    let err = run(async {
        ctx.sql("SELECT reckon_reconcile_learned(value, source) FROM (VALUES ('1', 'a')) AS t(value, source)")
            .await
            .unwrap_err()
            .to_string()
    });
    assert!(
        err.contains(
            "reckon_reconcile_learned: policy `learned` learns from every figure before it \
             decides one, and an aggregate decides each group alone: learn the weights with \
             reckon's `Learner` and register the fitted policy"
        ),
        "{err}"
    );

    let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
    let learning = Learner::new().learn(&dossier).unwrap();
    let ctx = SessionContext::new();
    let registry = Registry::standard().with(learning.policy());
    for f in reckon_datafusion::aggregate_functions(&registry).unwrap() {
        ctx.register_udaf(f);
    }
    let rows: Vec<String> = csv
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            format!("('{}', '{}', '{}')", f[0], f[1], f[2])
        })
        .collect();
    let sql = format!(
        "SELECT figure, CAST(reckon_reconcile_learned(value, source)['best'] AS BIGINT) AS best
         FROM (VALUES {}) AS t(figure, source, value) GROUP BY figure ORDER BY figure",
        rows.join(", ")
    );
    let got = run(table(&ctx, &sql));

    let learned = Reconciler::new().policy(Registry::standard().get("learned").unwrap());
    let (findings, _) = Bulk::new(learned)
        .findings(csv.as_bytes(), "claims.csv")
        .unwrap();
    let mut want = String::new();
    for f in &findings {
        want.push_str(&format!("| {} | {} |\n", f.figure(), f.best().unwrap()));
    }
    let got_rows: String = got
        .lines()
        .filter(|l| l.starts_with("| f") && !l.starts_with("| figure"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
        .collect();
    assert_eq!(got_rows, want);
    // `a`'s record decides the last figure (alone, the lower value 100 wins).
    assert!(want.ends_with("| f9 | 300 |\n"), "{want}");
}

#[test]
fn problems_name_the_claim_and_why() {
    let ctx = context(1, false);
    let got = run(table(
        &ctx,
        "SELECT reckon_reconcile(v, s, g, NULL, d)['problems'] AS p
         FROM (VALUES ('50–', 'a', 'B', '2014-03-01'), ('12', NULL, 'B', '2014-03-01'),
                      ('12', 'b', 'Q', NULL), ('13', 'c', 'A1', 'March')) AS t(v, s, g, d)",
    ));
    for want in [
        "'50–' is not a value: the range has no upper end",
        "value '12' has no source",
        "reliability 'Q'",
        "reported date 'March'",
    ] {
        assert!(got.contains(want), "{want}\n{got}");
    }
}

#[test]
fn a_value_read_once_is_reported_for_every_claim_that_gives_it() {
    // Each value text is read once per accumulator; its reading, good or
    // bad, still belongs to every claim that gives it.
    let ctx = context(1, false);
    let got = run(table(
        &ctx,
        "SELECT f, r['claims'] AS n, r['problems'] AS p, r['low'] AS low
         FROM (SELECT f, reckon_reconcile(v, s) AS r
               FROM (VALUES ('x', '50–', 'a'), ('x', '12', 'b'),
                            ('y', '50–', 'c'), ('y', '12', 'd'), ('y', '12', 'e')) AS t(f, v, s)
               GROUP BY f)
         ORDER BY f",
    ));
    let lines: Vec<&str> = got
        .lines()
        .filter(|l| l.starts_with("| x") || l.starts_with("| y"))
        .collect();
    assert_eq!(lines.len(), 2, "{got}");
    for (line, claims) in lines.iter().zip(["1", "2"]) {
        assert!(line.contains("'50–' is not a value"), "{got}");
        assert!(line.contains(&format!("| {claims} ")), "{got}");
        assert!(line.contains("12.000000000"), "{got}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Under every policy, the aggregate gives the library's finding for
    /// each figure (its claims given the ids the bulk path gives them),
    /// however the claims are split into batches and partitions, with and
    /// without partial aggregation.
    #[test]
    fn the_aggregate_is_the_library_however_the_claims_are_split(
        rows in claims(),
        partitions in 1usize..5,
        batch in 1usize..8,
        skip_partial in any::<bool>(),
    ) {
        let lib = library_results(&rows);
        let sql = run(sql_results(&rows, partitions, batch, skip_partial, true));
        prop_assert_eq!(sql, lib);
    }

    /// Claims without ids give the same result in any order and any split.
    #[test]
    fn without_ids_the_order_and_split_do_not_matter(
        rows in claims(),
        turn in 0usize..40,
        partitions in 1usize..5,
        batch in 1usize..8,
    ) {
        let mut turned = rows.clone();
        turned.reverse();
        let k = turn % turned.len();
        turned.rotate_left(k);
        let a = run(sql_results(&rows, 1, 64, false, false));
        let b = run(sql_results(&turned, partitions, batch, true, false));
        prop_assert_eq!(a, b);
    }
}
