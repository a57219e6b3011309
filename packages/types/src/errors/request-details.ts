// A system or library code (ECONNREFUSED, UND_ERR_SOCKET, DEPTH_ZERO_SELF_SIGNED_CERT) holds no request data.
const SYSTEM_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
// The query parameters whose values are credentials or derived from them (docs/protocol.md §2).
const REDACTED_QUERY_PARAMS = new Set(["auth_key", "auth_signature", "body_md5"]);

/** The first system error code on `cause` or the causes it wraps, five deep (fetch buries it), or `undefined`. */
export function systemCodeOf(cause: unknown): string | undefined {
  let current = cause;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && SYSTEM_CODE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether `host` is a loopback host (`localhost`, `127.x.x.x`, `::1`), where local servers speak plain HTTP. */
export function isLoopbackHost(host: string): boolean {
  return /^(localhost|127(\.\d+){3}|\[?::1\]?)$/i.test(host);
}

/** The codes and messages of `cause` and the causes it wraps, five deep, in one line. */
export function causeText(cause: unknown): string {
  const texts: unknown[] = [];
  for (let current = cause, depth = 0; depth < 5 && current instanceof Object; depth++) {
    const { code, message, cause: inner } = current as { code?: unknown; message?: unknown; cause?: unknown };
    texts.push(code, message);
    current = inner;
  }
  return texts.filter((text) => typeof text === "string").join(" ");
}

/** `url` without `user:password@`, and the values of `auth_key`, `auth_signature` and `body_md5` `REDACTED`. */
export function redactSignedUrl(url: string): string {
  return (
    url
      // The userinfo ends at the authority's last "@" (WHATWG URL): a password may contain "@".
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1")
      // In the query (up to a fragment), a redacted name's value, or its lack of one, becomes REDACTED.
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
