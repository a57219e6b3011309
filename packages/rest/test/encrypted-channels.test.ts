import { createHash } from "node:crypto";
import tweetnacl from "tweetnacl";
import { describe, expect, it } from "vitest";
import { createRestClient, isPusherPartialDeliveryError } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";
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

describe("one event to several channels, encrypted ones among them", () => {
  it("is sent as batches, each event encrypted with its own channel's key, chunked by maxBatchSize", async () => {
    const fake = fakeFetch((request) => {
      const { batch } = JSON.parse(request.body) as { batch: { channel: string }[] };
      return json({ batch: batch.map((_, index) => ({ subscription_count: index })) });
    });
    const client = createRestClient({
      appId: "1",
      key: "k",
      secret: "s",
      fetch: fake.fetch,
      encryptionMasterKeyBase64: MASTER_KEY_BASE64,
      maxBatchSize: 2,
    });
    const channels = ["private-encrypted-a", "public", "private-encrypted-b"];

    const result = await client.trigger(channels, "e", { n: 1 }, { socketId: "1.2", info: ["subscription_count"] });

    expect(fake.requests.map((request) => new URL(request.url).pathname)).toEqual(["/apps/1/batch_events", "/apps/1/batch_events"]);
    const sent = fake.requests.flatMap((request) => (JSON.parse(request.body) as { batch: Record<string, unknown>[] }).batch);
    expect(sent.map(({ channel, name, socket_id, info }) => ({ channel, name, socket_id, info }))).toEqual(
      channels.map((channel) => ({ channel, name: "e", socket_id: "1.2", info: "subscription_count" })),
    );
    expect(decrypt("private-encrypted-a", sent[0]!.data as string)).toBe('{"n":1}');
    expect(sent[1]!.data).toBe('{"n":1}');
    expect(decrypt("private-encrypted-b", sent[2]!.data as string)).toBe('{"n":1}');
    expect(result).toEqual({
      channels: {
        "private-encrypted-a": { subscription_count: 0 },
        public: { subscription_count: 1 },
        "private-encrypted-b": {
          subscription_count: 0,
        },
      },
    });
  });

  it("a failed request after the first rejects with a PusherPartialDeliveryError naming the channels", async () => {
    const fake = fakeFetch((_request, index) => (index === 0 ? json({}) : json({ error: "down" }, 500)));
    const client = createRestClient({
      appId: "1",
      key: "k",
      secret: "s",
      fetch: fake.fetch,
      encryptionMasterKeyBase64: MASTER_KEY_BASE64,
      maxBatchSize: 1,
      retry: false,
    });

    const error: unknown = await client.trigger(["private-encrypted-a", "private-encrypted-b"], "e", 1).catch((f: unknown) => f);

    expect(isPusherPartialDeliveryError(error)).toBe(true);
    expect(error).toMatchObject({ delivered: ["private-encrypted-a"], undelivered: ["private-encrypted-b"] });
  });
});
