//! Dense float32 kernels for the hot path: a safe front to the matrix products (AMX tiles where the CPU has
//! them, `matrixmultiply::sgemm` otherwise) and the small vector operations the layers share.

#[cfg(target_arch = "x86_64")]
mod amx;
#[cfg(target_arch = "x86_64")]
mod simd;

/// Rows of the weights of [`weighted_row_sum`] are padded to a multiple of this many columns.
pub const ROW_LANES: usize = 16;

/// `out[c] = Σ_j weights[j] · rows[j][c]` for the first `out.len()` columns (a vector times a matrix
/// stored row-major with rows of `row_len`), summed over `j` in order with a separate multiply and add,
/// on every CPU alike. `out.len()` must be a multiple of [`ROW_LANES`] and at most `row_len`.
///
/// # Panics
/// If the shapes do not fit.
pub fn weighted_row_sum(weights: &[f32], row_len: usize, rows: &[f32], out: &mut [f32]) {
    assert!(
        out.len().is_multiple_of(ROW_LANES)
            && out.len() <= row_len
            && rows.len() >= weights.len() * row_len,
        "weighted_row_sum: bad shapes"
    );
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has AVX-512F and the shapes were checked above.
        #[allow(unsafe_code)]
        unsafe {
            simd::weighted_row_sum(weights, row_len, rows, out)
        };
        return;
    }
    out.fill(0.0);
    for (j, &w) in weights.iter().enumerate() {
        for (o, x) in out.iter_mut().zip(&rows[j * row_len..]) {
            *o += w * x;
        }
    }
}

/// Which units this process multiplies matrices on (decided once per process).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixUnits {
    /// Intel AMX tiles in split bfloat16 ("bf16x3").
    AmxBf16x3,
    /// Float32 `sgemm` on the vector units (every other CPU, or `KG_NO_AMX` set).
    Float32,
}

/// The units [`matmul_weights`] runs on in this process: AMX where the CPU has it, the kernel grants the
/// tile state and `KG_NO_AMX` is unset; float32 otherwise.
pub fn matrix_units() -> MatrixUnits {
    #[cfg(target_arch = "x86_64")]
    if amx::available() {
        return MatrixUnits::AmxBf16x3;
    }
    MatrixUnits::Float32
}

/// A layer's weight matrix, `n x k` row-major (thinc's layout), prepared for [`matmul_weights`]: on a CPU
/// with AMX it is also kept split into bfloat16 tiles (see `amx`).
#[derive(Debug, Clone)]
pub struct Weights {
    data: Vec<f32>,
    n: usize,
    k: usize,
    #[cfg(target_arch = "x86_64")]
    packed: Option<amx::Packed>,
}

impl Weights {
    /// Wraps `data` (`n x k`, row-major).
    ///
    /// # Panics
    /// If `data` does not hold `n * k` values (shapes are checked when the model loads).
    pub fn new(data: Vec<f32>, n: usize, k: usize) -> Weights {
        assert_eq!(data.len(), n * k, "Weights::new: bad shape");
        Weights {
            #[cfg(target_arch = "x86_64")]
            packed: amx::available().then(|| amx::Packed::new(&data, n, k)),
            data,
            n,
            k,
        }
    }

    /// The float32 values, `n x k` row-major.
    pub fn as_slice(&self) -> &[f32] {
        &self.data
    }
}

