//! SQL over a Parquet file of synthetic claims, beside the library's bulk
//! path: the same claims reconciled by `reckon_reconcile` on one DataFusion
//! context, on a standalone Ballista cluster (scheduler and executor in
//! this process, on loopback), and by `reckon::io::bulk` reading the CSV.
//!
//! ```text
//! $ cargo run --release -p reckon-datafusion --example sql_at_scale -- 10000000
//! ```
//!
//! Arguments: the number of claims (about; default 10⁷), then
//! `--no-cluster` to leave Ballista out, `--no-bulk` to leave the library's
//! bulk path out (to read the peak memory of SQL alone), `--dir DIR` for
//! the files
//! (default: a folder in the system's temporary directory, removed at the
//! end unless given).

use std::path::PathBuf;
use std::time::Instant;

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::dataframe::DataFrameWriteOptions;
use datafusion::error::Result;
use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::*;
use reckon::Reconciler;
use reckon::io::bulk::Bulk;
use reckon::io::synth::Synth;

/// The allocator: DataFusion's threads free on one thread what another
/// allocated, where the system allocator takes a lock. Its transparent
/// huge pages are off (the crate's `no_thp` feature): with them the kernel
/// spent a fifth of the query clearing pages. Measured on 10⁷ claims,
/// 2 cores, the partial aggregate skipped: 8.6 s with the system
/// allocator, 6.4–6.6 s with this one; huge pages off later took the query
/// from 6.5–6.7 s to 5.5 s.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const QUERY: &str =
    "SELECT figure, reckon_reconcile(value, source) AS r FROM claims GROUP BY figure";

struct Args {
    claims: u64,
    cluster: bool,
    bulk: bool,
    dir: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut out = Args {
        claims: 10_000_000,
        cluster: true,
        bulk: true,
        dir: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--no-cluster" => out.cluster = false,
            "--no-bulk" => out.bulk = false,
            "--dir" => out.dir = Some(it.next().ok_or("--dir needs a folder")?.into()),
            n => {
                out.claims = n
                    .replace('_', "")
                    .parse()
                    .map_err(|_| format!("'{n}' is not a number of claims"))?
            }
        }
    }
    Ok(out)
}

/// Runs the query on `ctx` over the Parquet file: the figures reconciled.
async fn reconcile(ctx: &SessionContext, parquet: &str) -> Result<usize> {
    ctx.register_parquet("claims", parquet, ParquetReadOptions::default())
        .await?;
    let batches = ctx.sql(QUERY).await?.collect().await?;
    Ok(batches.iter().map(|b| b.num_rows()).sum())
}

fn line(what: &str, claims: u64, seconds: f64, cores: usize) {
    let rate = claims as f64 / seconds;
    println!(
        "{what:<34} {seconds:>8.2} s {:>10.0} claims/s {:>10.0} claims/s/core",
        rate,
        rate / cores as f64
    );
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = args().map_err(datafusion::error::DataFusionError::Plan)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let keep = args.dir.is_some();
    let dir = args
        .dir
        .unwrap_or_else(|| std::env::temp_dir().join(format!("reckon-sql-{}", std::process::id())));
    std::fs::create_dir_all(&dir)?;
    let csv = dir.join("claims.csv");
    let parquet = dir.join("claims.parquet");

    // The claims: about four per figure, as the bulk bench draws them.
    let started = Instant::now();
    let world = Synth::new(1)
        .sources(10_000)
        .figures(args.claims / 4)
        .world();
    let claims = world
        .write_csv(std::io::BufWriter::new(std::fs::File::create(&csv)?))
        .map_err(|e| datafusion::error::DataFusionError::External(e.into()))?;
    let schema = Schema::new(vec![
        Field::new("figure", DataType::Utf8, false),
        Field::new("source", DataType::Utf8, false),
        Field::new("value", DataType::Utf8, false),
    ]);
    let ctx = SessionContext::new();
    ctx.read_csv(
        csv.to_string_lossy().as_ref(),
        CsvReadOptions::new().schema(&schema),
    )
    .await?
    .write_parquet(
        parquet.to_string_lossy().as_ref(),
        DataFrameWriteOptions::new().with_single_file_output(true),
        None,
    )
    .await?;
    println!(
        "{claims} claims of {} figures written as CSV and Parquet in {:.1} s ({cores} {})",
        world.len(),
        started.elapsed().as_secs_f64(),
        if cores == 1 { "core" } else { "cores" }
    );

    let figures = usize::try_from(world.len()).unwrap_or(usize::MAX);
    drop(world);
    if args.bulk {
        let started = Instant::now();
        // What `reconcile --json claims.csv` runs: the CSV read, every
        // figure reconciled on every core and its JSON written (here, to
        // nowhere).
        let summary = Bulk::new(Reconciler::new())
            .run(std::fs::File::open(&csv)?, "claims.csv", std::io::sink())
            .map_err(|e| datafusion::error::DataFusionError::External(e.into()))?;
        line(
            "library bulk path (CSV to JSON)",
            claims,
            started.elapsed().as_secs_f64(),
            cores,
        );
        assert_eq!(
            usize::try_from(summary.figures()).unwrap_or(usize::MAX),
            figures,
            "the bulk path reconciled other figures than were written"
        );
    }

    let started = Instant::now();
    let mut local = SessionContext::new_with_config(config(SessionConfig::from_env()?));
    reckon_datafusion::register(&mut local)?;
    let got = reckon(&local, &parquet).await?;
    line(
        "DataFusion, one process (Parquet)",
        claims,
        started.elapsed().as_secs_f64(),
        cores,
    );
    assert_eq!(
        got, figures,
        "DataFusion reconciled other figures than were written"
    );

    if args.cluster {
        let started = Instant::now();
        let mut state = SessionStateBuilder::new()
            .with_default_features()
            .with_config(config(SessionConfig::new_with_ballista()))
            .build();
        reckon_datafusion::register(&mut state)?;
        let mut cluster = SessionContext::standalone_with_state(state).await?;
        reckon_datafusion::register(&mut cluster)?;
        let got = reckon(&cluster, &parquet).await?;
        line(
            "Ballista, standalone (Parquet)",
            claims,
            started.elapsed().as_secs_f64(),
            cores,
        );
        assert_eq!(
            got, figures,
            "Ballista reconciled other figures than were written"
        );
    }
    if !keep {
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(())
}

/// `config` set for a query of `reckon_reconcile`, as the crate's docs
/// advise: its partial aggregate reduces nothing (its state is the claims
/// themselves), so it is skipped, each claim going to its group's
/// partition as read. Measured on 10⁷ claims, 2 cores: 5.4–5.5 s with the
/// partial aggregate, 4.7–4.9 s without, and 1.26 GB against 1.09–1.14 GB
/// at the peak. `DATAFUSION_*` variables set the other options.
fn config(mut config: SessionConfig) -> SessionConfig {
    let execution = &mut config.options_mut().execution;
    execution.skip_partial_aggregation_probe_ratio_threshold = 0.0;
    config
}

async fn reckon(ctx: &SessionContext, parquet: &std::path::Path) -> Result<usize> {
    reconcile(ctx, parquet.to_string_lossy().as_ref()).await
}
