//! `cargo xtask <verb>`: every workflow of the project, in Rust.

mod components;
mod demo;
mod dist;
mod generate;
mod npm;
mod python;
mod test;
mod verify;
mod verify_negative;
mod workspace;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "joyous-departures' build, generation and test tasks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the bindings under generated/ from the declared API.
    Generate,
    /// Check generated/ against a fresh generation, the API-surface snapshots and parity.
    Verify,
    /// Build the Python wheel and the npm packages into target/dist/.
    Dist,
    /// Run every test: cargo tests, pytest on the built wheel, conformance vectors.
    Test,
    /// Print one seeded goodbye per runtime; all lines must agree.
    Demo,
}

fn main() -> anyhow::Result<()> {
    let workspace = workspace::Workspace::locate()?;
    match Cli::parse().command {
        Command::Generate => generate::run(&workspace),
        Command::Verify => verify::run(&workspace),
        Command::Dist => dist::run(&workspace),
        Command::Test => test::run(&workspace),
        Command::Demo => demo::run(&workspace),
    }
}
