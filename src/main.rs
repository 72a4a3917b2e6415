//! `pokin`: the command line of Pokin Studio (see `cli/`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
