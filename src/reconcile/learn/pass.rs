//! One pass of the learner over the figures: each figure's estimate, and
//! each source's loss against the estimates the other sources give.
//!
//! A figure whose decisions cannot have changed since it was last decided
//! is not decided again. Its decisions are arg-maxes of sums of
//! `weight × kernel` with fixed kernels; if no weight of its claims has
//! moved by a factor of more than `R` since, no total has, and a winner
//! that led every other value by a factor of more than `R²` still leads.
//! Such a figure's estimate and its claims' losses are the ones kept, so
//! the pass gives exactly what deciding it again would.

use super::scale::{distance, kernel, most_supported, spreads};
use super::{Fit, Kept, Losses, Memo};

impl Fit {
    /// The kernels of figure `fi`, `k × k` by candidate then claim: the
    /// kept ones, or, for a figure too large to keep them, computed into
    /// `scratch`.
    fn kernels_of<'a>(&'a self, fi: usize, scratch: &'a mut Vec<f64>) -> &'a [f64] {
        let claims = &self.obs[self.figure(fi)];
        let k = claims.len();
        match self
            .kernels
            .get(self.kernel_starts[fi]..self.kernel_starts[fi + 1])
        {
            Some(kept) if kept.len() == k * k => kept,
            _ => {
                let h = self.spreads[fi];
                scratch.clear();
                for a in claims {
                    scratch.extend(claims.iter().map(|b| kernel(a.pt, b.lo, b.hi, h)));
                }
                scratch
            }
        }
    }

    /// One pass over the figures under the current weights, computing
    /// each figure's supports once for both steps:
    ///
    /// 1. each figure's estimate, as an index into `obs`: the claim value
    ///    the weighted claims support most, ties to the lower value (as
    ///    [`decide`](super::scale::decide));
    /// 2. each source's loss, compared claims and agreements. A claim is
    ///    compared with the estimate the *other* sources' claims give
    ///    (leave one out): on a figure with two claims, the one chosen
    ///    would otherwise always agree with itself, and the heavier source
    ///    would lock its weight in.
    ///
    /// Which estimate a claim is compared with depends only on its source,
    /// so it is found once per source of the figure, from the support the
    /// candidates get from the other sources. A source's claims on a figure
    /// are together (claims are by figure, then source), so when no sources
    /// copy each other its own support is one stretch of each row.
    ///
    /// The estimates of one pass and the weights its losses give are the
    /// next pass's input: the two steps once took a pass each, and the
    /// second computed again the supports the first had. One pass each:
    /// `cargo bench --bench learn -- 1000000` took 3.21 and 3.14 s
    /// before, 2.72 and 2.65 s after (31 iterations, two alternating rounds).
    pub(super) fn step(&mut self) -> (Vec<usize>, Losses) {
        let mut kept = std::mem::take(&mut self.kept);
        let out = self.step_with(&mut kept);
        self.kept = kept;
        out
    }

