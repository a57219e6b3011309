// The webhook vectors of docs/protocol.md §7, verbatim.
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "../src/index.js";
import { utf8 } from "./support/webhook-fixtures.js";

const vectors = [
  {
    secret: "tofu",
    key: "123456789",
    body: '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}',
    signature: "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5",
    timeMs: 1403175510755,
    events: [{ name: "channel_vacated", channel: "test_channel" }],
  },
  {
    secret: "thisisasecret",
    key: "some-key",
    body: '{"time_ms":1530710011901,"events":[{"name":"client_event","channel":"private-my-channel","event":"client-event","data":"Unencrypted","socket_id":"240621.35780774"}]}',
    signature: "a19cab2af3ca1029257570395e78d5d675e9e700ca676d18a375a7083178df1c",
    timeMs: 1530710011901,
    events: [
      {
        name: "client_event",
        channel: "private-my-channel",
        event: "client-event",
        data: "Unencrypted",
        socket_id: "240621.35780774",
      },
    ],
  },
  {
    secret: "1c9c753dddfd049dd7f1",
    key: "another-key",
    body: '{"time_ms":1423778833207,"events":[{"channel":"test_channel","name":"channel_occupied"}]}',
    signature: "851f492bab8f7652a2e4c82cd0212d97b4e678edf085c06bf640ed45ee7b1169",
    timeMs: 1423778833207,
    events: [{ name: "channel_occupied", channel: "test_channel" }],
  },
];

describe("verifyWebhook on the docs/protocol.md §7 vectors", () => {
  for (const vector of vectors) {
    const credentials = { key: vector.key, secret: vector.secret };
    // Received as it was sent: the default freshness window stays on.
    const options = { now: () => vector.timeMs };

    it(`verifyWebhook(${vector.secret}, text body) is valid and yields the events`, () => {
      const verdict = verifyWebhook(credentials, { body: vector.body, signature: vector.signature, key: vector.key }, options);
      expect(verdict).toEqual({ isValid: true, events: vector.events, timeMs: vector.timeMs, validationErrors: [] });
    });

    it(`verifyWebhook(${vector.secret}, byte body) is valid and yields the events`, () => {
      const verdict = verifyWebhook(credentials, { body: utf8(vector.body), signature: vector.signature, key: vector.key }, options);
      expect(verdict.isValid).toBe(true);
      expect(verdict.events).toEqual(vector.events);
    });

    it(`verifyWebhook(${vector.secret}) refuses the vector's signature with one hex digit changed`, () => {
      const last = vector.signature.at(-1) === "0" ? "1" : "0";
      const signature = vector.signature.slice(0, -1) + last;
      const verdict = verifyWebhook(credentials, { body: vector.body, signature, key: vector.key }, options);
      expect(verdict.isValid).toBe(false);
      expect(verdict.validationErrors.map((problem) => problem.code)).toEqual(["invalid_signature"]);
    });
  }

  it('verifyWebhook(secret, {"hello":"world"}) accepts the signature but refuses a body that is no webhook', () => {
    const verdict = verifyWebhook(
      { key: "key", secret: "secret" },
      { body: '{"hello":"world"}', signature: "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778", key: "key" },
    );
    expect(verdict.isValid).toBe(false);
    expect(verdict.validationErrors.map((problem) => problem.code)).toEqual(["invalid_body"]);
  });
});
