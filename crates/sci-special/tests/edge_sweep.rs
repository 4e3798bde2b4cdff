//! A sweep of every scalar special function over the arguments that break them most often:
//! zeros of both signs, negative integers (the poles of the gamma family), half-integers,
//! 1e-300, the smallest subnormal, ±1e300, ±inf and NaN, every pair (and for `betainc` every
//! triple) of them, and huge or negative integer orders. Every call must return (never panic,
//! never hang) and give NaN exactly where SciPy 1.17 gives NaN, and ±inf exactly where SciPy
//! gives ±inf. The array entry points (`ufunc*`, `logsumexp`, `softmax`, ...) are swept over
//! empty, 0-d, non-contiguous and non-finite arrays and out-of-range axes.
//! `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use std::panic::{AssertUnwindSafe, catch_unwind};

use sci_array::ndarray::{Array0, Array1, Array2, ArrayD, array, s};
use sci_array::testing::PanicSweep;
use sci_special::*;

/// The edge arguments, in the order of the SciPy table below.
const V: [f64; 21] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    -0.5,
    2.0,
    -2.0,
    -3.0,
    2.5,
    30.0,
    -30.5,
    1e-300,
    -1e-300,
    5e-324,
    1e300,
    -1e300,
    171.7,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

/// Integer orders of `jn` and `yn`.
const N: [i32; 8] = [0, 1, -1, 5, -5, 1000, i32::MAX, i32::MIN];

/// Branches of `lambertw`.
const K: [i32; 5] = [0, -1, 1, i32::MAX, i32::MIN];

