//! What a figure measures (killed, wounded, a distance …) and in which unit
//! (people, km, percent …), with the words each is written as.

use crate::model::names::worded_enum;

worded_enum!(
    open
    /// What a figure measures. An open set: any other word is [`Measure::Other`].
    ///
    /// `casualties` (killed and wounded, often with captured and missing) is
    /// not `killed`: comparing the two is a scope mismatch.
    Measure, "a measure" {
        /// Killed (deaths, dead, fatalities).
        Killed = "killed" | "dead" | "deaths" | "fatalities",
        /// Wounded (injured).
        Wounded = "wounded" | "injured",
        /// Casualties: an aggregate of killed, wounded and often captured or missing.
        Casualties = "casualties",
        /// Captured (taken prisoner).
        Captured = "captured" | "prisoners",
        /// Missing.
        Missing = "missing",
        /// Released after capture.
        Released = "released" | "freed",
        /// Executed.
        Executed = "executed",
        /// Surrendered.
        Surrendered = "surrendered",
        /// Taken hostage.
        Hostages = "taken-hostage" | "hostages" | "taken hostage",
        /// Fighting strength.
        Strength = "strength" | "fighters",
        /// Displaced: driven from home, fled or evacuated. Not a loss of a
        /// side in the stake model.
        Displaced = "displaced" | "evacuated",
        /// Defected.
        Defected = "defected" | "defections",
        /// A distance (with a length unit).
        Distance = "distance",
        /// A duration (with a time unit).
        Duration = "duration",
        /// A number of groups (factions, brigades).
        Groups = "groups",
    }
);

