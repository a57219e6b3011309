// Which crypto implementation @x/signing selected in this runtime (docs/architecture.md, Runtime
// portability): native `node:crypto` on Node, Bun, Deno and workerd with `nodejs_compat`, pure JS
// (`@noble/hashes`) on workerd without it. Both give the same digests by design, so the choice
// is seen where they differ, on input outside the typed contract: `node:crypto` hashes any byte
// view, while the pure-JS `md5Hex` accepts only strings.
import { md5Hex } from "@x/signing/internal";
import { assertEqual } from "../harness/assert.mjs";

/** @returns {"native" | "pure-js"} */
function observeCryptoImplementation() {
  const bytesOfHi = /** @type {string} */ (/** @type {unknown} */ (new Uint8Array([0x68, 0x69])));
  try {
    // MD5 of "hi", as `md5sum` prints it.
    return md5Hex(bytesOfHi) === "49f68a5c8493ec2c0bf489821c21fc3b" ? "native" : "pure-js";
  } catch {
    return "pure-js";
  }
}

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "@x/signing selects the crypto implementation this runtime should use",
    run(ctx) {
      assertEqual(observeCryptoImplementation(), ctx.expectedCrypto, `crypto implementation on ${ctx.runtime}`);
    },
  },
];
