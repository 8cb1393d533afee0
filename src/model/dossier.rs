//! The collection of sources, figures, claims and relations, and its validation.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::error::{Problems, Record};
use crate::model::{ClaimId, FigureId, Form, SourceId, Stake, VagueTerm};
use crate::{Claim, Error, Figure, Relation, Source};

/// The ids of records an input gave that did not read (a source whose kind
/// is not one): [`Dossier::check`] does not report the records that name
/// them as naming nothing, as that would be the same problem again.
#[derive(Debug, Default)]
pub(crate) struct Unread {
    pub(crate) sources: HashSet<SourceId>,
    pub(crate) figures: HashSet<FigureId>,
    pub(crate) claims: HashSet<ClaimId>,
}

/// A vague term as one claim uses it.
pub(crate) type TermUse<'a> = (&'a ClaimId, &'a Arc<VagueTerm>);

/// Every source, figure, claim and relation about one subject.
///
/// A dossier keeps everything that was said; nothing in it is overwritten.
/// Records are added freely and checked together by [`Dossier::validate`],
/// which reports every problem at once.
///
/// ```
/// use reckon::{Claim, Dossier, Figure, Measure, Relation, Scope, Source, SourceKind};
/// use reckon::model::Side;
///
/// let gov = Side::new("government");
/// let mut d = Dossier::new();
/// d.add_source(Source::new("article", "Wikipedia article", SourceKind::Encyclopedia));
/// d.add_source(
///     Source::new("hezbollah", "Hezbollah sources", SourceKind::Belligerent).with_side(gov.clone()),
/// );
/// d.add_figure(Figure::new(
///     "jobeh-gov",
///     "government fighters killed at al-Jobeh",
///     Scope::new(Measure::Killed).with_party("government fighters", Some(gov.clone())),
/// ));
/// d.add_figure(Figure::new(
///     "jobeh-hezbollah",
///     "Hezbollah members killed at al-Jobeh",
///     Scope::new(Measure::Killed).with_party("Hezbollah", Some(gov)),
/// ));
/// d.add_claim(Claim::new("c1", "jobeh-gov", "article", "7–11".parse()?));
/// d.add_claim(Claim::new("c2", "jobeh-hezbollah", "article", "2".parse()?));
/// d.relate(Relation::part_of("jobeh-hezbollah", "jobeh-gov"));
/// d.validate()?;
/// assert_eq!(d.claims_of(&"jobeh-gov".into()).count(), 1);
///
/// d.add_claim(Claim::new("c3", "jobeh-rebels", "nobody", "200".parse()?));
/// let err = d.validate().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "2 problems:\n  - claim `c3`: figure `jobeh-rebels` is not in the dossier\n  - claim `c3`: source `nobody` is not in the dossier"
/// );
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Dossier {
    sources: Vec<Source>,
    figures: Vec<Figure>,
    claims: Vec<Claim>,
    relations: Vec<Relation>,
    source_index: foldhash::HashMap<SourceId, usize>,
    figure_index: foldhash::HashMap<FigureId, usize>,
    claim_index: foldhash::HashMap<ClaimId, usize>,
    /// The claims about each figure, by the position of the first figure
    /// with that id (empty for later duplicates).
    figure_claims: Vec<Vec<usize>>,
    /// For each figure, the position of the first figure with its id.
    figure_first: Vec<usize>,
    /// Claims about figures not (yet) in the dossier, by figure id.
    pending: foldhash::HashMap<FigureId, Vec<usize>>,
}

impl Dossier {
    /// An empty dossier.
    pub fn new() -> Self {
        Dossier::default()
    }

    /// Adds a source. A duplicate id is kept and reported by [`validate`](Dossier::validate);
    /// look-ups find the first.
    pub fn add_source(&mut self, source: Source) -> &mut Self {
        self.source_index
            .entry(source.id().clone())
            .or_insert(self.sources.len());
        self.sources.push(source);
        self
    }

    /// Adds a figure (duplicates as for sources).
    pub fn add_figure(&mut self, figure: Figure) -> &mut Self {
        let at = self.figures.len();
        let first = *self.figure_index.entry(figure.id().clone()).or_insert(at);
        let claims = if first == at {
            self.pending.remove(figure.id()).unwrap_or_default()
        } else {
            Vec::new()
        };
        self.figure_claims.push(claims);
        self.figure_first.push(first);
        self.figures.push(figure);
        self
    }

