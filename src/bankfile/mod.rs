//! Bank files: parsing and validating format 1, and gathering the banks a session can use
//! (bundled ones, compiled in, and files from the user's folders).

mod catalog;
mod diagnostic;
mod lint;
mod parse;
mod text;

pub use catalog::{Catalog, LoadedBank, Refused, Source, bank_paths, bundled_sources, read_bank};
pub use diagnostic::{Diagnostic, Severity};
pub use parse::{Parsed, parse_bank};