    fn step_with(&self, kept: &mut Kept) -> (Vec<usize>, Losses) {
        let mut est = Vec::with_capacity(self.figures.len());
        let mut losses = Losses {
            loss: vec![0.0; self.sources.len()],
            n: vec![0.0; self.sources.len()],
            agreed: vec![0.0; self.sources.len()],
        };
        let log_weights: Vec<f64> = self.weights.iter().map(|w| w.ln()).collect();
        let mut scratch: Vec<f64> = Vec::new();
        let mut w: Vec<f64> = Vec::new();
        let mut totals: Vec<f64> = Vec::new();
        let mut left_out: Vec<(usize, f64, f64)> = Vec::new();
        for fi in 0..self.figures.len() {
            let r = self.figure(fi);
            let claims = &self.obs[r.clone()];
            let slack = kept.slack[fi];
            let memo = &kept.memo[r.clone()];
            let still = !kept.decide_every_figure
                && slack > 0.0
                && claims
                    .iter()
                    .zip(memo)
                    .all(|(o, m)| (log_weights[o.src] - m.at).abs() < slack);
            if still {
                est.push(kept.est[fi]);
                if self.contested[fi] {
                    for (o, last) in claims.iter().zip(memo) {
                        last.add_to(o.src, &mut losses);
                    }
                }
                continue;
            }
            #[cfg(test)]
            {
                kept.decided += 1;
            }
            let k = claims.len().max(1);
            // kern[i * k + j]: what claim j gives candidate i per unit of
            // its weight w[j]. Each claim is weighed once per pass, and the
            // products are taken as they are summed, not stored first.
            let kern = self.kernels_of(fi, &mut scratch);
            w.clear();
            w.extend(
                claims
                    .iter()
                    .zip(&self.copy_share[r.clone()])
                    .map(|(b, share)| self.weights[b.src] * b.factor * share),
            );
            totals.clear();
            totals.extend(
                kern.chunks_exact(k)
                    .map(|row| row.iter().zip(&w).map(|(kk, ww)| ww * kk).sum::<f64>()),
            );
            let error = rounding(k, &totals);
            let best = most_supported(
                claims
                    .iter()
                    .zip(&totals)
                    .enumerate()
                    .map(|(i, (c, &total))| (i, c.pt, total)),
            )
            .unwrap_or(0);
            let mut lead = lead(
                (claims[best].pt, totals[best]),
                claims.iter().map(|c| c.pt).zip(totals.iter().copied()),
                error,
            );
            if self.contested[fi] {
                let least = self.compare(
                    fi,
                    kern,
                    &w,
                    &totals,
                    error,
                    &mut kept.memo,
                    &mut left_out,
                    &mut losses,
                );
                lead = lead.min(least);
            }
            kept.slack[fi] = lead.ln() / 2.0 - 1e-9;
            for (o, last) in claims.iter().zip(&mut kept.memo[r.clone()]) {
                last.at = log_weights[o.src];
            }
            kept.est[fi] = r.start + best;
            est.push(r.start + best);
        }
        (est, losses)
    }