/// What SciPy 1.17.1 returns on the edge arguments, one character per call: `n` NaN, `p` +inf,
/// `m` -inf, `f` finite. One-argument functions run over `V`; two-argument ones over every
/// pair `(a, b)` of `V` with `b` varying fastest; `jn`/`yn` over `N × V`; `lambertw` over
/// `K × V` (SciPy's complex result counts as NaN unless its imaginary part is 0, and branches
/// other than 0 and -1 are NaN here); `ellipj` four characters (sn, cn, dn, ph) per pair;
/// `betainc` over `V × V × V`. Written by this script (numpy 2.4, scipy 1.17.1):
///
/// ```python
/// import math, numpy as np, scipy.special as sc
/// np.seterr(all="ignore")
/// V = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, -3.0, 2.5, 30.0, -30.5, 1e-300, -1e-300, 5e-324, 1e300, -1e300, 171.7, inf, -inf, nan]
/// def cls(v):
///     v = complex(v)
///     if math.isnan(v.real) or math.isnan(v.imag) or v.imag != 0: return 'n'
///     return {math.inf: 'p', -math.inf: 'm'}.get(v.real, 'f')
/// # for example:
/// print(''.join(cls(sc.gamma(np.float64(x))) for x in V))
/// print(''.join(cls(sc.jv(np.float64(a), np.float64(b))) for a in V for b in V))
/// # factorial(n, exact=False), comb(N, k), perm(N, k), zeta(x, q) for zeta_q,
/// # lambertw(x, k) for k in (0, -1) only, ellipj(u, m) (all four outputs), jv(n, x) for jn.
/// # sici(x)[0] for sici_si (likewise sici_ci, shichi_shi, shichi_chi), expn(np.float64(n), x)
/// # for expn, radian(d, m, 0.5) for radian_dm.
/// ```
const SCIPY: &[(&str, &str)] = &[
    ("gamma", "pmfnfffnnfffffppnppnn"),
    ("rgamma", "ffffffffffffffffffffn"),
    ("gammaln", "ppfpfffppfffffpfpfpmn"),
    ("gammasgn", "fffnfffnnfffffffnffnn"),
    ("loggamma", "ppfnfnfnnffnfnpfnfpnn"),
    ("digamma", "mpfnfffnnfffffmfnfpnn"),
    ("psi", "mpfnfffnnfffffmfnfpnn"),
    ("erf", "ffffffffffffffffffffn"),
    ("erfc", "ffffffffffffffffffffn"),
    ("erfcx", "fffffffffffpffffpffpn"),
    ("erfinv", "ffpmffnnnnnnfffnnnnnn"),
    ("erfcinv", "ppfnfnmnnnnnfnpnnnnnn"),
    ("ndtr", "ffffffffffffffffffffn"),
    ("log_ndtr", "ffffffffffffffffmffmn"),
    ("ndtri", "mmpnfnnnnnnnfnfnnnnnn"),
    ("j0", "ffffffffffffffffffnnn"),
    ("j1", "ffffffffffffffffffnnn"),
    ("y0", "mmfnfnfnnffnfnffnfnnn"),
    ("y1", "mmfnfnfnnffnfnmfnfnnn"),
    ("i0", "fffffffffffffffppfnnn"),
    ("i0e", "ffffffffffffffffffffn"),
    ("i1", "fffffffffffffffpmfnnn"),
    ("i1e", "ffffffffffffffffffffn"),
    ("k0", "ppfnfnfnnffnfnpfnffnn"),
    ("k0e", "ppfnfnfnnffnfnpfnffnn"),
    ("k1", "ppfnfnfnnffnfnnfnffnn"),
    ("k1e", "ppfnfnfnnffnfnnfnffnn"),
    (
        "kv",
        "ppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnpnpfnffnnppfnfnfnnffnpnpfnffnnppfnfnfnnffnpnpfnffnnppfnfnfnnffnpnpfnffnnppfnfnfnnffnpnpfnffnnppfnfnfnnffnpnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppnnnnnnnffnpnpfnffnnppnnnnnnnnnnnnnnnnfnnppnnnnnnnnnnnnnnnnfnnpppnpnpnnffnpnpfnffnnppnnnnnnnnnnnnnnnnnnnppnnnnnnnnnnnnnnnnnnnppnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "kve",
        "ppfnfnfnnffnfnpnnfnnnppfnfnfnnffnfnpnnfnnnppfnfnfnnffnfnpnnfnnnppfnfnfnnffnfnpnnfnnnppfnfnfnnffnfnpnnfnnnppfnfnfnnffnfnpnnfnnnppfnfnfnnffnpnpnnfnnnppfnfnfnnffnpnpnnfnnnppfnfnfnnffnpnpnnfnnnppfnfnfnnffnpnpnnfnnnppfnfnfnnffnpnpnnfnnnppfnfnfnnffnpnpnnfnnnppfnfnfnnffnfnpnnfnnnppfnfnfnnffnfnpnnfnnnppnnnnnnnffnpnpnnfnnnppnnnnnnnnnnnnnnnnnnnppnnnnnnnnnnnnnnnnnnnpppnpnpnnffnpnpnnfnnnppnnnnnnnnnnnnnnnnnnnppnnnnnnnnnnnnnnnnnnnppnnnnnnnnnnnnnnnnnnn",
    ),
    ("ellipk", "ffpfffnffnnffffnfnnfn"),
    ("ellipkm1", "ppfnfnfnnffnfnffnffnn"),
    ("ellipe", "ffffffnffnnffffnfnnpn"),
    ("zeta", "ffpffffffffffffffffnn"),
    ("zetac", "ffpffffffffffffffffnn"),
    ("factorial", "fffffffffffffffpfppfn"),
    ("expit", "ffffffffffffffffffffn"),
    ("logit", "mmpnfnnnnnnnfnfnnnnnn"),
    ("log_expit", "fffffffffffffffffffmn"),
    ("exprel", "fffffffffffffffpffpfn"),
    ("cbrt", "ffffffffffffffffffpmn"),
    ("exp10", "fffffffffffffffpffpfn"),
    ("exp2", "fffffffffffffffpffpfn"),
    ("expm1", "fffffffffffffffpffpfn"),
    ("log1p", "fffmfffnnffnffffnfpnn"),
    ("cosm1", "ffffffffffffffffffnnn"),
    ("sindg", "ffffffffffffffffffffn"),
    ("cosdg", "ffffffffffffffffffffn"),
    ("tandg", "ffffffffffffffffffffn"),
    ("cotdg", "ppffffffffffpppfffffn"),
    ("round", "ffffffffffffffffffpmn"),
    ("sinc", "ffffffffffffffffffnnn"),
    ("softplus", "ffffffffffffffffffpfn"),
    ("entr", "fffmfmfmmffmfmffmfmmn"),
    ("exp1", "ppfnfnfnnffnfnffnffnn"),
    ("expi", "mmfffffffffffffpffpfn"),
    ("spence", "fffnfnfnnffnfnffnfnnn"),
    ("dawsn", "ffffffffffffffffffffn"),
    ("erfi", "ffffffffffpmfffpmppmn"),
    ("sici_si", "ffffffffffffffffffffn"),
    ("sici_ci", "mmfffffffffffffffffnn"),
    ("shichi_shi", "fffffffffffffffpmfpmn"),
    ("shichi_chi", "mmfffffffffffffppfppn"),
    (
        "powm1",
        "fffpfpfppffpfpffpffpnfffpfpfppffpfpffpffpnfffffffffffffffffffffffffnnfffnfnnnnffnnnnffffffffffffffffffffnffffnnfffnfnnnnffnnnnfffffffffffffffpffpfnffffnnfffnfnnnnpfnnnnffffnnfffnfnnnnpfnnnnfffffffffffffffpffpfnfffffffffffffffpffpfnffffnnfffnfnnnnpfnnnnffffffffffffffffffffnffffnnfffnfnnnnffnnnnffffffffffffffffffffnffffffpffppffffpfppfnffffnnpffnpnnnnpfnnnnfffffffffffffffpfppfnffpfpfpffppfpfppfppfnffmfnnpffnpnnnnpfnnnnffnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "rel_entr",
        "fffpfpfppffpfpffpffpnfffpfpfppffpfpffpffpnppfpfpfppffpfpffpfmpnppppppppppppppppppppnppfpfpfppffpfpffpfmpnppppppppppppppppppppnppfpfpfppffpfpffpfmpnppppppppppppppppppppnppppppppppppppppppppnppfpfpfppffpfpffpfmpnppfpfpfppffpfpffpfmpnppppppppppppppppppppnppfpfpfppffpfpffpfmpnppppppppppppppppppppnppfpfpfppffpfpffpfmpnppfpfpfppffpfpffpfmpnppppppppppppppppppppnppfpfpfppffpfpffpfmpnppppppppppppppppppnpnppppppppppppppppppppnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "kl_div",
        "fffpfpfppffpfpffpfppnfffpfpfppffpfpffpfppnppfpfpfppffpfppfpfnpnppppppppppppppppppppnppfpfpfppffpfppfpfnpnppppppppppppppppppppnppfpfpfppffpfppfpfnpnppppppppppppppppppppnppppppppppppppppppppnppfpfpfppffpfppfpfnpnppfpfpfppffpfppfpfnpnppppppppppppppppppppnppfpfpfppffpfpfmpfnpnppppppppppppppppppppnppfpfpmppmmpfpfmpmnpnppfpfpfppffppppfpfnpnppppppppppppppppppppnppfpfpfppffpfppfpfnpnppnpnpnppnnpnpnnpnnpnppppppppppppppppppppnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "huber",
        "ffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffppnpppppppppppppppppppppffffffffffffffffffppnpppppppppppppppppppppffffffffffffffffffppnppppppppppppppppppppppppppppppppppppppppppffffffffffffffffffppnffffffffffffffffffppnpppppppppppppppppppppffffffffffffffffffppnpppppppppppppppppppppffffffffffffffffffppnfffffffffffffffppfppnpppppppppppppppppppppffffffffffffffffffppnfffffffffffffffppfppnpppppppppppppppppppppnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "pseudo_huber",
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffppfppnpppppppppppppppppppppfffffffffffffffppfppnpppppppppppppppppppppfffffffffffffffppfppnppppppppppppppppppppppppppppppppppppppppppfffffffffffffffppfppnfffffffffffffffppfppnpppppppppppppppppppppffnnnnnnnnnnfffnnnnnnpppppppppppppppppppppffnnnnnnnnnnfffnnnnnnffnnnnnnnnnnnnnppnppnpppppppppppppppppppppfffffffffffffffppfppnffnnnnnnnnnnnnnnnnnnnpppppppppppppppppppppffnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "boxcox",
        "mmfmfmfmmffmmmmfmffnnmmfmfmfmmffmmmmfmffnnffffffffffffffffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffffffmffnnnnnnnnnnnnnnnnnnnnnnnfffffffffffffffpffnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffffffffffffffpffnfnfffffffffffffffpffnfnnnnnnnnnnnnnnnnnnnnnnfffffffmmffmffffmffnnnnnnnnnnnnnnnnnnnnnnnfffmfffmmffmffffmffnnffffffpffppffffpfpnfnnnnnnnnnnnnnnnnnnnnnnfffffffffffffffpfpnfnpppfpfpffppfppppfpnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "boxcox1p",
        "ffffffffffffffffffnnnffffffffffffffffffnnnfffffffffffffffpffnfnmmfmfmfmmffmmmmfmffnnfffffffffffffffpffnfnffffffffffffffffmffnnfffffffffffffffpffnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffffffffffffffpffnfnfffffffffffffffpffnfnnnnnnnnnnnnnnnnnnnnnnffffffffffffffffffnfnfffffffffffffffffffnnffffffffffffffffffnfnffffffpffppffffpfpnfnnnnnnnnnnnnnnnnnnnnnnfffffffffffffffpfpnfnpppfpfpffppfppppfpnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "inv_boxcox",
        "ffffffffffffffffffnnnffffffffffffffffffnnnfffpfffnnffnffffnfnnnffffffnffnnffffnfnnnnfffffffpnffnffffnfnnnfffffffffnnffffnfnnnnfffnfpfnnffnffffnfnnnffnfffnffnnffffnfnnnnffnfnfnffnnffffnfnnnnfffnfnfnnffnffffnfnnnfffnfnfnnffnffffnfnnnffnfnfnffnnffffnfnnnnffffffffffffffffpfnnnffffffffffffffffffnnnffffffffffffffffffnnnppfnpnfnnffnpppfnfnnnffnfnfnffnnffffnfnnnnfffnfnfnnffnffffnfnnnpppnpnpnnppnpnppnpnnnffnfnfnffnnfnfnnfnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "inv_boxcox1p",
        "ffffffffffffffffffnnnffffffffffffffffffnnnfffpfffnnffnffffnfnnnffffffnffnnffffnfnnnnfffffffpnffnffffnfnnnfffffffffnnffffnfnnnnfffnfpfnnffnffffnfnnnffnfffnffnnffffnfnnnnffnfnfnffnnffffnfnnnnfffnfnfnnffnffffnfnnnfffnfnfnnffnffffnfnnnffnfnfnffnnffffnfnnnnffffffffffffffffpfnnnffffffffffffffffffnnnffffffffffffffffffnnnppfnpnfnnffnpppfnfnnnffnfnfnffnnffffnfnnnnfffnfnfnnffnffffnfnnnpppnpnpnnppnpnppnpnnnffnfnfnffnnfnfnnfnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "agm",
        "ffffffffffffffffffnnnffffffffffffffffffnnnfffnfnfnnffnfnffnfpnnffnfnfnffnnfnfnnfnnmnfffnfnfnnffnfnffnfpnnffnfnfnffnnfnfnnfnnmnfffnfnfnnffnfnffnfpnnffnfnfnffnnfnfnnfnnmnffnfnfnffnnfnfnnfnnmnfffnfnfnnffnfnffnfpnnfffnfnfnnffnfnffnfpnnffnfnfnffnnfnfnnfnnmnfffnfnfnnffnfnffnfpnnffnfnfnffnnfnfnnfnnmnfffnfnfnnffnfnffnfpnnfffnfnfnnffnfnffnfpnnffnfnfnffnnfnfnnfnnmnfffnfnfnnffnfnffnfpnnnnpnpnpnnppnpnppnppnnnnnmnmnmmnnmnmnnmnnmnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "diric",
        "nnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnfnnnnnnnfnnnfnnnfnnnnnnnnnnnnfnnnfnnnfnnnnnnnnnnnnfnnnfnnnfnnnnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "expn",
        "ppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnppfnfnfnnffnfnpfnffnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "polygamma",
        "mpfnfffnnfffffmfnfpnnmpfnfffnnfffffmfnfpnnppfpfffppfffpppfpffpnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnmmfmfffmmfffmpmfmffmnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnmmfmfffmmfffmpmfmffmnnnnnnnnnnnnnnnnnnnnnnmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmppppppnppnnppppnpnnpnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnppppppnppnnppppnpnnpnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "radian_dm",
        "ffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnffffffffffffffffffpmnpppppppppppppppppppnnmmmmmmmmmmmmmmmmmmnmnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "jv",
        "ffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnfffnfnfnnffnfnffnfnnnppfnfnfnnffnfnpfnfnnnffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnfffnfnfnnffnfnffnfnnnffffffffffffffffffnnnppfnfnfnnffnpnpfnfnnnfffnfnfnnffnfnffnfnnnppfnfnfnnffnfnpfnfnnnfffnfnfnnffnfnffnfnnnfffnfnfnnnnnfnffnnnnnfffnfnfnnnnnfnffnnnnnfffnfnfnnffnfnffnfnnnfffnfnfnnnnnfnfnnnnnnfffnfnfnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "yv",
        "mmfnfnfnnffnfnmfnfnnnmmfnfnfnnffnfnmfnfnnnmmfnfnfnnffnfnmfnfnnnppfnfnfnnffnfnpfnfnnnmmfnfnfnnffnfnmfnfnnnmmfnfnfnnffnfnmfnfnnnmmfnfnfnnffnmnmfnfnnnmmfnfnfnnffnmnmfnfnnnppfnfnfnnffnpnpfnfnnnmmfnfnfnnffnmnmfnfnnnmmfnfnfnnffnmnmfnfnnnmmfnfnfnnffnmnmfnfnnnmmfnfnfnnffnfnmfnfnnnmmfnfnfnnffnfnmfnfnnnmmfnfnfnnffnmnmfnfnnnmmnnnnnnnnnnnnnnnnnnnmmnnnnnnnnnnnnnnnnnnnmmmnmnmnnffnmnmfnfnnnmmnnnnnnnnnnnnnnnnnnnmmnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "iv",
        "ffffffffffffffnppfnnnffffffffffffffnppfnnnffffffffffffffnpmfnnnffffffffffffffnpmfnnnfffnfnfnnffnfnnpnfnnnppfnfnfnnffnfnnpnfnnnffffffffffffffnppfnnnffffffffffffffnppfnnnffffffffffffffnpmfnnnfffnfnfnnffnfnnpnfnnnffffffffffffffnppfnnnppfnfnfnnffnpnnpnfnnnfffnfnfnnffnfnnpnfnnnppfnfnfnnffnfnnpnfnnnfffnfnfnnffnfnnpnfnnnfffffffffffffffppfnnnfffffffffffffffppfnnnfffnfnfnnffnfnfnnfnnnffffffffffffffffffnnnffffffffffffffffffnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "ive",
        "fffffffffffffffnnfnnnfffffffffffffffnnfnnnfffffffffffffffnnfnnnfffffffffffffffnnfnnnfffnfnfnnffnfnfnnfnnnnnfnfnfnnffnfnnnnfnnnfffffffffffffffnnfnnnfffffffffffffffnnfnnnfffffffffffffffnnfnnnfffnfnfnnffnfnfnnfnnnfffffffffffffffnnfnnnnnfnfnfnnffnnnnnnfnnnfffnfnfnnffnfnfnnfnnnnnfnfnfnnffnfnnnnfnnnfffnfnfnnffnfnfnnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnfnnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "beta",
        "pppmppppmpppppppppppppppmppppmppppppppppppppffffffffffffpfpffpnppfmppppmppppppppppppppfpfffppfffffpfpffpnppfpfffppfffffpfpfmpnppfpffffffffffpfpffpnppfmppfpmppppppppppppppfmppfpmppppppppppppppfpfffppfffffpfpffpnppfpfffppfffffpfpffpnppfpfffppfffffpmpfmpnppfpfffppfffffpfpffpnppfpfffppfffffpfpfmpnppppppppppppppppppnpnppfpfffppffmffpfpfnpnpppppppppppppppppppppppfpfffppfffffpfpffpnppfpfmfppffmfmnnpfnpnpppppppppppppppppppppppnpnnnppnnnnnnnpnnpn",
    ),
    (
        "betaln",
        "ppppppppppppppppppppppppppppppppppppppppppppffffffffffffpfpfmpnppfppppppppppppppppppppfpfmfppffmffpfpfmpnppfpmmfppffmffpfpfppnppfpffffffffffpfpfmpnppfpppfppppppppppppppppfpppfppppppppppppppppfpfffppffmffpfpfmpnppfpfffppfffffpfpfmpnppfpmmfppmfmffpfpfppnppfpfffppffffmpfpfmpnppfpfffppfffmfpfpfppnppppppppppppppppppnpnppfpfffppfffffpfpfnpnpppppppppppppppppppppppfpfffppfffffpfpfmpnppmpmpmppmmpmpnnpmnpnpppppppppppppppppppppppnpnnnppnnnnnnnpnnpn",
    ),
    (
        "poch",
        "fffffffffffffffffffffffffffffffffffffffffffffpfffppffffffpnppnnffffffffffffnnnfffffffffffpfffffpfffpnppnnffffppfffffpfffmnfmnnfffffffppffffffpnppnnffffffffffffnnnffffffffffffffffffnnnfffffffffffffffffpfffpnppnnfffffffffffffffpnppnnffffppfffpfpfffmnfmnnfffffffffffffpfpnppnnffffffffffffpffmnmmnnffffffffffffffnnnnnnnffffffpffppffffppppnnffffnnpfnnnnnnnpnnnnnfffffffffffffffpnppnnffpfpfpfnnnnpfpnnnnnnffmfnnnnnnnnnnnnnnnnnffnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "binom",
        "ffffffffffffnfnfffnfnffffffffffffnfnfffnfnffffffffffffffffffnfnnnnnnnnnnnnnnnnnnnnnnffffffffffffffffffnfnffffffffffffffffffnfnffffffffffffffffffnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffffffffnfnffffffffffffffffffnfnfffffffffffffffnffnfnffffffffffffffffffnfnffffffffffffffffffnfnffffffffffffpfffffnfnffffffpffppffffffpnfnnnnnnnnnnnnnnnnnnnnnnfffffffffffffffnffnfnffpfnnpffnnfnnnnfnnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "comb",
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffpffppffffffpfffffffffffffffffffffffffffffffffffffffffffffffpfnfpffnnfnfnnfnnffffffffffffffffffffffffffffffffffffffffffff",
    ),
    (
        "perm",
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffpffppffffpfpfffffffffffffffffffffffffffffffffffffffffpfffffpfpfpffnnfpfpnfnnffffffffffffffffffffffffffffffffffffffffffff",
    ),
    (
        "xlogy",
        "ffffffffffffffffffffnffffffffffffffffffffnmmfnfnfnnffnfnffnfpnnppfnfnfnnffnfnffnfmnnmmfnfnfnnffnfnffnfpnnppfnfnfnnffnfnffnfmnnmmfnfnfnnffnfnffnfpnnppfnfnfnnffnfnffnfmnnppfnfnfnnffnfnffnfmnnmmfnfnfnnffnfnffnfpnnmmfnfnfnnffnfnffnfpnnppfnfnfnnffnfnffnfmnnmmfnfnfnnffnfnffnfpnnppfnfnfnnffnfnffnfmnnmmfnfnfnnffnfnffnfpnnmmfnfnfnnffnfnffnfpnnppfnfnfnnffnfnffnfmnnmmfnfnfnnffnfnffnfpnnmmnnmnpnnppnmnmpnppnnppnnpnmnnmmnpnpmnmmnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "xlog1py",
        "ffffffffffffffffffffnffffffffffffffffffffnfffmfffnnffnffffnfpnnfffpfffnnffnffffnfmnnfffmfffnnffnffffnfpnnfffpfffnnffnffffnfmnnfffmfffnnffnffffnfpnnfffpfffnnffnffffnfmnnfffpfffnnffnffffnfmnnfffmfffnnffnffffnfpnnfffmfffnnffnffffnfpnnfffpfffnnffnffffnfmnnfffmfffnnffnffffnfpnnfffpfffnnffnffffnfmnnfffmfffnnffnffffnfpnnfffmfffnnffnffffnfpnnfffpfffnnffnffffnfmnnfffmfffnnffnffffnfpnnnnpmpmpnnppnpmppnppnnnnmpmpmnnmmnmpmmnmmnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "gammainc",
        "nnfnfnfnnffnfnffnffnnnnfnfnfnnffnfnffnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnfffnfnfnnffnfnffnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "gammaincc",
        "nnfnfnfnnffnfnffnffnnnnfnfnfnnffnfnffnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnfffnfnfnnffnfnffnffnnnnnnnnnnnnnnnnnnnnnnnfffnfnfnnffnfnffnffnnfffnfnfnnffnfnffnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "zeta_q",
        "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnpppppppppppppppppppppnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnppfpfffppfffpppfpffpnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnppfpfnfppffnpnpfpffpnppfpfffppfffpppfpffpnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnppfpppnppnnppppfpnfpnnnnnnnnnnnnnnnnnnnnnnppfpfnfppffnpnpfpffpnppfpppnppnnppppfpnfpnnnnnnnnnnnnnnnnnnnnnnppnpnnnppnnnnnnnpnnpn",
    ),
    (
        "jn",
        "ffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnnffffffffffffffffffnnn",
    ),
    (
        "yn",
        "mmfnfnfnnffnfnffnfnnnmmfnfnfnnffnfnmfnfnnnppfnfnfnnffnfnpfnfnnnmmfnfnfnnffnmnmfnfnnnppfnfnfnnffnpnpfnfnnnmmmnmnmnnmmnmnmfnmnnnmmmnmnmnnmmnmnmfnmnnnmmmnmnmnnmmnmnmfnmnnn",
    ),
    (
        "lambertw",
        "fffnfnfnnffnffffnfpnnmmnnnnnnnnnnnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "ellipj",
        "ffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffnnnnnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffnnnnnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnffffffffffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnffffnnnnffffnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
    (
        "betainc",
        "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnnnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnnnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnfffnfnnnnnnnfnfnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
    ),
];

/// The class of a value as in the SciPy table.
fn class(v: f64) -> char {
    if v.is_nan() {
        'n'
    } else if v == f64::INFINITY {
        'p'
    } else if v == f64::NEG_INFINITY {
        'm'
    } else {
        'f'
    }
}

/// Evaluates one call, giving its class, or `P` when it panics.
fn classify(trace: &str, f: impl FnOnce() -> Vec<f64>) -> String {
    if std::env::var_os("SWEEP_TRACE").is_some() {
        eprintln!("{trace}");
    }
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v.into_iter().map(class).collect(),
        Err(_) => "P".into(),
    }
}

