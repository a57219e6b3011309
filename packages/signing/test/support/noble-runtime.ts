// Stands in for `#crypto` in the "noble-crypto" test project: the pure-JS implementation that
// runtimes without `node:crypto` get, forced here so that Node can test it.
import { nobleCrypto } from "../../src/crypto/crypto-portable.js";

export const runtimeCrypto = nobleCrypto;
