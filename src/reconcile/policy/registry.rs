//! Policies by name.

use std::fmt;
use std::sync::Arc;

use super::Policy;
use super::standard::{
    Consensus, Conservative, Envelope, Majority, MostRecent, MostReliable, Weighted,
};
use crate::Error;

/// Policies by name: the seven named ones of [`Registry::standard`], and any
/// a program adds, so that a command line or a configuration file can offer
/// them all (`--policy highest`). A registry is a plain value: build one
/// and pass it where it is needed.
///
/// Names are matched without regard to case, surrounding spaces, or `-`
/// against `_` (`Most-Reliable` finds `most_reliable`).
///
/// ```
/// use reckon::reconcile::policy::{Outcome, Policy, Registry};
/// use reckon::reconcile::EvidenceSet;
/// use reckon::Error;
///
/// /// The highest figure anyone gave.
/// struct Highest;
///
/// impl Policy for Highest {
///     fn name(&self) -> &str {
///         "highest"
///     }
///     fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
///         let top = set.numeric().max_by_key(|&i| set.interval(i).high());
///         Ok(Outcome::new(set).with_range(top.map(|i| set.interval(i))))
///     }
/// }
///
/// let policies = Registry::standard().with(Highest);
/// assert_eq!(policies.get("Highest")?.name(), "highest");
/// assert_eq!(policies.get("most-reliable")?.name(), "most_reliable");
/// assert_eq!(policies.names().last(), Some("highest"));
/// assert_eq!(
///     policies.get("median").unwrap_err().to_string(),
///     "policy `median`: there is no such policy; the policies are envelope, consensus, \
///      conservative, most_reliable, most_recent, majority, weighted, learned, highest"
/// );
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Registry {
    policies: Vec<Arc<dyn Policy>>,
}

/// How a name is compared: trimmed, lowercase, `-` read as `_`.
fn key(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace('-', "_")
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// The seven named policies, in the order of the table in
    /// [`policy`](super): `envelope`, `consensus`, `conservative`,
    /// `most_reliable`, `most_recent`, `majority`, `weighted`; then
    /// [`learned`](crate::reconcile::learn::Learned), which learns the
    /// sources' reliability across the dossier's figures.
    pub fn standard() -> Self {
        Registry::new()
            .with(Envelope)
            .with(Consensus)
            .with(Conservative)
            .with(MostReliable)
            .with(MostRecent)
            .with(Majority)
            .with(Weighted)
            .with(crate::reconcile::learn::Learned::new())
    }

    /// This registry with `policy` under its name, replacing a policy
    /// registered under the same name (in its place), else added last.
    #[must_use]
    pub fn with(mut self, policy: impl Policy + 'static) -> Self {
        let name = key(policy.name());
        let policy: Arc<dyn Policy> = Arc::new(policy);
        match self.policies.iter_mut().find(|p| key(p.name()) == name) {
            Some(p) => *p = policy,
            None => self.policies.push(policy),
        }
        self
    }

    /// The policy called `name`.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownPolicy`](crate::error::ErrorKind::UnknownPolicy) naming the registered policies when there is none
    /// of that name.
    pub fn get(&self, name: &str) -> Result<Arc<dyn Policy>, Error> {
        let wanted = key(name);
        self.policies
            .iter()
            .find(|p| key(p.name()) == wanted)
            .cloned()
            .ok_or_else(|| Error::unknown_policy(name, &self.names().collect::<Vec<_>>()))
    }

    /// The names of the registered policies, in the order they were added.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.policies.iter().map(|p| p.name())
    }
}

impl fmt::Debug for Registry {
    /// Writes the policies' names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Registry")
            .field(&self.names().collect::<Vec<_>>())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_registry_says_so() {
        let err = Registry::new().get("weighted").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("policy `weighted`: there is no such policy; no policy is registered")
        );
    }

    #[test]
    fn a_policy_under_a_taken_name_replaces_it_in_place() {
        let r = Registry::standard().with(Weighted).with(Envelope);
        let names: Vec<&str> = r.names().collect();
        assert_eq!(names.len(), 8);
        assert_eq!(names[0], "envelope");
        assert_eq!(format!("{r:?}").lines().count(), 1);
    }
}
