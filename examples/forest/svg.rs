//! The plot: a log axis, a row per figure, a bar or dot per claim by side.

use std::fmt::Write as _;

use reckon::model::{Form, Side};
use reckon::{Decimal, Dossier, Finding, Interval};

const WIDTH: f64 = 900.0;
const LABEL: f64 = 330.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 50.0;
const CLAIM_STEP: f64 = 11.0;
const ROW_PAD: f64 = 10.0;

/// Colours for the sides, in the order the dossier names them.
const SIDE_COLOURS: &[&str] = &[
    "#c0392b", "#2471a3", "#7d3c98", "#d35400", "#117a65", "#6e2c00",
];
const NO_SIDE: &str = "#616a6b";

/// The sides the dossier names, sources' first, in order of first mention.
fn sides(d: &Dossier) -> Vec<Side> {
    let mut out: Vec<Side> = Vec::new();
    let named = d.sources().iter().filter_map(|s| s.side());
    for side in named.chain(d.figures().iter().filter_map(|f| f.scope().side())) {
        if !out.contains(side) {
            out.push(side.clone());
        }
    }
    out
}

/// The colour of a side (sides beyond the palette share its last colour).
fn colour(sides: &[Side], side: Option<&Side>) -> &'static str {
    let last = SIDE_COLOURS.len() - 1;
    side.and_then(|s| sides.iter().position(|x| x == s))
        .map_or(NO_SIDE, |k| SIDE_COLOURS[k.min(last)])
}

