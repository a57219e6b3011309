// XSalsa20, the stream cipher of NaCl's secretbox (the encryption of Pusher's encrypted
// channels): Salsa20/20 blocks, and HSalsa20 to stretch the nonce to 24 bytes. All arithmetic
// is on 32-bit words (additions, rotations, xors): its timing does not depend on the data.

// "expand 32-byte k", as four little-endian words.
const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];
// The quarter-rounds of a double round, four word indices (a, b, c, d) each: four columns, then
// four rows.
const QUARTER_ROUNDS = Uint8Array.of(
  0, 4, 8, 12, 5, 9, 13, 1, 10, 14, 2, 6, 15, 3, 7, 11,
  0, 1, 2, 3, 5, 6, 7, 4, 10, 11, 8, 9, 15, 12, 13, 14,
);

function readWord(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) | ((bytes[offset + 2] as number) << 16) | ((bytes[offset + 3] as number) << 24)) >>> 0;
}

function rotl(value: number, shift: number): number {
  return (value << shift) | (value >>> (32 - shift));
}

// The 20 rounds of Salsa20 on `state`, in place.
function rounds(state: Uint32Array): void {
  for (let round = 0; round < 20; round += 2) {
    for (let q = 0; q < 32; q += 4) {
      const a = QUARTER_ROUNDS[q] as number;
      const b = QUARTER_ROUNDS[q + 1] as number;
      const c = QUARTER_ROUNDS[q + 2] as number;
      const d = QUARTER_ROUNDS[q + 3] as number;
      state[b] = (state[b] as number) ^ rotl(((state[a] as number) + (state[d] as number)) | 0, 7);
      state[c] = (state[c] as number) ^ rotl(((state[b]) + (state[a] as number)) | 0, 9);
      state[d] = (state[d] as number) ^ rotl(((state[c]) + (state[b])) | 0, 13);
      state[a] = (state[a] as number) ^ rotl(((state[d]) + (state[c])) | 0, 18);
    }
  }
}

// The input block: constants at the diagonal, the key around them, 16 bytes of `input`
// (HSalsa20's nonce part, or Salsa20's nonce and block counter) in the middle.
function initialState(key: Uint8Array, input: Uint8Array): Uint32Array {
  const state = new Uint32Array(16);
  for (let index = 0; index < 4; index++) {
    state[index * 5] = SIGMA[index] as number;
    state[1 + index] = readWord(key, index * 4);
    state[11 + index] = readWord(key, 16 + index * 4);
    state[6 + index] = readWord(input, index * 4);
  }
  return state;
}

/**
 * HSalsa20: derives XSalsa20's subkey from the 32-byte key and the first 16 bytes of the nonce.
 *
 * @example
 * ```ts
 * const subkey = hsalsa20(key, nonce.subarray(0, 16));
 * ```
 */
export function hsalsa20(key: Uint8Array, input: Uint8Array): Uint8Array {
  const state = initialState(key, input);
  rounds(state);
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  // The diagonal words, then the input's.
  [0, 5, 10, 15, 6, 7, 8, 9].forEach((word, index) => view.setUint32(index * 4, state[word] as number, true));
  return out;
}

/**
 * XSalsa20's keystream, `length` bytes of it, for a 32-byte key and a 24-byte nonce.
 *
 * @example
 * ```ts
 * const stream = xsalsa20Stream(key, nonce, 32 + plaintext.length);
 * ```
 */
export function xsalsa20Stream(key: Uint8Array, nonce: Uint8Array, length: number): Uint8Array {
  // The nonce's last 8 bytes, then the block counter (words 8 and 9; below 2^32 here).
  const input = new Uint8Array(16);
  input.set(nonce.subarray(16, 24));
  const start = initialState(hsalsa20(key, nonce.subarray(0, 16)), input);
  const out = new Uint8Array(length);
  const block = new Uint32Array(16);
  for (let counter = 0, offset = 0; offset < length; counter++) {
    start[8] = counter;
    block.set(start);
    rounds(block);
    for (let word = 0; word < 16 && offset < length; word++) {
      const value = ((block[word] as number) + (start[word] as number)) >>> 0;
      for (let byte = 0; byte < 4 && offset < length; byte++, offset++) out[offset] = value >>> (8 * byte);
    }
  }
  return out;
}
