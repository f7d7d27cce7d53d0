//! psql's `\if` / `\elif` / `\else` / `\endif`: the stack of open conditionals, which
//! branch is active, and psql's boolean rules (`ParseVariableBool`). Skipped branches
//! run nothing: no statement is sent, no meta command runs, no expression is evaluated.

/// One open `\if`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Branch {
    /// This branch runs.
    True,
    /// This branch is skipped; a later `\elif`/`\else` may run.
    False,
    /// A branch before this one ran (or the whole `\if` sits in a skipped branch).
    Done,
    /// In `\else`, running.
    ElseTrue,
    /// In `\else`, skipped.
    ElseFalse,
}

/// The conditional stack.
#[derive(Debug, Clone, Default)]
pub struct Conditionals {
    stack: Vec<Branch>,
}

/// psql's `ParseVariableBool`: a case-insensitive prefix of `true`, `false`, `yes`, `no`,
/// `on`/`off` (at least two letters), or `1`/`0`. `None` for anything else.
pub fn parse_bool(value: &str) -> Option<bool> {
    let v = value.to_ascii_lowercase();
    let prefix = |word: &str, min: usize| v.len() >= min && word.starts_with(v.as_str());
    if prefix("true", 1) || prefix("yes", 1) {
        Some(true)
    } else if prefix("false", 1) || prefix("no", 1) {
        Some(false)
    } else if prefix("on", 2) {
        Some(true)
    } else if prefix("off", 2) {
        Some(false)
    } else if v == "1" {
        Some(true)
    } else if v == "0" {
        Some(false)
    } else {
        None
    }
}

impl Conditionals {
    /// Whether the current branch runs (true outside any `\if`).
    pub fn active(&self) -> bool {
        matches!(
            self.stack.last(),
            None | Some(Branch::True | Branch::ElseTrue)
        )
    }

    /// Whether an `\if` is open.
    pub fn is_open(&self) -> bool {
        !self.stack.is_empty()
    }

    /// `\if` with the expression's value (`None` when the branch is skipped, so nothing
    /// was evaluated).
    pub fn push_if(&mut self, value: Option<bool>) {
        let b = if !self.active() {
            Branch::Done
        } else if value == Some(true) {
            Branch::True
        } else {
            Branch::False
        };
        self.stack.push(b);
    }

    /// Whether an `\elif` here must evaluate its expression (its branch may run).
    pub fn elif_needs_value(&self) -> bool {
        self.stack.last() == Some(&Branch::False)
    }

    /// `\elif`; `value` as for [`Conditionals::push_if`]. Errors are psql's messages.
    pub fn elif(&mut self, value: Option<bool>) -> Result<(), &'static str> {
        let top = self.stack.last_mut().ok_or("\\elif: no matching \\if")?;
        *top = match *top {
            Branch::True | Branch::Done => Branch::Done,
            Branch::False if value == Some(true) => Branch::True,
            Branch::False => Branch::False,
            Branch::ElseTrue | Branch::ElseFalse => {
                return Err("\\elif: cannot occur after \\else")
            }
        };
        Ok(())
    }

    /// `\else`.
    pub fn else_(&mut self) -> Result<(), &'static str> {
        let top = self.stack.last_mut().ok_or("\\else: no matching \\if")?;
        *top = match *top {
            Branch::True | Branch::Done => Branch::ElseFalse,
            Branch::False => Branch::ElseTrue,
            Branch::ElseTrue | Branch::ElseFalse => {
                return Err("\\else: cannot occur after \\else")
            }
        };
        Ok(())
    }

    /// `\endif`.
    pub fn endif(&mut self) -> Result<(), &'static str> {
        self.stack
            .pop()
            .map(|_| ())
            .ok_or("\\endif: no matching \\if")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_follow_psql() {
        for t in ["t", "TRUE", "y", "yes", "on", "ON", "1"] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for f in ["f", "false", "n", "No", "of", "off", "0"] {
            assert_eq!(parse_bool(f), Some(false), "{f}");
        }
        for bad in ["", "o", "2", "truex", "onn", "yes please"] {
            assert_eq!(parse_bool(bad), None, "{bad}");
        }
    }

    #[test]
    fn branches_nest_and_run_once() {
        let mut c = Conditionals::default();
        c.push_if(Some(false));
        assert!(!c.active());
        assert!(c.elif_needs_value());
        c.elif(Some(true)).unwrap();
        assert!(c.active());
        // Nested inside a running branch.
        c.push_if(Some(true));
        assert!(c.active());
        c.else_().unwrap();
        assert!(!c.active());
        assert_eq!(c.elif(None), Err("\\elif: cannot occur after \\else"));
        c.endif().unwrap();
        assert!(c.active());
        assert!(!c.elif_needs_value());
        c.elif(None).unwrap();
        assert!(!c.active());
        // Inside a skipped branch, nothing runs whatever the values.
        c.push_if(None);
        assert!(!c.active());
        c.else_().unwrap();
        assert!(!c.active());
        c.endif().unwrap();
        c.else_().unwrap();
        assert!(!c.active());
        c.endif().unwrap();
        assert!(!c.is_open());
        assert_eq!(c.endif(), Err("\\endif: no matching \\if"));
        assert_eq!(c.else_(), Err("\\else: no matching \\if"));
    }
}
