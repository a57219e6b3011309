// The `#transport` of every runtime but Node (Bun, Deno, workerd, browsers): none of its own.
// Requests then go through the runtime's `fetch`, which is native and fast there.
import type { Transport } from "./transport.js";

/** The transport of this runtime: none, so requests go through `globalThis.fetch`. */
export const runtimeTransport: Transport | undefined = undefined;
