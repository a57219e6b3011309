// Webhook verification and parsing (docs/protocol.md §7) with the built @x/webhooks, on the webhook
// vectors of docs/protocol.md verbatim.
import { verifyWebhook } from "@x/webhooks";
import { assertDeepEqual, assertEqual } from "../harness/assert.mjs";

const VACATED = {
  key: "123456789",
  secret: "tofu",
  body: '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}',
  signature: "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5",
};

// The vectors are dated 2014 and 2018: received when they were sent, they pass the freshness window (on by default).
const AT_VACATED = { now: () => 1403175510755 };

/**
 * The codes of an invalid verdict's errors.
 * @param {import("@x/webhooks").WebhookVerdict} verdict
 * @returns {string[]}
 */
const errorCodes = (verdict) => verdict.validationErrors.map((error) => error.code);

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "verifyWebhook accepts the documented channel_vacated webhook and parses its event",
    run() {
      const { key, secret, body, signature } = VACATED;
      assertDeepEqual(
        verifyWebhook({ key, secret }, { body, signature, key }, AT_VACATED),
        { isValid: true, events: [{ channel: "test_channel", name: "channel_vacated" }], timeMs: 1403175510755, validationErrors: [] },
        "verdict",
      );
    },
  },
  {
    name: "verifyWebhook accepts the raw body as bytes",
    run() {
      const { key, secret, body, signature } = VACATED;
      assertEqual(
        verifyWebhook({ key, secret }, { body: new TextEncoder().encode(body), signature, key }, AT_VACATED).isValid,
        true,
        "isValid",
      );
    },
  },
  {
    name: "verifyWebhook parses the documented client_event webhook",
    run() {
      const body =
        '{"time_ms":1530710011901,"events":[{"name":"client_event","channel":"private-my-channel","event":"client-event","data":"Unencrypted","socket_id":"240621.35780774"}]}';
      const verdict = verifyWebhook(
        { key: "key", secret: "thisisasecret" },
        { body, signature: "a19cab2af3ca1029257570395e78d5d675e9e700ca676d18a375a7083178df1c", key: "key" },
        { now: () => 1530710011901 },
      );
      assertDeepEqual(
        verdict.events,
        [{ name: "client_event", channel: "private-my-channel", event: "client-event", data: "Unencrypted", socket_id: "240621.35780774" }],
        "events",
      );
    },
  },
  {
    name: "verifyWebhook picks the secret by the key header during a key rotation",
    run() {
      const { key, secret, body, signature } = VACATED;
      const credentials = [
        { key: "old-key", secret: "old-secret" },
        { key, secret },
      ];
      assertEqual(verifyWebhook(credentials, { body, signature, key }, AT_VACATED).isValid, true, "current key");
      assertDeepEqual(
        errorCodes(verifyWebhook(credentials, { body, signature, key: "other-key" }, AT_VACATED)),
        ["unknown_key"],
        "unknown key",
      );
    },
  },
  {
    name: "verifyWebhook refuses a changed body with invalid_signature",
    run() {
      const { key, secret, body, signature } = VACATED;
      const verdict = verifyWebhook({ key, secret }, { body: body.replace("vacated", "occupied"), signature, key }, AT_VACATED);
      assertEqual(verdict.isValid, false, "isValid");
      assertDeepEqual(errorCodes(verdict), ["invalid_signature"], "error codes");
      assertDeepEqual(verdict.events, [], "events");
    },
  },
  {
    name: "verifyWebhook with maxAgeMs refuses a webhook older than the window",
    run() {
      const { key, secret, body, signature } = VACATED;
      const sent = 1403175510755;
      const fresh = verifyWebhook({ key, secret }, { body, signature, key }, { maxAgeMs: 300_000, now: () => sent + 1_000 });
      const stale = verifyWebhook({ key, secret }, { body, signature, key }, { maxAgeMs: 300_000, now: () => sent + 600_000 });
      assertEqual(fresh.isValid, true, "a webhook one second old");
      assertDeepEqual(errorCodes(stale), ["outside_time_window"], "a webhook ten minutes old");
    },
  },
  {
    name: "verifyWebhook refuses a captured webhook replayed years later by default, and accepts it with maxAgeMs: false",
    run() {
      const { key, secret, body, signature } = VACATED;
      assertDeepEqual(errorCodes(verifyWebhook({ key, secret }, { body, signature, key })), ["outside_time_window"], "by default");
      assertEqual(verifyWebhook({ key, secret }, { body, signature, key }, { maxAgeMs: false }).isValid, true, "maxAgeMs: false");
    },
  },
];
