import { encryptPayload } from "@x/signing";
import { PusherConfigError } from "@x/types";
import { isEncryptedChannel, validatePayloadSize } from "@x/types/internal";
import type { ResolvedOptions } from "../options/resolve-options.js";
import { toWireString } from "./to-wire-string.js";

/**
 * The `data` string of an event as it goes on the wire: a string as-is, anything else
 * JSON-encoded once (docs/protocol.md §3); on a `private-encrypted-` channel, that text encrypted with
 * the channel's key (docs/protocol.md §6). The size limit applies to the result, in UTF-8 bytes
 * (docs/protocol.md §4). Triggering an encrypted channel without a master key is a configuration error.
 *
 * @example
 * ```ts
 * serializeEventData("chat", { text: "hi" }, resolved, "data"); // '{"text":"hi"}'
 * ```
 */
export function serializeEventData(
  channel: string,
  data: unknown,
  options: Pick<ResolvedOptions, "masterKey" | "maxPayloadBytes">,
  field: string,
): string {
  let wire = toWireString(data, field);
  if (isEncryptedChannel(channel)) {
    if (options.masterKey === undefined) {
      throw new PusherConfigError(
        "encryptionMasterKeyBase64",
        `encryptionMasterKeyBase64 is needed for the encrypted channel ${JSON.stringify(channel)}`,
      );
    }
    wire = encryptPayload(channel, wire, options.masterKey);
  }
  validatePayloadSize(wire, options.maxPayloadBytes, field);
  return wire;
}
