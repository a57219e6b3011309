// The values of the signing parameters wherever a text quotes them as `name=value`: Pusher's 401
// quotes the string it signed (`auth_key=…&body_md5=…`), Deno's fetch the signed URL.
const SIGNING_PARAM = /(auth_key|auth_signature|body_md5)=[^&\s"'()]*/g;
const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/**
 * Replaces by `REDACTED` the value of every `auth_key=`, `auth_signature=` and `body_md5=` in
 * `text`, and each non-empty string of `secrets` wherever it stands as a word of its own (not
 * inside a longer run of letters and digits). For a text someone else wrote (a server's answer,
 * a runtime's error), where it is put into one of the SDK's messages: never for the finished
 * message, and never inside a word, so that a short secret leaves every other word whole.
 *
 * @example
 * ```ts
 * redactSecrets('you sent "abc123"', ["abc123"]); // 'you sent "REDACTED"'
 * redactSecrets("Invalid signature: s", ["s"]); // "Invalid signature: REDACTED"
 * redactSecrets("url?auth_key=k&auth_signature=ab", []); // "url?auth_key=REDACTED&auth_signature=REDACTED"
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text.replace(SIGNING_PARAM, "$1=REDACTED");
  for (const secret of secrets) {
    if (secret !== "") redacted = redacted.replace(new RegExp(`(?<![A-Za-z0-9])${secret.replace(REGEXP_SYNTAX, "\\$&")}(?![A-Za-z0-9])`, "g"), "REDACTED");
  }
  return redacted;
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
 * new PusherNetworkError(target, { cause: redactCause(failure, target.secrets) });
 * ```
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof cause !== "object" || cause === null) return typeof cause === "string" ? redactSecrets(cause, secrets) : cause;
  const { message, code, cause: inner } = cause as Error & { code?: unknown };
  // A chain this deep (or a cycle) is cut rather than searched further.
  const redactedInner = depth < 4 ? redactCause(inner, secrets, depth + 1) : undefined;
  return redactedInner === inner &&
    [message, ...Object.values(cause as Record<string, unknown>)].every((text) => typeof text !== "string" || redactSecrets(text, secrets) === text)
    ? cause
    : Object.assign(new Error(redactSecrets(String(message), secrets), { cause: redactedInner }), { code });
}
