//! Matrix products on Intel AMX tiles (Sapphire Rapids and later) in "bf16x3" precision.
//!
//! AMX multiplies bfloat16 tiles and accumulates in float32, about eight times as fast per core as AVX-512
//! float32. A bfloat16 keeps 8 bits of mantissa, too few for a greedy parser whose decisions turn on small
//! score differences, so each float32 operand is split into a high and a low bfloat16 (`x ≈ hi + lo`, 16
//! bits together) and the product taken as `a_hi·b_hi + a_lo·b_hi + a_hi·b_lo`. The dropped term
//! `a_lo·b_lo` and the splitting leave a relative error near 2⁻¹⁶ per product, close to float32's own
//! rounding over a sum of a few hundred terms, at three tile products instead of one.
//!
//! The weights (`b`, `n x k`) are split and laid out in tiles once, when the model loads; the activations
//! (`a`) are split at every product. Tiles are 16 rows of 64 bytes: an `a` tile is 16 rows x 32 bfloat16
//! of `k`, a `b` tile 16 pairs of `k` x 16 columns of `n` (the "VNNI" layout), a `c` tile 16 x 16 float32.

#![allow(unsafe_code)]

use std::arch::asm;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Elements of `k` per tile (64 bytes of bfloat16).
const TILE_K: usize = 32;
/// Rows of `a` (and of `c`) per tile.
const TILE_M: usize = 16;
/// Columns of `n` per tile (64 bytes of float32 in `c`).
const TILE_N: usize = 16;
/// bfloat16 elements in one `b` tile.
const B_TILE: usize = TILE_K * TILE_N;

