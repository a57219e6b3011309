import { PusherConfigError } from "../errors/input-errors.js";
import type { KeyCredentials } from "../config-types.js";
import { readFields } from "./read-fields.js";

// Exactly 32 bytes in padded base64: 43 characters and one "=".
const BASE64_OF_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Throws the {@link PusherConfigError} "`option` must be `expectation`" unless `valid`: how every package refuses an option.
 * The expectation says what is allowed, never the value given.
 */
export function requireOption(valid: boolean, option: string, expectation: string): asserts valid {
  if (!valid) throw new PusherConfigError(option, `${option} must be ${expectation}`);
}

/** `value` when it is a positive safe integer, else the {@link PusherConfigError} "`option` must be a positive integer". */
export function positiveIntegerOption(value: unknown, option: string): number {
  requireOption(Number.isSafeInteger(value) && (value as number) > 0, option, "a positive integer");
  return value as number;
}

/**
 * Checks that `key` and `secret` are non-empty strings; credentials that are not an object or cannot be read are refused as
 * `credentials`. The message never echoes the secret.
 */
export function validateKeyCredentials(credentials: unknown): asserts credentials is KeyCredentials {
  const fields = readFields(credentials, ["key", "secret"]);
  requireOption(fields !== undefined, "credentials", "an object with a key and a secret");
  const { key, secret } = fields;
  requireOption(typeof key === "string" && key.length > 0, "key", "a non-empty string (the app key)");
  requireOption(typeof secret === "string" && secret.length > 0, "secret", "a non-empty string (the app secret)");
}

/** Checks an encryption master key: padded base64 of exactly 32 bytes (docs/protocol.md §5), never echoing it. */
export function validateMasterKeyBase64(value: unknown, option = "encryptionMasterKeyBase64"): asserts value is string {
  const expected = "base64 of exactly 32 bytes (openssl rand -base64 32)";
  requireOption(typeof value === "string" && BASE64_OF_32_BYTES.test(value), option, expected);
}

/**
 * Refuses an own key of the options object `value` that is none of `known`, with a {@link PusherConfigError} naming it
 * and the closest known option ("unknown option `timout`: did you mean `timeout`?"): a misspelt option is a bug, not a no-op.
 * `prefix` names a nested object's options (`"retry."`). Reads no value, so a getter is never run twice.
 */
export function refuseUnknownOptions(value: unknown, known: readonly string[], prefix = ""): void {
  let names: string[];
  try {
    names = typeof value === "object" && value !== null ? Object.keys(value) : [];
  } catch {
    return;
  }
  const unknown = names.find((name) => !known.includes(name));
  if (unknown === undefined) return;
  const near = closestName(unknown, known);
  const hint = near === undefined ? "" : `: did you mean \`${prefix}${near}\`?`;
  // A name of any length is shown short: an error message is no place for a megabyte.
  const shown = unknown.length > MAX_SHOWN_NAME ? `${unknown.slice(0, MAX_SHOWN_NAME)}…` : unknown;
  throw new PusherConfigError(prefix + shown, `unknown option \`${prefix}${shown}\`${hint}`);
}

const MAX_SHOWN_NAME = 64;

// A known name within two edits of `name`, or that it starts (case aside), the nearest first.
function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const [a, b] = [name.toLowerCase(), candidate.toLowerCase()];
    // Names whose lengths differ by more than two are more than two edits apart: not worth measuring.
    const edits = Math.abs(a.length - b.length) > 2 ? 3 : editDistance(a, b);
    const distance = Math.min(edits, b.startsWith(a) || a.startsWith(b) ? 2 : 3);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

// Levenshtein's distance, one row at a time.
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] as number;
}
