//! Criterion benches of the `array.*` workloads (the same inputs and calls as the side-by-side
//! report; see `sci_benches::workloads::array`).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

fn array(c: &mut Criterion) {
    common::bench_prefix(c, "array.");
}

criterion_group!(benches, array);
criterion_main!(benches);