type F1 = fn(f64) -> f64;
type F2 = fn(f64, f64) -> f64;

// The pair-valued functions one output at a time, `expn` with SciPy's float order (C's `(int)n`
// on x86-64: out of range and NaN become i32::MIN) and `radian` with 0.5 arc seconds.
fn sici_si(x: f64) -> f64 {
    sici(x).0
}
fn sici_ci(x: f64) -> f64 {
    sici(x).1
}
fn shichi_shi(x: f64) -> f64 {
    shichi(x).0
}
fn shichi_chi(x: f64) -> f64 {
    shichi(x).1
}
fn expn_f(n: f64, x: f64) -> f64 {
    let n = if n.is_nan() || n >= 2_147_483_648.0 || n <= -2_147_483_649.0 { i32::MIN } else { n as i32 };
    expn(n, x)
}
fn radian_dm(d: f64, m: f64) -> f64 {
    radian(d, m, 0.5)
}

const ONE: &[(&str, F1)] = &[
    ("gamma", gamma),
    ("rgamma", rgamma),
    ("gammaln", gammaln),
    ("gammasgn", gammasgn),
    ("loggamma", loggamma),
    ("digamma", digamma),
    ("psi", psi),
    ("erf", erf),
    ("erfc", erfc),
    ("erfcx", erfcx),
    ("erfinv", erfinv),
    ("erfcinv", erfcinv),
    ("ndtr", ndtr),
    ("log_ndtr", log_ndtr),
    ("ndtri", ndtri),
    ("j0", j0),
    ("j1", j1),
    ("y0", y0),
    ("y1", y1),
    ("i0", i0),
    ("i0e", i0e),
    ("i1", i1),
    ("i1e", i1e),
    ("k0", k0),
    ("k0e", k0e),
    ("k1", k1),
    ("k1e", k1e),
    ("ellipk", ellipk),
    ("ellipkm1", ellipkm1),
    ("ellipe", ellipe),
    ("zeta", zeta),
    ("zetac", zetac),
    ("factorial", factorial),
    ("expit", expit),
    ("logit", logit),
    ("log_expit", log_expit),
    ("exprel", exprel),
    ("cbrt", cbrt),
    ("exp10", exp10),
    ("exp2", exp2),
    ("expm1", expm1),
    ("log1p", log1p),
    ("cosm1", cosm1),
    ("sindg", sindg),
    ("cosdg", cosdg),
    ("tandg", tandg),
    ("cotdg", cotdg),
    ("round", round),
    ("sinc", sinc),
    ("softplus", softplus),
    ("entr", entr),
    ("exp1", exp1),
    ("expi", expi),
    ("spence", spence),
    ("dawsn", dawsn),
    ("erfi", erfi),
    ("sici_si", sici_si),
    ("sici_ci", sici_ci),
    ("shichi_shi", shichi_shi),
    ("shichi_chi", shichi_chi),
];