impl Measure {
    /// Whether the measure counts a side's losses: killed, wounded,
    /// casualties, captured, missing, executed, surrendered, taken hostage,
    /// defected. The stake model ([design notes §2](crate::design): a side reports its own losses
    /// low and its enemy's high) applies to these; a side's count of its
    /// own gains, strength or the length of a battle is not an admission.
    ///
    /// ```
    /// use reckon::Measure;
    ///
    /// assert!(Measure::Killed.is_loss());
    /// assert!(!Measure::Duration.is_loss());
    /// assert!(!"seized".parse::<Measure>()?.is_loss());
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn is_loss(&self) -> bool {
        matches!(
            self,
            Measure::Killed
                | Measure::Wounded
                | Measure::Casualties
                | Measure::Captured
                | Measure::Missing
                | Measure::Executed
                | Measure::Surrendered
                | Measure::Hostages
                | Measure::Defected
        )
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for Measure {
    fn default() -> Self {
        Measure::Killed
    }
}

/// The unit of a figure. An open set: any other word is [`Unit::Other`];
/// `people` is the default.
///
/// A named unit is written as one word and read from any of its words, in
/// any case: `"kilometre"`, `"kms"` and `"km"` all read as
/// [`Unit::Kilometres`], written `km`. One table gives, for each named
/// unit, its words, whether it [counts whole things](Unit::counts_whole)
/// and the [measure it implies](Unit::measure); the English reader of
/// [`text`](crate::text) reads unit words through the same table.
///
/// | unit | written | also read from | counts | measure |
/// |---|---|---|---|---|
/// | [`People`](Unit::People) | `people` | persons, fighters | whole | |
/// | [`Kilometres`](Unit::Kilometres) | `km` | kms, kilometre(s), kilometer(s) | measured | distance |
/// | [`Metres`](Unit::Metres) | `m` | metre(s), meter(s) | measured | distance |
/// | [`Miles`](Unit::Miles), [`Feet`](Unit::Feet), [`Yards`](Unit::Yards), [`Inches`](Unit::Inches) | `miles`, `feet`, `yards`, `inches` | mile, mi, foot, ft, yard, inch | measured | distance |
/// | [`Seconds`](Unit::Seconds), [`Minutes`](Unit::Minutes), [`Hours`](Unit::Hours) | `seconds`, `minutes`, `hours` | second, sec(s), minute, min(s), hour, hr(s), h | measured | duration |
/// | [`Days`](Unit::Days), [`Weeks`](Unit::Weeks), [`Months`](Unit::Months), [`Years`](Unit::Years) | `days`, `weeks`, `months`, `years` | day, week, month, year, yr(s) | measured | duration |
/// | [`Factions`](Unit::Factions), [`Brigades`](Unit::Brigades), [`Battalions`](Unit::Battalions), [`Groups`](Unit::Groups) | `factions`, `brigades`, `battalions`, `groups` | faction, brigade, battalion | whole | groups |
/// | [`Percent`](Unit::Percent) | `percent` | %, per cent, pc, pct | measured | |
/// | [`Share`](Unit::Share) | `share` | | measured, 0 to 1 | |
/// | [`SquareKilometres`](Unit::SquareKilometres), [`SquareMiles`](Unit::SquareMiles), [`SquareMetres`](Unit::SquareMetres) | `km²`, `mi²`, `m²` | km2, m2, sq km, sq mi, sq m, square kilometre(s), square mile(s), square metre(s), and the -er spellings | measured | |
/// | area, money, temperature, mass, volume | `acres`, `hectares`, `dollars`, `euros`, `pounds`, `degrees`, `kg`, `grams`, `tonnes`, `tons`, `litres`, `gallons`, `barrels` | the singulars, ha, $, €, £, lbs, kilogram(s), liter(s) | measured | |
///
/// ```
/// use reckon::{Measure, Unit};
///
/// assert_eq!("kilometre".parse::<Unit>()?, Unit::Kilometres);
/// assert_eq!("Kms".parse::<Unit>()?.to_string(), "km");
/// assert_eq!("mile".parse::<Unit>()?, "miles".parse::<Unit>()?);
/// assert_eq!("week".parse::<Unit>()?.measure(), Some(Measure::Duration));
/// assert_eq!("hills".parse::<Unit>()?, Unit::Other("hills".into()));
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Unit {
    /// People (the default).
    #[default]
    People,
    /// Kilometres.
    Kilometres,
    /// Metres.
    Metres,
    /// Hours.
    Hours,
    /// Days.
    Days,
    /// Factions (of an armed group).
    Factions,
    /// Brigades.
    Brigades,
    /// Percent: "30 %", "30 percent".
    Percent,
    /// A share of a whole, from 0 to 1: "half", "two thirds", "1/4" (of
    /// the whole the noun names: "half of the dead").
    Share,
    /// Miles.
    Miles,
    /// Feet.
    Feet,
    /// Yards.
    Yards,
    /// Inches.
    Inches,
    /// Seconds.
    Seconds,
    /// Minutes.
    Minutes,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
    /// Years.
    Years,
    /// Battalions.
    Battalions,
    /// Groups (armed groups, units of a force).
    Groups,
    /// Square kilometres, written `km²`.
    SquareKilometres,
    /// Square miles, written `mi²`.
    SquareMiles,
    /// Square metres, written `m²`.
    SquareMetres,
    /// Acres.
    Acres,
    /// Hectares.
    Hectares,
    /// Dollars.
    Dollars,
    /// Euros.
    Euros,
    /// Pounds, of money or of weight.
    Pounds,
    /// Degrees, of temperature or of angle.
    Degrees,
    /// Kilograms.
    Kilograms,
    /// Grams.
    Grams,
    /// Metric tonnes.
    Tonnes,
    /// Tons.
    Tons,
    /// Litres.
    Litres,
    /// Gallons.
    Gallons,
    /// Barrels.
    Barrels,
    /// Any other word, lowercase: a thing counted ("hills", "tanks").
    Other(Box<str>),
}

/// Whether a unit counts whole things or is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Counting {
    /// Whole things: "more than 100" is at least 101.
    Whole,
    /// A measure: "more than 1.5 km" is open at 1.5.
    Measured,
}

/// One named unit: its words (the first is how it is written), whether it
/// counts whole things, and the measure it implies.
#[derive(Debug)]
pub(crate) struct UnitRow {
    pub(crate) unit: Unit,
    pub(crate) words: &'static [&'static str],
    pub(crate) counting: Counting,
    pub(crate) measure: Option<Measure>,
}

const fn row(
    unit: Unit,
    words: &'static [&'static str],
    counting: Counting,
    measure: Option<Measure>,
) -> UnitRow {
    UnitRow {
        unit,
        words,
        counting,
        measure,
    }
}

use Counting::{Measured, Whole};
const DISTANCE: Option<Measure> = Some(Measure::Distance);
const DURATION: Option<Measure> = Some(Measure::Duration);
const GROUPS: Option<Measure> = Some(Measure::Groups);

