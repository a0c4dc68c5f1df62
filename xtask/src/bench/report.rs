//! The report: sections of rows, as a table (stdout, report.md) and as JSON.

use anyhow::Result;
use camino::{Utf8Path, Utf8PathBuf};
use serde::{Deserialize, Serialize};

use crate::workspace as ws_fs;

#[derive(Serialize)]
pub struct Report {
    pub title: String,
    /// `--quick`: fewer, shorter rounds; noisier figures.
    pub quick: bool,
    pub sections: Vec<Section>,
}

#[derive(Serialize)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
    /// Markdown printed under the table: how it was measured, profiles.
    pub notes: Vec<String>,
}

/// One figure: the median of several rounds with their min and max, and
/// optionally what it is compared with and the goal for it.
#[derive(Serialize)]
pub struct Row {
    pub name: String,
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub unit: Unit,
    pub baseline: Option<Baseline>,
    /// median / baseline median.
    pub ratio: Option<f64>,
    pub target: Option<Target>,
    pub target_met: Option<bool>,
}

/// What a row is compared with, in the row's unit.
#[derive(Serialize)]
pub struct Baseline {
    pub name: String,
    pub median: f64,
}

/// A goal, shown beside the figure and never asserted.
#[derive(Serialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// ratio to the baseline at most this.
    MaxRatio(f64),
    /// median at most this, in the row's unit.
    MaxValue(f64),
}

#[derive(Serialize, Clone, Copy, PartialEq)]
pub enum Unit {
    #[serde(rename = "ns")]
    Nanos,
    #[serde(rename = "us")]
    Micros,
    #[serde(rename = "ms")]
    Millis,
    #[serde(rename = "s")]
    Seconds,
    #[serde(rename = "KB")]
    KiloBytes,
}

/// Median, min and max of the rounds of one measurement, as the timing
/// programs print them.
#[derive(Deserialize, Clone, Copy)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Unit {
    pub(super) fn symbol(self) -> &'static str {
        match self {
            Unit::Nanos => "ns",
            Unit::Micros => "µs",
            Unit::Millis => "ms",
            Unit::Seconds => "s",
            Unit::KiloBytes => "KB",
        }
    }

    pub(super) fn show(self, value: f64) -> String {
        let digits = match value.abs() {
            v if v >= 100.0 => 0,
            v if v >= 10.0 => 1,
            v if v >= 1.0 => 2,
            _ => 3,
        };
        format!("{value:.digits$} {}", self.symbol())
    }
}

impl Row {
    pub fn timed(name: impl Into<String>, stats: Stats, unit: Unit) -> Self {
        Self {
            name: name.into(),
            median: stats.median,
            min: stats.min,
            max: stats.max,
            unit,
            baseline: None,
            ratio: None,
            target: None,
            target_met: None,
        }
    }

    /// A figure measured once (a size).
    pub fn single(name: impl Into<String>, value: f64, unit: Unit) -> Self {
        Self::timed(
            name,
            Stats {
                median: value,
                min: value,
                max: value,
            },
            unit,
        )
    }

    /// Compared with `median` of `name`, in this row's unit.
    pub fn against(mut self, name: impl Into<String>, median: f64) -> Self {
        self.ratio = Some(self.median / median);
        self.baseline = Some(Baseline {
            name: name.into(),
            median,
        });
        self.target_met = self.target.map(|t| self.meets(t));
        self
    }

    pub fn target(mut self, target: Target) -> Self {
        self.target = Some(target);
        self.target_met = Some(self.meets(target));
        self
    }

    pub(super) fn meets(&self, target: Target) -> bool {
        match target {
            Target::MaxRatio(max) => self.ratio.is_some_and(|r| r <= max),
            Target::MaxValue(max) => self.median <= max,
        }
    }

    pub(super) fn cells(&self) -> [String; 6] {
        let u = self.unit;
        let spread = if self.min == self.max {
            String::new()
        } else {
            format!("{} – {}", u.show(self.min), u.show(self.max))
        };
        let baseline = self
            .baseline
            .as_ref()
            .map(|b| format!("{} {}", b.name, u.show(b.median)))
            .unwrap_or_default();
        let ratio = self.ratio.map(|r| format!("{r:.2}×")).unwrap_or_default();
        let target = match (self.target, self.target_met) {
            (Some(t), Some(met)) => {
                let goal = match t {
                    Target::MaxRatio(r) => format!("≤ {r}×"),
                    Target::MaxValue(v) => format!("≤ {v} {}", u.symbol()),
                };
                format!("{goal}: {}", if met { "met" } else { "MISSED" })
            }
            _ => String::new(),
        };
        [
            self.name.clone(),
            u.show(self.median),
            spread,
            baseline,
            ratio,
            target,
        ]
    }
}

impl Section {
    pub(super) fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub(super) fn markdown(&self) -> String {
        const HEAD: [&str; 6] = ["measure", "median", "min – max", "vs", "ratio", "target"];
        let cells: Vec<[String; 6]> = self.rows.iter().map(Row::cells).collect();
        let width = |i: usize| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain([HEAD[i].len()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..6).map(width).collect();
        let line = |row: &[String]| {
            let padded: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            format!("| {} |\n", padded.join(" | "))
        };
        let mut out = format!("\n## {}\n\n", self.title);
        out += &line(&HEAD.map(String::from));
        out += &line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>());
        for row in &cells {
            out += &line(row);
        }
        for note in &self.notes {
            out += &format!("\n{note}\n");
        }
        out
    }
}

impl Report {
    pub(super) fn sections_markdown(&self) -> String {
        self.sections.iter().map(Section::markdown).collect()
    }

    /// report.md and report.json in `dir`.
    pub(super) fn write(&self, dir: &Utf8Path) -> Result<(Utf8PathBuf, Utf8PathBuf)> {
        ws_fs::create_dir_all(dir)?;
        let md = dir.join("report.md");
        let json = dir.join("report.json");
        let header = format!(
            "# {}\n\n{}; {} CPU(s). Medians of interleaved rounds; targets are goals, never asserted.\n",
            self.title,
            if self.quick {
                "`--quick`: few short rounds, noisy"
            } else {
                "full rounds"
            },
            std::thread::available_parallelism().map_or(0, |n| n.get()),
        );
        ws_fs::write(&md, header + &self.sections_markdown())?;
        ws_fs::write(&json, serde_json::to_string_pretty(self)? + "\n")?;
        Ok((md, json))
    }
}
