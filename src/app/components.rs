//! The UI's components. Each takes an `XxxProps` with plain data and `on*` callbacks;
//! none holds state of its own (the reducer in `state` does).

pub mod about_step;
pub mod field_error;
pub mod goals_step;
pub mod header;
pub mod health_step;
pub mod remember_box;
pub mod result_view;
pub mod resume_choice;
pub mod step_card;
pub mod terms;

pub use about_step::AboutStep;
pub use field_error::FieldError;
pub use goals_step::GoalsStep;
pub use header::Header;
pub use health_step::HealthStep;
pub use remember_box::RememberBox;
pub use result_view::ResultView;
pub use resume_choice::ResumeChoice;
pub use step_card::StepCard;
pub use terms::Terms;

/// Joins ids for `aria-describedby`, skipping the empty ones; `None` when none remain.
pub fn describedby(ids: &[&str]) -> Option<yew::AttrValue> {
    let joined = ids.iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then(|| joined.into())
}
