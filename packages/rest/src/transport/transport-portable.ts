// The `#transport` of every runtime but Node: none, so requests go through the runtime's `fetch`.
import type { Transport } from "./transport.js";

/** The transport of this runtime: none. */
export const runtimeTransport: Transport | undefined = undefined;
