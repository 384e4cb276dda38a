//! Hand-written AVX-512 loops where the compiler's own vectorisation falls short.

#![allow(unsafe_code)]

use std::arch::x86_64::{
    __m512, _mm512_add_ps, _mm512_loadu_ps, _mm512_mul_ps, _mm512_set1_ps, _mm512_setzero_ps,
    _mm512_storeu_ps,
};

/// Floats per AVX-512 register.
pub const LANES: usize = 16;

/// [`super::weighted_row_sum`] with the sums of up to 128 columns held in registers over all rows
/// (the compiler reloads and stores them for every row). Each column is summed in the same order, with a
/// separate multiply and add, so the result is identical.
///
/// # Safety
/// The CPU must have AVX-512F; `out.len()` must be a multiple of [`LANES`], at most `row_len`, and
/// `rows` must hold `weights.len()` rows of `row_len`.
#[target_feature(enable = "avx512f")]
pub unsafe fn weighted_row_sum(weights: &[f32], row_len: usize, rows: &[f32], out: &mut [f32]) {
    let mut col = 0;
    while col < out.len() {
        let blocks = (out.len() - col) / LANES;
        // SAFETY: the caller's contract bounds every column read and written.
        unsafe {
            match blocks {
                1 => columns::<1>(weights, row_len, rows, col, out),
                2 => columns::<2>(weights, row_len, rows, col, out),
                3 => columns::<3>(weights, row_len, rows, col, out),
                4 => columns::<4>(weights, row_len, rows, col, out),
                5 => columns::<5>(weights, row_len, rows, col, out),
                6 => columns::<6>(weights, row_len, rows, col, out),
                7 => columns::<7>(weights, row_len, rows, col, out),
                _ => columns::<8>(weights, row_len, rows, col, out),
            }
        }
        col += blocks.min(8) * LANES;
    }
}

/// `out[col..col + 16V] = Σ_j weights[j] · rows[j][col..col + 16V]`.
#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn columns<const V: usize>(
    weights: &[f32],
    row_len: usize,
    rows: &[f32],
    col: usize,
    out: &mut [f32],
) {
    let mut acc: [__m512; V] = [_mm512_setzero_ps(); V];
    let base = rows.as_ptr();
    for (j, &w) in weights.iter().enumerate() {
        let wj = _mm512_set1_ps(w);
        // SAFETY: row `j` holds `row_len >= col + 16V` values (the caller's contract).
        let row = unsafe { base.add(j * row_len + col) };
        for (v, a) in acc.iter_mut().enumerate() {
            // SAFETY: as above.
            let x = unsafe { _mm512_loadu_ps(row.add(v * LANES)) };
            *a = _mm512_add_ps(*a, _mm512_mul_ps(wj, x));
        }
    }
    for (v, a) in acc.iter().enumerate() {
        // SAFETY: `out` holds at least `col + 16V` values (the caller's contract).
        unsafe { _mm512_storeu_ps(out.as_mut_ptr().add(col + v * LANES), *a) };
    }
}