const TWO: &[(&str, F2)] = &[
    ("jv", jv),
    ("yv", yv),
    ("iv", iv),
    ("ive", ive),
    ("kv", kv),
    ("kve", kve),
    ("beta", beta),
    ("betaln", betaln),
    ("poch", poch),
    ("binom", binom),
    ("comb", comb),
    ("perm", perm),
    ("xlogy", xlogy),
    ("xlog1py", xlog1py),
    ("gammainc", gammainc),
    ("gammaincc", gammaincc),
    ("zeta_q", zeta_q),
    ("powm1", powm1),
    ("rel_entr", rel_entr),
    ("kl_div", kl_div),
    ("huber", huber),
    ("pseudo_huber", pseudo_huber),
    ("boxcox", boxcox),
    ("boxcox1p", boxcox1p),
    ("inv_boxcox", inv_boxcox),
    ("inv_boxcox1p", inv_boxcox1p),
    ("agm", agm),
    ("diric", diric),
    ("expn", expn_f),
    ("polygamma", polygamma),
    ("radian_dm", radian_dm),
];

/// The classes of one function's calls over its argument table, in the SciPy table's order.
fn sweep(name: &str) -> String {
    if let Some((_, f)) = ONE.iter().find(|e| e.0 == name) {
        return V.iter().map(|&x| classify(&format!("{name}({x:e})"), || vec![f(x)])).collect();
    }
    if let Some((_, f)) = TWO.iter().find(|e| e.0 == name) {
        let mut out = String::new();
        for a in V {
            for b in V {
                out += &classify(&format!("{name}({a:e}, {b:e})"), || vec![f(a, b)]);
            }
        }
        return out;
    }
    let mut out = String::new();
    match name {
        "jn" | "yn" => {
            let f: fn(i32, f64) -> f64 = if name == "jn" { jn } else { yn };
            for n in N {
                for x in V {
                    out += &classify(&format!("{name}({n}, {x:e})"), || vec![f(n, x)]);
                }
            }
        }
        "lambertw" => {
            for k in K {
                for x in V {
                    out += &classify(&format!("lambertw({x:e}, {k})"), || vec![lambertw(x, k)]);
                }
            }
        }
        "ellipj" => {
            for u in V {
                for m in V {
                    out += &classify(&format!("ellipj({u:e}, {m:e})"), || {
                        let (sn, cn, dn, ph) = ellipj(u, m);
                        vec![sn, cn, dn, ph]
                    });
                }
            }
        }
        "betainc" => {
            for a in V {
                for b in V {
                    for x in V {
                        out += &classify(&format!("betainc({a:e}, {b:e}, {x:e})"), || vec![betainc(a, b, x)]);
                    }
                }
            }
        }
        _ => panic!("no sweep for {name}"),
    }
    out
}

