//! The command line: one parsed [`Cli`], dispatched to the TUI or to a report.

mod reports;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::bankfile::{Catalog, Source, bank_paths, bundled_sources, read_bank};
use crate::store::{self, Store};
use crate::tui;

#[derive(Debug, Parser)]
#[command(
    name = "itil-trainer",
    version,
    about = "ITIL 4 mock exams in the terminal: timed papers, results per syllabus area and Bloom level, local history"
)]
pub struct Cli {
    /// Folder for history (default: the platform's data folder for itil-trainer)
    #[arg(long, global = true, env = "ITIL_TRAINER_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Extra bank files (*.toml); a bank with a bundled exam's id replaces it
    #[arg(long, global = true, env = "ITIL_TRAINER_BANKS", value_name = "DIR")]
    pub banks: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sit a timed mock paper straight away
    Exam {
        /// Exam id, as `banks` lists it (foundation, cds, dsv, hvit, dpi)
        exam: String,
        /// Seed for the paper: the same seed gives everyone the same questions in the same order
        #[arg(long)]
        seed: Option<u64>,
        /// 25% more time, as the exam allows candidates sitting it in a second language
        #[arg(long)]
        extra_time: bool,
    },
    /// List the exams loaded: id, name, source file, questions, areas, full papers possible
    Banks {
        #[arg(long)]
        json: bool,
    },
    /// Check bank files (default: the bundled ones); exit status 1 on any error
    Validate {
        /// Bank files or folders of them
        paths: Vec<PathBuf>,
    },
    /// List past attempts, newest first
    History {
        /// Only this exam
        exam: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Correct/total per syllabus area and Bloom level over all attempts
    Stats {
        /// Only this exam
        exam: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// Where this session reads banks from and keeps history.
pub struct Settings {
    pub data_dir: Option<PathBuf>,
    pub banks: Option<PathBuf>,
}

impl Settings {
    pub fn catalog(&self) -> Catalog {
        let mut folders = Vec::new();
        if let Some(data) = &self.data_dir {
            folders.push((data.join("banks"), false));
        }
        if let Some(banks) = &self.banks {
            folders.push((banks.clone(), true));
        }
        Catalog::load(&folders)
    }

    pub fn open_store(&self) -> Result<Store, String> {
        let dir = self.data_dir.as_deref().ok_or("no data folder: this system has no home folder; pass --data-dir")?;
        Store::open(&store::database_path(dir)).map_err(|e| e.to_string())
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = Settings { data_dir: cli.data_dir.or_else(store::default_data_dir), banks: cli.banks };
    match cli.command {
        None => run_tui(&settings, tui::Start::Home),
        Some(Command::Exam { exam, seed, extra_time }) => {
            run_tui(&settings, tui::Start::Exam { exam, seed, extra_time })
        }
        Some(Command::Banks { json }) => reports::banks(&settings.catalog(), json),
        Some(Command::Validate { paths }) => validate(&paths),
        Some(Command::History { exam, json }) => with_store(&settings, |s| reports::history(s, exam.as_deref(), json)),
        Some(Command::Stats { exam, json }) => with_store(&settings, |s| reports::stats(s, exam.as_deref(), json)),
    }
}

fn run_tui(settings: &Settings, start: tui::Start) -> ExitCode {
    match tui::run(settings, start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("itil-trainer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn with_store(settings: &Settings, report: impl FnOnce(&Store) -> Result<(), String>) -> ExitCode {
    let result = settings.open_store().and_then(|store| report(&store));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("itil-trainer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut sources = Vec::new();
    let mut unreadable = false;
    if paths.is_empty() {
        sources = bundled_sources();
    }
    for path in paths {
        match read_sources(path) {
            Ok(found) => sources.extend(found),
            Err(e) => {
                println!("{}: error: cannot read: {e}", path.display());
                unreadable = true;
            }
        }
    }
    let ok = reports::validation(sources);
    if ok && !unreadable { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// A bank file, or every `*.toml` in a folder.
fn read_sources(path: &Path) -> std::io::Result<Vec<(Source, String)>> {
    if path.is_dir() { bank_paths(path)?.iter().map(|f| read_bank(f)).collect() } else { Ok(vec![read_bank(path)?]) }
}
