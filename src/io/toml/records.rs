//! The records of the dossier file as TOML writes and reads them: one
//! flat table per source, figure, claim, relation and vague term.

use rust_decimal::Decimal;

use crate::model::{
    ClaimId, Credibility, Date, FigureId, Form, Period, Qualifiers, Side, SourceId, Stake,
    VagueTerm,
};
use crate::text;
use crate::{
    Claim, Error, Estimate, Figure, Interval, Lexicon, Measure, Relation, Scope, Source, Unit,
};

/// A whole file, as a dossier is written; a file is read record by record
/// (see `read`).
#[derive(serde::Serialize)]
pub(super) struct DossierFile {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) term: Vec<TermRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) source: Vec<Source>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) figure: Vec<FigureRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) claim: Vec<ClaimRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) relation: Vec<Relation>,
}

/// A vague term of the file's own lexicon: `[[term]]`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TermRecord {
    pub(super) name: String,
    pub(super) strict: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) lenient: Option<String>,
    pub(super) point: TermPoint,
    pub(super) from: String,
}

/// A term's point, written as a number or a decimal string (a number is
/// read as its text, see `read::as_text`; written back, a whole point is
/// an integer and any other a string).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub(super) enum TermPoint {
    Whole(i64),
    Text(String),
    /// Anything else TOML allows (a boolean, a list), refused with a reason.
    Other(toml::Value),
}

/// Reads a term's interval: `24–119`, `24`, or `24+` for no upper end.
fn term_interval(text: &str, name: &str, which: &'static str) -> Result<Interval, Error> {
    match crate::text::grammar::read(text, &Lexicon::empty()) {
        Ok(e)
            if matches!(
                e.form(),
                Form::Exact(_) | Form::Range { .. } | Form::AtLeast(_)
            ) =>
        {
            Ok(e.interval())
        }
        _ => Err(Error::invalid(
            format!("vague term `{name}`"),
            format!(
                "its {which} reading '{text}' is not a number, a range like 24–119 or an open range like 24+"
            ),
        )
        .in_field(which)),
    }
}

/// Writes an interval as a term record does.
fn interval_text(i: Interval) -> String {
    // A negative zero would write "-0", which does not read back.
    let i = if i.low().is_zero() {
        Interval::from_parts(Decimal::ZERO, i.high())
    } else {
        i
    };
    match i.high() {
        None => format!("{}+", i.low()),
        Some(h) if h == i.low() => h.to_string(),
        Some(h) => format!("{}–{h}", i.low()),
    }
}

impl TermRecord {
    pub(super) fn to_term(&self) -> Result<VagueTerm, Error> {
        let strict = term_interval(&self.strict, &self.name, "strict")?;
        let lenient = match &self.lenient {
            Some(t) => term_interval(t, &self.name, "lenient")?,
            None => strict,
        };
        let point = match &self.point {
            TermPoint::Whole(n) => Decimal::from(*n),
            TermPoint::Text(t) => t.trim().parse::<Decimal>().map_err(|_| {
                Error::invalid(
                    format!("vague term `{}`", self.name),
                    format!("its point '{t}' is not a number"),
                )
                .in_field("point")
            })?,
            TermPoint::Other(v) => {
                return Err(Error::invalid(
                    format!("vague term `{}`", self.name),
                    format!("its point {v} is not a number (write point = 24.5)"),
                )
                .in_field("point"));
            }
        };
        VagueTerm::new(&self.name, strict, lenient, point, &self.from)
    }

    pub(super) fn of(term: &VagueTerm) -> Self {
        let point = term.point();
        TermRecord {
            name: term.name().to_owned(),
            strict: interval_text(term.interval()),
            lenient: (term.lenient() != term.interval()).then(|| interval_text(term.lenient())),
            point: match i64::try_from(point) {
                Ok(n) if point.fract().is_zero() => TermPoint::Whole(n),
                _ => TermPoint::Text(point.to_string()),
            },
            from: term.provenance().to_owned(),
        }
    }
}

