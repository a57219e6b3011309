// Poly1305, the one-time authenticator of NaCl's secretbox: the tag of a message m under a
// 32-byte key (r, s) is ((Σ blocks × r^k) mod 2^130 − 5) + s, mod 2^128.
//
// Numbers below 2^130 are held as ten limbs of 13 bits (a limb k holds bits 13k to 13k + 12), so
// that every product of two limbs, and the sum of ten of them, stays exact in a double (below
// 2^53). No branch and no memory access depends on the key or the message.

const LIMB = 8192; // 2^13
const LIMB_MASK = 0x1fff;

// Adds to `h` the ten 13-bit limbs of the 16 little-endian bytes at `offset`, plus `topBit` at
// bit 128: limb k takes bits 13k to 13k + 12 from the 16-bit words around them.
function addLimbs(h: Float64Array, bytes: Uint8Array, offset: number, topBit: number): void {
  const word = (index: number): number =>
    index < 8 ? (bytes[offset + 2 * index] as number) | ((bytes[offset + 2 * index + 1] as number) << 8) : topBit;
  for (let limb = 0; limb < 10; limb++) {
    const bit = 13 * limb;
    const at = bit >> 4;
    h[limb] = (h[limb] as number) + ((((word(at) >>> (bit & 15)) | (word(at + 1) << (16 - (bit & 15)))) & LIMB_MASK) >>> 0);
  }
}

// Carries every limb into the next; what leaves the top limb (bits 130 and up) comes back
// into limb 0 times 5, since 2^130 ≡ 5 (mod 2^130 − 5).
function carry(h: Float64Array): void {
  let c = 0;
  for (let index = 0; index < 10; index++) {
    const value = (h[index] as number) + c;
    c = Math.floor(value / LIMB);
    h[index] = value - c * LIMB;
  }
  h[0] = (h[0] as number) + c * 5;
}

/**
 * The 16-byte Poly1305 tag of `message` under the one-time `key` (32 bytes).
 *
 * @example
 * ```ts
 * const tag = poly1305(oneTimeKey, ciphertext);
 * ```
 */
export function poly1305(key: Uint8Array, message: Uint8Array): Uint8Array {
  // r is clamped: the top 4 bits of its bytes 3, 7, 11, 15 and the bottom 2 of 4, 8, 12 cleared.
  const clamped = key.slice(0, 16);
  for (const index of [3, 7, 11, 15]) clamped[index] = (clamped[index] as number) & 15;
  for (const index of [4, 8, 12]) clamped[index] = (clamped[index] as number) & 252;
  const r = new Float64Array(10);
  addLimbs(r, clamped, 0, 0);
  // 5 × r, for the product terms that wrap around.
  const r5 = r.map((limb) => 5 * limb);
  const h = new Float64Array(10);
  const block = new Uint8Array(16);
  const product = new Float64Array(10);

  for (let offset = 0; offset < message.length; offset += 16) {
    const size = Math.min(16, message.length - offset);
    if (size === 16) {
      addLimbs(h, message, offset, 1);
    } else {
      // The last, short block ends with a 1 byte and zeros, and gets no bit 128.
      block.fill(0);
      block.set(message.subarray(offset));
      block[size] = 1;
      addLimbs(h, block, 0, 0);
    }
    // h × r mod 2^130 − 5: a product term at limb 10 + k wraps to limb k, times 5.
    for (let i = 0; i < 10; i++) {
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += (h[j] as number) * (r[i - j] as number);
      for (let j = i + 1; j < 10; j++) sum += (h[j] as number) * (r5[i + 10 - j] as number);
      product[i] = sum;
    }
    h.set(product);
    // One pass keeps every limb small enough for the next product to stay exact: limbs 1 to 9
    // below 2^13, limb 0 below 2^28 (what returns from the top, times 5, is at most a 64th of
    // limb 0's share, since r's top limb has 7 bits).
    carry(h);
  }

  // Fully reduce: after two more passes every limb is below 2^13, so h is below 2^130; then
  // h − p = h + 5 − 2^130 replaces it when not negative.
  carry(h);
  carry(h);
  const g = Float64Array.from(h);
  g[0] = (g[0] as number) + 5;
  let c = 0;
  for (let index = 0; index < 10; index++) {
    const value = (g[index] as number) + c;
    c = Math.floor(value / LIMB);
    g[index] = value - c * LIMB;
  }
  // c is 1 exactly when h + 5 reached 2^130, i.e. when h ≥ p: select g then, h otherwise.
  for (let index = 0; index < 10; index++) h[index] = (h[index] as number) * (1 - c) + (g[index] as number) * c;

  // Back to eight 16-bit words (word i takes bits 16i to 16i + 15 from the limbs around them),
  // plus s, mod 2^128.
  const tag = new Uint8Array(16);
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    const bit = 16 * index;
    const limb = Math.floor(bit / 13);
    const shift = bit - 13 * limb;
    const word = ((h[limb] as number) >>> shift) | ((h[limb + 1] as number) << (13 - shift)) | ((h[limb + 2] ?? 0) << (26 - shift));
    const s = (key[16 + 2 * index] as number) | ((key[17 + 2 * index] as number) << 8);
    sum = (word & 0xffff) + s + (sum >>> 16);
    tag[2 * index] = sum & 0xff;
    tag[2 * index + 1] = (sum >>> 8) & 0xff;
  }
  return tag;
}
