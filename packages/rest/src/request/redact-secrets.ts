// The values of the signing parameters wherever a text quotes them as `name=value`: Pusher's 401
// quotes the string it signed (`auth_key=…&body_md5=…`), Deno's fetch the signed URL.
const SIGNING_PARAM = /(auth_key|auth_signature|body_md5)=[^&\s"'()]*/g;

/**
 * Replaces by `REDACTED` the value of every `auth_key=`, `auth_signature=` and `body_md5=` in
 * `text`, and every occurrence of `signature` (the request's, which a server may quote bare; never
 * empty). For a text someone else wrote (a server's answer, a runtime's error), where it is put
 * into one of the SDK's messages: never for the finished message. The secret itself is never
 * sent, so no answer quotes it, and it is not searched for: a short one would match the SDK's own
 * words.
 *
 * @example
 * ```ts
 * redactSecrets('you sent "abc123"', "abc123"); // 'you sent "REDACTED"'
 * redactSecrets("url?auth_key=k&auth_signature=ab", "ab"); // "url?auth_key=REDACTED&auth_signature=REDACTED"
 * ```
 */
export function redactSecrets(text: string, signature: string): string {
  return text.replace(SIGNING_PARAM, "$1=REDACTED").split(signature).join("REDACTED");
}

/**
 * `cause` itself when none of its strings (its message and its enumerable fields, through the
 * causes it wraps) holds a secret or a signing parameter; otherwise a copy of its chain that
 * keeps each error's `code` and redacted message, and nothing else (a string is redacted). A
 * chain is followed four levels deep: a deeper one, or a cycle, is cut there. A runtime's `fetch`
 * may quote the signed URL: Deno's in the message of its error's cause, Bun's in a `path` field.
 *
 * @example
 * ```ts
 * new PusherNetworkError(target, { cause: redactCause(failure, target.signature) });
 * ```
 */
export function redactCause(cause: unknown, signature: string, depth = 0): unknown {
  if (typeof cause !== "object" || cause === null) return typeof cause === "string" ? redactSecrets(cause, signature) : cause;
  const { message, code, cause: inner } = cause as Error & { code?: unknown };
  // A chain this deep (or a cycle) is cut rather than searched further.
  const redactedInner = depth < 4 ? redactCause(inner, signature, depth + 1) : undefined;
  return redactedInner === inner &&
    [message, ...Object.values(cause as Record<string, unknown>)].every((text) => typeof text !== "string" || redactSecrets(text, signature) === text)
    ? cause
    : Object.assign(new Error(redactSecrets(String(message), signature), { cause: redactedInner }), { code });
}
