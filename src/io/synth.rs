//! Synthetic worlds of sources and figures, with their truth: for benches,
//! for tests, and for measuring how well a policy recovers the truth.
//!
//! A [`Synth`] holds the knobs; [`Synth::world`] draws the sources, and
//! [`World::figure`] draws figure `i` and its claims on demand, from the
//! seed and `i` alone. A world of 10⁸ claims is never held in memory, and
//! the same seed gives the same world, figure by figure, in any order.
//!
//! The model follows what casualty reporting looks like, and the
//! generator the Python peers are measured with:
//!
//! - **Truth**: a count drawn log-normally (median 30, a heavy right tail).
//! - **Sources** of three tiers — good (30 %), mediocre (50 %), bad (20 %)
//!   — with a multiplicative log-normal error of σ ≈ 0.05, 0.2 and 0.6 and
//!   order-of-magnitude slips 1 %, 3 % and 10 % of the time; a share of
//!   them biased (they report high, or low); a share of them partisan
//!   (they take a side, report their own side's losses low and the
//!   enemy's high).
//! - **Participation** is long-tailed (Zipf): a few sources report most
//!   figures, most sources report one or two.
//! - **Copiers** follow another source: when it reports a figure, the
//!   copier often reports it too, and then mostly repeats its value.
//! - **How figures are written**: rounded to one significant digit ("about
//!   3000") a share of the time, as a range around the value, as an open
//!   bound ("more than 80"), or as a vague word ("dozens") when one fits.
//!
//! ```
//! use reckon::io::synth::Synth;
//!
//! let world = Synth::new(7).sources(50).figures(100).world();
//! let first = world.figure(0);
//! assert_eq!(first.id(), "f0");
//! assert!(first.claims().len() >= 2);
//! assert_eq!(world.figure(0), first); // the same figure, every time
//! let mut csv = Vec::new();
//! let claims = world.write_csv(&mut csv)?;
//! assert!(String::from_utf8(csv).unwrap().starts_with("figure,source,value\nf0,"));
//! assert!(claims >= 200);
//! # Ok::<(), reckon::Error>(())
//! ```

use std::io::Write;

use crate::model::Side;
use crate::{Claim, Decimal, Dossier, Error, Figure, Measure, Scope, Source, SourceKind};

/// The knobs of a synthetic world, with by-value setters.
#[derive(Clone, Debug, PartialEq)]
pub struct Synth {
    seed: u64,
    sources: usize,
    figures: u64,
    min_claims: usize,
    max_claims: usize,
    zipf: f64,
    copier_share: f64,
    follow_prob: f64,
    copy_prob: f64,
    round_share: f64,
    range_share: f64,
    open_share: f64,
    vague_share: f64,
    biased_share: f64,
    partisan_share: f64,
}

impl Synth {
    /// A world drawn from `seed`: 10,000 sources, 100,000 figures of 2 to 6
    /// claims, Zipf participation 1.1, 5 % copiers (following 50 % of the
    /// time, repeating the value 80 % of the time), 30 % of values rounded,
    /// 5 % ranges, 3 % open bounds, 2 % vague words, no biased and no
    /// partisan sources. The defaults are those of the peers' generator.
    pub fn new(seed: u64) -> Self {
        Synth {
            seed,
            sources: 10_000,
            figures: 100_000,
            min_claims: 2,
            max_claims: 6,
            zipf: 1.1,
            copier_share: 0.05,
            follow_prob: 0.5,
            copy_prob: 0.8,
            round_share: 0.3,
            range_share: 0.05,
            open_share: 0.03,
            vague_share: 0.02,
            biased_share: 0.0,
            partisan_share: 0.0,
        }
    }

    /// The number of sources (at least 1).
    #[must_use]
    pub fn sources(mut self, n: usize) -> Self {
        self.sources = n.max(1);
        self
    }

    /// The number of figures.
    #[must_use]
    pub fn figures(mut self, n: u64) -> Self {
        self.figures = n;
        self
    }