/// The named units: their words, counting and measure. Words are
/// lowercase, and each belongs to one unit.
#[rustfmt::skip]
pub(crate) static UNITS: [UnitRow; 36] = [
    row(Unit::People, &["people", "persons", "fighters"], Whole, None),
    row(Unit::Kilometres, &["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"], Measured, DISTANCE),
    row(Unit::Metres, &["m", "metre", "metres", "meter", "meters"], Measured, DISTANCE),
    row(Unit::Hours, &["hours", "hour", "hr", "hrs", "h"], Measured, DURATION),
    row(Unit::Days, &["days", "day"], Measured, DURATION),
    row(Unit::Factions, &["factions", "faction"], Whole, GROUPS),
    row(Unit::Brigades, &["brigades", "brigade"], Whole, GROUPS),
    row(Unit::Percent, &["percent", "%", "per cent", "pc", "pct"], Measured, None),
    row(Unit::Share, &["share"], Measured, None),
    row(Unit::Miles, &["miles", "mile", "mi"], Measured, DISTANCE),
    row(Unit::Feet, &["feet", "foot", "ft"], Measured, DISTANCE),
    row(Unit::Yards, &["yards", "yard"], Measured, DISTANCE),
    row(Unit::Inches, &["inches", "inch"], Measured, DISTANCE),
    row(Unit::Seconds, &["seconds", "second", "sec", "secs"], Measured, DURATION),
    row(Unit::Minutes, &["minutes", "minute", "min", "mins"], Measured, DURATION),
    row(Unit::Weeks, &["weeks", "week"], Measured, DURATION),
    row(Unit::Months, &["months", "month"], Measured, DURATION),
    row(Unit::Years, &["years", "year", "yr", "yrs"], Measured, DURATION),
    row(Unit::Battalions, &["battalions", "battalion"], Whole, GROUPS),
    row(Unit::Groups, &["groups"], Whole, GROUPS),
    row(Unit::SquareKilometres, &["km²", "km2", "sq km", "square kilometres", "square kilometers", "square kilometre", "square kilometer", "square km"], Measured, None),
    row(Unit::SquareMiles, &["mi²", "sq mi", "square miles", "square mile"], Measured, None),
    row(Unit::SquareMetres, &["m²", "m2", "sq m", "square metres", "square meters", "square metre", "square meter"], Measured, None),
    row(Unit::Acres, &["acres", "acre"], Measured, None),
    row(Unit::Hectares, &["hectares", "hectare", "ha"], Measured, None),
    row(Unit::Dollars, &["dollars", "dollar", "$"], Measured, None),
    row(Unit::Euros, &["euros", "euro", "€"], Measured, None),
    row(Unit::Pounds, &["pounds", "pound", "lbs", "£"], Measured, None),
    row(Unit::Degrees, &["degrees", "degree"], Measured, None),
    row(Unit::Kilograms, &["kg", "kilograms", "kilogram"], Measured, None),
    row(Unit::Grams, &["grams", "gram"], Measured, None),
    row(Unit::Tonnes, &["tonnes", "tonne"], Measured, None),
    row(Unit::Tons, &["tons", "ton"], Measured, None),
    row(Unit::Litres, &["litres", "litre", "liters", "liter"], Measured, None),
    row(Unit::Gallons, &["gallons", "gallon"], Measured, None),
    row(Unit::Barrels, &["barrels", "barrel"], Measured, None),
];

impl UnitRow {
    /// The word the unit is written as.
    pub(crate) fn word(&self) -> &'static str {
        self.words.first().copied().unwrap_or("")
    }
}

