//! Small plotting helpers over plotters: line charts, images of 2-d arrays, polygons.

use plotters::prelude::*;
use sci::ndarray::ArrayView2;
use std::path::Path;

type PlotResult = Result<(), Box<dyn std::error::Error>>;

/// A named line series.
pub struct Series<'a> {
    /// Legend label.
    pub label: &'a str,
    /// Points.
    pub points: Vec<(f64, f64)>,
    /// Colour.
    pub color: RGBColor,
}

/// Palette for successive series.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

fn bounds(series: &[Series<'_>]) -> ((f64, f64), (f64, f64)) {
    let mut x = (f64::INFINITY, f64::NEG_INFINITY);
    let mut y = (f64::INFINITY, f64::NEG_INFINITY);
    for s in series {
        for &(px, py) in &s.points {
            if px.is_finite() && py.is_finite() {
                x = (x.0.min(px), x.1.max(px));
                y = (y.0.min(py), y.1.max(py));
            }
        }
    }
    let pad = |r: (f64, f64)| {
        let d = (r.1 - r.0).abs().max(1e-12) * 0.05;
        (r.0 - d, r.1 + d)
    };
    (pad(x), pad(y))
}

/// A line chart of several series with a legend.
pub fn lines(path: &Path, title: &str, xlabel: &str, ylabel: &str, series: &[Series<'_>]) -> PlotResult {
    let root = BitMapBackend::new(path, (800, 500)).into_drawing_area();
    root.fill(&WHITE)?;
    let ((x0, x1), (y0, y1)) = bounds(series);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart.configure_mesh().x_desc(xlabel).y_desc(ylabel).draw()?;
    for s in series {
        let color = s.color;
        chart
            .draw_series(LineSeries::new(s.points.iter().copied(), color.stroke_width(2)))?
            .label(s.label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2)));
    }
    chart.configure_series_labels().background_style(WHITE.mix(0.8)).border_style(BLACK).draw()?;
    root.present()?;
    Ok(())
}

/// A viridis-like colour for `t` in [0, 1].
pub fn colormap(t: f64) -> RGBColor {
    const STOPS: [(f64, f64, f64); 5] = [
        (68.0, 1.0, 84.0),
        (59.0, 82.0, 139.0),
        (33.0, 145.0, 140.0),
        (94.0, 201.0, 98.0),
        (253.0, 231.0, 37.0),
    ];
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 } * (STOPS.len() - 1) as f64;
    let i = (t.floor() as usize).min(STOPS.len() - 2);
    let f = t - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |p: f64, q: f64| (p + (q - p) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// An image of a 2-d array (row 0 at the top), scaled to its min..max, `scale` pixels per cell.
pub fn image(path: &Path, title: &str, data: ArrayView2<'_, f64>, scale: u32) -> PlotResult {
    let (rows, cols) = data.dim();
    let (lo, hi) = data
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let span = if hi > lo { hi - lo } else { 1.0 };
    let (w, h) = (cols as u32 * scale, rows as u32 * scale);
    let root = BitMapBackend::new(path, (w.max(1), h.max(1) + 40)).into_drawing_area();
    root.fill(&WHITE)?;
    let (top, body) = root.split_vertically(40);
    top.titled(title, ("sans-serif", 20))?;
    for ((r, c), &v) in data.indexed_iter() {
        let color = colormap((v - lo) / span);
        let (x, y) = (c as i32 * scale as i32, r as i32 * scale as i32);
        body.draw(&Rectangle::new([(x, y), (x + scale as i32, y + scale as i32)], color.filled()))?;
    }
    root.present()?;
    Ok(())
}

/// Closed polygons (each a list of vertices) drawn as outlines on equal axes.
pub fn polygons(path: &Path, title: &str, polys: &[Vec<(f64, f64)>]) -> PlotResult {
    let root = BitMapBackend::new(path, (600, 640)).into_drawing_area();
    root.fill(&WHITE)?;
    let pts: Vec<Series<'_>> =
        vec![Series { label: "", points: polys.iter().flatten().copied().collect(), color: BLACK }];
    let ((x0, x1), (y0, y1)) = bounds(&pts);
    let (lo, hi) = (x0.min(y0), x1.max(y1));
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(30)
        .y_label_area_size(40)
        .build_cartesian_2d(lo..hi, lo..hi)?;
    chart.configure_mesh().draw()?;
    for (i, p) in polys.iter().enumerate() {
        let mut closed = p.clone();
        if let Some(&first) = p.first() {
            closed.push(first);
        }
        chart.draw_series(LineSeries::new(closed, PALETTE[i % PALETTE.len()].stroke_width(2)))?;
    }
    root.present()?;
    Ok(())
}

/// A scatter plot: each series of `clouds` as small circles (with a legend), each series of
/// `dots` (e.g. points sampled along a curve) as filled dots without lines.
pub fn scatter(path: &Path, title: &str, clouds: &[Series<'_>], dots: &[Series<'_>]) -> PlotResult {
    let root = BitMapBackend::new(path, (700, 640)).into_drawing_area();
    root.fill(&WHITE)?;
    let all: Vec<Series<'_>> = vec![Series {
        label: "",
        points: clouds.iter().flat_map(|s| s.points.iter().copied()).collect(),
        color: BLACK,
    }];
    let ((x0, x1), (y0, y1)) = bounds(&all);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(30)
        .y_label_area_size(40)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart.configure_mesh().draw()?;
    let inside = |&(x, y): &(f64, f64)| x >= x0 && x <= x1 && y >= y0 && y <= y1;
    for s in clouds {
        let color = s.color;
        chart
            .draw_series(
                s.points.iter().filter(|p| inside(p)).map(|&p| Circle::new(p, 3, color.stroke_width(1))),
            )?
            .label(s.label)
            .legend(move |(x, y)| Circle::new((x + 10, y), 4, color.filled()));
    }
    for s in dots {
        let color = s.color;
        chart
            .draw_series(s.points.iter().filter(|p| inside(p)).map(|&p| Circle::new(p, 1, color.filled())))?
            .label(s.label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2)));
    }
    chart.configure_series_labels().background_style(WHITE.mix(0.8)).border_style(BLACK).draw()?;
    root.present()?;
    Ok(())
}
