//! NumPy parity for kron_nd (fixtures from tools/fixtures/linalg_kron_nd.py): operands of 0 to
//! 4 dimensions, mixed dimensions, zero-length axes; the same values from transposed
//! (Fortran-strided) views; the 2-d `kron` agrees with it.

use sci_array::ndarray::Ix2;
mod common;

use common::{case_keys, fortran_strided};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{kron, kron_nd};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_kron_nd.json")).unwrap()
}

#[test]
fn kron_nd_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'k', 12) {
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        let got = kron_nd(&a, &b);
        assert_eq!(got.shape(), want.shape(), "{k}");
        // Each value is one product, so the results are identical.
        assert_allclose(&got, &want, 0.0, 0.0);
        let (af, bf) = (fortran_strided(&a), fortran_strided(&b));
        assert!(a.ndim() < 2 || a.len() < 2 || !af.is_standard_layout());
        assert_allclose(&kron_nd(&af, &bf), &want, 0.0, 0.0);
        assert_allclose(&kron_nd(&af.view(), &b.view()), &want, 0.0, 0.0);
        if a.ndim() == 2 && b.ndim() == 2 {
            let (a2, b2) = (
                a.clone().into_dimensionality::<Ix2>().unwrap(),
                b.clone().into_dimensionality::<Ix2>().unwrap(),
            );
            assert_allclose(&kron(&a2, &b2).into_dyn(), &want, 0.0, 0.0);
        }
    }
}
