//! `einsum`: Einstein summation over explicit or implicit subscripts.

use crate::{ArrayError, Result};
use ndarray::{Array2, Array3, ArrayD, ArrayViewD, Axis, IxDyn, LinalgScalar};

fn bad(reason: impl Into<String>) -> ArrayError {
    ArrayError::InvalidValue { arg: "subscripts", reason: reason.into() }
}

/// Parsed subscripts: the labels of every operand and of the output.
fn parse(subscripts: &str, nops: usize) -> Result<(Vec<Vec<char>>, Vec<char>)> {
    let s: String = subscripts.chars().filter(|c| !c.is_whitespace()).collect();
    if s.contains('.') {
        return Err(bad("ellipsis ('...') is not supported"));
    }
    let (lhs, rhs) = match s.split_once("->") {
        Some((l, r)) => (l, Some(r)),
        None => (s.as_str(), None),
    };
    let inputs: Vec<Vec<char>> = lhs.split(',').map(|t| t.chars().collect()).collect();
    for c in inputs.iter().flatten().chain(rhs.into_iter().flat_map(|r| r.chars()).collect::<Vec<_>>().iter())
    {
        if !c.is_ascii_alphabetic() {
            return Err(bad(format!("invalid subscript '{c}' in einstein sum subscripts string")));
        }
    }
    if inputs.len() != nops {
        return Err(bad(format!("{} operands in the subscripts but {nops} given", inputs.len())));
    }
    let output: Vec<char> = match rhs {
        Some(r) => {
            let out: Vec<char> = r.chars().collect();
            for (i, c) in out.iter().enumerate() {
                if out[..i].contains(c) {
                    return Err(bad(format!("output subscript '{c}' appears more than once")));
                }
                if !inputs.iter().any(|t| t.contains(c)) {
                    return Err(bad(format!("output subscript '{c}' does not appear in the inputs")));
                }
            }
            out
        }
        None => {
            // Implicit mode: the labels that occur exactly once, in alphabetical order.
            let mut once: Vec<char> = inputs
                .iter()
                .flatten()
                .copied()
                .filter(|c| inputs.iter().flatten().filter(|d| *d == c).count() == 1)
                .collect();
            once.sort_unstable();
            once
        }
    };
    Ok((inputs, output))
}

/// An operand with distinct labels: repeated labels become its diagonal.
fn distinct<A: LinalgScalar>(op: &ArrayViewD<'_, A>, labels: &[char]) -> (ArrayD<A>, Vec<char>) {
    let mut uniq: Vec<char> = Vec::new();
    for &c in labels {
        if !uniq.contains(&c) {
            uniq.push(c);
        }
    }
    if uniq.len() == labels.len() {
        return (op.to_owned(), uniq);
    }
    let shape: Vec<usize> =
        uniq.iter().map(|c| op.shape()[labels.iter().position(|d| d == c).unwrap_or(0)]).collect();
    let map: Vec<usize> = labels.iter().map(|c| uniq.iter().position(|d| d == c).unwrap_or(0)).collect();
    let arr = ArrayD::from_shape_fn(IxDyn(&shape), |idx| {
        let full: Vec<usize> = map.iter().map(|&k| idx[k]).collect();
        op[IxDyn(&full)]
    });
    (arr, uniq)
}

/// Sums out the labels of `a` not in `keep`.
fn sum_out<A: LinalgScalar>(
    mut a: ArrayD<A>,
    mut labels: Vec<char>,
    keep: &[char],
) -> (ArrayD<A>, Vec<char>) {
    let mut k = labels.len();
    while k > 0 {
        k -= 1;
        if !keep.contains(&labels[k]) {
            a = a.sum_axis(Axis(k));
            labels.remove(k);
        }
    }
    (a, labels)
}

/// `a` with its axes in the order of `order` (a permutation of `labels`), in standard layout.
fn arrange<A: LinalgScalar>(a: ArrayD<A>, labels: &[char], order: &[char]) -> ArrayD<A> {
    let perm: Vec<usize> = order.iter().map(|c| labels.iter().position(|d| d == c).unwrap_or(0)).collect();
    a.permuted_axes(IxDyn(&perm)).as_standard_layout().into_owned()
}

