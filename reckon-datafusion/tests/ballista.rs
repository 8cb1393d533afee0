//! The same query on a Ballista cluster — a standalone scheduler and
//! executor in this process, on loopback — and on one DataFusion context:
//! the distributed result equals the local one, on 10⁵ claims.

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::*;
use reckon::io::synth::Synth;

const QUERY: &str = "SELECT figure, reckon_reconcile(value, source) AS r,
                            reckon_reconcile_envelope(value, source) AS envelope,
                            count(*) AS rows
                     FROM claims GROUP BY figure ORDER BY figure";

async fn run(ctx: &SessionContext, csv: &str) -> String {
    let schema = Schema::new(vec![
        Field::new("figure", DataType::Utf8, false),
        Field::new("source", DataType::Utf8, false),
        Field::new("value", DataType::Utf8, false),
    ]);
    ctx.register_csv("claims", csv, CsvReadOptions::new().schema(&schema))
        .await
        .unwrap();
    let batches = ctx.sql(QUERY).await.unwrap().collect().await.unwrap();
    pretty_format_batches(&batches).unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_standalone_cluster_gives_the_local_result_on_100k_claims() {
    let dir = std::env::temp_dir().join(format!("reckon-ballista-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("claims.csv");
    let world = Synth::new(11).sources(2_000).figures(25_000).world();
    let claims = world
        .write_csv(std::fs::File::create(&path).unwrap())
        .unwrap();
    assert!(claims >= 100_000, "{claims} claims");
    let csv = path.to_str().unwrap();

    let mut local = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(4));
    reckon_datafusion::register(&mut local).unwrap();
    let want = run(&local, csv).await;

    // The in-process scheduler and executor take their functions from this
    // state; the client's are reset by Ballista, so they are registered on
    // the context again.
    let mut state = SessionStateBuilder::new()
        .with_default_features()
        .with_config(SessionConfig::new_with_ballista().with_target_partitions(4))
        .build();
    reckon_datafusion::register(&mut state).unwrap();
    let mut cluster = SessionContext::standalone_with_state(state).await.unwrap();
    reckon_datafusion::register(&mut cluster).unwrap();
    let got = run(&cluster, csv).await;

    let figures = want.lines().count() - 4;
    println!("{claims} claims, {figures} figures: the cluster's result equals the local one");
    assert_eq!(figures, 25_000);
    assert!(
        got == want,
        "the cluster's result differs from the local one"
    );
    std::fs::remove_dir_all(&dir).ok();
}
