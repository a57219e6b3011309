/**
 * Replaces every occurrence of each non-empty string of `secrets` in `text` by `REDACTED`.
 *
 * @example
 * ```ts
 * redactSecrets('you sent "abc123"', ["abc123"]); // 'you sent "REDACTED"'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret !== "") redacted = redacted.split(secret).join("REDACTED");
  }
  return redacted;
}
