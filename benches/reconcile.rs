//! Reconciliation throughput and memory on synthetic collections: N figures
//! × 2–6 claims (N = 10³ … 10⁶), and one figure with 10⁵ claims.
//!
//! ```text
//! cargo bench --bench reconcile
//! cargo bench --bench reconcile -- 'figures/1000$'   # one size
//! ```
//!
//! Timing is end to end from parsed claims: `Reconciler::new().reconcile(&dossier)`
//! under the default policy (`weighted`), with every figure's conflicts,
//! policy result and confidence summary, the cross-figure checks, and the
//! dropping of the findings. The dossier is built (and its values parsed)
//! before timing.
//!
//! Memory is measured from the resident set of a fresh process per size (the
//! crate forbids `unsafe`, so there is no counting allocator): the bench runs
//! itself with `RECKON_BENCH_MEMORY` set, the child builds the collection,
//! resets its peak resident set (`/proc/self/clear_refs`), reconciles once,
//! and divides the peak (`VmHWM`) above the resident set just before (`VmRSS`)
//! by the number of claims. It prints `memory: ...` lines. The figure
//! includes the findings, alive at the peak, and the allocator's overhead;
//! the dossier itself is reported apart. `RECKON_BENCH_SKIP_MEMORY=1` skips
//! it; `RECKON_BENCH_SIZES=1000,10000` limits the sizes.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use reckon::Reconciler;
use reckon::model::{Date, Reliability, Side, Tolerance};
use reckon::{
    Claim, Decimal, Dossier, Estimate, Figure, Measure, Relation, Scope, Source, SourceKind,
};

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SOURCES: usize = 500;

fn sources(d: &mut Dossier) {
    let sides = [
        Some(Side::new("government")),
        Some(Side::new("rebels")),
        None,
        None,
        None,
    ];
    for i in 0..SOURCES {
        let mut s = Source::new(
            format!("s{i}").as_str(),
            "a source",
            SourceKind::ALL[i % SourceKind::ALL.len()],
        )
        .with_reliability(Reliability::ALL[i % Reliability::ALL.len()]);
        if let Some(side) = &sides[i % sides.len()] {
            s = s.with_side(side.clone());
        }
        if i % 10 == 9 {
            s = s.relaying(format!("s{}", i - 1).as_str());
        }
        d.add_source(s);
    }
}

/// A value near `base`, in one of the forms reporters use.
fn value(rng: &mut Rng, base: u64) -> Estimate {
    let d = |n: u64| Decimal::from(n);
    let jitter = rng.below(base / 4 + 2);
    let n = base + jitter;
    let t = Tolerance::default();
    let e = match rng.below(20) {
        0..=6 => Estimate::exact(d(n)),
        7..=12 => Estimate::range(d(base.saturating_sub(jitter)), d(n + rng.below(20))),
        13 | 14 => Estimate::more_than(d(base / 2)),
        15 | 16 => Estimate::approximately(d(n), &t),
        17 => Estimate::fewer_than(d(n + 1)),
        18 => Estimate::triple(d(base), d(n), d(n + 10)),
        _ => Ok(Estimate::unknown()),
    };
    e.unwrap_or_else(|_| Estimate::unknown())
}

/// N figures with 2–6 claims each (4 on average), 500 sources (one in ten
/// relaying another, with sides and reliabilities), one claim in twenty
/// revising the previous one, and one figure in fifty declared part of the next.
fn collection(figures: usize) -> (Dossier, usize) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ figures as u64);
    let mut d = Dossier::new();
    sources(&mut d);
    let fig_sides = [
        Some(Side::new("government")),
        Some(Side::new("rebels")),
        None,
    ];
    let mut claims = 0usize;
    for f in 0..figures {
        let id = format!("f{f}");
        let mut scope = Scope::new(Measure::Killed);
        if let Some(side) = &fig_sides[f % 3] {
            scope = scope.with_party("fighters", Some(side.clone()));
        }
        d.add_figure(Figure::new(id.as_str(), "a figure", scope));
        let base = 5 + rng.below(1000);
        let k = 2 + rng.below(5) as usize;
        for j in 0..k {
            let cid = format!("c{claims}");
            let src = format!("s{}", rng.below(SOURCES as u64));
            let mut c = Claim::new(
                cid.as_str(),
                id.as_str(),
                src.as_str(),
                value(&mut rng, base),
            );
            if j > 0 && rng.below(20) == 0 {
                c = c.superseding(format!("c{}", claims - 1).as_str());
            }
            if rng.below(3) == 0 {
                if let Ok(date) = Date::ymd(2014, 8, 1 + rng.below(28) as u8) {
                    c = c.with_reported(date);
                }
            }
            d.add_claim(c);
            claims += 1;
        }
        if f % 50 == 0 && f + 1 < figures {
            d.relate(Relation::part_of(
                id.as_str(),
                format!("f{}", f + 1).as_str(),
            ));
        }
    }
    (d, claims)
}

