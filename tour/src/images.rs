//! Built-in test images, generated so the tour needs no download.

use sci::ndarray::Array2;

/// A 225 x 225 grey "scene" in [0, 1]: a sky gradient, a sun disk, rolling hills and a striped
/// field, with enough structure that low-rank and low-frequency approximations visibly differ.
pub fn scene(n: usize) -> Array2<f64> {
    let nf = n as f64;
    Array2::from_shape_fn((n, n), |(r, c)| {
        let (y, x) = (r as f64 / nf, c as f64 / nf);
        let hill = 0.62 + 0.08 * (6.0 * x).sin() + 0.05 * (13.0 * x + 1.0).cos();
        let mut v = if y < hill {
            0.85 - 0.5 * y
        } else {
            0.35 + 0.15 * ((40.0 * x + 25.0 * y).sin() > 0.0) as u8 as f64
        };
        let (dx, dy) = (x - 0.72, y - 0.22);
        if dx * dx + dy * dy < 0.012 {
            v = 1.0;
        }
        v
    })
}
