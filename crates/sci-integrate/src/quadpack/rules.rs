//! The Gauss-Kronrod rules of QUADPACK: 21 points on a finite interval (`dqk21`) and 15 points
//! on (0, 1] after the transformation of an infinite range (`dqk15i`).
//!
//! Each rule returns `(result, abserr, resabs, resasc)`: the Kronrod estimate, QUADPACK's error
//! estimate, the integral of |f| and the integral of |f - mean|, as the Fortran routines do.

// QUADPACK's nodes and weights, digit for digit (the extra digits round to the same f64).
#![allow(clippy::excessive_precision)]

pub(crate) const EPMACH: f64 = f64::EPSILON;
pub(crate) const UFLOW: f64 = f64::MIN_POSITIVE;

/// Kronrod abscissae of the 21-point rule (the even ones are the 10-point Gauss nodes).
const XGK21: [f64; 11] = [
    0.995_657_163_025_808_080_735_527_280_689_003,
    0.973_906_528_517_171_720_077_964_012_084_452,
    0.930_157_491_355_708_226_001_207_180_059_508,
    0.865_063_366_688_984_510_732_096_688_423_493,
    0.780_817_726_586_416_897_063_717_578_345_042,
    0.679_409_568_299_024_406_234_327_365_114_874,
    0.562_757_134_668_604_683_339_000_099_272_694,
    0.433_395_394_129_247_190_799_265_943_165_784,
    0.294_392_862_701_460_198_131_126_603_103_866,
    0.148_874_338_981_631_210_884_826_001_129_720,
    0.0,
];
const WGK21: [f64; 11] = [
    0.011_694_638_867_371_874_278_064_396_062_192,
    0.032_558_162_307_964_727_478_818_972_459_390,
    0.054_755_896_574_351_996_031_381_300_244_580,
    0.075_039_674_810_919_952_767_043_140_916_190,
    0.093_125_454_583_697_605_535_065_465_083_366,
    0.109_387_158_802_297_641_899_210_590_325_805,
    0.123_491_976_262_065_851_077_600_525_534_507,
    0.134_709_217_311_473_325_928_054_001_771_707,
    0.142_775_938_577_060_080_797_094_273_138_717,
    0.147_739_104_901_338_491_374_841_515_972_068,
    0.149_445_554_002_916_905_664_936_468_389_821,
];
/// Weights of the 10-point Gauss rule.
const WG10: [f64; 5] = [
    0.066_671_344_308_688_137_593_568_809_893_332,
    0.149_451_349_150_580_593_145_776_339_657_697,
    0.219_086_362_515_982_043_995_534_934_228_163,
    0.269_266_719_309_996_355_091_226_921_569_469,
    0.295_524_224_714_752_870_173_892_994_651_338,
];

const XGK15: [f64; 8] = [
    0.991_455_371_120_812_639_206_854_697_526_329,
    0.949_107_912_342_758_524_526_189_684_047_851,
    0.864_864_423_359_769_072_789_712_788_640_926,
    0.741_531_185_599_394_439_863_864_773_280_788,
    0.586_087_235_467_691_130_294_144_845_693_013,
    0.405_845_151_377_397_166_906_606_412_076_961,
    0.207_784_955_007_898_467_600_689_403_773_245,
    0.0,
];
const WGK15: [f64; 8] = [
    0.022_935_322_010_529_224_963_732_008_058_970,
    0.063_092_092_629_978_553_290_700_663_189_204,
    0.104_790_010_322_250_183_839_876_322_541_518,
    0.140_653_259_715_525_918_745_189_590_510_238,
    0.169_004_726_639_267_902_826_583_426_598_550,
    0.190_350_578_064_785_409_913_256_402_421_014,
    0.204_432_940_075_298_892_414_161_999_234_649,
    0.209_482_141_084_727_828_012_999_174_891_714,
];
/// Weights of the 7-point Gauss rule, at the odd Kronrod nodes (zeros elsewhere).
const WG7: [f64; 8] = [
    0.0,
    0.129_484_966_168_869_693_270_611_432_679_082,
    0.0,
    0.279_705_391_489_276_667_901_467_771_423_780,
    0.0,
    0.381_830_050_505_118_944_950_369_775_488_975,
    0.0,
    0.417_959_183_673_469_387_755_102_040_816_327,
];

/// QUADPACK's error estimate from the Kronrod-Gauss difference and the rule's sums.
fn finish(resk: f64, resg: f64, hlgth: f64, resabs: f64, resasc: f64) -> (f64, f64, f64, f64) {
    let mut abserr = ((resk - resg) * hlgth).abs();
    if resasc != 0.0 && abserr != 0.0 {
        abserr = resasc * (200.0 * abserr / resasc).powf(1.5).min(1.0);
    }
    if resabs > UFLOW / (50.0 * EPMACH) {
        abserr = abserr.max(EPMACH * 50.0 * resabs);
    }
    (resk * hlgth, abserr, resabs, resasc)
}