/// One figure repeated by many outlets: `k` claims from 500 sources.
fn one_figure(k: usize) -> Dossier {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut d = Dossier::new();
    sources(&mut d);
    d.add_figure(Figure::new("f", "a figure", Scope::new(Measure::Killed)));
    for i in 0..k {
        let src = format!("s{}", rng.below(SOURCES as u64));
        let base = if rng.below(10) == 0 { 400 } else { 200 };
        d.add_claim(Claim::new(
            format!("c{i}").as_str(),
            "f",
            src.as_str(),
            value(&mut rng, base),
        ));
    }
    d
}

/// `VmRSS` and `VmHWM` in bytes, where the system reports them.
fn memory() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse::<u64>()
            .ok()
            .map(|kb| kb * 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Measures one size in this (fresh) process and prints a `memory:` line.
fn measure_memory(label: &str, build: impl FnOnce() -> (Dossier, usize)) {
    let before = memory();
    let (d, claims) = build();
    let built = memory();
    // Reset the peak to the current resident set.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let start = memory();
    let findings = Reconciler::new().reconcile(&d);
    let peak = memory();
    let kept = findings.as_ref().map_or(0, |f| f.len());
    let conflicts = findings.as_ref().map_or(0, |f| {
        f.iter().map(|x| x.conflicts().len()).sum::<usize>() + f.cross_figure_conflicts().len()
    });
    match (before, built, start, peak) {
        (Some(b), Some(m), Some(s), Some(p)) if reset && claims > 0 => {
            let per = |x: u64| x as f64 / claims as f64;
            println!(
                "memory: {label}: {claims} claims: reconcile peak {:.0} bytes/claim \
                 (findings held: {:.0}); the dossier itself {:.0} bytes/claim \
                 ({kept} findings, {conflicts} conflicts)",
                per(p.1.saturating_sub(s.0)),
                per(p.0.saturating_sub(s.0)),
                per(m.0.saturating_sub(b.0)),
            );
        }
        _ => println!("memory: {label}: not measured (no /proc/self/status or clear_refs)"),
    }
    drop(findings);
}

/// The sizes to time: `RECKON_BENCH_SIZES=1000,10000` limits them.
fn sizes() -> Vec<usize> {
    match std::env::var("RECKON_BENCH_SIZES") {
        Ok(v) => v.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) => vec![1_000, 10_000, 100_000, 1_000_000],
    }
}

fn bench_collections(c: &mut Criterion) {
    let mut group = c.benchmark_group("reconcile");
    for figures in sizes() {
        let (d, claims) = collection(figures);
        group.throughput(Throughput::Elements(claims as u64));
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(if figures >= 1_000_000 {
            20
        } else {
            5
        }));
        group.bench_with_input(BenchmarkId::new("figures", figures), &d, |b, d| {
            b.iter(|| black_box(Reconciler::new().reconcile(black_box(d))))
        });
    }
    let k = 100_000;
    let d = one_figure(k);
    group.throughput(Throughput::Elements(k as u64));
    group.bench_with_input(BenchmarkId::new("one-figure", k), &d, |b, d| {
        b.iter(|| black_box(Reconciler::new().reconcile(black_box(d))))
    });
    // The text a report prints, on top: likelihood sentence and reasons.
    let (d, claims) = collection(100_000);
    group.throughput(Throughput::Elements(claims as u64));
    group.bench_with_input(
        BenchmarkId::new("figures-with-text", 100_000),
        &d,
        |b, d| {
            b.iter(|| {
                let f = Reconciler::new().reconcile(black_box(d));
                let mut n = 0;
                for x in f.iter().flat_map(|f| f.iter()) {
                    n += x.summary().likelihood_sentence().map_or(0, |s| s.len());
                    n += x.summary().reasons_text().len();
                }
                black_box(n)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench_collections);

fn main() {
    // A child run measures the memory of one size in a fresh process, so
    // that memory freed by earlier sizes cannot hide the growth.
    if let Ok(spec) = std::env::var("RECKON_BENCH_MEMORY") {
        match spec.split_once(':') {
            Some(("figures", n)) => {
                let n: usize = n.parse().unwrap_or(1000);
                measure_memory(&format!("{n} figures"), || collection(n));
            }
            _ => measure_memory("one figure", || (one_figure(100_000), 100_000)),
        }
        return;
    }
    if std::env::var_os("RECKON_BENCH_SKIP_MEMORY").is_none() {
        let specs = sizes()
            .into_iter()
            .map(|n| format!("figures:{n}"))
            .chain(["one:100000".to_owned()]);
        for spec in specs {
            let out = std::env::current_exe().and_then(|exe| {
                std::process::Command::new(exe)
                    .env("RECKON_BENCH_MEMORY", &spec)
                    .output()
            });
            match out {
                Ok(o) => print!("{}", String::from_utf8_lossy(&o.stdout)),
                Err(e) => println!("memory: {spec}: not measured ({e})"),
            }
        }
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
