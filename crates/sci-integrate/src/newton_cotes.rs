//! Weights and error coefficient of closed Newton-Cotes formulas.

use crate::error::{IntegrateError, Result};
use crate::ivp::implicit::Lu;
use ndarray::Array1;
use sci_array::special::gammaln;

/// The sample positions of [`newton_cotes`] (SciPy's `rn`: an int or a sequence).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NewtonCotesNodes<'a> {
    /// `N` intervals of unit length: the `N + 1` positions `0, 1, ..., N`.
    Order(usize),
    /// Positions `x_0 = 0 < ... < x_N = N` (in units of the mean spacing).
    Positions(&'a [f64]),
}

/// The closed formulas for equally spaced samples with N = 1..=14 intervals, as exact
/// rationals (Abramowitz & Stegun 25.4): weights `na / da * vi`, error coefficient `nb / db`.
#[allow(clippy::type_complexity)]
const TABLE: [(f64, f64, &[f64], f64, f64); 14] = [
    (1.0, 2.0, &[1.0, 1.0], -1.0, 12.0),
    (1.0, 3.0, &[1.0, 4.0, 1.0], -1.0, 90.0),
    (3.0, 8.0, &[1.0, 3.0, 3.0, 1.0], -3.0, 80.0),
    (2.0, 45.0, &[7.0, 32.0, 12.0, 32.0, 7.0], -8.0, 945.0),
    (5.0, 288.0, &[19.0, 75.0, 50.0, 50.0, 75.0, 19.0], -275.0, 12096.0),
    (1.0, 140.0, &[41.0, 216.0, 27.0, 272.0, 27.0, 216.0, 41.0], -9.0, 1400.0),
    (7.0, 17280.0, &[751.0, 3577.0, 1323.0, 2989.0, 2989.0, 1323.0, 3577.0, 751.0], -8183.0, 518400.0),
    (
        4.0,
        14175.0,
        &[989.0, 5888.0, -928.0, 10496.0, -4540.0, 10496.0, -928.0, 5888.0, 989.0],
        -2368.0,
        467775.0,
    ),
    (
        9.0,
        89600.0,
        &[2857.0, 15741.0, 1080.0, 19344.0, 5778.0, 5778.0, 19344.0, 1080.0, 15741.0, 2857.0],
        -4671.0,
        394240.0,
    ),
    (
        5.0,
        299376.0,
        &[
            16067.0, 106300.0, -48525.0, 272400.0, -260550.0, 427368.0, -260550.0, 272400.0, -48525.0,
            106300.0, 16067.0,
        ],
        -673175.0,
        163459296.0,
    ),
    (
        11.0,
        87091200.0,
        &[
            2171465.0, 13486539.0, -3237113.0, 25226685.0, -9595542.0, 15493566.0, 15493566.0, -9595542.0,
            25226685.0, -3237113.0, 13486539.0, 2171465.0,
        ],
        -2224234463.0,
        237758976000.0,
    ),
    (
        1.0,
        5255250.0,
        &[
            1364651.0,
            9903168.0,
            -7587864.0,
            35725120.0,
            -51491295.0,
            87516288.0,
            -87797136.0,
            87516288.0,
            -51491295.0,
            35725120.0,
            -7587864.0,
            9903168.0,
            1364651.0,
        ],
        -3012.0,
        875875.0,
    ),
    (
        13.0,
        402361344000.0,
        &[
            8181904909.0,
            56280729661.0,
            -31268252574.0,
            156074417954.0,
            -151659573325.0,
            206683437987.0,
            -43111992612.0,
            -43111992612.0,
            206683437987.0,
            -151659573325.0,
            156074417954.0,
            -31268252574.0,
            56280729661.0,
            8181904909.0,
        ],
        -2639651053.0,
        344881152000.0,
    ),
    (
        7.0,
        2501928000.0,
        &[
            90241897.0,
            710986864.0,
            -770720657.0,
            3501442784.0,
            -6625093363.0,
            12630121616.0,
            -16802270373.0,
            19534438464.0,
            -16802270373.0,
            12630121616.0,
            -6625093363.0,
            3501442784.0,
            -770720657.0,
            710986864.0,
            90241897.0,
        ],
        -3740727473.0,
        1275983280000.0,
    ),
];

/// Largest number of intervals accepted: the general formula inverts an `(N + 1)`-square
/// Vandermonde matrix, hopelessly ill-conditioned long before this size.
const MAX_N: usize = 200;