/// `c (m x n) = a · wᵀ` for the `k`-wide rows of `a` starting every `row_stride` values (see
/// [`matmul_bt_strided`], whose result it matches to within float32 rounding on the AMX path: a relative
/// error near 2⁻¹⁶ per product, and exactly elsewhere).
///
/// # Panics
/// If a slice is shorter than its stated shape.
pub fn matmul_weights(a: &[f32], m: usize, row_stride: usize, w: &Weights, c: &mut [f32]) {
    if m == 0 || w.n == 0 {
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if let Some(packed) = &w.packed
        && let Some(split) = amx::SplitRows::new(a, m, row_stride, packed)
    {
        amx::matmul_into(split, packed, c);
        return;
    }
    matmul_bt_strided(a, m, w.k, row_stride, &w.data, w.n, c);
}

/// Rows of the product per block handed to [`matmul_weights_blocks`]'s `finish`.
pub const BLOCK_ROWS: usize = 32;

/// [`matmul_weights`] block by block of [`BLOCK_ROWS`] rows of `c`: `finish(first_row, block, a)`
/// receives each block (its rows of `n`, compact) and `a` itself, which it may change: every block is the
/// product of `a` as it was on entry. Finishing a layer block by block while it is in cache, rather than
/// after the whole product, saves a round trip of `c` through memory. `scratch` holds `c` whole on
/// CPUs without AMX.
///
/// # Panics
/// If a slice is shorter than its stated shape.
pub fn matmul_weights_blocks(
    a: &mut [f32],
    m: usize,
    row_stride: usize,
    w: &Weights,
    scratch: &mut Vec<f32>,
    mut finish: impl FnMut(usize, &[f32], &mut [f32]),
) {
    if m == 0 || w.n == 0 {
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if let Some(packed) = &w.packed
        && let Some(split) = amx::SplitRows::new(a, m, row_stride, packed)
    {
        amx::matmul_blocks(split, packed, |row, block| finish(row, block, a));
        return;
    }
    scratch.resize(m * w.n, 0.0);
    matmul_bt_strided(a, m, w.k, row_stride, &w.data, w.n, scratch);
    for row in (0..m).step_by(BLOCK_ROWS) {
        let rows = (m - row).min(BLOCK_ROWS);
        finish(row, &scratch[row * w.n..(row + rows) * w.n], a);
    }
}

/// `c (m x n) = a (m x k) · bᵀ`, where `b` is stored row-major as (n x k), the layout of thinc's weights,
/// with row `i` of `a` starting at `a[i * row_stride]`. Rows may overlap
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
        "matmul_bt_strided: bad shapes"
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

/// Bytes of a working buffer kept for the next chunk of documents; a larger one (a huge document's) is
/// freed after use, so a long run's memory stays near that of a typical chunk.
const KEEP_BYTES: usize = 32 << 20;

/// Keeps a working buffer for reuse, contents and all (the next user resizes it and overwrites what it
/// reads): freeing and allocating it again for every chunk made the kernel fault its pages in anew each
/// time (a fifth of the analysis time), since the allocator returns freed memory to the system at once,
/// and clearing it would make the next `resize` zero it all again.
pub(crate) fn recycle<T>(buffer: &mut Vec<T>) {
    if buffer.capacity() * std::mem::size_of::<T>() > KEEP_BYTES {
        *buffer = Vec::new();
    }
}

/// The first `len` values of a working buffer, growing it (zeroed) only when it is shorter: the caller
/// overwrites them, and letting the buffer shrink would make every later growth zero it all over again.
pub(crate) fn grown(buffer: &mut Vec<f32>, len: usize) -> &mut [f32] {
    if buffer.len() < len {
        buffer.resize(len, 0.0);
    }
    &mut buffer[..len]
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
        matmul_bt_strided(&a, 3, 2, 2, &b, 3, &mut c);
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

    /// Pseudo-random values in [-1, 1) (xorshift), so the test needs no extra crate.
    fn noise(len: usize, seed: u64) -> Vec<f32> {
        let mut s = seed.max(1);
        (0..len)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                ((s >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn weights_product_matches_float32_on_every_shape() {
        // Shapes of the model's layers and ragged ones: rows not a multiple of the tile height, columns
        // and depth not multiples of the tile width, an odd number of column tiles, and overlapping
        // rows (the encoder's windows), with and without the AMX path's constraints met.
        let cases = [
            (2048, 288, 96, 288),
            (37, 288, 96, 288),
            (33, 96, 96, 64),
            (5, 64, 64, 1024),
            (70, 96, 96, 50),
            (19, 40, 40, 16),
            (3, 7, 9, 5),
            (1, 96, 96, 384),
            (40, 90, 30, 20),
        ];
        for (i, &(m, k, stride, n)) in cases.iter().enumerate() {
            let a = noise((m - 1) * stride + k, 3 + i as u64);
            let w = noise(n * k, 101 + i as u64);
            let weights = Weights::new(w.clone(), n, k);
            let mut got = vec![f32::NAN; m * n];
            matmul_weights(&a, m, stride, &weights, &mut got);
            let mut want = vec![0.0; m * n];
            matmul_bt_strided(&a, m, k, stride, &w, n, &mut want);
            for r in 0..m {
                for c in 0..n {
                    // Error bound: float32 rounding over k terms, scaled by the sum of |a| |w|.
                    let row = &a[r * stride..r * stride + k];
                    let scale: f32 = row
                        .iter()
                        .zip(&w[c * k..])
                        .map(|(x, y)| (x * y).abs())
                        .sum();
                    let err = (got[r * n + c] - want[r * n + c]).abs();
                    assert!(
                        err <= 1e-5 * scale.max(1e-3),
                        "case {i}: c[{r}][{c}] = {} vs {} (scale {scale})",
                        got[r * n + c],
                        want[r * n + c]
                    );
                }
            }
        }
    }

    #[test]
    fn blocks_see_the_input_as_it_was_before_finishing() {
        // The encoder's use: windows of 3 rows in place, each finished block added back into its rows.
        // Every block must be the product of the input as it was on entry, though earlier blocks have
        // already changed rows that later windows read.
        let (m, width) = (77, 32);
        let padded = noise((m + 2) * width, 5);
        let w = noise(width * 3 * width, 6);
        let weights = Weights::new(w.clone(), width, 3 * width);
        let mut want = vec![0.0; m * width];
        matmul_weights(&padded, m, width, &weights, &mut want);
        let mut x = padded.clone();
        let mut got = vec![f32::NAN; m * width];
        let mut scratch = Vec::new();
        matmul_weights_blocks(&mut x, m, width, &weights, &mut scratch, |row, block, x| {
            got[row * width..row * width + block.len()].copy_from_slice(block);
            for (v, b) in x[(1 + row) * width..].iter_mut().zip(block) {
                *v += b;
            }
        });
        assert_eq!(got, want);
        let residual: Vec<f32> = padded[width..(m + 1) * width]
            .iter()
            .zip(&want)
            .map(|(p, c)| p + c)
            .collect();
        assert_eq!(&x[width..(m + 1) * width], &residual[..]);
    }

    #[test]
    fn weighted_row_sum_is_the_plain_sum_in_order() {
        // 64 weights over rows of 112 (7 register blocks; the parser's upper layer shape) and of 160
        // (8 + 2 blocks), only the first columns asked for: bit for bit the row-at-a-time sum.
        for (row_len, cols) in [(112, 112), (160, 160), (160, 48)] {
            let weights = noise(64, 7);
            let rows = noise(64 * row_len, 9);
            let mut got = vec![f32::NAN; cols];
            weighted_row_sum(&weights, row_len, &rows, &mut got);
            let mut want = vec![0.0f32; cols];
            for (j, &w) in weights.iter().enumerate() {
                for (c, o) in want.iter_mut().enumerate() {
                    *o += w * rows[j * row_len + c];
                }
            }
            assert_eq!(got, want);
        }
    }

    #[test]
    fn argmax_takes_the_first_maximum() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0, 2.0]), 1);
        assert_eq!(argmax(&[]), 0);
    }
}
