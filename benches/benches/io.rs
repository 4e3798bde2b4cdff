//! Criterion benches of the `io.*` workloads (the same inputs and calls as the side-by-side
//! report; see `sci_benches::workloads::io`).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

fn io(c: &mut Criterion) {
    common::bench_prefix(c, "io.");
}

criterion_group!(benches, io);
criterion_main!(benches);
