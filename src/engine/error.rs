//! Errors are values with a stable shape: a `type` tag and the place that is wrong.

use std::fmt;

use serde::Serialize;

/// Everything the engine can refuse. Only malformed input is an error; odd but valid
/// answers give a recommendation with warnings instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EngineError {
    /// The answers are malformed. `field` is the JSON path (`goals[1]`, `age`).
    InvalidAnswers { field: String, message: String },
    /// A rules file is malformed. `path` is a JSON path (`$.goals[2].treatment`).
    InvalidRules { path: String, message: String },
}

impl EngineError {
    pub fn invalid_answers(field: impl Into<String>, message: impl Into<String>) -> Self {
        let field = field.into();
        let field = if field.is_empty() || field == "." || field == "?" { "answers".to_string() } else { field };
        EngineError::InvalidAnswers { field, message: message.into() }
    }

    pub fn invalid_rules(path: impl Into<String>, message: impl Into<String>) -> Self {
        EngineError::InvalidRules { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::InvalidAnswers { field, message } => {
                write!(f, "invalid answers: {field}: {message}")
            }
            EngineError::InvalidRules { path, message } => {
                write!(f, "invalid rules: {path}: {message}")
            }
        }
    }
}

impl std::error::Error for EngineError {}
