/** Query parameters whose values are credentials or derived from them (docs/protocol.md §2). */
const REDACTED_QUERY_PARAMS = new Set(["auth_key", "auth_signature", "body_md5"]);

/**
 * Returns `url` with the values of `auth_key`, `auth_signature` and `body_md5` replaced by
 * `REDACTED`, and any `user:password@` part removed, so that the URL of a signed request can be
 * logged or put in an error.
 *
 * @example
 * ```ts
 * redactSignedUrl("https://api.pusher.com/apps/1/events?auth_key=k&auth_signature=abc");
 * // "https://api.pusher.com/apps/1/events?auth_key=REDACTED&auth_signature=REDACTED"
 * ```
 */
export function redactSignedUrl(url: string): string {
  return (
    url
      // The userinfo ends at the authority's last "@" (WHATWG URL): a password may contain "@".
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1")
      // The query runs from the first "?" to the fragment; each of its `&`-separated pairs is
      // `name=value` or a bare `name`, and the value of a redacted name (or none) becomes REDACTED.
      .replace(/\?[^#]*/, (query) =>
        query.replace(/([?&])([^=&]*)(=[^&]*)?/g, (pair, separator: string, name: string) =>
          REDACTED_QUERY_PARAMS.has(safeDecode(name).toLowerCase()) ? `${separator}${name}=REDACTED` : pair,
        ),
      )
  );
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}