    /// Step 2 for figure `fi`, from its kernels, its claims' weights and
    /// the candidates' total supports: each claim's loss against the
    /// estimate the other sources give, added to its source's. `memo`
    /// holds, by claim, the candidate it was last compared with and the
    /// loss that gave; `left_out` is room for the candidates' supports
    /// without a source. Returns the least [`lead`] of the sources'
    /// choices.
    #[allow(clippy::too_many_arguments)]
    fn compare(
        &self,
        fi: usize,
        kern: &[f64],
        w: &[f64],
        totals: &[f64],
        error: f64,
        memo: &mut [Memo],
        left_out: &mut Vec<(usize, f64, f64)>,
        out: &mut Losses,
    ) -> f64 {
        let r = self.figure(fi);
        let memo = &mut memo[r.clone()];
        let claims = &self.obs[r];
        let h = self.spreads[fi];
        let k = claims.len();
        // The candidate of most support and the most any other has: a
        // source whose own support leaves the first still above every
        // other's total compares its claims with the first, as the full
        // search would (support is never negative, so leaving a source
        // out lowers no total by less than nothing). With this, `cargo
        // bench --bench learn -- 1000000` went from 2.30 and 2.39 s to 2.12
        // and 2.16 s (two alternating rounds), the same estimates.
        let (top, rest) = totals.iter().enumerate().fold(
            (None::<(usize, f64)>, f64::NEG_INFINITY),
            |(top, rest), (i, &t)| match top {
                Some((_, tt)) if t <= tt => (top, rest.max(t)),
                Some((_, tt)) => (Some((i, t)), rest.max(tt)),
                None => (Some((i, t)), rest),
            },
        );
        let mut least = f64::INFINITY;
        let mut start = 0;
        while let Some(first) = claims.get(start) {
            let src = first.src;
            let end = start + claims[start..].iter().take_while(|c| c.src == src).count();
            // What the source's own claims give candidate `i`.
            let own = |i: usize| -> f64 {
                let row = kern.get(i * k..(i + 1) * k).unwrap_or(&[]);
                if self.copying.is_empty() {
                    let (row, w) = (row.get(start..end), w.get(start..end));
                    let (row, w) = (row.unwrap_or(&[]), w.unwrap_or(&[]));
                    row.iter().zip(w).map(|(kk, ww)| ww * kk).sum()
                } else {
                    claims
                        .iter()
                        .zip(row.iter().zip(w))
                        .filter(|(b, _)| self.related(b.src, src))
                        .map(|(_, (kk, ww))| ww * kk)
                        .sum()
                }
            };
            // Without copying, the candidates of the source's own claims
            // are its stretch, and no set is looked up.
            let apart = |i: usize| {
                if self.copying.is_empty() {
                    !(start..end).contains(&i)
                } else {
                    !self.related(claims[i].src, src)
                }
            };
            let clear = top.and_then(|(i, total)| {
                let left = total - own(i);
                // Every other candidate has at most `rest`.
                (apart(i) && left > rest).then(|| (i, (left - 2.0 * error) / (rest + 4.0 * error)))
            });
            let chosen = clear.or_else(|| {
                // Each candidate's support without the source, once.
                left_out.clear();
                left_out.extend(
                    (0..k)
                        .filter(|&i| apart(i))
                        .map(|i| (i, claims[i].pt, totals[i] - own(i))),
                );
                let i = most_supported(left_out.iter().copied())?;
                let (_, pt, total) = left_out.iter().find(|c| c.0 == i)?;
                let others = left_out.iter().map(|&(_, pt, total)| (pt, total));
                Some((i, lead((*pt, *total), others, error)))
            });
            let Some((i, margin)) = chosen else {
                for last in &mut memo[start..end] {
                    last.candidate = usize::MAX;
                }
                start = end;
                continue;
            };
            least = least.min(margin);
            for (o, last) in claims[start..end].iter().zip(&mut memo[start..end]) {
                if last.candidate != i {
                    let d = distance(claims[i].pt, o.lo, o.hi);
                    let u = spreads(d, h.wide);
                    // Transcribed data: any difference is an error.
                    let l = if self.exact { spreads(d, h.near) } else { u };
                    last.candidate = i;
                    last.loss = if l > 0.0 { (l * l).ln_1p() } else { 0.0 };
                    last.agreed = u <= 1.0;
                }
                last.add_to(o.src, out);
            }
            start = end;
        }
        least
    }
}

/// A bound on the rounding error of any of `totals`, sums of `k` products
/// of positive numbers, and of a total less part of its terms.
fn rounding(k: usize, totals: &[f64]) -> f64 {
    let most = totals.iter().copied().fold(0.0, f64::max);
    16.0 * (k as f64 + 1.0) * f64::EPSILON * most
}

/// By how much the winner, of value and total `best`, leads: the factor
/// by which its total, less rounding `error`, exceeds the most any other
/// value of `cands` (value, total) has, plus twice the error; infinite
/// when no other value is a candidate. Scaling every weight by a factor
/// within `1/R..R` leaves the winner the winner, exactly as the same sums
/// in floating point would find, as long as `R²` is below the lead.
/// Candidates of the same value have the same total (the same kernels), so
/// they never compete.
fn lead(best: (f64, f64), cands: impl Iterator<Item = (f64, f64)>, error: f64) -> f64 {
    let (value, total) = best;
    let second = cands
        .filter(|&(v, _)| v != value)
        .map(|(_, t)| t)
        .fold(f64::NEG_INFINITY, f64::max);
    if second == f64::NEG_INFINITY {
        f64::INFINITY
    } else {
        (total - 2.0 * error) / (second + 4.0 * error)
    }
}
