//! itil-trainer: ITIL 4 mock exams in the terminal.
//!
//! Dependencies point one way: [`cli`] and [`tui`] use [`bankfile`] and [`store`], which
//! use [`domain`]. The domain knows nothing of files, SQLite or the terminal.

pub mod bankfile;
pub mod cli;
pub mod domain;
pub mod store;
pub mod tui;