/// The named unit one of whose words is `word`, in any case.
pub(crate) fn unit_named(word: &str) -> Option<&'static UnitRow> {
    UNITS
        .iter()
        .find(|r| r.words.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

impl Unit {
    /// The named units, in declaration order.
    pub const KNOWN: &'static [Unit] = &[
        Unit::People,
        Unit::Kilometres,
        Unit::Metres,
        Unit::Hours,
        Unit::Days,
        Unit::Factions,
        Unit::Brigades,
        Unit::Percent,
        Unit::Share,
        Unit::Miles,
        Unit::Feet,
        Unit::Yards,
        Unit::Inches,
        Unit::Seconds,
        Unit::Minutes,
        Unit::Weeks,
        Unit::Months,
        Unit::Years,
        Unit::Battalions,
        Unit::Groups,
        Unit::SquareKilometres,
        Unit::SquareMiles,
        Unit::SquareMetres,
        Unit::Acres,
        Unit::Hectares,
        Unit::Dollars,
        Unit::Euros,
        Unit::Pounds,
        Unit::Degrees,
        Unit::Kilograms,
        Unit::Grams,
        Unit::Tonnes,
        Unit::Tons,
        Unit::Litres,
        Unit::Gallons,
        Unit::Barrels,
    ];

    /// The unit's row in the table: a named unit's, or the row of the
    /// named unit an [`Other`](Unit::Other) word is a word of.
    fn row(&self) -> Option<&'static UnitRow> {
        match self {
            Unit::Other(w) => unit_named(w),
            named => UNITS.iter().find(|r| r.unit == *named),
        }
    }

    /// The word this unit is written as: `km`, `people`, `hills`.
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Other(w) => w,
            named => named.row().map_or("", UnitRow::word),
        }
    }

    /// Whether the unit counts whole things (people, groups, hills), so
    /// that "more than 100" is at least 101. Lengths, spans of time,
    /// percent, shares, areas, money, temperatures, masses and volumes are
    /// measured: "more than 1.5 km" admits 1.6 km (see
    /// [`Estimate::bounds`](crate::Estimate::bounds)). A unit outside the
    /// table counts whole things.
    ///
    /// ```
    /// use reckon::Unit;
    ///
    /// assert!(Unit::People.counts_whole());
    /// assert!("hills".parse::<Unit>()?.counts_whole());
    /// assert!(!Unit::Kilometres.counts_whole());
    /// assert!(!"miles".parse::<Unit>()?.counts_whole());
    /// assert!(!"kilometre".parse::<Unit>()?.counts_whole());
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn counts_whole(&self) -> bool {
        self.row().is_none_or(|r| r.counting == Counting::Whole)
    }

    /// The measure a figure in this unit reports, where the unit says it:
    /// a length is a [distance](Measure::Distance), a span of time a
    /// [duration](Measure::Duration); factions, brigades, battalions and
    /// groups are [groups](Measure::Groups).
    ///
    /// ```
    /// use reckon::{Measure, Unit};
    ///
    /// assert_eq!(Unit::Kilometres.measure(), Some(Measure::Distance));
    /// assert_eq!("weeks".parse::<Unit>()?.measure(), Some(Measure::Duration));
    /// assert_eq!(Unit::People.measure(), None);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn measure(&self) -> Option<Measure> {
        self.row().and_then(|r| r.measure.clone())
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads any word of a named unit in any case; any other non-empty word
/// becomes [`Unit::Other`], lowercased.
impl std::str::FromStr for Unit {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let t = s.trim();
        if let Some(r) = unit_named(t) {
            return Ok(r.unit.clone());
        }
        if t.is_empty() {
            return Err(crate::Error::value(s, "expected a unit"));
        }
        Ok(Unit::Other(t.to_lowercase().into()))
    }
}

crate::model::names::serde_via_str!(Unit);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_unit_has_one_row_and_every_word_one_unit() {
        assert_eq!(Unit::KNOWN.len(), UNITS.len());
        for (unit, row) in Unit::KNOWN.iter().zip(&UNITS) {
            assert_eq!(*unit, row.unit);
            assert!(!row.words.is_empty(), "{unit:?}");
            for w in row.words {
                assert_eq!(*w, w.to_lowercase());
                assert_eq!(w.parse::<Unit>().ok().as_ref(), Some(unit), "{w}");
            }
            assert_eq!(unit.to_string().parse::<Unit>().ok().as_ref(), Some(unit));
        }
    }

    #[test]
    fn words_read_alike_whatever_their_form() {
        for (a, b) in [
            ("kilometre", "km"),
            ("KMS", "km"),
            ("metre", "m"),
            ("mile", "miles"),
            ("week", "weeks"),
            ("Per Cent", "percent"),
        ] {
            assert_eq!(
                a.parse::<Unit>().unwrap(),
                b.parse::<Unit>().unwrap(),
                "{a}"
            );
        }
        for w in ["kilometre", "metre", "mile", "week", "kms"] {
            assert!(!w.parse::<Unit>().unwrap().counts_whole(), "{w}");
        }
        // A word of a named unit held as another word still reads as it.
        assert!(!Unit::Other("miles".into()).counts_whole());
        assert_eq!(
            "".parse::<Unit>().unwrap_err().to_string(),
            "'' is not a value: expected a unit"
        );
    }
}