/// Whether this process may use AMX: the CPU has AMX tiles with bfloat16, the kernel granted the process
/// the tile state, and `KG_NO_AMX` is not set (to compare with the float32 path).
pub fn available() -> bool {
    static READY: OnceLock<bool> = OnceLock::new();
    *READY.get_or_init(|| std::env::var_os("KG_NO_AMX").is_none() && request_tiles())
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn request_tiles() -> bool {
    // CPUID leaf 7: EDX bit 22 is AMX-BF16, bit 24 AMX-TILE.
    #[allow(unused_unsafe)]
    // SAFETY: CPUID is available on every x86_64 CPU.
    let leaf = unsafe { std::arch::x86_64::__cpuid_count(7, 0) };
    if leaf.edx & (1 << 22) == 0 || leaf.edx & (1 << 24) == 0 {
        return false;
    }
    // Linux hands out the 8 KB tile state only on request (ARCH_REQ_XCOMP_PERM for XTILEDATA); the
    // permission is for the whole process.
    const ARCH_REQ_XCOMP_PERM: libc::c_long = 0x1023;
    const XFEATURE_XTILEDATA: libc::c_long = 18;
    // SAFETY: arch_prctl with these arguments only changes the process's permitted xsave features.
    unsafe {
        libc::syscall(
            libc::SYS_arch_prctl,
            ARCH_REQ_XCOMP_PERM,
            XFEATURE_XTILEDATA,
        ) == 0
    }
}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn request_tiles() -> bool {
    false
}

/// Rounds a float32 to the nearest bfloat16 (ties to even), as bits.
#[inline(always)]
fn bf16_bits(x: f32) -> u16 {
    let b = x.to_bits();
    ((b + 0x7fff + ((b >> 16) & 1)) >> 16) as u16
}

/// Splits `x` into `hi + lo`, both bfloat16.
#[inline(always)]
fn split(x: f32) -> (u16, u16) {
    let hi = bf16_bits(x);
    let lo = bf16_bits(x - f32::from_bits(u32::from(hi) << 16));
    (hi, lo)
}

super::multiversion! {
    /// Splits every element of `src` into the high and low bfloat16 of `hi` and `lo`.
    fn split_portably(src: &[f32], hi: &mut [u16], lo: &mut [u16]) {
        for ((x, h), l) in src.iter().zip(hi.iter_mut()).zip(lo.iter_mut()) {
            let (a, b) = split(*x);
            *h = a;
            *l = b;
        }
    }
}

/// Splits every element of `src` into the high and low bfloat16 of `hi` and `lo` (all three of one
/// length), with the CPU's own conversion where it has one.
fn split_into(src: &[f32], hi: &mut [u16], lo: &mut [u16]) {
    if std::arch::is_x86_feature_detected!("avx512bf16") {
        // SAFETY: the CPU has AVX-512 BF16 (checked just above).
        unsafe { split_bf16_instructions(src, hi, lo) };
    } else {
        split_portably(src, hi, lo);
    }
}

/// [`split_into`] with `vcvtneps2bf16`, 16 values at a time: the same rounding (to nearest, ties to even)
/// as [`split`], except that it flushes subnormal values (below 1e-38) to zero.
///
/// # Safety
/// The CPU must have AVX-512F and AVX-512 BF16.
#[target_feature(enable = "avx512f,avx512bf16")]
unsafe fn split_bf16_instructions(src: &[f32], hi: &mut [u16], lo: &mut [u16]) {
    use std::arch::x86_64::{
        __m256bh, __m256i, _mm256_storeu_si256, _mm512_cvtneps_pbh, _mm512_cvtpbh_ps,
        _mm512_loadu_ps, _mm512_sub_ps,
    };
    let n = src.len().min(hi.len()).min(lo.len());
    let full = n - n % 16;
    for i in (0..full).step_by(16) {
        // SAFETY: `i + 16 <= n`, within all three slices.
        unsafe {
            let x = _mm512_loadu_ps(src.as_ptr().add(i));
            let h = _mm512_cvtneps_pbh(x);
            let l = _mm512_cvtneps_pbh(_mm512_sub_ps(x, _mm512_cvtpbh_ps(h)));
            _mm256_storeu_si256(
                hi.as_mut_ptr().add(i).cast::<__m256i>(),
                std::mem::transmute::<__m256bh, __m256i>(h),
            );
            _mm256_storeu_si256(
                lo.as_mut_ptr().add(i).cast::<__m256i>(),
                std::mem::transmute::<__m256bh, __m256i>(l),
            );
        }
    }
    split_portably(&src[full..n], &mut hi[full..n], &mut lo[full..n]);
}

/// A weight matrix (`n x k`, row-major) split into bfloat16 halves and laid out in `b` tiles: tile
/// `(t, q)` covers columns `16t..16t+16` of `n` and `32q..32q+32` of `k`, zero beyond the matrix.
#[derive(Debug, Clone)]
pub struct Packed {
    n: usize,
    k: usize,
    k_tiles: usize,
    n_tiles: usize,
    hi: Vec<u16>,
    lo: Vec<u16>,
}

impl Packed {
    /// Packs `w` (`n x k`).
    pub fn new(w: &[f32], n: usize, k: usize) -> Packed {
        let k_tiles = k.div_ceil(TILE_K);
        let n_tiles = n.div_ceil(TILE_N);
        let mut hi = vec![0u16; n_tiles * k_tiles * B_TILE];
        let mut lo = vec![0u16; n_tiles * k_tiles * B_TILE];
        for row in 0..n {
            for col in 0..k {
                let (t, j) = (row / TILE_N, row % TILE_N);
                let (q, r) = (col / TILE_K, col % TILE_K);
                // Row `r / 2` of the tile holds, for each of its 16 columns, the pair (k even, k odd).
                let at = (t * k_tiles + q) * B_TILE + (r / 2) * 2 * TILE_N + 2 * j + r % 2;
                (hi[at], lo[at]) = split(w[row * k + col]);
            }
        }
        Packed {
            n,
            k,
            k_tiles,
            n_tiles,
            hi,
            lo,
        }
    }
}

/// Scratch of one thread: the split activations and one block of `c`.
#[derive(Default)]
struct Scratch {
    hi: Vec<u16>,
    lo: Vec<u16>,
    block: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The tile configuration: palette 1, eight tiles of 16 rows x 64 bytes.
#[repr(C, align(64))]
struct TileConfig([u8; 64]);

impl TileConfig {
    fn new() -> TileConfig {
        let mut c = [0u8; 64];
        c[0] = 1;
        for t in 0..8 {
            c[16 + 2 * t..18 + 2 * t].copy_from_slice(&64u16.to_le_bytes());
            c[48 + t] = TILE_M as u8;
        }
        TileConfig(c)
    }
}

/// Rows of `c` computed per block: two tiles high.
const BLOCK_ROWS: usize = 2 * TILE_M;

/// The rows of an `a` operand split into bfloat16 halves, ready for [`matmul_blocks`]. It holds its own
/// copy, so `a` may change once it is made.
pub struct SplitRows {
    hi: Vec<u16>,
    lo: Vec<u16>,
    m: usize,
    stride: usize,
    /// Tiles of `k` per row, those of the weights it was split for.
    k_tiles: usize,
}

impl SplitRows {
    /// Splits the `m` rows of `a` for products with `b` (rows of `b.k` values starting every
    /// `row_stride`), or `None` when the shape cannot be done on tiles: overlapping rows need `k` to be a
    /// multiple of 32.
    ///
    /// # Panics
    /// If `a` is shorter than its stated shape.
    pub fn new(a: &[f32], m: usize, row_stride: usize, b: &Packed) -> Option<SplitRows> {
        let k = b.k;
        let overlapping = row_stride < k;
        if m == 0 || k == 0 || (overlapping && !k.is_multiple_of(TILE_K)) {
            return None;
        }
        assert!(
            a.len() >= (m - 1) * row_stride + k,
            "SplitRows::new: bad shapes"
        );
        // The buffers move out of the thread's scratch while in use (a nested use would allocate its own).
        let (mut hi, mut lo) =
            SCRATCH.with_borrow_mut(|s| (std::mem::take(&mut s.hi), std::mem::take(&mut s.lo)));
        // Rows of the padded last block beyond `m` only feed rows of `c` that are dropped, so they may
        // keep stale values, but the columns past `k` must be zero.
        let stride = if overlapping {
            row_stride
        } else {
            b.k_tiles * TILE_K
        };
        let len = (m.next_multiple_of(BLOCK_ROWS) - 1) * stride + b.k_tiles * TILE_K;
        if hi.len() < len {
            hi.resize(len, 0);
            lo.resize(len, 0);
        }
        if overlapping || (row_stride == k && k == stride) {
            let used = (m - 1) * row_stride + k;
            split_into(&a[..used], &mut hi[..used], &mut lo[..used]);
            hi[used..len].fill(0);
            lo[used..len].fill(0);
        } else {
            for i in 0..m {
                let (src, dst) = (&a[i * row_stride..i * row_stride + k], i * stride);
                split_into(src, &mut hi[dst..dst + k], &mut lo[dst..dst + k]);
                hi[dst + k..dst + stride].fill(0);
                lo[dst + k..dst + stride].fill(0);
            }
        }
        Some(SplitRows {
            hi,
            lo,
            m,
            stride,
            k_tiles: b.k_tiles,
        })
    }
}

/// `c = a · bᵀ` as [`super::matmul_bt_strided`] computes it, on AMX tiles, block by block of
/// [`BLOCK_ROWS`] rows: `finish(first_row, block)` receives each block of `c` (its rows of `n`,
/// compact). `a` was split by [`SplitRows::new`] for this `b`. Call only when [`available`] is true.
pub fn matmul_blocks(a: SplitRows, b: &Packed, mut finish: impl FnMut(usize, &[f32])) {
    let (m, n, n_pad) = (a.m, b.n, b.n_tiles * TILE_N);
    with_tiles(a, b, |a, block| {
        for row in (0..m).step_by(BLOCK_ROWS) {
            // SAFETY: the block scratch holds 32 rows of `n_pad`.
            unsafe { compute_block(a, b, row, block.as_mut_ptr(), n_pad) };
            let rows = (m - row).min(BLOCK_ROWS);
            if n_pad != n {
                for r in 1..rows {
                    block.copy_within(r * n_pad..r * n_pad + n, r * n);
                }
            }
            finish(row, &block[..rows * n]);
        }
    });
}

/// `c (m x n) = a · bᵀ` on AMX tiles: whole blocks are stored straight into `c` when `n` is a multiple
/// of 16, the others through a scratch block. `a` was split by [`SplitRows::new`] for this `b`. Call only
/// when [`available`] is true.
///
/// # Panics
/// If `c` is shorter than `m x n`.
pub fn matmul_into(a: SplitRows, b: &Packed, c: &mut [f32]) {
    let (m, n, n_pad) = (a.m, b.n, b.n_tiles * TILE_N);
    assert!(c.len() >= m * n, "amx::matmul_into: bad shapes");
    with_tiles(a, b, |a, block| {
        for row in (0..m).step_by(BLOCK_ROWS) {
            let rows = (m - row).min(BLOCK_ROWS);
            if rows == BLOCK_ROWS && n == n_pad {
                // SAFETY: rows `row..row + 32` of `c` exist (asserted above), each of `n` floats.
                unsafe { compute_block(a, b, row, c[row * n..].as_mut_ptr(), n) };
                continue;
            }
            // SAFETY: the block scratch holds 32 rows of `n_pad`.
            unsafe { compute_block(a, b, row, block.as_mut_ptr(), n_pad) };
            for r in 0..rows {
                c[(row + r) * n..(row + r + 1) * n]
                    .copy_from_slice(&block[r * n_pad..r * n_pad + n]);
            }
        }
    });
}

/// Runs `work` with the tiles configured and a scratch block of `32 x n_pad` floats, then releases the
/// tiles and gives the buffers back to the thread's scratch.
fn with_tiles(mut a: SplitRows, b: &Packed, work: impl FnOnce(&SplitRows, &mut [f32])) {
    // The kernels read `a` by raw pointers over `b.k_tiles` tiles per row.
    assert_eq!(a.k_tiles, b.k_tiles, "amx: rows split for other weights");
    let mut block = SCRATCH.with_borrow_mut(|s| std::mem::take(&mut s.block));
    block.resize(BLOCK_ROWS * b.n_tiles * TILE_N, 0.0);
    let config = TileConfig::new();
    // SAFETY: AMX is available (the callers' contract) and the configuration is valid for palette 1.
    unsafe { asm!("ldtilecfg [{0}]", in(reg) config.0.as_ptr(), options(nostack, readonly)) };
    work(&a, &mut block);
    // SAFETY: releases the tile state configured above.
    unsafe { asm!("tilerelease", options(nostack, nomem)) };
    // A huge document's buffers are freed rather than kept for the thread's lifetime.
    super::recycle(&mut a.hi);
    super::recycle(&mut a.lo);
    super::recycle(&mut block);
    SCRATCH.with_borrow_mut(|s| {
        s.hi = a.hi;
        s.lo = a.lo;
        s.block = block;
    });
}

/// Computes rows `row..row + 32` of `a · bᵀ`, all `n_pad` columns, into `c` (rows `c_stride` apart).
///
/// # Safety
/// Tiles configured as [`TileConfig::new`]; `a` split for `b`; `c` writable for 32 rows of `c_stride`
/// floats with `c_stride >= n_pad`.
unsafe fn compute_block(a: &SplitRows, b: &Packed, row: usize, c: *mut f32, c_stride: usize) {
    let mut t = 0;
    while t < b.n_tiles {
        let pair = t + 1 < b.n_tiles;
        let operands = Operands {
            a_hi: a.hi[row * a.stride..].as_ptr(),
            a_lo: a.lo[row * a.stride..].as_ptr(),
            a_stride_bytes: a.stride * 2,
            b_hi: b.hi[t * b.k_tiles * B_TILE..].as_ptr(),
            b_lo: b.lo[t * b.k_tiles * B_TILE..].as_ptr(),
            k_tiles: b.k_tiles,
            // SAFETY: column `16t` of the first row lies inside `c` (the caller's contract).
            c: unsafe { c.add(t * TILE_N) },
            c_stride_bytes: c_stride * 4,
        };
        // SAFETY: the `a` rows `row..row + 32` lie inside the split rows (sized for whole blocks), the
        // `b` tiles `t` (and `t + 1` for a pair) inside the packed weights, and the 32 rows of 16 (32 for
        // a pair) floats from column `16t` inside `c` (the caller's contract).
        unsafe {
            if pair {
                block_32x32(&operands);
            } else {
                block_32x16(&operands);
            }
        }
        t += if pair { 2 } else { 1 };
    }
}

/// Pointers for one block of `c`.
struct Operands {
    a_hi: *const u16,
    a_lo: *const u16,
    a_stride_bytes: usize,
    b_hi: *const u16,
    b_lo: *const u16,
    k_tiles: usize,
    c: *mut f32,
    c_stride_bytes: usize,
}

/// `c[0..32, 0..32] = a[0..32] · (b tiles t, t + 1)ᵀ` in bf16x3. Tiles: c in 0-3, a in 4-5, b in 6-7.
/// Per step of `k` the products run hi·hi, lo·hi, hi·lo, so that the `b` tiles (read from the larger,
/// outer caches) are loaded once each and the `a` tiles (in the nearest cache) twice.
///
/// # Safety
/// AMX configured as [`TileConfig::new`]; 32 rows of `a` of `32 * k_tiles` elements, `2 * k_tiles` `b`
/// tiles and 32 rows of 32 floats of `c` addressable through the given strides.
#[inline(never)]
unsafe fn block_32x32(o: &Operands) {
    let b_next = o.k_tiles * B_TILE;
    let a_next = TILE_M * o.a_stride_bytes / 2;
    unsafe {
        asm!(
            "tilezero tmm0",
            "tilezero tmm1",
            "tilezero tmm2",
            "tilezero tmm3",
            options(nostack, nomem)
        );
        for q in 0..o.k_tiles {
            let (ah, al) = (o.a_hi.add(q * TILE_K), o.a_lo.add(q * TILE_K));
            let (bh, bl) = (o.b_hi.add(q * B_TILE), o.b_lo.add(q * B_TILE));
            asm!(
                "tileloadd tmm4, [{ah0} + {sa}*1]",
                "tileloadd tmm5, [{ah1} + {sa}*1]",
                "tileloadd tmm6, [{bh0} + {sb}*1]",
                "tileloadd tmm7, [{bh1} + {sb}*1]",
                "tdpbf16ps tmm0, tmm4, tmm6",
                "tdpbf16ps tmm1, tmm4, tmm7",
                "tdpbf16ps tmm2, tmm5, tmm6",
                "tdpbf16ps tmm3, tmm5, tmm7",
                "tileloadd tmm4, [{al0} + {sa}*1]",
                "tileloadd tmm5, [{al1} + {sa}*1]",
                "tdpbf16ps tmm0, tmm4, tmm6",
                "tdpbf16ps tmm1, tmm4, tmm7",
                "tdpbf16ps tmm2, tmm5, tmm6",
                "tdpbf16ps tmm3, tmm5, tmm7",
                "tileloadd tmm4, [{ah0} + {sa}*1]",
                "tileloadd tmm5, [{ah1} + {sa}*1]",
                "tileloadd tmm6, [{bl0} + {sb}*1]",
                "tileloadd tmm7, [{bl1} + {sb}*1]",
                "tdpbf16ps tmm0, tmm4, tmm6",
                "tdpbf16ps tmm1, tmm4, tmm7",
                "tdpbf16ps tmm2, tmm5, tmm6",
                "tdpbf16ps tmm3, tmm5, tmm7",
                ah0 = in(reg) ah,
                ah1 = in(reg) ah.add(a_next),
                al0 = in(reg) al,
                al1 = in(reg) al.add(a_next),
                bh0 = in(reg) bh,
                bh1 = in(reg) bh.add(b_next),
                bl0 = in(reg) bl,
                bl1 = in(reg) bl.add(b_next),
                sa = in(reg) o.a_stride_bytes,
                sb = in(reg) 2 * 2 * TILE_N,
                options(nostack, readonly)
            );
        }
        asm!(
            "tilestored [{c0} + {sc}*1], tmm0",
            "tilestored [{c1} + {sc}*1], tmm1",
            "tilestored [{c2} + {sc}*1], tmm2",
            "tilestored [{c3} + {sc}*1], tmm3",
            c0 = in(reg) o.c,
            c1 = in(reg) o.c.add(TILE_N),
            c2 = in(reg) o.c.add(TILE_M * o.c_stride_bytes / 4),
            c3 = in(reg) o.c.add(TILE_M * o.c_stride_bytes / 4 + TILE_N),
            sc = in(reg) o.c_stride_bytes,
            options(nostack)
        );
    }
}

/// Like [`block_32x32`] for the last, single `b` tile: `c[0..32, 0..16]`. Tiles: c in 0 and 2, a in 4-5,
/// b in 6.
///
/// # Safety
/// As [`block_32x32`], with one `b` tile column and 32 rows of 16 floats of `c`.
#[inline(never)]
unsafe fn block_32x16(o: &Operands) {
    let a_next = TILE_M * o.a_stride_bytes / 2;
    unsafe {
        asm!("tilezero tmm0", "tilezero tmm2", options(nostack, nomem));
        for q in 0..o.k_tiles {
            let (ah, al) = (o.a_hi.add(q * TILE_K), o.a_lo.add(q * TILE_K));
            let (bh, bl) = (o.b_hi.add(q * B_TILE), o.b_lo.add(q * B_TILE));
            asm!(
                "tileloadd tmm4, [{ah0} + {sa}*1]",
                "tileloadd tmm5, [{ah1} + {sa}*1]",
                "tileloadd tmm6, [{bh} + {sb}*1]",
                "tdpbf16ps tmm0, tmm4, tmm6",
                "tdpbf16ps tmm2, tmm5, tmm6",
                "tileloadd tmm4, [{al0} + {sa}*1]",
                "tileloadd tmm5, [{al1} + {sa}*1]",
                "tdpbf16ps tmm0, tmm4, tmm6",
                "tdpbf16ps tmm2, tmm5, tmm6",
                "tileloadd tmm4, [{ah0} + {sa}*1]",
                "tileloadd tmm5, [{ah1} + {sa}*1]",
                "tileloadd tmm6, [{bl} + {sb}*1]",
                "tdpbf16ps tmm0, tmm4, tmm6",
                "tdpbf16ps tmm2, tmm5, tmm6",
                ah0 = in(reg) ah,
                ah1 = in(reg) ah.add(a_next),
                al0 = in(reg) al,
                al1 = in(reg) al.add(a_next),
                bh = in(reg) bh,
                bl = in(reg) bl,
                sa = in(reg) o.a_stride_bytes,
                sb = in(reg) 2 * 2 * TILE_N,
                options(nostack, readonly)
            );
        }
        asm!(
            "tilestored [{c0} + {sc}*1], tmm0",
            "tilestored [{c2} + {sc}*1], tmm2",
            c0 = in(reg) o.c,
            c2 = in(reg) o.c.add(TILE_M * o.c_stride_bytes / 4),
            sc = in(reg) o.c_stride_bytes,
            options(nostack)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_halves_sum_back_to_the_value() {
        // Values of many magnitudes and signs, a length that leaves a tail for the portable loop.
        let xs: Vec<f32> = (0..37)
            .map(|i| (i as f32 - 18.0) * 1.37f32.powi(i % 11) / 7.0)
            .collect();
        let (mut hi, mut lo) = (vec![0u16; xs.len()], vec![0u16; xs.len()]);
        split_into(&xs, &mut hi, &mut lo);
        for ((x, h), l) in xs.iter().zip(&hi).zip(&lo) {
            // The same rounding whichever path ran, and hi + lo within 2^-16 of the value.
            assert_eq!((*h, *l), split(*x), "{x}");
            let back = f32::from_bits(u32::from(*h) << 16) + f32::from_bits(u32::from(*l) << 16);
            assert!(
                (back - x).abs() <= x.abs() * 2f32.powi(-16),
                "{x} -> {back}"
            );
        }
        assert_eq!(split(1.0), (0x3f80, 0));
    }
}
