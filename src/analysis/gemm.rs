//! Dense float32 kernels for the hot path: a safe front to `matrixmultiply::sgemm` and the small vector
//! operations the layers share.

/// `c (m x n) = a (m x k) · bᵀ`, where `b` is stored row-major as (n x k): the layout of thinc's weights.
///
/// # Panics
/// If a slice is shorter than its stated shape (an internal invariant: shapes are checked at load time).
#[allow(unsafe_code)]
pub fn matmul_bt(a: &[f32], m: usize, k: usize, b: &[f32], n: usize, c: &mut [f32]) {
    assert!(
        a.len() >= m * k && b.len() >= n * k && c.len() >= m * n,
        "matmul_bt: bad shapes"
    );
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        c[..m * n].fill(0.0);
        return;
    }
    // SAFETY: the assertion above guarantees that every element addressed through the given strides lies
    // inside the three slices (a: rows of k, b read transposed: column stride k, c: rows of n), and `c`
    // is borrowed mutably so it cannot alias `a` or `b`.
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            k as isize,
            1,
            b.as_ptr(),
            1,
            k as isize,
            0.0,
            c.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

/// Adds `bias` to every row of `rows` (row length = `bias.len()`).
pub fn add_bias(rows: &mut [f32], bias: &[f32]) {
    if bias.is_empty() {
        return;
    }
    for row in rows.chunks_exact_mut(bias.len()) {
        for (x, b) in row.iter_mut().zip(bias) {
            *x += b;
        }
    }
}

/// Index of the first maximum (numpy's `argmax` tie rule); 0 for an empty slice.
pub fn argmax(xs: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in xs.iter().enumerate().skip(1) {
        if x > xs[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matmul_transposes_the_second_operand() {
        // a = [[1,2],[3,4],[5,6]], b = [[1,0],[0,1],[1,1]] -> a·bᵀ = [[1,2,3],[3,4,7],[5,6,11]]
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let b = [1.0, 0.0, 0.0, 1.0, 1.0, 1.0];
        let mut c = [0.0; 9];
        matmul_bt(&a, 3, 2, &b, 3, &mut c);
        assert_eq!(c, [1.0, 2.0, 3.0, 3.0, 4.0, 7.0, 5.0, 6.0, 11.0]);
    }

    #[test]
    fn argmax_takes_the_first_maximum() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0, 2.0]), 1);
        assert_eq!(argmax(&[]), 0);
    }
}