    /// Adds a claim (duplicates as for sources).
    pub fn add_claim(&mut self, claim: Claim) -> &mut Self {
        let i = self.claims.len();
        self.claim_index.entry(claim.id().clone()).or_insert(i);
        match self.figure_index.get(claim.figure()) {
            Some(&f) => self.figure_claims[f].push(i),
            None => self
                .pending
                .entry(claim.figure().clone())
                .or_default()
                .push(i),
        }
        self.claims.push(claim);
        self
    }

    /// Declares a relation between figures.
    pub fn relate(&mut self, relation: Relation) -> &mut Self {
        self.relations.push(relation);
        self
    }

    /// Adds everything in `other` to this dossier (a new source file, say).
    /// Nothing is replaced: clashing ids are reported by [`validate`](Dossier::validate).
    pub fn merge(&mut self, other: Dossier) -> &mut Self {
        for s in other.sources {
            self.add_source(s);
        }
        for f in other.figures {
            self.add_figure(f);
        }
        for c in other.claims {
            self.add_claim(c);
        }
        self.relations.extend(other.relations);
        self
    }

    /// Every source, in the order added.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Every figure, in the order added.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    /// Every claim, in the order added.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// Every relation, in the order declared.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The source with this id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// The figure with this id.
    pub fn figure(&self, id: &FigureId) -> Option<&Figure> {
        self.figure_index.get(id).map(|&i| &self.figures[i])
    }

    /// The position of the first figure with this id.
    pub(crate) fn figure_position(&self, id: &FigureId) -> Option<usize> {
        self.figure_index.get(id).copied()
    }

    /// The position of the first claim with this id.
    fn claim_position(&self, id: &ClaimId) -> Option<usize> {
        self.claim_index.get(id).copied()
    }

    /// The position of the first source with this id.
    fn source_position(&self, id: &str) -> Option<usize> {
        self.source_index.get(id).copied()
    }