/// `dqk21`: the 21-point Gauss-Kronrod rule on [a, b].
pub(crate) fn qk21<F: FnMut(f64) -> f64>(f: &mut F, a: f64, b: f64) -> (f64, f64, f64, f64) {
    let centr = 0.5 * (a + b);
    let hlgth = 0.5 * (b - a);
    let dhlgth = hlgth.abs();
    let mut fv1 = [0.0; 10];
    let mut fv2 = [0.0; 10];
    let mut resg = 0.0;
    let fc = f(centr);
    let mut resk = WGK21[10] * fc;
    let mut resabs = resk.abs();
    for j in 0..5 {
        let jtw = 2 * j + 1;
        let absc = hlgth * XGK21[jtw];
        let fval1 = f(centr - absc);
        let fval2 = f(centr + absc);
        fv1[jtw] = fval1;
        fv2[jtw] = fval2;
        let fsum = fval1 + fval2;
        resg += WG10[j] * fsum;
        resk += WGK21[jtw] * fsum;
        resabs += WGK21[jtw] * (fval1.abs() + fval2.abs());
    }
    for j in 0..5 {
        let jtwm1 = 2 * j;
        let absc = hlgth * XGK21[jtwm1];
        let fval1 = f(centr - absc);
        let fval2 = f(centr + absc);
        fv1[jtwm1] = fval1;
        fv2[jtwm1] = fval2;
        let fsum = fval1 + fval2;
        resk += WGK21[jtwm1] * fsum;
        resabs += WGK21[jtwm1] * (fval1.abs() + fval2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK21[10] * (fc - reskh).abs();
    for j in 0..10 {
        resasc += WGK21[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    finish(resk, resg, hlgth, resabs * dhlgth, resasc * dhlgth)
}

/// How an infinite range is mapped onto (0, 1].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Infinite {
    /// The finite bound (0 for the whole real line).
    pub bound: f64,
    /// QUADPACK's `inf`: 1 for (bound, +inf), -1 for (-inf, bound), 2 for (-inf, +inf).
    pub inf: i32,
}

impl Infinite {
    /// f at the point t of (0, 1], times the Jacobian 1/t^2 of x = bound + dinf (1 - t) / t.
    fn eval<F: FnMut(f64) -> f64>(&self, f: &mut F, t: f64) -> f64 {
        let dinf = f64::from(self.inf.min(1));
        let x = self.bound + dinf * (1.0 - t) / t;
        let mut v = f(x);
        if self.inf == 2 {
            v += f(-x);
        }
        (v / t) / t
    }
}

/// `dqk15i`: the 15-point Gauss-Kronrod rule on [a, b] within (0, 1] of the transformed range.
pub(crate) fn qk15i<F: FnMut(f64) -> f64>(f: &mut F, map: Infinite, a: f64, b: f64) -> (f64, f64, f64, f64) {
    let centr = 0.5 * (a + b);
    let hlgth = 0.5 * (b - a);
    let fc = map.eval(f, centr);
    let mut resg = WG7[7] * fc;
    let mut resk = WGK15[7] * fc;
    let mut resabs = resk.abs();
    let mut fv1 = [0.0; 7];
    let mut fv2 = [0.0; 7];
    for j in 0..7 {
        let absc = hlgth * XGK15[j];
        let fval1 = map.eval(f, centr - absc);
        let fval2 = map.eval(f, centr + absc);
        fv1[j] = fval1;
        fv2[j] = fval2;
        let fsum = fval1 + fval2;
        resg += WG7[j] * fsum;
        resk += WGK15[j] * fsum;
        resabs += WGK15[j] * (fval1.abs() + fval2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK15[7] * (fc - reskh).abs();
    for j in 0..7 {
        resasc += WGK15[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    finish(resk, resg, hlgth, resabs * hlgth, resasc * hlgth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_exact_on_low_degree_polynomials() {
        // 21-point Kronrod is exact to degree 31, its 10-point Gauss to 19.
        let mut p = |x: f64| x.powi(19) - 3.0 * x.powi(4) + 1.0;
        let (r, e, _, _) = qk21(&mut p, -1.0, 2.0);
        let exact = (2f64.powi(20) - 1.0) / 20.0 - 3.0 * (32.0 + 1.0) / 5.0 + 3.0;
        assert!((r - exact).abs() < 1e-9 * exact.abs(), "{r} vs {exact}");
        assert!(e < 1e-6);
        // exp(-x) on (0, inf) through the transformation.
        let mut g = |x: f64| (-x).exp();
        let (r, _, _, _) = qk15i(&mut g, Infinite { bound: 0.0, inf: 1 }, 0.0, 1.0);
        assert!((r - 1.0).abs() < 1e-3);
    }
}