/// The arguments of call number `i` of `name`, for the failure report.
fn args(name: &str, i: usize) -> String {
    let n = V.len();
    if ONE.iter().any(|e| e.0 == name) {
        return format!("{:e}", V[i]);
    }
    match name {
        "jn" | "yn" => format!("{}, {:e}", N[i / n], V[i % n]),
        "lambertw" => format!("{:e}, k={}", V[i % n], K[i / n]),
        "ellipj" => format!("{:e}, {:e} (output {})", V[i / 4 / n], V[i / 4 % n], i % 4),
        "betainc" => format!("{:e}, {:e}, {:e}", V[i / (n * n)], V[i / n % n], V[i % n]),
        _ => format!("{:e}, {:e}", V[i / n], V[i % n]),
    }
}

/// Calls whose class still differs from SciPy's, all at extreme arguments where SciPy's value
/// comes from a fallback path of AMOS or Cephes rather than from the function's definition:
/// `iv`/`ive` (AMOS gives up with NaN for |x| or v above ~1e9 in `ive`, and at subnormal x),
/// `jv`/`yv` at orders ±1e300 and subnormal x, `betainc` with subnormal or 1e300 parameters,
/// `beta(5e-324, 5e-324)`, `zeta`/`zetac` at -1e-300 and 1e300, `gammaincc(1e300, 1e300)`,
/// `zeta_q(1e300, 1e300)`. Listed so that any other difference fails the test, and checked to
/// still differ, so that the list shrinks as they are fixed.
const KNOWN: &[&str] = &[
    "zeta(-1e-300)",
    "zetac(-1e-300)",
    "zetac(1e300)",
    "jv(1e300, 2.5e0)",
    "jv(1e300, 3e1)",
    "jv(1e300, 1.717e2)",
    "jv(-1e300, 2.5e0)",
    "jv(-1e300, 3e1)",
    "jv(-1e300, 5e-324)",
    "jv(-1e300, 1.717e2)",
    "yv(0e0, 5e-324)",
    "yv(-0e0, 5e-324)",
    "yv(-5e-1, 5e-324)",
    "yv(-3.05e1, 1e-300)",
    "yv(-3.05e1, 5e-324)",
    "yv(5e-324, 1e-300)",
    "yv(1e300, 1e300)",
    "yv(-1e300, 1e300)",
    "yv(1.717e2, 2e0)",
    "iv(0e0, 5e-324)",
    "iv(-0e0, 5e-324)",
    "iv(1e0, 5e-324)",
    "iv(-1e0, 5e-324)",
    "iv(5e-1, 5e-324)",
    "iv(-5e-1, 5e-324)",
    "iv(2e0, 5e-324)",
    "iv(-2e0, 5e-324)",
    "iv(-3e0, 5e-324)",
    "iv(2.5e0, 5e-324)",
    "iv(3e1, 5e-324)",
    "iv(-3.05e1, 5e-324)",
    "iv(1e-300, 5e-324)",
    "iv(-1e-300, 5e-324)",
    "iv(5e-324, 5e-324)",
    "iv(1e300, 1e300)",
    "iv(1e300, -1e300)",
    "iv(-1e300, 1e300)",
    "iv(-1e300, -1e300)",
    "iv(1.717e2, 1e300)",
    "ive(0e0, 1e300)",
    "ive(0e0, -1e300)",
    "ive(-0e0, 1e300)",
    "ive(-0e0, -1e300)",
    "ive(1e0, 1e300)",
    "ive(1e0, -1e300)",
    "ive(-1e0, 1e300)",
    "ive(-1e0, -1e300)",
    "ive(5e-1, 1e300)",
    "ive(-5e-1, 5e-324)",
    "ive(-5e-1, 1e300)",
    "ive(2e0, 1e300)",
    "ive(2e0, -1e300)",
    "ive(-2e0, 1e300)",
    "ive(-2e0, -1e300)",
    "ive(-3e0, 1e300)",
    "ive(-3e0, -1e300)",
    "ive(2.5e0, 1e300)",
    "ive(3e1, 1e300)",
    "ive(3e1, -1e300)",
    "ive(-3.05e1, 1e-300)",
    "ive(-3.05e1, 5e-324)",
    "ive(-3.05e1, 1e300)",
    "ive(1e-300, 1e300)",
    "ive(-1e-300, 5e-324)",
    "ive(-1e-300, 1e300)",
    "ive(5e-324, 1e300)",
    "ive(1e300, 0e0)",
    "ive(1e300, -0e0)",
    "ive(1e300, 1e0)",
    "ive(1e300, -1e0)",
    "ive(1e300, 5e-1)",
    "ive(1e300, -5e-1)",
    "ive(1e300, 2e0)",
    "ive(1e300, -2e0)",
    "ive(1e300, -3e0)",
    "ive(1e300, 2.5e0)",
    "ive(1e300, 3e1)",
    "ive(1e300, -3.05e1)",
    "ive(1e300, 1e-300)",
    "ive(1e300, -1e-300)",
    "ive(1e300, 5e-324)",
    "ive(1e300, 1.717e2)",
    "ive(-1e300, 0e0)",
    "ive(-1e300, -0e0)",
    "ive(-1e300, 1e0)",
    "ive(-1e300, -1e0)",
    "ive(-1e300, 5e-1)",
    "ive(-1e300, -5e-1)",
    "ive(-1e300, 2e0)",
    "ive(-1e300, -2e0)",
    "ive(-1e300, -3e0)",
    "ive(-1e300, 2.5e0)",
    "ive(-1e300, 3e1)",
    "ive(-1e300, -3.05e1)",
    "ive(-1e300, 1e-300)",
    "ive(-1e300, -1e-300)",
    "ive(-1e300, 5e-324)",
    "ive(-1e300, 1.717e2)",
    "ive(1.717e2, 1e300)",
    "beta(5e-324, 5e-324)",
    "betaln(5e-324, 5e-324)",
    "gammaincc(1e300, 1e300)",
    "zeta_q(1e300, 1e300)",
    "betainc(2e0, 1e300, 1e-300)",
    "betainc(2e0, 1e300, 5e-324)",
    "betainc(2.5e0, 1e300, 5e-1)",
    "betainc(2.5e0, 1e300, 1e-300)",
    "betainc(2.5e0, 1e300, 5e-324)",
    "betainc(3e1, 1e300, 5e-1)",
    "betainc(3e1, 1e300, 1e-300)",
    "betainc(5e-324, 1e0, 5e-1)",
    "betainc(5e-324, 1e0, 1e-300)",
    "betainc(5e-324, 1e0, 5e-324)",
    "betainc(5e-324, 5e-1, 5e-1)",
    "betainc(5e-324, 5e-1, 1e-300)",
    "betainc(5e-324, 5e-1, 5e-324)",
    "betainc(5e-324, 2e0, 5e-1)",
    "betainc(5e-324, 2e0, 1e-300)",
    "betainc(5e-324, 2e0, 5e-324)",
    "betainc(5e-324, 2.5e0, 1e-300)",
    "betainc(5e-324, 2.5e0, 5e-324)",
    "betainc(5e-324, 3e1, 1e-300)",
    "betainc(5e-324, 3e1, 5e-324)",
    "betainc(5e-324, 1e-300, 5e-1)",
    "betainc(5e-324, 1e-300, 1e-300)",
    "betainc(5e-324, 1e-300, 5e-324)",
    "betainc(5e-324, 5e-324, 5e-1)",
    "betainc(5e-324, 5e-324, 1e-300)",
    "betainc(5e-324, 5e-324, 5e-324)",
    "betainc(5e-324, 1e300, 1e-300)",
    "betainc(5e-324, 1e300, 5e-324)",
    "betainc(5e-324, 1.717e2, 1e-300)",
    "betainc(5e-324, 1.717e2, 5e-324)",
    "betainc(1e300, 2.5e0, 5e-1)",
    "betainc(1e300, 3e1, 5e-1)",
    "betainc(1e300, 1e300, 5e-1)",
    "betainc(1e300, 1.717e2, 5e-1)",
    "betainc(1.717e2, 1e300, 5e-1)",
    "betainc(1.717e2, 1e300, 1e-300)",
    // kv/kve at the subnormal order 5e-324: AMOS's small-order series divides by the order
    // (NaN, or +inf at x = 1e-300); sci evaluates K_{5e-324} = K_0 to working accuracy.
    // kv(171.7, 2) ≈ 0.5 Γ(171.7) is finite but above AMOS's conservative overflow test.
    "kv(5e-324, 1e0)",
    "kv(5e-324, 5e-1)",
    "kv(5e-324, 2e0)",
    "kv(5e-324, 1e-300)",
    "kv(1.717e2, 2e0)",
    "kve(5e-324, 1e0)",
    "kve(5e-324, 5e-1)",
    "kve(5e-324, 2e0)",
    "kve(5e-324, 1e-300)",
];