/// A figure as one flat table, so that unknown keys are caught.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FigureRecord {
    pub(super) id: FigureId,
    pub(super) label: String,
    pub(super) measure: Measure,
    #[serde(default)]
    pub(super) unit: Unit,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) events: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) party: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) side: Option<Side>,
}

impl From<FigureRecord> for Figure {
    fn from(r: FigureRecord) -> Self {
        Figure::new(
            r.id,
            &r.label,
            scope_of(
                r.measure, r.unit, r.events, r.period, r.place, r.party, r.side,
            ),
        )
    }
}

pub(in crate::io) fn scope_of(
    measure: Measure,
    unit: Unit,
    events: Vec<String>,
    period: Option<Period>,
    place: Option<String>,
    party: Option<String>,
    side: Option<Side>,
) -> Scope {
    let mut s = Scope::new(measure).with_unit(unit);
    for e in &events {
        s = s.with_event(e);
    }
    if let Some(p) = period {
        s = s.with_period(p);
    }
    if let Some(p) = place {
        s = s.with_place(&p);
    }
    if party.is_some() || side.is_some() {
        s = s.with_party(party.as_deref().unwrap_or(""), side);
    }
    s
}

impl From<&Figure> for FigureRecord {
    fn from(f: &Figure) -> Self {
        let s = f.scope();
        FigureRecord {
            id: f.id().clone(),
            label: f.label().to_owned(),
            measure: s.measure().clone(),
            unit: s.unit().clone(),
            events: s.events().to_vec(),
            period: s.period().copied(),
            place: s.place().map(str::to_owned),
            party: s.party().filter(|p| !p.is_empty()).map(str::to_owned),
            side: s.side().cloned(),
        }
    }
}

/// A claim as the file writes it. Its value is kept as text here and read
/// with the file's own lexicon (the English one and the file's `[[term]]`s)
/// once the whole file is parsed, so that every value that does not read is
/// reported at its line and column.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClaimRecord {
    pub(super) id: ClaimId,
    pub(super) figure: FigureId,
    pub(super) source: SourceId,
    pub(super) value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) reported: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) stake: Option<Stake>,
    #[serde(default, skip_serializing_if = "Qualifiers::is_empty")]
    pub(super) qualifiers: Qualifiers,
    #[serde(default, skip_serializing_if = "is_unjudged")]
    pub(super) credibility: Credibility,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) unit: Option<Unit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) supersedes: Option<ClaimId>,
}

fn is_unjudged(c: &Credibility) -> bool {
    *c == Credibility::Unjudged
}

impl ClaimRecord {
    /// The claim, its value read with `lexicon`; when the value does not
    /// read, the claim with an unknown value stands in for it (so that the
    /// rest of the file is checked too) beside the error.
    pub(super) fn into_claim(self, lexicon: &Lexicon) -> (Claim, Option<Error>) {
        let (value, error) = match text::phrase(&self.value, lexicon) {
            Ok(v) => (v, None),
            Err(e) => (Estimate::unknown(), Some(e)),
        };
        let mut claim =
            Claim::new(self.id, self.figure, self.source, value).with_credibility(self.credibility);
        if let Some(d) = self.reported {
            claim = claim.with_reported(d);
        }
        if let Some(s) = self.stake {
            claim = claim.with_stake(s);
        }
        for q in self.qualifiers.iter() {
            claim = claim.with_qualifier(q);
        }
        if let Some(u) = self.unit {
            claim = claim.with_unit(u);
        }
        if let Some(q) = &self.quote {
            claim = claim.with_quote(q);
        }
        if let Some(s) = self.supersedes {
            claim = claim.superseding(s);
        }
        (claim, error)
    }

    pub(super) fn of(c: &Claim) -> Self {
        ClaimRecord {
            id: c.id().clone(),
            figure: c.figure().clone(),
            source: c.source().clone(),
            value: c.value().to_string(),
            reported: c.reported(),
            stake: c.stake_override(),
            qualifiers: c.qualifiers(),
            credibility: c.credibility(),
            unit: c.unit().cloned(),
            quote: c.quote().map(str::to_owned),
            supersedes: c.supersedes().cloned(),
        }
    }
}
