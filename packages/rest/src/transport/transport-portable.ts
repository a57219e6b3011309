// The `#transport` of every runtime but Node (Bun, Deno, workerd, browsers): none of its own.
// ky then sends through the runtime's `fetch`, which is native and fast there.
import type { Transport } from "./transport.js";

/** The transport of this runtime: none, so ky uses `globalThis.fetch`. */
export const runtimeTransport: Transport | undefined = undefined;