    /// How many independent claims a figure gets, drawn uniformly in
    /// `min..=max` (copiers may add more).
    #[must_use]
    pub fn claims_per_figure(mut self, min: usize, max: usize) -> Self {
        self.min_claims = min.max(1);
        self.max_claims = max.max(self.min_claims);
        self
    }

    /// The Zipf exponent of participation: the source of rank `r` reports
    /// with weight `r^-zipf` (0 is uniform).
    #[must_use]
    pub fn zipf(mut self, exponent: f64) -> Self {
        self.zipf = exponent.max(0.0);
        self
    }

    /// The share of sources that copy another, how often a copier follows
    /// its original to a figure, and how often it then repeats its value.
    #[must_use]
    pub fn copiers(mut self, share: f64, follow: f64, repeat: f64) -> Self {
        self.copier_share = unit(share);
        self.follow_prob = unit(follow);
        self.copy_prob = unit(repeat);
        self
    }

    /// The shares of claims written rounded to one significant digit, as a
    /// range, as an open bound, and as a vague word.
    #[must_use]
    pub fn forms(mut self, rounded: f64, range: f64, open: f64, vague: f64) -> Self {
        self.round_share = unit(rounded);
        self.range_share = unit(range);
        self.open_share = unit(open);
        self.vague_share = unit(vague);
        self
    }

    /// The share of sources with a systematic bias (reporting 1.5 to 3
    /// times high, or as far low).
    #[must_use]
    pub fn biased(mut self, share: f64) -> Self {
        self.biased_share = unit(share);
        self
    }

    /// The share of sources that take a side ("north" or "south"); a
    /// partisan source reports its own side's losses low and the enemy's
    /// high. Figures count the losses of one side each.
    #[must_use]
    pub fn partisan(mut self, share: f64) -> Self {
        self.partisan_share = unit(share);
        self
    }

    /// Draws the world's sources.
    pub fn world(self) -> World {
        let mut rng = Rng::new(self.seed, u64::MAX);
        let mut sources = Vec::with_capacity(self.sources);
        for i in 0..self.sources {
            let tier = rng.below_weighted(&[0.3, 0.5, 0.2]);
            let sigma = [0.05, 0.2, 0.6][tier] * (0.7 + 0.6 * rng.unit());
            let slips = [0.01, 0.03, 0.10][tier];
            let bias = if rng.unit() < self.biased_share {
                let factor = 1.5 + 1.5 * rng.unit();
                if rng.unit() < 0.5 {
                    factor
                } else {
                    1.0 / factor
                }
            } else {
                1.0
            };
            let side = (rng.unit() < self.partisan_share).then(|| rng.below(2) as u8);
            sources.push(WorldSource {
                id: format!("s{i}"),
                sigma,
                slips,
                bias,
                side,
                copies: None,
            });
        }
        // Copiers, each of an original that copies no one.
        let copiers = (self.copier_share * self.sources as f64) as usize;
        let mut copier_of = vec![None; self.sources];
        for _ in 0..copiers.min(self.sources / 2) {
            let c = rng.below(self.sources as u64) as usize;
            let o = rng.below(self.sources as u64) as usize;
            if c != o
                && sources[c].copies.is_none()
                && sources[o].copies.is_none()
                && copier_of[o].is_none()
                && copier_of[c].is_none()
            {
                sources[c].copies = Some(o);
                copier_of[o] = Some(c);
            }
        }
        // Long-tail participation: Zipf weights in a random order.
        let mut weights: Vec<f64> = (1..=self.sources)
            .map(|r| (r as f64).powf(-self.zipf))
            .collect();
        for i in (1..weights.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            weights.swap(i, j);
        }
        let total: f64 = weights.iter().sum();
        let mut acc = 0.0;
        let cumulative = weights
            .iter()
            .map(|w| {
                acc += w / total;
                acc
            })
            .collect();
        World {
            synth: self,
            sources,
            copier_of,
            cumulative,
        }
    }
}

