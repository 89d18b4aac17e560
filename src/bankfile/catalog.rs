//! The banks a session can use: the bundled ones, then files from the data folder's
//! `banks/` and from `--banks`; a later file with the same exam id replaces an earlier bank.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Locator, Severity};
use super::parse::{Parsed, parse_bank};
use crate::domain::Bank;

include!(concat!(env!("OUT_DIR"), "/bundled_banks.rs"));

/// Where a bank came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Bundled(&'static str),
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Bundled(name) => write!(f, "{name} (bundled)"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl Source {
    /// The name used in messages: the path, without the "(bundled)" note.
    pub fn file_name(&self) -> String {
        match self {
            Source::Bundled(name) => name.to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LoadedBank {
    pub bank: Bank,
    pub source: Source,
    pub warnings: Vec<Diagnostic>,
}

/// A bank file that could not be used, and why.
#[derive(Debug, Clone)]
pub struct Refused {
    pub source: Source,
    pub errors: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub banks: Vec<LoadedBank>,
    pub refused: Vec<Refused>,
}

/// The bundled banks as (source, text).
pub fn bundled_sources() -> Vec<(Source, String)> {
    BUNDLED.iter().map(|(name, text)| (Source::Bundled(name), text.to_string())).collect()
}

impl Catalog {
    /// Bundled banks, then `*.toml` in each folder in turn. A folder that cannot be read is
    /// reported as a refused source; a missing folder is only an error if `required`.
    pub fn load(folders: &[(PathBuf, bool)]) -> Catalog {
        let mut sources = bundled_sources();
        let mut unreadable = Vec::new();
        for (dir, required) in folders {
            match bank_files(dir) {
                Ok((files, problems)) => {
                    sources.extend(files);
                    unreadable.extend(problems);
                }
                Err(e) if *required || e.kind() != std::io::ErrorKind::NotFound => {
                    unreadable.push(folder_problem(dir, &format!("cannot read the banks folder: {e}")))
                }
                Err(_) => {}
            }
        }
        let mut catalog = Catalog::from_sources(sources);
        catalog.refused.extend(unreadable);
        catalog
    }

    /// Parses every source; later sources replace earlier banks of the same exam, and a
    /// question id used by two different exams refuses the later bank.
    pub fn from_sources(sources: Vec<(Source, String)>) -> Catalog {
        // Banks are independent files: parsing them side by side halves start-up on two cores.
        let results: Vec<(Source, Result<Parsed, Vec<Diagnostic>>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = sources
                .into_iter()
                .map(|(source, text)| {
                    scope.spawn(move || {
                        let result = parse_bank(&source.file_name(), &text);
                        (source, result)
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().expect("parsing a bank does not panic")).collect()
        });
        let mut parsed: Vec<(Source, Parsed)> = Vec::new();
        let mut refused = Vec::new();
        for (source, result) in results {
            match result {
                Ok(p) => {
                    parsed.retain(|(_, earlier)| earlier.bank.exam.id != p.bank.exam.id);
                    parsed.push((source, p));
                }
                Err(errors) => refused.push(Refused { source, errors }),
            }
        }
        let mut owner: HashMap<String, String> = HashMap::new();
        let mut banks = Vec::new();
        for (source, p) in parsed {
            let clashes = cross_bank_duplicates(&source, &p, &owner);
            if clashes.is_empty() {
                for q in &p.bank.questions {
                    owner.insert(q.id.clone(), p.bank.exam.id.clone());
                }
                banks.push(LoadedBank { bank: p.bank, source, warnings: p.warnings });
            } else {
                refused.push(Refused { source, errors: clashes });
            }
        }
        // By name: "ITIL 4 Foundation", then the Specialist modules, then the Strategist one.
        banks.sort_by(|a, b| a.bank.exam.name.cmp(&b.bank.exam.name).then_with(|| a.bank.exam.id.cmp(&b.bank.exam.id)));
        Catalog { banks, refused }
    }

    pub fn get(&self, exam_id: &str) -> Option<&LoadedBank> {
        self.banks.iter().find(|b| b.bank.exam.id == exam_id)
    }
}

fn cross_bank_duplicates(source: &Source, p: &Parsed, owner: &HashMap<String, String>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = p
        .bank
        .questions
        .iter()
        .filter_map(|q| {
            let other = owner.get(&q.id)?;
            let (line, column) = p.id_positions[&q.id];
            Some(Diagnostic {
                file: source.file_name(),
                line,
                column,
                severity: Severity::Error,
                message: format!(
                    "duplicate question id {:?}: bank {other:?} uses it already; ids are unique across all banks",
                    q.id
                ),
            })
        })
        .collect();
    out.sort_by_key(|d| d.line);
    out
}

/// Every `*.toml` in `dir`, in name order.
pub fn bank_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    paths.sort();
    Ok(paths)
}

/// A bank file's text (invalid UTF-8 shown as replacement characters, so the parser can point at it).
pub fn read_bank(path: &Path) -> std::io::Result<(Source, String)> {
    let bytes = std::fs::read(path)?;
    Ok((Source::File(path.to_path_buf()), String::from_utf8_lossy(&bytes).into_owned()))
}

/// Bank sources as (where from, TOML text).
type Sources = Vec<(Source, String)>;

/// The readable bank files of a folder, and a refusal for each file that could not be read.
fn bank_files(dir: &Path) -> std::io::Result<(Sources, Vec<Refused>)> {
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for path in bank_paths(dir)? {
        match read_bank(&path) {
            Ok(source) => read.push(source),
            Err(e) => unreadable.push(folder_problem(&path, &format!("cannot read the bank file: {e}"))),
        }
    }
    Ok((read, unreadable))
}

fn folder_problem(path: &Path, message: &str) -> Refused {
    let name = path.display().to_string();
    let d = Locator::new(&name, "").error(0, message);
    Refused { source: Source::File(path.to_path_buf()), errors: vec![d] }
}
