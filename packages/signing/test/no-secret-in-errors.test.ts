// No secret ever appears in a thrown object. Every signer is called with bad
// input next to a recognisable secret and master key, and everything the error exposes is searched.
import { describe, expect, it } from "vitest";
import {
  decodeMasterKey,
  decryptPayload,
  deriveSharedSecret,
  encryptPayload,
  signChannelAuth,
  signRequest,
  signUserAuth,
} from "../src/index.js";
import { base64ToBytes, bytesToBase64 } from "../src/internal.js";
import { catchError } from "./support/catch-error.js";
import { INVALID_MASTER_KEYS, hex } from "./support/protocol-vectors.js";

const SECRET = "Sup3r-S3cret-Value";
const credentials = { key: "app-key", secret: SECRET };
const MASTER_KEY_BASE64 = "c2VjcmV0IG1hc3RlciBrZXkgb2YgMzIgYnl0ZXMhIT8=";
const MASTER_KEY = base64ToBytes(MASTER_KEY_BASE64, "masterKey");
const CHANNEL = "private-encrypted-chat";
const SHARED_SECRET = deriveSharedSecret(CHANNEL, MASTER_KEY);
const GOOD_PAYLOAD = encryptPayload(CHANNEL, "hello", MASTER_KEY);

/** Everything a logger or an error tracker could print of an error, and of its cause. */
function everythingShown(error: unknown): string {
  const seen: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    seen.push(current.message, String(current.stack), String(current), JSON.stringify(current));
    for (const key of Reflect.ownKeys(current)) seen.push(String(key), JSON.stringify((current as never)[key]) ?? "");
    current = current.cause;
  }
  return seen.join("\n");
}

const forbidden = [
  SECRET,
  MASTER_KEY_BASE64,
  hex(MASTER_KEY),
  bytesToBase64(SHARED_SECRET),
  hex(SHARED_SECRET),
  ...INVALID_MASTER_KEYS.map((row) => row.masterKeyBase64),
];

const badCalls: [string, () => unknown][] = [
  ["signRequest with an empty key", () => signRequest({ key: "", secret: SECRET }, { method: "GET", path: "/x" })],
  ["signRequest with a reserved param", () => signRequest(credentials, { method: "GET", path: "/x", params: { AUTH_SIGNATURE: SECRET } })],
  ["signRequest with a bad param value", () => signRequest(credentials, { method: "GET", path: "/x", params: { a: {} as never } })],
  ["signRequest with duplicate params", () => signRequest(credentials, { method: "GET", path: "/x", params: { A: "1", a: "2" } })],
  ["signRequest with a lone surrogate", () => signRequest(credentials, { method: "GET", path: "/x", params: { a: "\uDC00" } })],
  ["signRequest with a bad path", () => signRequest(credentials, { method: "GET", path: "x" })],
  ["signRequest with a bad timestamp", () => signRequest(credentials, { method: "GET", path: "/x", timestamp: -5 })],
  ["signChannelAuth with a bad socket id", () => signChannelAuth(credentials, "1.1:", "private-a")],
  ["signChannelAuth with a bad channel", () => signChannelAuth(credentials, "1.1", "bad channel")],
  ["signChannelAuth with an empty key", () => signChannelAuth({ key: "", secret: SECRET }, "1.1", "private-a")],
  ["signUserAuth with a bad socket id", () => signUserAuth(credentials, "1.1\n", '{"id":"1"}')],
  ["signUserAuth with a non-string secret", () => signUserAuth({ key: "k", secret: [SECRET] } as never, "1.1", '{"id":"1"}')],
  ...INVALID_MASTER_KEYS.map((row): [string, () => unknown] => [
    `decodeMasterKey(${row.reason})`,
    () => decodeMasterKey(row.masterKeyBase64),
  ]),
  ["encryptPayload on a private channel", () => encryptPayload("private-chat", "hello", MASTER_KEY)],
  ["encryptPayload with a short nonce", () => encryptPayload(CHANNEL, "hello", MASTER_KEY, new Uint8Array(3))],
  ["decryptPayload on another channel", () => decryptPayload("private-encrypted-other", GOOD_PAYLOAD, MASTER_KEY)],
  ["decryptPayload with another key", () => decryptPayload(CHANNEL, GOOD_PAYLOAD, new Uint8Array(32))],
  ["decryptPayload of bad JSON", () => decryptPayload(CHANNEL, "{", MASTER_KEY)],
  ["decryptPayload of a bad nonce", () => decryptPayload(CHANNEL, { nonce: "??", ciphertext: "" }, MASTER_KEY)],
];

describe("errors thrown by the signers for bad input", () => {
  it.each(badCalls)("%s throws an error that shows no secret, master key or derived key", (_call, action) => {
    const shown = everythingShown(catchError(action));
    expect(shown).not.toBe("");
    for (const value of forbidden) expect(shown).not.toContain(value);
  });
});