/// Contracts two operands, keeping the labels in `keep`, with one matrix product per batch index.
fn contract<A: LinalgScalar>(
    a: ArrayD<A>,
    la: Vec<char>,
    b: ArrayD<A>,
    lb: Vec<char>,
    keep: &[char],
) -> Result<(ArrayD<A>, Vec<char>)> {
    let a_keep: Vec<char> = keep.iter().chain(lb.iter()).copied().collect();
    let (a, la) = sum_out(a, la, &a_keep);
    let b_keep: Vec<char> = keep.iter().chain(la.iter()).copied().collect();
    let (b, lb) = sum_out(b, lb, &b_keep);
    let batch: Vec<char> = la.iter().filter(|c| lb.contains(c) && keep.contains(c)).copied().collect();
    let inner: Vec<char> = la.iter().filter(|c| lb.contains(c) && !keep.contains(c)).copied().collect();
    let a_free: Vec<char> = la.iter().filter(|c| !lb.contains(c)).copied().collect();
    let b_free: Vec<char> = lb.iter().filter(|c| !la.contains(c)).copied().collect();
    let size = |l: &[char], arr: &ArrayD<A>, labels: &[char]| -> usize {
        l.iter().map(|c| arr.shape()[labels.iter().position(|d| d == c).unwrap_or(0)]).product()
    };
    let (nb, m, k, n) =
        (size(&batch, &a, &la), size(&a_free, &a, &la), size(&inner, &a, &la), size(&b_free, &b, &lb));
    let shape_of = |l: &[char], arr: &ArrayD<A>, labels: &[char]| -> Vec<usize> {
        l.iter().map(|c| arr.shape()[labels.iter().position(|d| d == c).unwrap_or(0)]).collect()
    };
    let mut out_shape = shape_of(&batch, &a, &la);
    out_shape.extend(shape_of(&a_free, &a, &la));
    out_shape.extend(shape_of(&b_free, &b, &lb));
    let order_a: Vec<char> = batch.iter().chain(&a_free).chain(&inner).copied().collect();
    let order_b: Vec<char> = batch.iter().chain(&inner).chain(&b_free).copied().collect();
    let shape_err = |e: ndarray::ShapeError| bad(e.to_string());
    let a3: Array3<A> = arrange(a, &la, &order_a).into_shape_with_order((nb, m, k)).map_err(shape_err)?;
    let b3: Array3<A> = arrange(b, &lb, &order_b).into_shape_with_order((nb, k, n)).map_err(shape_err)?;
    let mut out = Array3::<A>::zeros((nb, m, n));
    for ((mut o, x), y) in out.outer_iter_mut().zip(a3.outer_iter()).zip(b3.outer_iter()) {
        let prod: Array2<A> = x.dot(&y);
        o.assign(&prod);
    }
    let labels: Vec<char> = batch.iter().chain(&a_free).chain(&b_free).copied().collect();
    Ok((out.into_shape_with_order(IxDyn(&out_shape)).map_err(shape_err)?, labels))
}

/// Einstein summation: multiplies the operands along the labelled axes and sums over the
/// labels that are not in the output.
///
/// Supported: explicit (`"ij,jk->ik"`) and implicit (`"ij,jk"`, output = labels occurring
/// once, alphabetically) subscripts, any number of operands (contracted left to right),
/// repeated labels within an operand (diagonals and traces: `"ii"`, `"ii->i"`), sums
/// (`"ij->"`), transposes (`"ij->ji"`), outer and inner products, batched matrix products
/// (`"bij,bjk->bik"`). Every pairwise contraction is one matrix product per batch element
/// (ndarray's `dot`, i.e. `matrixmultiply`), so matmul-shaped subscripts run at GEMM speed.
/// Not supported: ellipsis (`"..."`) and broadcasting of size-1 axes.
///
/// NumPy equivalent: `numpy.einsum`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for malformed subscripts, a wrong number of operands or
/// labels, or an ellipsis; [`ArrayError::ShapeMismatch`] when a label has different lengths.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::einsum;
/// let a = array![[1.0, 2.0], [3.0, 4.0]].into_dyn();
/// let b = array![[5.0, 6.0], [7.0, 8.0]].into_dyn();
/// let v = array![1.0, 2.0].into_dyn();
/// assert_eq!(einsum("ij,jk->ik", &[a.view(), b.view()]).unwrap(), array![[19.0, 22.0], [43.0, 50.0]].into_dyn());
/// assert_eq!(einsum("ii", &[a.view()]).unwrap()[[]], 5.0);
/// assert_eq!(einsum("ii->i", &[a.view()]).unwrap(), array![1.0, 4.0].into_dyn());
/// assert_eq!(einsum("ij->ji", &[a.view()]).unwrap(), a.t().to_owned());
/// assert_eq!(einsum("i,i", &[v.view(), v.view()]).unwrap()[[]], 5.0);
/// assert_eq!(einsum("i,j", &[v.view(), v.view()]).unwrap(), array![[1.0, 2.0], [2.0, 4.0]].into_dyn());
/// assert_eq!(einsum("ij->", &[a.view()]).unwrap()[[]], 10.0);
/// ```
pub fn einsum<A>(subscripts: &str, operands: &[ArrayViewD<'_, A>]) -> Result<ArrayD<A>>
where
    A: LinalgScalar,
{
    if operands.is_empty() {
        return Err(bad("no operands given"));
    }
    let (inputs, output) = parse(subscripts, operands.len())?;
    // Label lengths must agree everywhere.
    let mut dims: Vec<(char, usize)> = Vec::new();
    for (op, labels) in operands.iter().zip(&inputs) {
        if labels.len() != op.ndim() {
            return Err(bad(format!(
                "operand has {} dimensions but {} subscripts ({})",
                op.ndim(),
                labels.len(),
                labels.iter().collect::<String>()
            )));
        }
        for (&c, &d) in labels.iter().zip(op.shape()) {
            match dims.iter().find(|(e, _)| *e == c) {
                Some(&(_, d0)) if d0 != d => {
                    return Err(ArrayError::ShapeMismatch {
                        arg: "operands",
                        expected: format!("length {d0} for subscript '{c}'"),
                        found: op.shape().to_vec(),
                    });
                }
                Some(_) => {}
                None => dims.push((c, d)),
            }
        }
    }
    let mut ops: Vec<(ArrayD<A>, Vec<char>)> =
        operands.iter().zip(&inputs).map(|(op, l)| distinct(op, l)).collect();
    let (mut cur, mut lc) = ops.remove(0);
    if ops.is_empty() {
        let (r, l) = sum_out(cur, lc, &output);
        return Ok(arrange(r, &l, &output));
    }
    for (i, (b, lb)) in ops.into_iter().enumerate() {
        // Keep the output labels and those of the operands still to come.
        let mut keep: Vec<char> = output.clone();
        for later in inputs.iter().skip(i + 2) {
            keep.extend(later.iter());
        }
        let (r, l) = contract(cur, lc, b, lb, &keep)?;
        cur = r;
        lc = l;
    }
    let (r, l) = sum_out(cur, lc, &output);
    Ok(arrange(r, &l, &output))
}
