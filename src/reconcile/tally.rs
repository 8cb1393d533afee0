//! The mergeable per-figure state: every piece of evidence fed so far.

use super::evidence::Evidence;

/// Whether claims that a later claim revises still count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Superseded {
    /// A superseded claim is kept in the history and shown, but not counted
    /// (the default): "18, updated to 19 by 12 August" is a revision, not a
    /// contradiction.
    #[default]
    Skip,
    /// Superseded claims count like any other.
    Count,
}

/// The reconciliation state of one figure: every piece of [`Evidence`] fed
/// to it so far.
///
/// A tally can be fed claim by claim ([`Extend`], [`FromIterator`]) and two
/// tallies of the same figure can be [merged](Tally::merge), so a collection
/// can be split across threads or machines and the partial tallies combined
/// in any grouping: [`Reconciler::finish`](crate::Reconciler::finish)
/// gives the same finding whatever the order the evidence arrived in, and
/// however the tallies were merged. The same piece of evidence fed twice
/// counts once.
///
/// Memory is one [`Evidence`] per claim; finishing sorts it, so a figure
/// with `k` claims reconciles in `O(k log k)`.
///
/// ```
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let mut a: Tally = [Evidence::new("c1", "article", &"50–170".parse()?)].into_iter().collect();
/// let mut b = Tally::default();
/// b.extend([Evidence::new("c2", "others", &"200".parse()?)]);
/// a.merge(b);
/// assert_eq!(a.len(), 2);
///
/// let finding = Reconciler::new().finish("jobeh-rebels".into(), a)?;
/// assert_eq!(finding.conflicts()[0].kind().as_str(), "disjoint");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub(crate) items: Vec<Evidence>,
}

impl Tally {
    /// An empty tally.
    pub fn new() -> Self {
        Tally::default()
    }

    /// Adds everything in `other` to this tally.
    pub fn merge(&mut self, mut other: Tally) -> &mut Self {
        if self.items.len() < other.items.len() {
            std::mem::swap(&mut self.items, &mut other.items);
        }
        self.items.append(&mut other.items);
        self
    }

    /// Adds one piece of evidence.
    pub fn push(&mut self, evidence: Evidence) -> &mut Self {
        self.items.push(evidence);
        self
    }

    /// The number of pieces of evidence fed so far (duplicates included).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing was fed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The evidence fed so far, in no particular order.
    pub fn evidence(&self) -> &[Evidence] {
        &self.items
    }
}

impl Extend<Evidence> for Tally {
    fn extend<I: IntoIterator<Item = Evidence>>(&mut self, iter: I) {
        self.items.extend(iter);
    }
}

impl FromIterator<Evidence> for Tally {
    fn from_iter<I: IntoIterator<Item = Evidence>>(iter: I) -> Self {
        Tally {
            items: iter.into_iter().collect(),
        }
    }
}

/// With the `rayon` feature, a tally is collected from, and extended by, a
/// parallel iterator: each thread gathers its share and the shares are
/// merged, which gives the same finding as feeding the evidence one by one.
#[cfg(feature = "rayon")]
impl rayon::iter::FromParallelIterator<Evidence> for Tally {
    fn from_par_iter<I>(iter: I) -> Self
    where
        I: rayon::iter::IntoParallelIterator<Item = Evidence>,
    {
        let mut t = Tally::default();
        rayon::iter::ParallelExtend::par_extend(&mut t, iter);
        t
    }
}

#[cfg(feature = "rayon")]
impl rayon::iter::ParallelExtend<Evidence> for Tally {
    fn par_extend<I>(&mut self, iter: I)
    where
        I: rayon::iter::IntoParallelIterator<Item = Evidence>,
    {
        self.items.par_extend(iter);
    }
}
