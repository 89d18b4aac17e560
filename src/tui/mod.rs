//! The terminal front end: state and messages ([`app`]), drawing ([`view`]) and the event
//! loop that runs effects against the store ([`runner`]).

pub mod app;
pub mod runner;
pub mod screens;
mod text;

pub use app::{App, Effect, Msg};
pub use runner::{Start, run};
