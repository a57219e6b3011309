import type { EncryptionOptions, KeyCredentials } from "@x/types";

/**
 * What signing an auth response needs: the app `key` and `secret`, plus the
 * `encryptionMasterKeyBase64` when `private-encrypted-` channels are authorized (docs/protocol.md §5).
 *
 * @example
 * ```ts
 * const credentials: AuthCredentials = {
 *   key: "278d425bdf160c739803",
 *   secret: process.env.PUSHER_SECRET!,
 *   encryptionMasterKeyBase64: process.env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64,
 * };
 * ```
 */
export type AuthCredentials = KeyCredentials & EncryptionOptions;