fn f(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// Maps values to x positions on a `log10(1 + x)` axis.
struct Axis {
    max: f64,
}

impl Axis {
    fn x(&self, v: f64) -> f64 {
        let span = WIDTH - LABEL - RIGHT;
        LABEL + span * (1.0 + v.max(0.0)).log10() / (1.0 + self.max).log10()
    }

    fn end(&self) -> f64 {
        WIDTH - RIGHT
    }

    fn ticks(&self) -> Vec<f64> {
        let mut t = vec![0.0];
        let mut decade = 1.0;
        while decade <= self.max {
            for m in [1.0, 2.0, 5.0] {
                if decade * m <= self.max {
                    t.push(decade * m);
                }
            }
            decade *= 10.0;
        }
        t
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub(crate) fn draw(d: &Dossier, rows: &[&Finding]) -> String {
    let sides = sides(d);
    let max = rows
        .iter()
        .flat_map(|fd| fd.claims().iter().map(|c| c.interval()))
        .map(|i| f(i.high().unwrap_or(i.low())))
        .fold(10.0_f64, f64::max);
    // Round the axis up to 1, 2 or 5 times a power of ten.
    let top = (0..30)
        .flat_map(|k| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(k)))
        .find(|t| *t >= max)
        .unwrap_or(max);
    let axis = Axis { max: top };
    let heights: Vec<f64> = rows
        .iter()
        .map(|fd| fd.claims().len() as f64 * CLAIM_STEP + 2.0 * ROW_PAD)
        .collect();
    let plot_height: f64 = heights.iter().sum();
    let height = TOP + plot_height + 90.0;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="10" y="22" font-size="15" font-weight="bold">Disputed figures: each claim, the reconciled range and the consensus</text>"#
    );
    // Grid and ticks.
    for t in axis.ticks() {
        let x = axis.x(t);
        let _ = writeln!(
            s,
            r##"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{:.1}" stroke="#e5e7e9"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="#555">{t}</text>"##,
            TOP + plot_height,
            TOP + plot_height + 16.0
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#555">people (log scale)</text>"##,
        axis.x(top.sqrt()),
        TOP + plot_height + 32.0
    );

    let mut y = TOP;
    for (fd, h) in rows.iter().zip(&heights) {
        let label = d
            .figure(fd.figure())
            .map_or(fd.figure().as_str(), |x| x.label());
        let label: String = if label.chars().count() > 50 {
            label.chars().take(49).chain(std::iter::once('…')).collect()
        } else {
            label.to_owned()
        };
        let _ = writeln!(
            s,
            r##"<line x1="10" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#d5d8dc"/>"##,
            axis.end()
        );
        let _ = writeln!(
            s,
            r#"<text x="10" y="{:.1}">{}</text>"#,
            y + h / 2.0 + 4.0,
            escape(&label)
        );
        // The reconciled range, shaded, and the best value.
        if let Some(r) = fd.range() {
            let x1 = axis.x(f(r.low()));
            let x2 = r.high().map_or(axis.end(), |h| axis.x(f(h)));
            let _ = writeln!(
                s,
                r##"<rect x="{x1:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#f9e79f" opacity="0.7"/>"##,
                y + 2.0,
                (x2 - x1).max(2.0),
                h - 4.0
            );
            if let Some(b) = fd.best() {
                let bx = axis.x(f(b));
                let _ = writeln!(
                    s,
                    r##"<path d="M{bx:.1},{:.1} l4,4 l-4,4 l-4,-4 z" fill="#b7950b"/>"##,
                    y + h - 10.0
                );
            }
        }
        // The consensus, bracketed.
        if let Some(c) = fd.consensus() {
            let x1 = axis.x(f(c.low()));
            let x2 = c.high().map_or(axis.end(), |h| axis.x(f(h)));
            let (t, b) = (y + 3.0, y + h - 3.0);
            let _ = writeln!(
                s,
                r##"<path d="M{:.1},{t:.1} h-3 V{b:.1} h3 M{:.1},{t:.1} h3 V{b:.1} h-3" fill="none" stroke="#1e8449" stroke-width="2"/>"##,
                x1, x2
            );
        }
        for (k, c) in fd.claims().iter().enumerate() {
            let cy = y + ROW_PAD + CLAIM_STEP * (k as f64 + 0.5);
            let claim = d.claim(c.claim());
            let side = claim
                .and_then(|cl| d.source(d.originator(cl.source())))
                .and_then(|src| src.side());
            let col = colour(&sides, side);
            let dash = if c.is_counted() {
                ""
            } else {
                r#" stroke-dasharray="3,2" opacity="0.6""#
            };
            let title = claim.map_or(String::new(), |cl| {
                format!("{} — {}: {}", cl.id(), cl.source(), cl.value())
            });
            let _ = write!(s, "<g><title>{}</title>", escape(&title));
            draw_claim(
                &mut s,
                &axis,
                c.interval(),
                claim.map(|cl| cl.value().form()),
                cy,
                col,
                dash,
            );
            s.push_str("</g>\n");
        }
        y += h;
    }
    let _ = writeln!(
        s,
        r##"<line x1="10" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#d5d8dc"/>"##,
        axis.end()
    );

    // Legend.
    let ly = height - 30.0;
    let mut lx = 10.0;
    let legend = sides.iter().map(|x| (format!("side: {x}"), Some(x)));
    for (name, side) in legend.chain([("no side".to_owned(), None)]) {
        let _ = writeln!(
            s,
            r#"<line x1="{lx}" y1="{ly}" x2="{}" y2="{ly}" stroke="{}" stroke-width="3"/><text x="{}" y="{}">{}</text>"#,
            lx + 20.0,
            colour(&sides, side),
            lx + 25.0,
            ly + 4.0,
            escape(&name)
        );
        lx += 45.0 + 7.0 * name.chars().count() as f64;
    }
    let _ = writeln!(
        s,
        r##"<rect x="{lx}" y="{}" width="20" height="10" fill="#f9e79f"/><text x="{}" y="{}">reconciled range (weighted), ◆ best</text>"##,
        ly - 5.0,
        lx + 25.0,
        ly + 4.0
    );
    lx += 250.0;
    let _ = writeln!(
        s,
        r##"<path d="M{},{} h-3 v10 h3" fill="none" stroke="#1e8449" stroke-width="2"/><text x="{}" y="{}">consensus</text>"##,
        lx + 3.0,
        ly - 5.0,
        lx + 8.0,
        ly + 4.0
    );
    let _ = writeln!(
        s,
        r##"<text x="10" y="{}" fill="#555">→ open bound (more than, at least)  · dashed: superseded by a revision</text>"##,
        ly + 20.0
    );
    let _ = writeln!(s, "</svg>");
    s
}

fn draw_claim(
    s: &mut String,
    axis: &Axis,
    i: Interval,
    form: Option<&Form>,
    y: f64,
    col: &str,
    extra: &str,
) {
    let x1 = axis.x(f(i.low()));
    match i.high() {
        None => {
            let x2 = axis.end();
            let _ = write!(
                s,
                r#"<line x1="{x1:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{col}" stroke-width="3"{extra}/><path d="M{x2:.1},{y:.1} l-7,-4 v8 z" fill="{col}"/>"#,
                x2 - 6.0
            );
            if matches!(form, Some(Form::Unknown)) {
                let _ = write!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" fill="{col}" font-size="10">unknown</text>"#,
                    x1 + 4.0,
                    y - 2.0
                );
            }
        }
        Some(h) if h == i.low() => {
            let _ = write!(
                s,
                r#"<circle cx="{x1:.1}" cy="{y:.1}" r="4" fill="{col}"{extra}/>"#
            );
        }
        Some(h) => {
            let x2 = axis.x(f(h));
            let _ = write!(
                s,
                r#"<line x1="{x1:.1}" y1="{y:.1}" x2="{x2:.1}" y2="{y:.1}" stroke="{col}" stroke-width="3"{extra}/><line x1="{x1:.1}" y1="{:.1}" x2="{x1:.1}" y2="{:.1}" stroke="{col}" stroke-width="2"/><line x1="{x2:.1}" y1="{:.1}" x2="{x2:.1}" y2="{:.1}" stroke="{col}" stroke-width="2"/>"#,
                y - 4.0,
                y + 4.0,
                y - 4.0,
                y + 4.0
            );
        }
    }
}
