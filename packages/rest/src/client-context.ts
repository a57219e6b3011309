import type { ResolvedOptions } from "./options/resolve-options.js";
import type { SendRequest } from "./request/send-request.js";

/**
 * What every API call of one client shares: its checked options and its transport.
 *
 * @example
 * ```ts
 * const resolved = resolveOptions(options);
 * const context: ClientContext = { options: resolved, send: createSendRequest(resolved) };
 * ```
 */
export interface ClientContext {
  options: ResolvedOptions;
  send: SendRequest;
}
