//! Reductions and cumulative operations: `sum`, `mean`, `var`, `std`, their NaN-ignoring
//! variants, `amin`/`amax`/`argmin`/`argmax`/`ptp`, `cumsum`, `cumprod`, `diff`, `gradient`,
//! `median`, `percentile`, `quantile` and `average`.
//!
//! Every reduction takes `axis: Option<isize>` (`None` reduces over all elements, negative axes
//! count from the end) and returns an [`ArrayD`](ndarray::ArrayD): 0-dimensional for `None`
//! (read the value with `result[[]]`), otherwise the input shape without `axis`.

mod basic;
mod cumulative;
mod kernels;
mod nan;
mod quantile;

pub use basic::*;
pub use cumulative::*;
pub use kernels::SumElement;
pub(crate) use kernels::pairwise_sum_slice;
pub use nan::*;
pub use quantile::*;
