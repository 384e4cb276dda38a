//! Dense float32 kernels for the hot path: a safe front to `matrixmultiply::sgemm` and the small vector
//! operations the layers share.

/// `c (m x n) = a (m x k) · bᵀ`, where `b` is stored row-major as (n x k): the layout of thinc's weights.
///
/// # Panics
/// If a slice is shorter than its stated shape (an internal invariant: shapes are checked at load time).
pub fn matmul_bt(a: &[f32], m: usize, k: usize, b: &[f32], n: usize, c: &mut [f32]) {
    matmul_bt_strided(a, m, k, k, b, n, c);
}

/// Like [`matmul_bt`], with row `i` of `a` starting at `a[i * row_stride]`. Rows may overlap
/// (`row_stride < k`): over a buffer of consecutive token vectors of width `w` with zero rows on both sides,
/// `row_stride = w` and `k = 3 * w` read each token's window `[previous, self, next]` in place, without
/// copying it out.
///
/// # Panics
/// If a slice is shorter than its stated shape (an internal invariant: shapes are checked at load time).
#[allow(unsafe_code)]
pub fn matmul_bt_strided(
    a: &[f32],
    m: usize,
    k: usize,
    row_stride: usize,
    b: &[f32],
    n: usize,
    c: &mut [f32],
) {
    if m == 0 || n == 0 {
        return;
    }
    assert!(
        a.len() >= (m - 1) * row_stride + k && b.len() >= n * k && c.len() >= m * n,
        "matmul_bt: bad shapes"
    );
    if k == 0 {
        c[..m * n].fill(0.0);
        return;
    }
    // SAFETY: the assertion above guarantees that every element addressed through the given strides lies
    // inside the three slices (a: m rows of k starting every row_stride, b read transposed: column stride
    // k, c: rows of n); `a` and `b` are only read, and `c` is borrowed mutably so it aliases neither.
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            row_stride as isize,
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

/// Defines a function whose body is compiled twice: for the baseline CPU and with AVX2 and AVX-512, the
/// second chosen at run time when the CPU has them. The hot loops of the layers are element-wise (adds,
/// maxima over pieces, scaled rows), so wider vectors speed them up without changing a single result: Rust
/// never reorders or fuses float operations, whatever the target features.
macro_rules! multiversion {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) $body:block) => {
        $(#[$meta])*
        #[allow(clippy::too_many_arguments)]
        $vis fn $name($($arg: $ty),*) {
            #[inline(always)]
            #[allow(clippy::too_many_arguments)]
            fn body($($arg: $ty),*) $body
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx2,avx512f")]
                #[allow(clippy::too_many_arguments)]
                fn wide($($arg: $ty),*) {
                    body($($arg),*)
                }
                if std::arch::is_x86_feature_detected!("avx512f")
                    && std::arch::is_x86_feature_detected!("avx2")
                {
                    // SAFETY: the CPU has the features `wide` is compiled for (checked just above).
                    #[allow(unsafe_code)]
                    return unsafe { wide($($arg),*) };
                }
            }
            body($($arg),*)
        }
    };
}
pub(crate) use multiversion;

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
    fn overlapping_rows_read_windows_in_place() {
        // Rows of width 1 padded with zeros: [0, 1, 2, 3, 0]; windows of 3 with stride 1 are
        // [0,1,2], [1,2,3], [2,3,0]; b = [[1,10,100]] weighs previous, self and next.
        let a = [0.0, 1.0, 2.0, 3.0, 0.0];
        let b = [1.0, 10.0, 100.0];
        let mut c = [0.0; 3];
        matmul_bt_strided(&a, 3, 3, 1, &b, 1, &mut c);
        assert_eq!(c, [210.0, 321.0, 32.0]);
    }

    #[test]
    fn argmax_takes_the_first_maximum() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0, 2.0]), 1);
        assert_eq!(argmax(&[]), 0);
    }
}
