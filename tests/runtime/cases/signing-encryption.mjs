// End-to-end encrypted channels (docs/protocol.md §5, §6) with the built @x/signing: master keys, shared
// secrets and secretbox, on the vectors of docs/protocol.md verbatim.
import { decodeMasterKey, decryptPayload, deriveSharedSecret, encryptPayload, signChannelAuth } from "@x/signing";
import { bytesToBase64 } from "@x/signing/internal";
import { assertEqual, assertThrows } from "../harness/assert.mjs";

const ascii = new TextEncoder();
/** @param {Uint8Array} bytes @returns {string} */
const hex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "signChannelAuth and deriveSharedSecret return the documented encrypted-channel auth (f00d)",
    run() {
      const masterKey = decodeMasterKey("zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
      assertEqual(
        signChannelAuth({ key: "f00d", secret: "tofu" }, "123.456", "private-encrypted-bla"),
        "f00d:43d808e37d261f4e02402a739649ba29a6854cb978efdbc92892cd744c567030",
        "auth",
      );
      assertEqual(
        bytesToBase64(deriveSharedSecret("private-encrypted-bla", masterKey)),
        "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
        "shared_secret",
      );
    },
  },
  {
    name: "signChannelAuth and deriveSharedSecret return the documented encrypted-channel auth (foo)",
    run() {
      const masterKey = decodeMasterKey("OHRXNUZRTG5pUTFzQlFGd3J3N3Q2VFZFc0paZDEweVk=");
      assertEqual(
        signChannelAuth({ key: "foo", secret: "bar" }, "345.23", "private-encrypted-channel"),
        "foo:fff0503dfe4929f5162efe4d1dacbce524b0d8e7e1331117a8651c0e74d369e3",
        "auth",
      );
      assertEqual(
        bytesToBase64(deriveSharedSecret("private-encrypted-channel", masterKey)),
        "VmIsNZtCSteh8kazd2toc+ofhohBtUouQRSDtRvuyVI=",
        "shared_secret",
      );
    },
  },
  {
    name: "decodeMasterKey accepts 32 bytes of base64 and rejects 31, 33 and non-base64",
    run() {
      assertEqual(decodeMasterKey("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=").length, 32, "decoded length");
      for (const bad of [
        "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA==",
        "dGhpcyBpcyAzMyBieXRlcyAxMjM0NTY3ODkwMTIzNDU2",
        "dGhpcyBpcyA!MiBieXRlcyAxMjM0NTY3OD#wMTIzNDU=",
      ]) {
        assertThrows(() => decodeMasterKey(bad), { name: "PusherConfigError", code: "invalid_config" }, `decodeMasterKey(${bad})`);
      }
    },
  },
  {
    name: "deriveSharedSecret and decryptPayload reproduce the deterministic secretbox vector",
    run() {
      const channel = "pvUPIk0YG6MnxCEMIUUVFrbDmQwbhICXUcy";
      const masterKey = ascii.encode("OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5");
      assertEqual(
        hex(deriveSharedSecret(channel, masterKey)),
        "709ef3090a24bfa98382cb5d025ca3622c82d31fa27f10b005c0dca27bae6516",
        "shared secret",
      );
      const output =
        '{"nonce":"WEFKSTBZNkRQQkhTQUhYVEhWM0EzWk1G","ciphertext":"tsYJa2JgGDOpVIYFe4aNVWAvZlpB7z7CjN9mpIdbATE0Yc4izN8aM8D6VigBxnIQ"}';
      assertEqual(decryptPayload(channel, output, masterKey), "kkkT5OOkOkO5kT5TOO5TkOT5TTk5O55T", "plaintext");
    },
  },
  {
    name: "decryptPayload decrypts the documented payload to Hello!",
    run() {
      const key = ascii.encode("This is a string that is 32 chars");
      const channel = "private-encrypted-bla";
      assertEqual(
        hex(deriveSharedSecret(channel, key)),
        "004831f99d2a4e86723e893caded3a2897deeddbed9514fe9497dcddc52bd50b",
        "SHA-256 of the channel name and the key",
      );
      const payload = '{"nonce":"sjklahvpWWQgAjTx5FfYHCCxd2AmaL9T","ciphertext":"zoDEe8dA3nDXKsybAWce/hXGW4szJw=="}';
      assertEqual(decryptPayload(channel, payload, key), "Hello!", "plaintext");
    },
  },
  {
    name: "encryptPayload output decrypts back, and a tampered ciphertext throws invalid_encrypted_payload",
    run() {
      const channel = "private-encrypted-chat";
      const masterKey = decodeMasterKey("zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
      const encrypted = encryptPayload(channel, '{"text":"héllo"}', masterKey);
      assertEqual(decryptPayload(channel, encrypted, masterKey), '{"text":"héllo"}', "round trip");
      const { nonce, ciphertext } = /** @type {{ nonce: string, ciphertext: string }} */ (JSON.parse(encrypted));
      const flipped = `${ciphertext.startsWith("A") ? "B" : "A"}${ciphertext.slice(1)}`;
      assertThrows(
        () => decryptPayload(channel, { nonce, ciphertext: flipped }, masterKey),
        { name: "PusherValidationError", code: "invalid_encrypted_payload" },
        "decryptPayload of a tampered ciphertext",
      );
    },
  },
  {
    name: "encryptPayload on a channel that is not private-encrypted- throws encrypted_channel_misuse",
    run() {
      assertThrows(
        () => encryptPayload("private-chat", "secret text", new Uint8Array(32)),
        { name: "PusherValidationError", code: "encrypted_channel_misuse" },
        "encryptPayload(private-chat)",
      );
    },
  },
];
