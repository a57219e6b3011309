import { runtimeCrypto } from "#crypto";

const utf8 = /* @__PURE__ */ new TextEncoder();

/**
 * The 32-byte key of one encrypted channel: SHA-256 of the channel name's UTF-8 bytes followed
 * by the master key (docs/protocol.md §5, §6). Its base64 is the `shared_secret` of an auth response.
 *
 * @example
 * ```ts
 * const key = deriveSharedSecret("private-encrypted-chat", decodeMasterKey(masterKeyBase64));
 * ```
 */
export function deriveSharedSecret(channelName: string, masterKey: Uint8Array): Uint8Array {
  const name = utf8.encode(channelName);
  const input = new Uint8Array(name.length + masterKey.length);
  input.set(name);
  input.set(masterKey, name.length);
  return runtimeCrypto.sha256(input);
}
