//! Throughput of reading figures.
//!
//! - `phrase`: `text::phrase` on a corpus of English phrases (target: at
//!   least 1 million phrases per second per core);
//! - `compact`: the value grammar, read and written back (`"50–170".parse()`
//!   then `to_string()`; target: at least 5 million per second);
//! - `extract`: `text::extract` on the seed article repeated to about 10 MB
//!   (target: at least 50 MB of prose per second per core).
//!
//! Run with `cargo bench --bench parse`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use reckon::text;
use reckon::{Estimate, Lexicon};

const PHRASES: &[&str] = &[
    "12,000",
    "50–170",
    "50-170",
    "20+",
    "more than 100",
    "over 20",
    "at least 18",
    "30 or more",
    "up to 5,000",
    "no more than 12",
    "fewer than 10",
    "under 10",
    "approximately 1,000",
    "about 70",
    "some 200",
    "nearly 300",
    "almost 50",
    "c. 400",
    "~400",
    "3,000 or so",
    "two",
    "seven",
    "twenty-three",
    "one hundred and five",
    "three hundred",
    "1.5 million",
    "2 million",
    "1.2k",
    "6 to 7",
    "from 40 to 60",
    "between 25 and 28",
    "two or three",
    "two to three hundred",
    "5-6 thousand",
    "a few",
    "several",
    "a handful",
    "a dozen",
    "half a dozen",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens of thousands",
    "several hundred",
    "more than a dozen",
    "no",
    "none",
    "unknown",
    "Unknown",
];

const COMPACT: &[&str] = &[
    "50–170",
    "20+",
    "12,000",
    ">100",
    "<=30",
    "<10",
    "~1000",
    "200",
    "6–7",
    "dozens",
    "unknown",
    "50/100/170",
    "1.5",
    "18+",
    "12000",
    "7–11",
];

fn phrases(c: &mut Criterion) {
    let lex = Lexicon::shared();
    let mut g = c.benchmark_group("phrase");
    g.throughput(Throughput::Elements(PHRASES.len() as u64));
    g.bench_function("english phrases", |b| {
        b.iter(|| {
            for p in PHRASES {
                black_box(text::phrase(black_box(p), lex).ok());
            }
        })
    });
    g.finish();
}

fn compact(c: &mut Criterion) {
    let mut g = c.benchmark_group("compact");
    g.throughput(Throughput::Elements(COMPACT.len() as u64));
    g.bench_function("value grammar read and write", |b| {
        let mut out = String::with_capacity(32);
        b.iter(|| {
            for s in COMPACT {
                let e: Estimate = black_box(s).parse().ok().unwrap_or_else(Estimate::unknown);
                out.clear();
                std::fmt::write(&mut out, format_args!("{e}")).ok();
                black_box(&out);
            }
        })
    });
    g.finish();
}

fn extraction(c: &mut Criterion) {
    let article = include_str!("../tests/data/qalamoun-offensive-2014.txt");
    let mut text = String::with_capacity(10_500_000);
    while text.len() < 10_000_000 {
        text.push_str(article);
        text.push('\n');
    }
    let lex = Lexicon::shared();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("seed article x 10 MB", |b| {
        b.iter(|| black_box(text::extract(black_box(&text), lex).len()))
    });
    g.finish();
}

criterion_group!(benches, phrases, compact, extraction);
criterion_main!(benches);