fn unit(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

/// One source of a synthetic world, with what makes it good or bad.
#[derive(Clone, Debug, PartialEq)]
pub struct WorldSource {
    id: String,
    sigma: f64,
    slips: f64,
    bias: f64,
    side: Option<u8>,
    copies: Option<usize>,
}

impl WorldSource {
    /// Its id: `s0`, `s1` …
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The spread of its multiplicative error (σ of a log-normal).
    pub fn sigma(&self) -> f64 {
        self.sigma
    }

    /// How often it slips by an order of magnitude.
    pub fn slip_rate(&self) -> f64 {
        self.slips
    }

    /// The factor it reports high (above 1) or low (below 1) by.
    pub fn bias(&self) -> f64 {
        self.bias
    }

    /// Its side, `north` or `south`, when it is partisan.
    pub fn side(&self) -> Option<&'static str> {
        self.side.map(side_name)
    }

    /// The position of the source it copies, if it is a copier.
    pub fn copies(&self) -> Option<usize> {
        self.copies
    }
}

fn side_name(side: u8) -> &'static str {
    if side == 0 { "north" } else { "south" }
}

/// The sources of a synthetic world; its figures are drawn on demand.
#[derive(Clone, Debug)]
pub struct World {
    synth: Synth,
    sources: Vec<WorldSource>,
    copier_of: Vec<Option<usize>>,
    cumulative: Vec<f64>,
}

/// One figure of a synthetic world: its truth and its claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorldFigure {
    id: String,
    truth: Decimal,
    side: Option<&'static str>,
    claims: Vec<(usize, String)>,
}

impl WorldFigure {
    /// Its id: `f0`, `f1` …
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The true value.
    pub fn truth(&self) -> Decimal {
        self.truth
    }

    /// The side whose losses it counts, in a world with partisan sources.
    pub fn side(&self) -> Option<&'static str> {
        self.side
    }

    /// Its claims: the position of the source, and the value as written
    /// (`120`, `50–170`, `>80`, `dozens`).
    pub fn claims(&self) -> &[(usize, String)] {
        &self.claims
    }
}

impl World {
    /// The knobs the world was drawn with.
    pub fn synth(&self) -> &Synth {
        &self.synth
    }

    /// Its sources.
    pub fn sources(&self) -> &[WorldSource] {
        &self.sources
    }

    /// How many figures it has.
    pub fn len(&self) -> u64 {
        self.synth.figures
    }

    /// Whether it has no figures.
    pub fn is_empty(&self) -> bool {
        self.synth.figures == 0
    }

