//! Shared by the criterion benches: run registered workloads under criterion.

use criterion::Criterion;
use sci_benches::registry::{Inputs, select};

/// Benches every registered workload whose name starts with `prefix` (e.g. `"array."`), with
/// the same inputs and calls as the side-by-side report.
pub fn bench_prefix(c: &mut Criterion, prefix: &str) {
    let dir = std::env::temp_dir().join(format!("sci-benches-criterion-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let mut group = c.benchmark_group(prefix.trim_end_matches('.'));
    group.sample_size(10);
    for w in select(Some(prefix)).into_iter().filter(|w| w.name.starts_with(prefix)) {
        let mut case = (w.setup)(&mut Inputs::new(&dir, w.name).without_npy()).expect("workload setup");
        group
            .bench_function(w.name.trim_start_matches(prefix), |b| b.iter(|| case().expect("workload call")));
    }
    group.finish();
    std::fs::remove_dir_all(&dir).ok();
}
