import { createHash } from "node:crypto";
import tweetnacl from "tweetnacl";
import { describe, expect, it } from "vitest";
import { createRestClient } from "../src/index.js";
import { fakeFetch } from "./support/fake-fetch.js";
import { MASTER_KEY_BASE64 } from "./support/protocol-vectors.js";

// Decrypts with tweetnacl and node:crypto (docs/protocol.md §5, §6): an oracle independent of @x/signing.
function decrypt(channel: string, data: string): string {
  const { nonce, ciphertext } = JSON.parse(data) as { nonce: string; ciphertext: string };
  const key = createHash("sha256")
    .update(Buffer.concat([Buffer.from(channel), Buffer.from(MASTER_KEY_BASE64, "base64")]))
    .digest();
  const plaintext = tweetnacl.secretbox.open(Buffer.from(ciphertext, "base64"), Buffer.from(nonce, "base64"), key);
  if (plaintext === null) throw new Error("the payload does not decrypt with the channel's key");
  return Buffer.from(plaintext).toString("utf8");
}

function encryptingClient(maxPayloadBytes?: number) {
  const fake = fakeFetch();
  const client = createRestClient({
    appId: "1",
    key: "k",
    secret: "s",
    fetch: fake.fetch,
    encryptionMasterKeyBase64: MASTER_KEY_BASE64,
    ...(maxPayloadBytes === undefined ? {} : { maxPayloadBytes }),
  });
  return { client, requests: fake.requests };
}

describe("encrypted channels (docs/protocol.md §6)", () => {
  it("trigger() on a private-encrypted- channel sends {nonce, ciphertext} that decrypts to the JSON of the data", async () => {
    const { client, requests } = encryptingClient();

    await client.trigger("private-encrypted-chat", "message", { text: "héllo" });

    const body = JSON.parse(requests[0]!.body) as { channels: string[]; data: string };
    expect(body.channels).toEqual(["private-encrypted-chat"]);
    expect(Object.keys(JSON.parse(body.data) as object)).toEqual(["nonce", "ciphertext"]);
    expect(decrypt("private-encrypted-chat", body.data)).toBe('{"text":"héllo"}');
  });

  it("trigger() encrypts a string data as-is, with a fresh nonce each time", async () => {
    const { client, requests } = encryptingClient();

    await client.trigger("private-encrypted-chat", "message", "plain text");
    await client.trigger("private-encrypted-chat", "message", "plain text");

    const payloads = requests.map((request) => (JSON.parse(request.body) as { data: string }).data);
    expect(payloads.map((data) => decrypt("private-encrypted-chat", data))).toEqual(["plain text", "plain text"]);
    expect(payloads[0]).not.toBe(payloads[1]);
  });

  it("triggerBatch() encrypts only the events on encrypted channels, each with its own channel's key", async () => {
    const { client, requests } = encryptingClient();

    await client.triggerBatch([
      { channel: "private-encrypted-a", name: "e", data: "for a" },
      { channel: "public", name: "e", data: "in clear" },
      { channel: "private-encrypted-b", name: "e", data: "for b" },
    ]);

    const { batch } = JSON.parse(requests[0]!.body) as { batch: { channel: string; data: string }[] };
    expect(decrypt("private-encrypted-a", batch[0]!.data)).toBe("for a");
    expect(batch[1]!.data).toBe("in clear");
    expect(decrypt("private-encrypted-b", batch[2]!.data)).toBe("for b");
  });

  it("the payload limit applies to the encrypted data, which is larger than the plaintext", async () => {
    const { client, requests } = encryptingClient(200);

    await client.trigger("public", "e", "x".repeat(150));
    const error = await client.trigger("private-encrypted-a", "e", "x".repeat(150)).catch((failure: unknown) => failure);

    expect(error).toMatchObject({ code: "payload_too_large", field: "data" });
    expect(requests).toHaveLength(1);
  });
});