    /// Its figures, in order.
    pub fn figures(&self) -> impl Iterator<Item = WorldFigure> + '_ {
        (0..self.synth.figures).map(|i| self.figure(i))
    }

    /// Figure `i`, drawn from the seed and `i` alone.
    pub fn figure(&self, i: u64) -> WorldFigure {
        let s = &self.synth;
        let mut rng = Rng::new(s.seed, i);
        let truth = (30.0 * (1.3 * rng.normal()).exp()).round().max(1.0);
        let side = (s.partisan_share > 0.0).then(|| side_name(rng.below(2) as u8));
        let span = (s.max_claims - s.min_claims + 1) as u64;
        let k = (s.min_claims + rng.below(span) as usize).min(self.sources.len());
        // k distinct sources by weight, then the copiers that follow them.
        let mut chosen: Vec<usize> = Vec::with_capacity(k + 2);
        let mut tries = 0;
        while chosen.len() < k && tries < 20 * k {
            tries += 1;
            let u = rng.unit();
            let at = self.cumulative.partition_point(|&c| c < u);
            let src = at.min(self.sources.len() - 1);
            if !chosen.contains(&src) {
                chosen.push(src);
            }
        }
        let independent = chosen.len();
        for j in 0..independent {
            if let Some(c) = self.copier_of[chosen[j]] {
                if !chosen.contains(&c) && rng.unit() < s.follow_prob {
                    chosen.push(c);
                }
            }
        }
        // Each source's own value; then a copier whose original reports
        // the figure too mostly repeats the original's.
        let mut claims: Vec<String> = chosen
            .iter()
            .map(|&src| {
                let v = self.draw_value(&mut rng, &self.sources[src], truth, side);
                self.write_value(&mut rng, v)
            })
            .collect();
        for j in 0..chosen.len() {
            let original = self.sources[chosen[j]]
                .copies
                .and_then(|o| chosen.iter().position(|&x| x == o));
            if let Some(o) = original {
                if rng.unit() < s.copy_prob {
                    claims[j] = claims[o].clone();
                }
            }
        }
        WorldFigure {
            id: format!("f{i}"),
            truth: Decimal::from(truth as i64),
            side,
            claims: chosen.into_iter().zip(claims).collect(),
        }
    }

    fn draw_value(
        &self,
        rng: &mut Rng,
        source: &WorldSource,
        truth: f64,
        side: Option<&str>,
    ) -> f64 {
        let mut v = truth * (source.sigma * rng.normal()).exp() * source.bias;
        if let (Some(own), Some(counted)) = (source.side(), side) {
            // Own losses low, the enemy's high.
            v *= if own == counted { 0.6 } else { 1.7 };
        }
        if rng.unit() < source.slips {
            v *= [0.1, 10.0, 3.0, 0.33][rng.below(4) as usize];
        }
        v.max(0.0)
    }

    /// How a value is written: rounded, as a range, an open bound, a vague
    /// word, or as it is.
    fn write_value(&self, rng: &mut Rng, v: f64) -> String {
        let s = &self.synth;
        let mut n = v.round();
        if rng.unit() < s.round_share && n >= 10.0 {
            let magnitude = 10f64.powf(n.log10().floor());
            n = (n / magnitude).round() * magnitude;
        }
        let n = n.min(1e15);
        let u = rng.unit();
        if u < s.range_share {
            let w = 0.1 + 0.4 * rng.unit();
            let low = (n * (1.0 - w)).floor();
            let high = (n * (1.0 + w)).ceil();
            format!("{low}–{high}")
        } else if u < s.range_share + s.open_share {
            let low = (n * (0.6 + 0.3 * rng.unit())).floor();
            if rng.unit() < 0.5 {
                format!(">{low}")
            } else {
                format!("{low}+")
            }
        } else if u < s.range_share + s.open_share + s.vague_share {
            match n {
                n if (24.0..120.0).contains(&n) => "dozens".to_owned(),
                n if (200.0..1000.0).contains(&n) => "hundreds".to_owned(),
                n if (2000.0..10000.0).contains(&n) => "thousands".to_owned(),
                n if (3.0..10.0).contains(&n) => "several".to_owned(),
                n => format!("{n}"),
            }
        } else {
            format!("{n}")
        }
    }

    /// Writes the world's claims as a claims table (`figure,source,value`,
    /// grouped by figure), and returns how many claims it wrote.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when `out` fails.
    pub fn write_csv(&self, mut out: impl Write) -> Result<u64, Error> {
        let io = |e| Error::write("the synthetic claims", e);
        out.write_all(b"figure,source,value\n").map_err(io)?;
        let mut n = 0;
        for f in self.figures() {
            for (src, value) in f.claims() {
                writeln!(out, "{},{},{value}", f.id, self.sources[*src].id).map_err(io)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Writes the truth as a table (`figure,truth`).
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when `out` fails.
    pub fn write_truth(&self, mut out: impl Write) -> Result<(), Error> {
        let io = |e| Error::write("the synthetic truth", e);
        out.write_all(b"figure,truth\n").map_err(io)?;
        for f in self.figures() {
            writeln!(out, "{},{}", f.id, f.truth).map_err(io)?;
        }
        Ok(())
    }

    /// The world as a dossier: every source (with its side), every figure
    /// (killed, counting a side when the world is partisan) and claim.
    ///
    /// # Errors
    /// When a written value does not read (not expected).
    pub fn dossier(&self) -> Result<Dossier, Error> {
        let mut d = Dossier::new();
        for s in &self.sources {
            let mut source = Source::new(s.id.as_str(), &s.id, SourceKind::Media);
            if let Some(side) = s.side() {
                source = source.with_side(Side::new(side));
            }
            d.add_source(source);
        }
        for f in self.figures() {
            let mut scope = Scope::new(Measure::Killed);
            if let Some(side) = f.side {
                scope = scope.with_party(side, Some(Side::new(side)));
            }
            d.add_figure(Figure::new(f.id.as_str(), &f.id, scope));
            for (k, (src, value)) in f.claims.iter().enumerate() {
                let id = format!("{}-{k}", f.id);
                let value = crate::text::phrase(value, crate::Lexicon::shared())?;
                d.add_claim(Claim::new(
                    id,
                    f.id.as_str(),
                    self.sources[*src].id.as_str(),
                    value,
                ));
            }
        }
        Ok(d)
    }
}

/// SplitMix64: a small, fast generator, seeded per stream so that figure
/// `i` is drawn from `(seed, i)` alone.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n` at least 1).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// An index drawn with the given weights (summing to 1).
    fn below_weighted(&mut self, weights: &[f64]) -> usize {
        let u = self.unit();
        let mut acc = 0.0;
        for (i, w) in weights.iter().enumerate() {
            acc += w;
            if u < acc {
                return i;
            }
        }
        weights.len().saturating_sub(1)
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(f64::MIN_POSITIVE);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_world_is_the_same_for_the_same_seed() {
        let a = Synth::new(1).sources(100).figures(50).world();
        let b = Synth::new(1).sources(100).figures(50).world();
        assert_eq!(a.sources(), b.sources());
        assert!(a.figures().eq(b.figures()));
        let c = Synth::new(2).sources(100).figures(50).world();
        assert!(!a.figures().eq(c.figures()));
    }

    #[test]
    fn figures_have_the_claims_asked_for_from_distinct_sources() {
        let w = Synth::new(3)
            .sources(1000)
            .figures(2000)
            .copiers(0.0, 0.0, 0.0)
            .world();
        for f in w.figures() {
            let n = f.claims().len();
            assert!((2..=6).contains(&n), "{n}");
            let mut s: Vec<usize> = f.claims().iter().map(|c| c.0).collect();
            s.sort_unstable();
            s.dedup();
            assert_eq!(s.len(), n);
        }
    }

    #[test]
    fn every_written_value_reads_and_the_world_loads() {
        let w = Synth::new(4)
            .sources(200)
            .figures(500)
            .forms(0.3, 0.2, 0.2, 0.2)
            .partisan(0.3)
            .biased(0.2)
            .world();
        let d = w.dossier().unwrap();
        d.validate().unwrap();
        let claims: usize = w.figures().map(|f| f.claims().len()).sum();
        assert_eq!(d.claims().len(), claims);
        let mut csv = Vec::new();
        let n = w.write_csv(&mut csv).unwrap();
        assert_eq!(n as usize, claims);
        let loaded = Dossier::from_csv_reader(csv.as_slice(), "synth.csv").unwrap();
        assert_eq!(loaded.claims().len(), claims);
    }

    #[test]
    fn copiers_repeat_their_originals() {
        let w = Synth::new(5)
            .sources(100)
            .figures(3000)
            .zipf(0.0)
            .copiers(0.2, 1.0, 1.0)
            .world();
        let mut repeated = 0;
        for f in w.figures() {
            for (src, value) in f.claims() {
                if let Some(o) = w.sources()[*src].copies() {
                    if let Some((_, v)) = f.claims().iter().find(|c| c.0 == o) {
                        assert_eq!(v, value);
                        repeated += 1;
                    }
                }
            }
        }
        assert!(repeated > 100, "{repeated}");
    }

    #[test]
    fn the_default_world_has_the_peers_size() {
        // 10,000 sources and 100,000 figures: about 400,000 claims.
        let w = Synth::new(42).figures(2000).world();
        let claims: usize = w.figures().map(|f| f.claims().len()).sum();
        assert!((7_500..8_700).contains(&claims), "{claims}");
    }
}
