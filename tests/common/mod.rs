//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use itil_trainer::bankfile::{Catalog, Source};
use itil_trainer::domain::Bank;

pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

/// A catalog holding only the mini fixture bank, so screens do not change with the real banks.
pub fn mini_catalog() -> Catalog {
    let path = fixture("banks/mini.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let catalog = Catalog::from_sources(vec![(Source::File(PathBuf::from("tests/fixtures/banks/mini.toml")), text)]);
    assert!(catalog.refused.is_empty(), "{:?}", catalog.refused);
    catalog
}

pub fn mini_bank() -> Bank {
    mini_catalog().banks.remove(0).bank
}
