// The `#crypto` implementation for every other runtime (workerd, browsers, unknown bundlers).
// It prefers native `node:crypto` when the runtime exposes it synchronously (workerd with
// `nodejs_compat`, or a bundler that ignored the "node" condition) and falls back to pure JS.
import type { CryptoProvider } from "./crypto-provider.js";
import { createNodeCrypto, type NodeCryptoModule } from "./node-crypto.js";
import { nobleCrypto } from "./noble-crypto.js";

type GetBuiltinModule = (id: string) => unknown;

/** Picks native crypto when `getBuiltinModule` yields `node:crypto`, else the pure-JS one. */
export function selectRuntimeCrypto(getBuiltinModule: GetBuiltinModule | undefined): CryptoProvider {
  const nodeCrypto = getBuiltinModule?.("node:crypto") as NodeCryptoModule | undefined;
  return nodeCrypto?.createHmac === undefined ? nobleCrypto : createNodeCrypto(nodeCrypto);
}

// Reached through `globalThis` because runtime-neutral code may not assume a `process` global.
const runtimeProcess = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process;

/** The crypto of this runtime. */
export const runtimeCrypto = selectRuntimeCrypto(runtimeProcess?.getBuiltinModule?.bind(runtimeProcess));