/// Weights `a_i` and error coefficient `B_N` of the closed Newton-Cotes formula on `N + 1`
/// samples: `int_{x_0}^{x_N} f = dx sum_i a_i f(x_i) + B_N dx^{N+2} f^{(N+1)}(xi)` with
/// `dx = (x_N - x_0) / N` (for equally spaced samples and even `N`, `B_N dx^{N+3}
/// f^{(N+2)}(xi)`).
///
/// Equally spaced samples (an [`NewtonCotesNodes::Order`], `equal = true`, or positions with
/// unit differences) with `N <= 14` use the exact rational coefficients; otherwise the
/// weights integrate the interpolating polynomial, from the inverse of the Vandermonde matrix
/// on `[-1, 1]` refined by two Newton-Schulz steps, as SciPy does. With `equal = true` the
/// positions given are replaced by `0, 1, ..., N`.
///
/// # Errors
///
/// [`IntegrateError::InvalidValue`] naming `rn` for no interval (`N = 0`, where SciPy fails
/// with "math domain error"), more than 200 intervals, or positions that do not start at 0
/// and end at `N` (SciPy's "The sample positions must start at 0 and end at N");
/// [`IntegrateError::NotFinite`] for a NaN or infinite position.
///
/// # Examples
///
/// Simpson's rule and Boole's rule, as in SciPy's docstring:
///
/// ```
/// use sci_integrate::{newton_cotes, NewtonCotesNodes};
/// let (w, err) = newton_cotes(NewtonCotesNodes::Order(2), false)?;
/// assert_eq!(w.to_vec(), vec![1.0 / 3.0, 4.0 / 3.0, 1.0 / 3.0]);
/// assert_eq!(err, -1.0 / 90.0);
/// let (w, err) = newton_cotes(NewtonCotesNodes::Order(4), false)?;
/// // SciPy: [0.31111111, 1.42222222, 0.53333333, 1.42222222, 0.31111111], -0.008465608465608466
/// assert!((w[1] - 1.4222222222222223).abs() < 1e-15);
/// assert_eq!(err, -0.008465608465608466);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.newton_cotes`
pub fn newton_cotes(rn: NewtonCotesNodes<'_>, equal: bool) -> Result<(Array1<f64>, f64)> {
    let (n, positions, mut equal) = match rn {
        NewtonCotesNodes::Order(n) => (n, None, true),
        NewtonCotesNodes::Positions(p) => {
            if let Some(v) = p.iter().find(|v| !v.is_finite()) {
                return Err(IntegrateError::NotFinite { arg: "rn", value: *v });
            }
            let n = p.len().saturating_sub(1);
            let unit = p.windows(2).all(|w| w[1] - w[0] == 1.0);
            if p.is_empty() {
                (0, None, true)
            } else if equal {
                (n, None, true)
            } else {
                (n, Some(p), unit)
            }
        }
    };
    if n == 0 {
        return Err(IntegrateError::InvalidValue {
            arg: "rn",
            expected: "at least 2 sample positions (N >= 1)",
            found: "N = 0".to_string(),
        });
    }
    if n > MAX_N {
        return Err(IntegrateError::InvalidValue {
            arg: "rn",
            expected: "at most 200 intervals",
            found: format!("N = {n}"),
        });
    }
    if equal && n <= 14 {
        let (na, da, vi, nb, db) = TABLE[n - 1];
        return Ok((vi.iter().map(|v| na * v / da).collect(), nb / db));
    }
    let rn: Vec<f64> = match positions {
        // Unit differences count as equally spaced only for the table; the positions stay.
        Some(p) => p.to_vec(),
        None => {
            equal = true;
            (0..=n).map(|i| i as f64).collect()
        }
    };
    let nf = n as f64;
    if rn[0] != 0.0 || rn[n] != nf {
        return Err(IntegrateError::InvalidValue {
            arg: "rn",
            expected: "sample positions that start at 0 and end at N",
            found: format!("{} ... {} for N = {n}", rn[0], rn[n]),
        });
    }
    let m = n + 1;
    let yi: Vec<f64> = rn.iter().map(|r| r / nf).collect();
    let ti: Vec<f64> = yi.iter().map(|y| 2.0 * y - 1.0).collect();
    // C[i][j] = ti[j]^i, row-major.
    let c: Vec<f64> = (0..m * m).map(|k| ti[k % m].powf((k / m) as f64)).collect();
    let lu = Lu::factor(c.clone(), m);
    let mut cinv = vec![0.0; m * m];
    let mut col = vec![0.0; m];
    for j in 0..m {
        col.iter_mut().enumerate().for_each(|(i, v)| *v = if i == j { 1.0 } else { 0.0 });
        lu.solve(&mut col);
        for i in 0..m {
            cinv[i * m + j] = col[i];
        }
    }
    let matmul = |a: &[f64], b: &[f64]| -> Vec<f64> {
        let mut out = vec![0.0; m * m];
        for i in 0..m {
            for k in 0..m {
                let aik = a[i * m + k];
                for j in 0..m {
                    out[i * m + j] += aik * b[k * m + j];
                }
            }
        }
        out
    };
    for _ in 0..2 {
        let ccinv = matmul(&matmul(&cinv, &c), &cinv);
        for (x, y) in cinv.iter_mut().zip(&ccinv) {
            *x = 2.0 * *x - y;
        }
    }
    let ai: Array1<f64> = (0..m)
        .map(|i| {
            let s: f64 = (0..m).step_by(2).map(|k| cinv[i * m + k] * (2.0 / (k as f64 + 1.0))).sum();
            s * (nf / 2.0)
        })
        .collect();
    let (mut bn, power) =
        if n % 2 == 0 && equal { (nf / (nf + 3.0), n + 2) } else { (nf / (nf + 2.0), n + 1) };
    bn -= yi.iter().zip(&ai).map(|(y, a)| y.powf(power as f64) * a).sum::<f64>();
    let p1 = power as f64 + 1.0;
    let fac = (power as f64 * nf.ln() - gammaln(p1)).exp();
    Ok((ai, bn * fac))
}
