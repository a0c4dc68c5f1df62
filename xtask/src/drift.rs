//! generated/ compared with a generation made in memory, so that a plain
//! `cargo test` catches a hand edit or a stale regeneration, even without
//! `cargo xtask verify` (rust-analyzer's `ensure_file_contents` idea).

#[cfg(test)]
mod tests {
    use anyhow::{bail, Result};
    use camino::Utf8Path;

    use crate::components::{Component, ALL};
    use crate::generate::{component_interface, python_bindings};
    use crate::workspace::{self as ws_fs, Workspace};

    /// The first file under `committed` that differs from `fresh`
    /// (path relative to the directory, contents), or one only one side has.
    fn first_difference(
        committed: &Utf8Path,
        fresh: &[joyous_bindgen::File],
    ) -> Result<Option<String>> {
        let on_disk = ws_fs::relative_files(committed)?;
        for file in fresh {
            let path = committed.join(&file.path);
            if !on_disk.contains(&file.path) {
                return Ok(Some(format!("{path}: missing (a fresh generation has it)")));
            }
            if ws_fs::read_to_string(&path)? != file.contents {
                return Ok(Some(format!("{path}: differs from a fresh generation")));
            }
        }
        if let Some(extra) = on_disk.iter().find(|p| fresh.iter().all(|f| &f.path != *p)) {
            return Ok(Some(format!(
                "{}: not generated any more",
                committed.join(extra)
            )));
        }
        Ok(None)
    }

    /// Every file of `dir`, read, as the generator's `File`s.
    fn read_tree(dir: &Utf8Path) -> Result<Vec<joyous_bindgen::File>> {
        ws_fs::relative_files(dir)?
            .into_iter()
            .map(|path| {
                Ok(joyous_bindgen::File::new(
                    path.clone(),
                    ws_fs::read_to_string(&dir.join(path))?,
                ))
            })
            .collect()
    }

    /// `None` when generated/ holds exactly what `component` generates now.
    fn drift(ws: &Workspace, component: &Component) -> Result<Option<String>> {
        // cargo releases its build lock before it runs test binaries, so this
        // nested build (a no-op when `cargo xtask generate` or verify built
        // it) does not wait on the `cargo test` that runs us.
        let cdylib = component.build_cdylib(ws)?;
        let ci = component_interface(component, &cdylib)?;
        let generated = joyous_bindgen::generate(&ci, &component.bindgen_config(ws)?)?;
        // UniFFI's Python generator writes files: into a scratch dir, then read.
        let python = ws.target_dir().join("drift-test").join(component.package);
        ws_fs::remove_dir_all(&python)?;
        python_bindings(&cdylib, &python)?;
        let python = read_tree(&python)?;
        for (dir, files) in [
            (component.wasm_dir(&ws.root), &generated.wasm),
            (component.typescript_dir(&ws.root), &generated.typescript),
            (component.python_dir(&ws.root), &python),
        ] {
            if let Some(difference) = first_difference(&dir, files)? {
                let shown = difference
                    .strip_prefix(&format!("{}/", ws.root))
                    .unwrap_or(&difference);
                return Ok(Some(shown.to_owned()));
            }
        }
        Ok(None)
    }

    #[test]
    fn generated_code_matches_a_fresh_generation() -> Result<()> {
        let ws = Workspace::locate()?;
        let mut stale = Vec::new();
        for component in ALL {
            stale.extend(drift(&ws, component)?);
        }
        if !stale.is_empty() {
            bail!(
                "generated/ is stale:\n  {}\ngenerated code is never edited by hand: \
                 run `cargo xtask generate` and commit the result",
                stale.join("\n  ")
            );
        }
        Ok(())
    }

    #[test]
    fn a_changed_or_extra_file_is_reported() -> Result<()> {
        let dir = Workspace::locate()?.target_dir().join("drift-test/compare");
        ws_fs::remove_dir_all(&dir)?;
        ws_fs::create_dir_all(&dir.join("src"))?;
        ws_fs::write(&dir.join("src/a.ts"), "export {};\n")?;
        let same = [joyous_bindgen::File::new("src/a.ts", "export {};\n".into())];
        assert_eq!(first_difference(&dir, &same)?, None);
        let changed = [joyous_bindgen::File::new(
            "src/a.ts",
            "export const a = 1;\n".into(),
        )];
        assert_eq!(
            first_difference(&dir, &changed)?,
            Some(format!("{dir}/src/a.ts: differs from a fresh generation"))
        );
        ws_fs::write(&dir.join("extra.ts"), "")?;
        assert_eq!(
            first_difference(&dir, &same)?,
            Some(format!("{dir}/extra.ts: not generated any more"))
        );
        let more = [
            same[0].clone(),
            joyous_bindgen::File::new("extra.ts", String::new()),
            joyous_bindgen::File::new("b.ts", String::new()),
        ];
        assert_eq!(
            first_difference(&dir, &more)?,
            Some(format!("{dir}/b.ts: missing (a fresh generation has it)"))
        );
        Ok(())
    }
}
