/**
 * A response as the transport hands it over: the status and the body text, not yet parsed, so
 * that one place (map-response.ts) decides what a body means (PROTOCOL §3).
 *
 * @example
 * ```ts
 * const response: RawResponse = { status: 200, text: '{"ok":true}' };
 * ```
 */
export interface RawResponse {
  status: number;
  text: string;
}
