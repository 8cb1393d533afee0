//! The learner's throughput: a table of 10⁵ or 10⁶ claims (figures of 4
//! claims from 1,000 sources of three precisions), learned to convergence
//! (or the 30 iterations of a phase), and the 10⁶ claims learned in 20
//! iterations (`learn/1000000x20`).
//!
//! ```text
//! cargo bench --bench learn
//! ```
//!
//! Timing is `Learner::learn_values` from the parsed table (cloned
//! outside the timing) to the learned estimates and source report; the number of iterations it took is
//! printed, so the time per iteration can be read off.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use reckon::Decimal;
use reckon::model::{FigureId, SourceId};
use reckon::reconcile::learn::Learner;

/// xorshift64*: deterministic and small.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn table(claims: usize) -> Vec<(FigureId, SourceId, Decimal)> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let sources: Vec<SourceId> = (0..1000).map(|i| format!("s{i}").into()).collect();
    let mut out = Vec::with_capacity(claims);
    for f in 0..claims / 4 {
        let figure: FigureId = format!("f{f}").into();
        let truth = 10 + (rng.next() % 1000) as i64;
        for _ in 0..4 {
            let s = (rng.next() % 1000) as usize;
            // A third of the sources exact, a third off by up to 10 %, a third by up to 50 %.
            let spread: i64 = [0, 10, 50][s % 3];
            let off = if spread == 0 {
                0
            } else {
                (rng.next() % (2 * spread as u64 + 1)) as i64 - spread
            };
            out.push((
                figure.clone(),
                sources[s].clone(),
                Decimal::from(truth * (100 + off) / 100),
            ));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("learn");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for n in [100_000usize, 1_000_000] {
        let rows = table(n);
        let once = Learner::new().learn_values(rows.clone());
        println!("learn/{n}: {} iterations", once.iterations());
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &rows, |b, rows| {
            b.iter_batched(
                || rows.clone(),
                |rows| black_box(Learner::new().learn_values(rows)),
                BatchSize::LargeInput,
            )
        });
    }
    let n = 1_000_000;
    let rows = table(n);
    let learner = Learner::new().max_iterations(20);
    println!(
        "learn/{n}x20: {} iterations",
        learner.learn_values(rows.clone()).iterations()
    );
    g.throughput(Throughput::Elements(n as u64));
    g.bench_with_input(
        BenchmarkId::from_parameter(format!("{n}x20")),
        &rows,
        |b, rows| b.iter(|| black_box(learner.learn_values(rows.clone()))),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
