//! report.svg: every ratio of the report as a bar on a log scale, grouped by
//! section, with the 1.0 line and each row's target drawn, so a glance shows
//! what is met, what is missed and by how much.

use std::fmt::Write;

use super::report::{Report, Row, Target};

/// One bar: a row that has a ratio.
#[derive(Debug, PartialEq)]
pub(super) struct Bar {
    pub label: String,
    pub ratio: f64,
    /// The target as a ratio to the row's baseline, when it has one
    /// (a `MaxValue` target is divided by the baseline's median).
    pub target: Option<f64>,
    pub met: Option<bool>,
}

#[derive(Debug, PartialEq)]
pub(super) struct Group {
    pub title: String,
    pub bars: Vec<Bar>,
}

pub(super) fn groups(report: &Report) -> Vec<Group> {
    report
        .sections
        .iter()
        .map(|section| Group {
            title: section.title.clone(),
            bars: section.rows.iter().filter_map(bar).collect(),
        })
        .filter(|group| !group.bars.is_empty())
        .collect()
}

fn bar(row: &Row) -> Option<Bar> {
    let ratio = row.ratio.filter(|r| r.is_finite() && *r > 0.0)?;
    let target = match (row.target, &row.baseline) {
        (Some(Target::MaxRatio(max)), _) => Some(max),
        (Some(Target::MaxValue(max)), Some(baseline)) if baseline.median > 0.0 => {
            Some(max / baseline.median)
        }
        _ => None,
    };
    let vs = row
        .baseline
        .as_ref()
        .map_or(String::new(), |b| format!(" (vs {})", b.name));
    Some(Bar {
        label: format!("{}{vs}", row.name),
        ratio,
        target,
        met: row.target_met,
    })
}

const WIDTH: f64 = 1100.0;
const LABEL_WIDTH: f64 = 560.0;
const PLOT_LEFT: f64 = LABEL_WIDTH + 10.0;
const PLOT_RIGHT: f64 = WIDTH - 70.0;
const ROW: f64 = 18.0;
const HEADING: f64 = 26.0;
const TOP: f64 = 64.0;

/// A log-10 axis from the smallest to the largest value drawn, on 1-2-5 ticks.
pub(super) struct Axis {
    lo: f64,
    hi: f64,
}

impl Axis {
    pub(super) fn spanning(groups: &[Group]) -> Self {
        let values = groups
            .iter()
            .flat_map(|g| &g.bars)
            .flat_map(|b| [Some(b.ratio), b.target])
            .flatten()
            .chain([1.0]);
        let (min, max) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        Self {
            lo: nice_below(min),
            hi: nice_above(max),
        }
    }

    pub(super) fn x(&self, value: f64) -> f64 {
        let t = (value.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10());
        PLOT_LEFT + t * (PLOT_RIGHT - PLOT_LEFT)
    }

    fn ticks(&self) -> Vec<f64> {
        let mut ticks = Vec::new();
        let mut decade = 10f64.powf(self.lo.log10().floor());
        while decade <= self.hi {
            for step in [1.0, 2.0, 5.0] {
                let tick = decade * step;
                if tick >= self.lo * 0.999 && tick <= self.hi * 1.001 {
                    ticks.push(tick);
                }
            }
            decade *= 10.0;
        }
        ticks
    }
}

/// The 1-2-5 step at or below `v`.
fn nice_below(v: f64) -> f64 {
    let decade = 10f64.powf(v.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|s| s * decade)
        .find(|n| *n <= v)
        .unwrap_or(decade)
}

/// The 1-2-5 step at or above `v`.
fn nice_above(v: f64) -> f64 {
    let decade = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|s| s * decade)
        .find(|n| *n >= v)
        .unwrap_or(10.0 * decade)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// About as many characters of 11 px sans-serif as fit left of the plot.
const LABEL_CHARS: usize = 92;

/// `text`, cut to `max` characters with an ellipsis.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{kept}…")
}

fn show_ratio(r: f64) -> String {
    if r >= 10.0 {
        format!("{r:.1}×")
    } else {
        format!("{r:.2}×")
    }
}

const MET: &str = "#2e7d32";
const MISSED: &str = "#c62828";
const NO_TARGET: &str = "#9e9e9e";

