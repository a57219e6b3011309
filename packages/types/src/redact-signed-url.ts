/** Query parameters whose values are credentials or derived from them (PROTOCOL §2). */
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
  // The userinfo ends at the authority's last "@" (WHATWG URL): a password may contain "@".
  const withoutUserInfo = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1");
  const queryStart = withoutUserInfo.indexOf("?");
  if (queryStart === -1) return withoutUserInfo;
  const hashStart = withoutUserInfo.indexOf("#", queryStart);
  const queryEnd = hashStart === -1 ? withoutUserInfo.length : hashStart;
  const query = withoutUserInfo
    .slice(queryStart + 1, queryEnd)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const key = equals === -1 ? pair : pair.slice(0, equals);
      return REDACTED_QUERY_PARAMS.has(safeDecode(key).toLowerCase()) ? `${key}=REDACTED` : pair;
    })
    .join("&");
  return withoutUserInfo.slice(0, queryStart + 1) + query + withoutUserInfo.slice(queryEnd);
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}
