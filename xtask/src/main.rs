//! `cargo xtask <verb>`: every workflow of the project, in Rust.

mod bench;
mod components;
mod demo;
mod differential;
mod dist;
mod drift;
mod examples;
mod faults;
mod fuzz;
mod generate;
mod npm;
mod outside;
mod prereqs;
mod python;
mod smoke;
mod soak;
mod test;
mod verify;
mod verify_negative;
mod wheels;
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
    Verify {
        /// Instead, run verify's negative tests in a clean clone (minutes).
        #[arg(long)]
        negative: bool,
    },
    /// Build the Python wheels (manylinux2014 and musllinux_1_2, x86_64 and aarch64;
    /// each tag checked with auditwheel), the sdist and the npm packages into target/dist/.
    Dist,
    /// Smoke-test what `test` does not install: the sdist built from source in a fresh
    /// venv, the aarch64 wheel in an arm64 Debian under qemu-user (all when none named).
    Smoke {
        #[arg(value_enum)]
        checks: Vec<smoke::Check>,
    },
    /// Run every test: cargo tests, pytest on the built wheel, conformance vectors,
    /// the npm packages in Node, workerd and Chromium (installs Chromium and
    /// python3-venv with apt-get when root on Debian).
    Test,
    /// Print one seeded goodbye per runtime; all lines must agree (installs
    /// Chromium and python3-venv with apt-get when root on Debian).
    Demo,
    /// Differential test: seeded random options rendered natively, by the wheel, and by the
    /// npm package in Node and workerd; all must agree (seed: JD_DIFF_SEED).
    Diff {
        /// How many cases (default 3000; JD_DIFF_CASES also sets it).
        #[arg(long)]
        cases: Option<usize>,
        /// The seed of the cases (JD_DIFF_SEED also sets it; fresh when neither does).
        #[arg(long)]
        seed: Option<u64>,
        /// Use the wheel and npm package already installed under target/ (no build).
        #[arg(long)]
        installed: bool,
    },
    /// Build the libFuzzer targets of fuzz/ and run each (all when none named) for N
    /// seconds; prints executions and coverage, fails with the input of a crash or hang.
    Fuzz {
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        #[arg(value_enum)]
        targets: Vec<fuzz::Target>,
    },
    /// Time the bindings against hand-written baselines and the core; writes target/bench/.
    Bench {
        /// Fewer, shorter rounds (about a minute once built; noisier).
        #[arg(long)]
        quick: bool,
    },
    /// Soak the Python wheel and the npm package in Node (a few minutes): a million
    /// calls, objects dropped without dispose, async calls with some cancelled;
    /// fails if RSS or wasm memory keeps growing after warm-up.
    Soak {
        /// A tenth of the counts (under a minute once built).
        #[arg(long)]
        quick: bool,
        /// Keep some results alive, so the run must fail: proves the check can.
        #[arg(long)]
        leak: bool,
    },
}

fn main() -> anyhow::Result<()> {
    let workspace = workspace::Workspace::locate()?;
    match Cli::parse().command {
        Command::Generate => generate::run(&workspace),
        Command::Verify { negative: false } => verify::run(&workspace),
        Command::Verify { negative: true } => verify_negative::run(&workspace),
        Command::Dist => dist::run(&workspace),
        Command::Smoke { checks } => smoke::run(&workspace, &checks),
        Command::Test => test::run(&workspace),
        Command::Demo => demo::run(&workspace),
        Command::Diff { cases, seed, installed } => {
            let config = differential::Config::from_env(seed, cases)?;
            differential::verb(&workspace, &config, installed)
        }
        Command::Bench { quick } => bench::run(&workspace, quick),
        Command::Fuzz { seconds, targets } => fuzz::run(&workspace, seconds, &targets),
        Command::Soak { quick, leak } => soak::run(&workspace, quick, leak),
    }
}
