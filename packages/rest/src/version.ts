/**
 * The version of `@x/rest`, sent in the `X-Pusher-Library` header (docs/protocol.md §1). A test checks
 * that it equals the version in package.json.
 *
 * @example
 * ```ts
 * import { VERSION } from "@x/rest";
 * console.log(`using @x/rest ${VERSION}`);
 * ```
 */
export const VERSION = "0.0.0";
