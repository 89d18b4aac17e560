fn main() -> std::process::ExitCode {
    itil_trainer::cli::main()
}