pub(super) fn svg(report: &Report) -> String {
    let groups = groups(report);
    let axis = Axis::spanning(&groups);
    let rows: usize = groups.iter().map(|g| g.bars.len()).sum();
    let height = TOP + groups.len() as f64 * HEADING + rows as f64 * ROW + 30.0;
    let mut out = String::new();
    let w = &mut out;
    // Writing to a String cannot fail.
    let _ = writeln!(
        w,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="11">"#
    );
    let _ = writeln!(w, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        w,
        r#"<text x="10" y="20" font-size="15" font-weight="bold">{}: each ratio to what it is compared with (log scale){}</text>"#,
        escape(&report.title),
        if report.quick { ", --quick run" } else { "" }
    );
    let _ = writeln!(
        w,
        r#"<text x="10" y="40"><tspan fill="{MET}">■ target met</tspan>   <tspan fill="{MISSED}">■ target missed</tspan>   <tspan fill="{NO_TARGET}">■ no target</tspan>   │ target   ┆ 1.0 (as fast as what it is compared with)</text>"#
    );
    let bottom = height - 24.0;
    for tick in axis.ticks() {
        let x = axis.x(tick);
        let _ = writeln!(
            w,
            r##"<line x1="{x:.1}" y1="{TOP:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#eeeeee"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="#616161">{tick}×</text>"##,
            bottom + 14.0
        );
    }
    let one = axis.x(1.0);
    let mut y = TOP;
    for group in &groups {
        y += HEADING;
        let _ = writeln!(
            w,
            r#"<text x="10" y="{:.1}" font-weight="bold">{}</text>"#,
            y - 8.0,
            escape(&group.title)
        );
        for bar in &group.bars {
            let (x0, x1) = (one.min(axis.x(bar.ratio)), one.max(axis.x(bar.ratio)));
            let colour = match bar.met {
                Some(true) => MET,
                Some(false) => MISSED,
                None => NO_TARGET,
            };
            let _ = writeln!(
                w,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
                LABEL_WIDTH,
                y + ROW - 5.0,
                escape(&fit(&bar.label, LABEL_CHARS))
            );
            let _ = writeln!(
                w,
                r#"<rect class="bar" x="{x0:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{colour}"/>"#,
                y + 3.0,
                (x1 - x0).max(1.0),
                ROW - 6.0
            );
            if let Some(target) = bar.target {
                let tx = axis.x(target);
                let _ = writeln!(
                    w,
                    r#"<line class="target" x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}" stroke="black" stroke-width="2"/>"#,
                    y + 1.0,
                    y + ROW - 1.0
                );
            }
            // The figure goes right of the bar and of its target line.
            let text_x = bar.target.map_or(x1, |t| x1.max(axis.x(t))) + 4.0;
            let _ = writeln!(
                w,
                r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
                text_x,
                y + ROW - 5.0,
                show_ratio(bar.ratio)
            );
            y += ROW;
        }
    }
    let _ = writeln!(
        w,
        r#"<line x1="{one:.1}" y1="{TOP:.1}" x2="{one:.1}" y2="{bottom:.1}" stroke="black" stroke-dasharray="4 3"/>"#
    );
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::report::{Section, Stats, Unit};

    fn timed(name: &str, median: f64) -> Row {
        Row::timed(
            name,
            Stats {
                median,
                min: median,
                max: median,
            },
            Unit::Micros,
        )
    }

    fn report() -> Report {
        let mut node = Section::new("Node <20>");
        node.rows = vec![
            timed("fast & met", 1.1)
                .target(Target::MaxRatio(1.2))
                .against("baseline", 1.0),
            timed("slow", 2.0)
                .target(Target::MaxRatio(1.2))
                .against("baseline", 1.0),
            timed("faster than it", 0.5).against("peer", 1.0),
            timed("no comparison", 3.0),
        ];
        let mut python = Section::new("Python");
        python.rows = vec![timed("hot path", 10.0)
            .target(Target::MaxValue(5.0))
            .against("PyO3", 0.25)];
        let mut empty = Section::new("Tooling");
        empty.rows = vec![timed("verify", 3.0)];
        Report {
            title: "bench".into(),
            quick: true,
            sections: vec![node, python, empty],
        }
    }

    #[test]
    fn every_row_with_a_ratio_is_a_bar_and_a_value_target_becomes_a_ratio() {
        let groups = groups(&report());
        let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Node <20>", "Python"],
            "a section without ratios is left out"
        );
        let node: Vec<(&str, f64, Option<f64>, Option<bool>)> = groups[0]
            .bars
            .iter()
            .map(|b| (b.label.as_str(), b.ratio, b.target, b.met))
            .collect();
        assert_eq!(
            node,
            [
                ("fast & met (vs baseline)", 1.1, Some(1.2), Some(true)),
                ("slow (vs baseline)", 2.0, Some(1.2), Some(false)),
                ("faster than it (vs peer)", 0.5, None, None),
            ]
        );
        // ≤ 5 µs against PyO3's 0.25 µs is a ratio of 20.
        assert_eq!(groups[1].bars[0].target, Some(20.0));
        assert_eq!(groups[1].bars[0].met, Some(false));
    }

    #[test]
    fn the_axis_is_logarithmic_and_spans_every_ratio_and_target() {
        let groups = groups(&report());
        let axis = Axis::spanning(&groups);
        // The hot path is 10 / 0.25 = 40× its baseline: the axis ends on the next step, 50.
        assert_eq!((axis.lo, axis.hi), (0.5, 50.0));
        let (half, one, two) = (axis.x(0.5), axis.x(1.0), axis.x(2.0));
        assert!(
            (one - half - (two - one)).abs() < 1e-9,
            "0.5 and 2 are as far from 1"
        );
        assert_eq!(axis.x(0.5), PLOT_LEFT);
        assert!((axis.x(50.0) - PLOT_RIGHT).abs() < 1e-9);
        assert_eq!(axis.ticks(), [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0]);
    }

    #[test]
    fn the_svg_has_a_bar_per_ratio_a_line_per_target_and_escaped_text() {
        let svg = svg(&report());
        assert_eq!(svg.matches(r#"<rect class="bar""#).count(), 4);
        assert_eq!(svg.matches(r#"<line class="target""#).count(), 3);
        assert!(svg.contains("Node &lt;20&gt;") && svg.contains("fast &amp; met"));
        assert!(!svg.contains("Node <20>"));
        assert!(
            svg.contains(&format!(r#"fill="{MISSED}""#))
                && svg.contains(&format!(r#"fill="{MET}""#))
        );
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(fit("short", 8), "short");
        assert_eq!(fit("a label too long", 8), "a label…");
        assert_eq!(fit("ééééé", 5), "ééééé");
    }
}