    /// The claim with this id.
    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claim_index.get(id).map(|&i| &self.claims[i])
    }

    /// The claims about a figure, in the order added.
    pub fn claims_of<'a>(&'a self, figure: &FigureId) -> impl Iterator<Item = &'a Claim> + 'a {
        let of = match self.figure_index.get(figure) {
            Some(&f) => Some(&self.figure_claims[f]),
            None => self.pending.get(figure),
        };
        of.map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&i| &self.claims[i])
    }

    /// The claims about the figure at position `at` of [`figures`](Dossier::figures)
    /// (those of its id, as [`claims_of`](Dossier::claims_of) gives them),
    /// without a look-up by id.
    pub(crate) fn claims_at(&self, at: usize) -> impl Iterator<Item = &Claim> + '_ {
        self.figure_first
            .get(at)
            .and_then(|&f| self.figure_claims.get(f))
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&i| &self.claims[i])
    }

    /// The originator a source's claims come from: the end of its chain of
    /// `relays` and `part_of` links (itself when it has none). Independence
    /// is judged on originators (UCDP `source_original`).
    pub fn originator<'a>(&'a self, source: &'a SourceId) -> &'a SourceId {
        let mut current = source;
        // Bounded walk: a cycle (reported by validate) cannot loop forever.
        for _ in 0..=self.sources.len() {
            match self.source(current).and_then(Source::upstream) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    /// The speaker's stake in a claim: the claim's own setting if it has one;
    /// else, for a figure that counts losses ([`Measure::is_loss`](crate::Measure::is_loss)), `Own`
    /// when the source's side is the counted party's side and `Enemy` when
    /// both sides are known and differ; `Neutral` otherwise (a side's count
    /// of hills it seized is not an admission against interest).
    pub fn stake(&self, claim: &Claim) -> Stake {
        if let Some(s) = claim.stake_override() {
            return s;
        }
        let counted = self
            .figure(claim.figure())
            .and_then(|f| f.scope().losing_side());
        let speaker = self
            .source(claim.source())
            .and_then(|s| self.source(self.originator(s.id())).unwrap_or(s).side());
        Stake::between(speaker, counted)
    }

    /// The vague terms the claims use, one per name in the order first
    /// used, each with the claim that first used it; and every later use
    /// that reads a name another way, with that first use.
    pub(crate) fn vague_terms(&self) -> (Vec<TermUse<'_>>, Vec<(TermUse<'_>, TermUse<'_>)>) {
        let mut used: Vec<TermUse<'_>> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        let mut clashes = Vec::new();
        for c in &self.claims {
            let Form::Vague(term) = c.value().form() else {
                continue;
            };
            match at.get(term.name()) {
                None => {
                    at.insert(term.name(), used.len());
                    used.push((c.id(), term));
                }
                Some(&i) if used[i].1 != term => clashes.push(((c.id(), term), used[i])),
                Some(_) => {}
            }
        }
        (used, clashes)
    }

    /// Checks the whole dossier and reports **every** problem at once, each
    /// naming the record it is in: duplicate ids, references to missing
    /// sources, figures or claims, cycles in relations or in `relays` and
    /// `supersedes` links, a `part_of` naming no source or beside `relays`,
    /// a claim whose unit differs from its figure's, a revision of a claim
    /// about another figure, two claims reading one vague word two ways
    /// (a file holds one meaning per word), and related figures counted in
    /// different units.
    ///
    /// # Errors
    /// the error of the one problem, or [`ErrorKind::Many`](crate::error::ErrorKind::Many)
    /// listing every problem, each of its own kind (a duplicate id, a dangling
    /// reference, a cycle, a mismatch of units).
    pub fn validate(&self) -> Result<(), Error> {
        let mut problems = Problems::default();
        self.check(&Unread::default(), &mut |e| problems.push(e));
        problems.into_result("problems")
    }

    /// Checks the whole dossier as [`Dossier::validate`] does, reporting
    /// every problem, each about its record, to `problems`, with no limit:
    /// a reader that places them in its input orders and limits them. A
    /// reference to an id in `unread` is not reported as naming nothing.
    pub(crate) fn check(&self, unread: &Unread, problems: &mut dyn FnMut(Error)) {
        let mut problems = Report(problems);
        duplicates(
            self.sources.iter().map(Source::id),
            "source",
            Record::Source,
            &mut problems,
        );
        duplicates(
            self.figures.iter().map(Figure::id),
            "figure",
            Record::Figure,
            &mut problems,
        );
        duplicates(
            self.claims.iter().map(Claim::id),
            "claim",
            Record::Claim,
            &mut problems,
        );

        for (i, s) in self.sources.iter().enumerate() {
            let links = [
                (s.relays(), "relays", "relays"),
                (s.part_of(), "is part of", "part_of"),
            ];
            for (o, verb, field) in links {
                let dangling =
                    |o: &&SourceId| self.source(o).is_none() && !unread.sources.contains(*o);
                if let Some(o) = o.filter(dangling) {
                    problems.push(
                        Error::dangling(
                            format!("source `{}`", s.id()),
                            format!("it {verb} source `{o}`, which is not in the dossier"),
                        )
                        .about(Record::Source(i))
                        .in_field(field),
                    );
                }
            }
            if s.relays().is_some() && s.part_of().is_some() {
                problems.push(
                    Error::invalid(
                        format!("source `{}`", s.id()),
                        "it both relays a source and is part of one: give one of the two",
                    )
                    .about(Record::Source(i))
                    .in_field("part_of"),
                );
            }
        }
        let relay_edges = self
            .sources
            .iter()
            .filter_map(|s| s.upstream().map(|o| (s.id().as_str(), o.as_str())));
        if let Some((first, cycle)) = find_cycle(relay_edges) {
            let e = Error::cycle("sources", format!("relays and parts form a cycle: {cycle}"));
            problems.push(match self.source_position(first) {
                Some(i) => e.about(Record::Source(i)),
                None => e,
            });
        }

        for (i, c) in self.claims.iter().enumerate() {
            let at = Record::Claim(i);
            let subject = || format!("claim `{}`", c.id());
            let figure = self.figure(c.figure());
            if figure.is_none() && !unread.figures.contains(c.figure()) {
                problems.push(
                    Error::dangling(
                        subject(),
                        format!("figure `{}` is not in the dossier", c.figure()),
                    )
                    .about(at)
                    .in_field("figure"),
                );
            }
            if self.source(c.source()).is_none() && !unread.sources.contains(c.source()) {
                problems.push(
                    Error::dangling(
                        subject(),
                        format!("source `{}` is not in the dossier", c.source()),
                    )
                    .about(at)
                    .in_field("source"),
                );
            }
            if let (Some(u), Some(f)) = (c.unit(), figure) {
                if u != f.scope().unit() {
                    problems.push(
                        Error::mismatch(
                            subject(),
                            format!(
                                "it is in {u} but figure `{}` is counted in {}",
                                f.id(),
                                f.scope().unit()
                            ),
                        )
                        .about(at)
                        .in_field("unit"),
                    );
                }
            }
            if let Some(earlier) = c.supersedes() {
                match self.claim(earlier) {
                    None if unread.claims.contains(earlier) => {}
                    None => problems.push(Error::dangling(
                        subject(),
                        format!("it supersedes claim `{earlier}`, which is not in the dossier"),
                    ).about(at).in_field("supersedes")),
                    Some(e) if e.figure() != c.figure() => problems.push(Error::mismatch(
                        subject(),
                        format!(
                            "it supersedes claim `{earlier}`, which is about figure `{}`, not `{}`",
                            e.figure(),
                            c.figure()
                        ),
                    ).about(at).in_field("supersedes")),
                    Some(_) => {}
                }
            }
        }
        // One meaning per vague word: two claims that both say "dozens" must
        // read it the same way, or the dossier cannot be written as one file.
        let (_, clashes) = self.vague_terms();
        for ((claim, term), (first, t)) in clashes {
            let at = self.claim_position(claim);
            let e = Error::mismatch(
                format!("claim `{claim}`"),
                format!(
                    "it reads '{}' as {} ({}), but claim `{first}` as {} ({})",
                    term.name(),
                    term.interval(),
                    term.provenance(),
                    t.interval(),
                    t.provenance()
                ),
            );
            problems.push(match at {
                Some(i) => e.about(Record::Claim(i)).in_field("value"),
                None => e,
            });
        }
        let revision_edges = self
            .claims
            .iter()
            .filter_map(|c| c.supersedes().map(|e| (c.id().as_str(), e.as_str())));
        if let Some((first, cycle)) = find_cycle(revision_edges) {
            let e = Error::cycle("claims", format!("revisions form a cycle: {cycle}"));
            problems.push(match self.claim_position(&ClaimId::from(first)) {
                Some(i) => e.about(Record::Claim(i)),
                None => e,
            });
        }

        for (i, r) in self.relations.iter().enumerate() {
            let subject = || format!("relation {} ({})", i + 1, r.kind());
            let mut seen = HashSet::new();
            let mut unit = None;
            for (field, f) in r.named_figures() {
                if !seen.insert(f) {
                    problems.push(
                        Error::duplicate(subject(), format!("it names figure `{f}` twice"))
                            .about(Record::Relation(i))
                            .in_field(field),
                    );
                }
                match self.figure(f) {
                    None if unread.figures.contains(f) => {}
                    None => problems.push(
                        Error::dangling(subject(), format!("figure `{f}` is not in the dossier"))
                            .about(Record::Relation(i))
                            .in_field(field),
                    ),
                    Some(fig) => {
                        match unit {
                            None => unit = Some((f, fig.scope().unit())),
                            Some((first, u)) if u != fig.scope().unit() => {
                                problems.push(Error::mismatch(
                                subject(),
                                format!(
                                    "figure `{first}` is counted in {u} but figure `{f}` in {}",
                                    fig.scope().unit()
                                ),
                            ).about(Record::Relation(i)).in_field(field));
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        let containment = self
            .relations
            .iter()
            .flat_map(Relation::edges)
            .map(|(a, b)| (a.as_str(), b.as_str()));
        if let Some((first, cycle)) = find_cycle(containment) {
            let e = Error::cycle(
                "relations",
                format!("figures contain each other in a cycle: {cycle}"),
            );
            // The first relation that makes the cycle's first step.
            let at = self
                .relations
                .iter()
                .position(|r| r.edges().any(|(a, _)| a.as_str() == first));
            problems.push(match at {
                Some(i) => e.about(Record::Relation(i)),
                None => e,
            });
        }
    }
}

/// Where [`Dossier::check`] reports the problems it finds.
struct Report<'a>(&'a mut dyn FnMut(Error));

impl Report<'_> {
    fn push(&mut self, e: Error) {
        (self.0)(e);
    }
}

/// Reports each id given more than once, at each of its later records.
fn duplicates<'a, T: std::fmt::Display + Eq + std::hash::Hash + 'a>(
    ids: impl Iterator<Item = &'a T>,
    what: &str,
    record: fn(usize) -> Record,
    problems: &mut Report<'_>,
) {
    let mut first = HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(&j) = first.get(id) {
            problems.push(
                Error::duplicate(format!("{what} `{id}`"), "the id is used more than once")
                    .about(record(i))
                    .in_field("id")
                    .first_given_by(record(j)),
            );
        } else {
            first.insert(id, i);
        }
    }
}

/// Finds a cycle in a directed graph given as edges: its first node, and
/// the cycle written as `` `a` → `b` → `a` ``. Iterative depth-first
/// search: linear in the edges.
fn find_cycle<'a>(edges: impl Iterator<Item = (&'a str, &'a str)>) -> Option<(&'a str, String)> {
    let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut mark: HashMap<&str, Mark> = HashMap::new();
    let mut starts: Vec<&str> = next.keys().copied().collect();
    starts.sort_unstable();
    for start in starts {
        if mark.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        mark.insert(start, Mark::Open);
        while let Some(&mut (node, ref mut i)) = stack.last_mut() {
            let children = next.get(node).map(Vec::as_slice).unwrap_or_default();
            if let Some(&child) = children.get(*i) {
                *i += 1;
                match mark.get(child) {
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|(n, _)| *n == child).unwrap_or(0);
                        let mut path: Vec<String> = stack[from..]
                            .iter()
                            .map(|(n, _)| format!("`{n}`"))
                            .collect();
                        path.push(format!("`{child}`"));
                        return Some((child, path.join(" → ")));
                    }
                    Some(Mark::Done) => {}
                    None => {
                        mark.insert(child, Mark::Open);
                        stack.push((child, 0));
                    }
                }
            } else {
                mark.insert(node, Mark::Done);
                stack.pop();
            }
        }
    }
    None
}

impl PartialEq for Dossier {
    /// Two dossiers are equal when they hold the same records in the same order.
    fn eq(&self, other: &Self) -> bool {
        self.sources() == other.sources()
            && self.figures() == other.figures()
            && self.claims() == other.claims()
            && self.relations() == other.relations()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;
    use crate::{Measure, Scope, SourceKind, Unit};

    fn fig(id: &str) -> Figure {
        Figure::new(id, id, Scope::new(Measure::Killed))
    }

    #[test]
    fn validation_reports_every_problem_at_once() {
        let mut d = Dossier::new();
        d.add_source(Source::new("s", "s", SourceKind::Media));
        d.add_source(Source::new("s", "again", SourceKind::Media));
        d.add_source(Source::new("outlet", "o", SourceKind::Media).relaying("ghost"));
        d.add_source(Source::new("box", "b", SourceKind::Encyclopedia).as_part_of("nowhere"));
        d.add_source(
            Source::new("both", "b", SourceKind::Media)
                .relaying("s")
                .as_part_of("s"),
        );
        d.add_figure(fig("a"));
        d.add_figure(fig("b"));
        d.add_figure(Figure::new(
            "km",
            "distance",
            Scope::new(Measure::Distance).with_unit(Unit::Kilometres),
        ));
        d.add_claim(Claim::new("c1", "a", "s", "5".parse().unwrap()).with_unit(Unit::Hours));
        d.add_claim(Claim::new("c2", "b", "s", "6".parse().unwrap()).superseding("c1"));
        d.add_claim(Claim::new("c3", "a", "s", "7".parse().unwrap()).superseding("c9"));
        d.relate(Relation::part_of("a", "b"));
        d.relate(Relation::part_of("b", "a"));
        d.relate(Relation::components(["a", "km"], "zz"));
        let err = d.validate().unwrap_err();
        let messages: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "source `s`: the id is used more than once",
                "source `outlet`: it relays source `ghost`, which is not in the dossier",
                "source `box`: it is part of source `nowhere`, which is not in the dossier",
                "source `both`: it both relays a source and is part of one: give one of the two",
                "claim `c1`: it is in hours but figure `a` is counted in people",
                "claim `c2`: it supersedes claim `c1`, which is about figure `a`, not `b`",
                "claim `c3`: it supersedes claim `c9`, which is not in the dossier",
                "relation 3 (components): figure `a` is counted in people but figure `km` in km",
                "relation 3 (components): figure `zz` is not in the dossier",
                "relations: figures contain each other in a cycle: `a` → `b` → `a`",
            ]
        );
        use crate::error::ErrorKind::{Cycle, Dangling, Duplicate, Invalid, Mismatch};
        let kinds: Vec<_> = err.problems().iter().map(crate::Error::kind).collect();
        assert_eq!(
            kinds,
            [
                Duplicate, Dangling, Dangling, Invalid, Mismatch, Mismatch, Dangling, Mismatch,
                Dangling, Cycle
            ]
        );
    }

    #[test]
    fn references_to_records_that_did_not_read_are_not_reported() {
        let mut d = Dossier::new();
        d.add_source(Source::new("s", "s", SourceKind::Media).relaying("lost-source"));
        d.add_figure(fig("f"));
        d.add_claim(Claim::new(
            "c1",
            "lost-figure",
            "lost-source",
            "5".parse().unwrap(),
        ));
        d.add_claim(Claim::new("c2", "f", "s", "6".parse().unwrap()).superseding("lost-claim"));
        d.add_claim(Claim::new("c3", "f", "nobody", "7".parse().unwrap()));
        d.relate(Relation::part_of("f", "lost-figure"));
        let mut unread = Unread::default();
        unread.sources.insert("lost-source".into());
        unread.figures.insert("lost-figure".into());
        unread.claims.insert("lost-claim".into());
        let mut got = Vec::new();
        d.check(&unread, &mut |e| got.push(e.to_string()));
        assert_eq!(got, ["claim `c3`: source `nobody` is not in the dossier"]);
        // Validation knows of no record that did not read.
        assert_eq!(d.validate().unwrap_err().problems().len(), 6);
    }

    #[test]
    fn stake_is_derived_from_sides_and_relays() {
        let gov = Side::new("government");
        let reb = Side::new("rebels");
        let mut d = Dossier::new();
        d.add_source(
            Source::new("hez", "Hezbollah sources", SourceKind::Belligerent).with_side(gov.clone()),
        );
        d.add_source(Source::new("tv", "outlet", SourceKind::Media).relaying("hez"));
        d.add_source(
            Source::new("cmdr", "a rebel commander", SourceKind::ArmedOpposition).with_side(reb),
        );
        d.add_source(Source::new("anon", "another report", SourceKind::Anonymous));
        d.add_figure(Figure::new(
            "f",
            "Hezbollah dead",
            Scope::new(Measure::Killed).with_party("Hezbollah", Some(gov)),
        ));
        let stake = |src: &str| d.stake(&Claim::new("x", "f", src, "1".parse().unwrap()));
        assert_eq!(stake("hez"), Stake::Own);
        assert_eq!(stake("tv"), Stake::Own);
        assert_eq!(stake("cmdr"), Stake::Enemy);
        assert_eq!(stake("anon"), Stake::Neutral);
        let overridden = Claim::new("x", "f", "anon", "1".parse().unwrap()).with_stake(Stake::Own);
        assert_eq!(d.stake(&overridden), Stake::Own);
        assert_eq!(d.originator(&"tv".into()).as_str(), "hez");
        // A side's count of its own gains is not an admission against interest.
        d.add_figure(Figure::new(
            "g",
            "hills seized by the government",
            Scope::new("seized".parse().unwrap())
                .with_party("Syrian Army", Some(Side::new("government"))),
        ));
        let gains = Claim::new("y", "g", "hez", "some".parse().unwrap());
        assert_eq!(d.stake(&gains), Stake::Neutral);
    }

    #[test]
    fn cycles_are_found_in_relays_and_revisions() {
        let mut d = Dossier::new();
        d.add_source(Source::new("a", "a", SourceKind::Media).relaying("b"));
        d.add_source(Source::new("b", "b", SourceKind::Media).relaying("a"));
        d.add_figure(fig("f"));
        d.add_claim(Claim::new("c1", "f", "a", "1".parse().unwrap()).superseding("c2"));
        d.add_claim(Claim::new("c2", "f", "a", "2".parse().unwrap()).superseding("c1"));
        let messages: Vec<String> = d
            .validate()
            .unwrap_err()
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "sources: relays and parts form a cycle: `a` → `b` → `a`",
                "claims: revisions form a cycle: `c1` → `c2` → `c1`",
            ]
        );
        // The bounded walk still ends.
        let _ = d.originator(&"a".into());
    }
}
