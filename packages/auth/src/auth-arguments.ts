import { hmacSha256Hex } from "@x/signing/internal";
import type { EncryptionOptions, KeyCredentials } from "@x/types";
import { readFields, requireOption } from "@x/types/internal";

/**
 * What signing an auth response needs: the app `key` and `secret`, and the
 * `encryptionMasterKeyBase64` to authorize `private-encrypted-` channels (docs/protocol.md §5).
 *
 * @example
 * ```ts
 * const credentials: AuthCredentials = { key: "278d425bdf160c739803", secret: process.env.PUSHER_SECRET! };
 * ```
 */
export type AuthCredentials = KeyCredentials & EncryptionOptions;

/** Every name `authorizeChannel` and `authenticateUser` read from their arguments. */
type ArgumentName = "key" | "secret" | "encryptionMasterKeyBase64" | "socketId" | "channelName" | "presenceData" | "userData";

/** An argument object, as `readArgument`'s `pick` sees it. */
export type Argument = Record<ArgumentName, unknown>;

/**
 * `readFields(value, names)` of `@x/types/internal`, read by `pick`, a destructuring of the names:
 * the same values unless a name was planted on Object.prototype, when readFields itself takes over.
 * Its generic copy on every call would make authorization slower than the official SDK's.
 */
export function readArgument<K extends ArgumentName>(
  value: unknown,
  names: readonly K[],
  pick: (value: Argument) => Record<K, unknown>,
): Partial<Record<K, unknown>> | undefined {
  if (argumentNamePlanted()) return readFields(value, names);
  if (typeof value !== "object" || value === null) return undefined;
  try {
    return pick(value as Argument);
  } catch {
    return undefined;
  }
}

// Constant names keep this check nearly free; a loop over `names` would not.
function argumentNamePlanted(): boolean {
  const p = Object.prototype;
  return (
    "key" in p ||
    "secret" in p ||
    "encryptionMasterKeyBase64" in p ||
    "socketId" in p ||
    "channelName" in p ||
    "presenceData" in p ||
    "userData" in p
  );
}

const CREDENTIAL_NAMES = ["key", "secret", "encryptionMasterKeyBase64"] as const;
const pickCredentials = ({ key, secret, encryptionMasterKeyBase64 }: Argument) => ({ key, secret, encryptionMasterKeyBase64 });

/** The credentials, read once and checked as `validateKeyCredentials` checks them: only this copy signs. */
export function readCredentials(credentials: unknown): AuthCredentials {
  const fields = readArgument(credentials, CREDENTIAL_NAMES, pickCredentials);
  requireOption(fields !== undefined, "credentials", "an object with a key and a secret");
  requireOption(typeof fields.key === "string" && fields.key !== "", "key", "a non-empty string (the app key)");
  requireOption(typeof fields.secret === "string" && fields.secret !== "", "secret", "a non-empty string (the app secret)");
  return fields as AuthCredentials;
}

/** The `auth` string pusher-js forwards: `<key>:<hex HMAC-SHA256 of stringToSign>` (docs/protocol.md §5). */
export function signAuth(keys: AuthCredentials, stringToSign: string): string {
  return `${keys.key}:${hmacSha256Hex(keys.secret, stringToSign)}`;
}
