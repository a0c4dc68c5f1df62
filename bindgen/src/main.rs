//! `joyous-bindgen`: a thin CLI over the library. `generate` writes the
//! wasm-bindgen glue crate and the TypeScript sources of a UniFFI crate;
//! `build` takes the crate all the way to an npm tarball.

use anyhow::{Context, Result};
use camino::Utf8PathBuf;
use clap::{Args, Parser, Subcommand};
use joyous_bindgen::build::{build, host_build, BuildOptions};
use joyous_bindgen::project::{Overrides, Project};

#[derive(Parser)]
#[command(
    name = "joyous-bindgen",
    version,
    about = "UniFFI crate -> wasm-bindgen glue + TypeScript package"
)]
struct Cli {
    #[command(subcommand)]
    command: Verb,
}

#[derive(Subcommand)]
enum Verb {
    /// Write the glue crate and the TypeScript sources of a UniFFI crate.
    Generate {
        /// The crate's built host cdylib (built now from --manifest-path when omitted).
        #[arg(long)]
        library: Option<Utf8PathBuf>,
        /// The UniFFI crate's Cargo.toml.
        #[arg(long)]
        manifest_path: Utf8PathBuf,
        /// Where the glue crate goes.
        #[arg(long)]
        out_wasm: Utf8PathBuf,
        /// Where the TypeScript package sources go.
        #[arg(long)]
        out_ts: Utf8PathBuf,
        /// The UniFFI crate (library name) to generate, when the cdylib holds several.
        #[arg(long = "crate")]
        crate_name: Option<String>,
        #[command(flatten)]
        package: PackageFlags,
    },
    /// Build an installable npm tarball from a UniFFI crate; prints its path.
    Build {
        /// The UniFFI crate's Cargo.toml.
        #[arg(long)]
        manifest_path: Utf8PathBuf,
        /// Where the tarball goes [default: <target dir>/joyous-bindgen/dist].
        #[arg(long)]
        out_dir: Option<Utf8PathBuf>,
        /// Keep the .wasm's function names (wasm-opt -g), so CPU profiles in
        /// Node, Chrome or workerd name the Rust functions; a larger .wasm.
        #[arg(long)]
        profiling: bool,
        #[command(flatten)]
        package: PackageFlags,
    },
}

/// Overrides of the crate's manifest and its `[package.metadata.joyous-bindgen]`.
#[derive(Args)]
struct PackageFlags {
    /// Cargo features of the crate the glue enables (comma-separated).
    #[arg(long, value_delimiter = ',')]
    features: Option<Vec<String>>,
    /// The npm package name [default: the cargo package name].
    #[arg(long)]
    npm_name: Option<String>,
    /// The npm package version [default: the crate's version].
    #[arg(long)]
    package_version: Option<String>,
    /// The npm license [default: the crate's license, else UNLICENSED].
    #[arg(long)]
    license: Option<String>,
}

impl From<PackageFlags> for Overrides {
    fn from(f: PackageFlags) -> Self {
        Overrides {
            npm_name: f.npm_name,
            version: f.package_version,
            license: f.license,
            features: f.features,
        }
    }
}

fn main() {
    if let Err(e) = run(Cli::parse()) {
        eprintln!("joyous-bindgen: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Verb::Build {
            manifest_path,
            out_dir,
            profiling,
            package,
        } => {
            let tarball = build(&BuildOptions {
                manifest_path,
                out_dir,
                overrides: package.into(),
                profiling,
            })?;
            println!("{tarball}");
        }
        Verb::Generate {
            library,
            manifest_path,
            out_wasm,
            out_ts,
            crate_name,
            package,
        } => {
            let project = Project::load(&manifest_path)?;
            let settings = project.settings(&package.into())?;
            let library = match library {
                Some(library) => library,
                None => host_build(&project, &settings.features)?,
            };
            let components = joyous_bindgen::load::load_component_interfaces_of(
                &library,
                &project.manifest_path,
            )?;
            let name = crate_name.as_deref().unwrap_or(&project.lib_name);
            let ci = joyous_bindgen::load::select(&components, Some(name), &library)?;
            let config = project.config(&settings, &out_wasm)?;
            let generated = joyous_bindgen::generate(ci, &config)
                .with_context(|| format!("generating the bindings of `{name}`"))?;
            joyous_bindgen::write_files(&out_wasm, &generated.wasm)?;
            joyous_bindgen::write_files(&out_ts, &generated.typescript)?;
            eprintln!(
                "joyous-bindgen: wrote {} glue files to {out_wasm} and {} TypeScript files to {out_ts}",
                generated.wasm.len(),
                generated.typescript.len()
            );
        }
    }
    Ok(())
}
