/**
 * The version of `@x/rest`, sent in the `X-Pusher-Library` header (docs/protocol.md §1).
 *
 * @example
 * ```ts
 * console.log(`using @x/rest ${VERSION}`);
 * ```
 */
export const VERSION = "0.0.0";
