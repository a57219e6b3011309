// Constant-time signature checks (docs/protocol.md §7) with the built @x/signing, on the webhook vectors
// of docs/protocol.md verbatim.
import { verifyHmacSignature } from "@x/signing";
import { timingSafeEqualHex } from "@x/signing/internal";
import { assertEqual } from "../harness/assert.mjs";

const CHANNEL_VACATED = {
  secret: "tofu",
  body: '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}',
  signature: "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5",
};
const WEBHOOKS = [
  CHANNEL_VACATED,
  { secret: "secret", body: '{"hello":"world"}', signature: "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778" },
  {
    secret: "thisisasecret",
    body: '{"time_ms":1530710011901,"events":[{"name":"client_event","channel":"private-my-channel","event":"client-event","data":"Unencrypted","socket_id":"240621.35780774"}]}',
    signature: "a19cab2af3ca1029257570395e78d5d675e9e700ca676d18a375a7083178df1c",
  },
  {
    secret: "1c9c753dddfd049dd7f1",
    body: '{"time_ms":1423778833207,"events":[{"channel":"test_channel","name":"channel_occupied"}]}',
    signature: "851f492bab8f7652a2e4c82cd0212d97b4e678edf085c06bf640ed45ee7b1169",
  },
];

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "verifyHmacSignature accepts each documented webhook signature, as a string and as bytes",
    run() {
      for (const { secret, body, signature } of WEBHOOKS) {
        assertEqual(verifyHmacSignature(secret, body, signature), true, `signature of ${body}`);
        assertEqual(verifyHmacSignature(secret, new TextEncoder().encode(body), signature), true, `signature of the bytes of ${body}`);
      }
    },
  },
  {
    name: "verifyHmacSignature rejects a changed body, a changed, upper-case or truncated signature and a non-string",
    run() {
      const { secret, body, signature } = CHANNEL_VACATED;
      const changed = `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}`;
      assertEqual(verifyHmacSignature(secret, `${body} `, signature), false, "changed body");
      assertEqual(verifyHmacSignature(secret, body, changed), false, "changed last digit");
      assertEqual(verifyHmacSignature(secret, body, signature.toUpperCase()), false, "upper-case signature");
      assertEqual(verifyHmacSignature(secret, body, signature.slice(0, 32)), false, "truncated signature");
      assertEqual(verifyHmacSignature(secret, body, undefined), false, "missing signature");
    },
  },
  {
    name: "timingSafeEqualHex is true only for equal lowercase hex of equal length",
    run() {
      assertEqual(timingSafeEqualHex("00ff", "00ff"), true, "equal");
      assertEqual(timingSafeEqualHex("00ff", "00fe"), false, "one digit differs");
      assertEqual(timingSafeEqualHex("00ff", "00FF"), false, "upper case");
      assertEqual(timingSafeEqualHex("00ff", "00f"), false, "shorter");
      assertEqual(timingSafeEqualHex("00ff", 255), false, "a number");
    },
  },
];
