/**
 * A response as the transport hands it over: the status and the body text, not yet parsed, so
 * that one place (map-response.ts) decides what a body means (PROTOCOL §3).
 */
export interface RawResponse {
  status: number;
  text: string;
}
