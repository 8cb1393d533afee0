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

worded_enum!(
    open
    /// The unit of a figure. An open set; `people` is the default.
    Unit, "a unit" {
        /// People (the default).
        People = "people" | "persons" | "fighters",
        /// Kilometres.
        Kilometres = "km" | "kilometres" | "kilometers",
        /// Metres.
        Metres = "m" | "metres" | "meters",
        /// Hours.
        Hours = "hours" | "hour",
        /// Days.
        Days = "days" | "day",
        /// Factions (of an armed group).
        Factions = "factions",
        /// Brigades.
        Brigades = "brigades",
        /// Percent: "30 %", "30 percent".
        Percent = "percent" | "%" | "per cent",
        /// A share of a whole, from 0 to 1: "half", "two thirds", "1/4" (of
        /// the whole the noun names: "half of the dead").
        Share = "share",
    }
);

/// Units outside the named ones that are measured, not counted.
const MEASURED: &[&str] = &[
    "weeks",
    "months",
    "years",
    "minutes",
    "seconds",
    "miles",
    "feet",
    "ft",
    "yards",
    "inches",
    "acres",
    "hectares",
    "ha",
    "dollars",
    "euros",
    "pounds",
    "degrees",
    "kg",
    "kilograms",
    "grams",
    "tonnes",
    "tons",
    "lbs",
    "litres",
    "liters",
    "gallons",
    "barrels",
];

impl Unit {
    /// Whether the unit counts whole things (people, groups, hills), so
    /// that "more than 100" is at least 101. Distances, durations, percent,
    /// shares and money are measured: "more than 1.5 km" admits 1.6 km
    /// (see [`Estimate::bounds`](crate::Estimate::bounds)). A unit outside
    /// the named ones counts whole things unless it is a unit of time,
    /// length, area, mass, volume, money or temperature: `weeks`, `months`,
    /// `years`, `minutes`, `seconds`, `miles`, `feet`, `ft`, `yards`,
    /// `inches`, `acres`, `hectares`, `ha`, `dollars`, `euros`, `pounds`,
    /// `degrees`, `kg`, `kilograms`, `grams`, `tonnes`, `tons`, `lbs`,
    /// `litres`, `liters`, `gallons` or `barrels`.
    ///
    /// ```
    /// use reckon::Unit;
    ///
    /// assert!(Unit::People.counts_whole());
    /// assert!("hills".parse::<Unit>()?.counts_whole());
    /// assert!(!Unit::Kilometres.counts_whole());
    /// assert!(!"miles".parse::<Unit>()?.counts_whole());
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn counts_whole(&self) -> bool {
        match self {
            Unit::People | Unit::Factions | Unit::Brigades => true,
            Unit::Kilometres
            | Unit::Metres
            | Unit::Hours
            | Unit::Days
            | Unit::Percent
            | Unit::Share => false,
            Unit::Other(w) => !MEASURED.contains(&&**w),
        }
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for Unit {
    fn default() -> Self {
        Unit::People
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for Measure {
    fn default() -> Self {
        Measure::Killed
    }
}
