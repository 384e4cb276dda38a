//! spaCy's string hashing and thinc's feature hashing.
//!
//! spaCy keys every string by MurmurHash64A of its UTF-8 bytes with seed 1 (`hash_string`); lexeme
//! attributes (NORM, PREFIX, SUFFIX, SHAPE) are such keys. thinc's `HashEmbed` turns a 64-bit key into
//! four 32-bit row indices with a MurmurHash3 x64-128 round specialised to one 8-byte block.

/// MurmurHash64A (Austin Appleby) of `data` with `seed`, as spaCy's `murmurhash.hash64`.
pub fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let len = data.len() as u64;
    let mut h: u64 = seed ^ len.wrapping_mul(M);
    let mut blocks = data.chunks_exact(8);
    for block in blocks.by_ref() {
        let mut k = u64::from_le_bytes([
            block[0], block[1], block[2], block[3], block[4], block[5], block[6], block[7],
        ]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (i, &byte) in tail.iter().enumerate() {
            h ^= u64::from(byte) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// spaCy's `hash_string`: the key of a string in the string store.
pub fn hash_string(s: &str) -> u64 {
    murmurhash64a(s.as_bytes(), 1)
}

/// spaCy's string id (`get_string_id`): the built-in symbol number for the few hundred symbol strings
/// (`X`, `mark`, `aux`, ...), the string hash otherwise. Lexeme attributes and lookup tables use these ids.
pub fn string_id(s: &str) -> u64 {
    super::symbols::symbol_id(s).unwrap_or_else(|| hash_string(s))
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// thinc's `ops.hash` for one 64-bit id: four 32-bit keys (MurmurHash3 x64-128 of the 8-byte id).
pub fn hash_feature(id: u64, seed: u32) -> [u32; 4] {
    let seed = u64::from(seed);
    let mut h1 = id.wrapping_mul(0x87c3_7b91_1142_53d5);
    h1 = h1.rotate_left(31);
    h1 = h1.wrapping_mul(0x4cf5_ad43_2745_937f);
    h1 ^= seed;
    h1 ^= 8;
    let mut h2 = seed ^ 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

/// A `HashMap` hasher for keys that are already well-mixed 64-bit hashes (spaCy's string ids, and
/// structs of them): one rotate, xor and multiply per word (the FxHash step), several times cheaper than
/// the default SipHash, which guards against chosen keys that these are not.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Builds [`IdHasher`]s.
pub type IdHash = std::hash::BuildHasherDefault<IdHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hashes_match_spacy() {
        // Values printed by spaCy 3.8's `spacy.strings.hash_string`.
        let cases: &[(&str, u64)] = &[
            ("hello", 5983625672228268878),
            ("Hello", 15777305708150031551),
            ("don't", 8627107437989221290),
            ("\u{2019}s", 614914527630368944),
            ("", 14313749767032693980),
            ("a", 11901859001352538922),
            ("Xxxxx", 16072095006890171862),
            ("na\u{ef}ve", 16224804062388677344),
            ("abcdefghijklmnopqrstuvwxyz0123456789", 7315582502665332992),
        ];
        for &(s, want) in cases {
            assert_eq!(hash_string(s), want, "{s:?}");
        }
    }

    #[test]
    fn string_ids_use_symbols_first() {
        // Values printed by spaCy 3.8's `nlp.vocab.strings[...]`.
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id("mark"), 423);
        assert_eq!(string_id("aux"), 405);
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("xm"), 13397106216993330474);
        assert_eq!(string_id("Xxxxx"), 16072095006890171862);
    }

    #[test]
    fn feature_hashes_match_thinc() {
        // Values printed by thinc 8.3's `NumpyOps().hash(ids, seed)`.
        let cases: &[(u64, u32, [u32; 4])] = &[
            (0, 8, [0, 0, 0, 0]),
            (1, 8, [1161550108, 2247783286, 1742325162, 1224191281]),
            (
                5983625672228268878,
                8,
                [2726685510, 2083710382, 4090028265, 978081925],
            ),
            (
                14313749767032693980,
                8,
                [3347298362, 2353756701, 2873463895, 3530635052],
            ),
            (
                12345678901234567890,
                8,
                [825681028, 3746740173, 3386005190, 3472626611],
            ),
            (0, 13, [1041741114, 1039425791, 1457952615, 394743738]),
            (1, 13, [1266879892, 1356517611, 318478807, 3343674364]),
            (
                5983625672228268878,
                13,
                [1756772904, 4261859277, 2993864585, 2889397562],
            ),
            (
                14313749767032693980,
                13,
                [3227780769, 457155885, 4156191586, 93760530],
            ),
            (
                12345678901234567890,
                13,
                [3417795133, 3531963535, 2357308471, 2005261732],
            ),
        ];
        for &(id, seed, want) in cases {
            assert_eq!(hash_feature(id, seed), want, "{id} seed {seed}");
        }
    }
}