#[test]
fn scalar_functions_are_nan_and_infinite_where_scipy_is() {
    std::panic::set_hook(Box::new(|_| {}));
    let mut faults = Vec::new();
    for (name, want) in SCIPY {
        let got = sweep(name);
        assert_eq!(got.len(), want.len(), "{name}: table length");
        for (i, (g, w)) in got.chars().zip(want.chars()).enumerate() {
            let call = format!("{name}({})", args(name, i));
            let known = KNOWN.contains(&call.as_str());
            if g != w && !known {
                faults.push(format!("{call}: got {g}, SciPy {w}"));
            }
            if g == w && known {
                faults.push(format!("{call} now agrees with SciPy: remove it from KNOWN"));
            }
        }
    }
    let _ = std::panic::take_hook();
    // Every public scalar function is in the table.
    assert_eq!(SCIPY.len(), ONE.len() + TWO.len() + 5);
    assert!(
        faults.is_empty(),
        "{} calls differ from SciPy (P = panicked):\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// The arrays, by name.
fn arrays() -> Vec<(&'static str, ArrayD<f64>)> {
    let wide = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64 - 5.0);
    vec![
        ("empty", Array1::<f64>::zeros(0).into_dyn()),
        ("0-d", Array0::from_elem((), 2.0).into_dyn()),
        ("empty 2-d", Array2::<f64>::zeros((0, 3)).into_dyn()),
        ("[1]", array![1.0].into_dyn()),
        ("[nan, 1]", array![f64::NAN, 1.0].into_dyn()),
        ("[inf, inf]", array![f64::INFINITY, f64::INFINITY].into_dyn()),
        ("[-inf, -inf]", array![f64::NEG_INFINITY, f64::NEG_INFINITY].into_dyn()),
        ("[inf, -inf]", array![f64::INFINITY, f64::NEG_INFINITY].into_dyn()),
        ("[1e300, -1e300, 5e-324]", array![1e300, -1e300, 5e-324].into_dyn()),
        ("3x4", wide.clone().into_dyn()),
        ("3x4 reversed, stepped", wide.slice(s![..;-1, ..;2]).to_owned().into_dyn()),
        ("3x4 transposed", wide.t().to_owned().into_dyn()),
    ]
}

#[test]
fn array_functions_do_not_panic_on_edge_arrays() {
    let mut panics = PanicSweep::new();
    let bs: Vec<(&str, ArrayD<f64>)> = vec![
        ("b empty", Array1::<f64>::zeros(0).into_dyn()),
        ("b 0-d -1", Array0::from_elem((), -1.0).into_dyn()),
        ("b [0, 0]", array![0.0, 0.0].into_dyn()),
        ("b [1, -1]", array![1.0, -1.0].into_dyn()),
        ("b [nan]", array![f64::NAN].into_dyn()),
        ("b 4x1", Array2::from_elem((4, 1), 2.0).into_dyn()),
    ];
    for (label, x) in arrays() {
        let p = &mut panics;
        let xv = x.view();
        let stepped = x.slice_each_axis(|ax| ndarray_step(ax.len));
        for axis in [None, Some(0), Some(1), Some(-1), Some(-3), Some(2), Some(isize::MAX), Some(isize::MIN)]
        {
            let tag = |w: &str| format!("{w} axis {axis:?} on {label}");
            for keepdims in [false, true] {
                let o = LogsumexpOptions { axis, b: None, keepdims };
                p.run(tag(&format!("logsumexp keepdims {keepdims}")), || drop(logsumexp(&xv, &o)));
                p.run(tag(&format!("logsumexp_sign keepdims {keepdims}")), || drop(logsumexp_sign(&xv, &o)));
                p.run(tag(&format!("logsumexp stepped keepdims {keepdims}")), || {
                    drop(logsumexp(&stepped, &o))
                });
                for (bl, b) in &bs {
                    let o = LogsumexpOptions { axis, b: Some(b.view()), keepdims };
                    p.run(tag(&format!("logsumexp {bl} keepdims {keepdims}")), || drop(logsumexp(&xv, &o)));
                    p.run(tag(&format!("logsumexp_sign {bl} keepdims {keepdims}")), || {
                        drop(logsumexp_sign(&xv, &o))
                    });
                }
            }
            p.run(tag("softmax"), || drop(softmax(&xv, axis)));
            p.run(tag("log_softmax"), || drop(log_softmax(&xv, axis)));
            p.run(tag("softmax stepped"), || drop(softmax(&stepped, axis)));
            p.run(tag("log_softmax stepped"), || drop(log_softmax(&stepped, axis)));
        }
        for (yl, y) in arrays() {
            let tag = |w: &str| format!("{w} on {label}, {yl}");
            p.run(tag("ufunc2 jv"), || drop(ufunc2(&xv, &y, jv)));
            p.run(tag("ufunc2 stepped xlogy"), || {
                drop(ufunc2(&stepped, &y.slice_each_axis(|ax| ndarray_step(ax.len)), xlogy))
            });
            p.run(tag("ufunc3 betainc"), || drop(ufunc3(&xv, &y, &x, betainc)));
        }
        p.run(format!("ufunc1 gamma on {label}"), || drop(ufunc1(&xv, gamma)));
        p.run(format!("ufunc2 diric on {label}"), || drop(ufunc2(&stepped, &xv, diric)));
        p.run(format!("ufunc1 ellipj on {label}"), || drop(ufunc1(&stepped, |u| ellipj(u, 0.5))));
    }
    panics.finish();
}

/// Every other element along an axis, reversed (a negative stride).
fn ndarray_step(_len: usize) -> sci_array::ndarray::Slice {
    sci_array::ndarray::Slice::new(0, None, -2)
}

/// The faults the sweep found, against SciPy 1.17.1's values.
#[test]
fn edge_faults_give_scipys_values() {
    let inf = f64::INFINITY;
    // jv/yv at order and argument 1e300 panicked (a recurrence of 1e300 terms allocated);
    // SciPy: jv(±1e300, 1e300) is finite (4.47e-101), yv returns (NaN).
    assert!(jv(1e300, 1e300).is_finite() && jv(-1e300, 1e300).is_finite());
    assert!(!yv(1e300, 1e300).is_finite());
    let big = array![1e300, -1e300];
    assert!(ufunc2(&big, &array![1e300], jv).unwrap().iter().all(|v| v.is_finite()));
    // jn/yn at order ±(2^31-1) ran a recurrence of 2^31 steps (seconds per call);
    // SciPy: jv(2147483647, 1) = 0, yn(2147483647, 1) = yn(-2147483648, 1) = -inf.
    assert_eq!(jn(i32::MAX, 1.0), 0.0);
    assert_eq!(jn(i32::MIN, 3.0), 0.0);
    assert_eq!(yn(i32::MAX, 1.0), -inf);
    assert_eq!(yn(i32::MIN, 1.0), -inf);
    // SciPy: jv(inf, 1.5) = 0, jv(inf, 2.5) = nan, jv(-1e300, 0) = 0, yv(inf, 0) = -inf
    // (were 0, 0, inf, nan).
    assert_eq!(jv(inf, 1.5), 0.0);
    assert!(jv(inf, 2.5).is_nan());
    assert_eq!(jv(-1e300, 0.0), 0.0);
    assert_eq!(yv(inf, 0.0), -inf);
    assert_eq!(yv(-inf, -0.0), -inf);
    // SciPy: gammaln(5e-324) = loggamma(5e-324) = inf (Cephes' 1/x overflows); was 744.4.
    assert_eq!(gammaln(5e-324), inf);
    assert_eq!(loggamma(5e-324), inf);
    // Cephes' beta: a non-positive integer argument is a pole unless the other one is an
    // integer that makes B finite; SciPy: beta(0, nan) = inf, beta(1, -1e300) = inf,
    // beta(-0.5, inf) = -inf, beta(0.5, inf) = 0, betaln(0, inf) = betaln(1, -1e300) = inf
    // (were nan, 1e-300-ish finite, nan, nan, nan, finite).
    assert_eq!(beta(0.0, f64::NAN), inf);
    assert_eq!(beta(1.0, -1e300), inf);
    assert_eq!(beta(-0.5, inf), -inf);
    assert_eq!(beta(0.5, inf), 0.0);
    assert_eq!(betaln(0.0, inf), inf);
    assert_eq!(betaln(1.0, -1e300), inf);
    // SciPy: poch(nan, 0) = 1, poch(0, nan) = 0, poch(-1e300, 1e300) = inf,
    // poch(5e-324, 5e-324) = nan (were nan, nan, nan, finite).
    assert_eq!(poch(f64::NAN, 0.0), 1.0);
    assert_eq!(poch(0.0, f64::NAN), 0.0);
    assert_eq!(poch(-1e300, 1e300), inf);
    assert!(poch(5e-324, 5e-324).is_nan());
    // SciPy: binom(inf, -1) = binom(2.5, -inf) = binom(inf, -inf) = 0 (were nan).
    assert_eq!(binom(inf, -1.0), 0.0);
    assert_eq!(binom(2.5, -inf), 0.0);
    assert_eq!(binom(inf, -inf), 0.0);
}
