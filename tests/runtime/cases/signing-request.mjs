// Request signing (docs/protocol.md §2) with the built @x/signing, on the vectors of docs/protocol.md verbatim.
import { signRequest } from "@x/signing";
import { hmacSha256Hex, md5Hex } from "@x/signing/internal";
import { assertEqual, assertThrows } from "../harness/assert.mjs";

/** @param {string} query @returns {string | null} */
const signatureOf = (query) => new URLSearchParams(query).get("auth_signature");

const V2 = { key: "d41a439c438a100756f5", secret: "4bf35003e819bb138249" };
const V2_ROWS = [
  {
    path: "/apps/102015/channels",
    params: { filter_by_prefix: "presence-", info: "user_count" },
    timestamp: 1427034994,
    signature: "4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11",
  },
  {
    path: "/apps/102015/channels",
    params: { filter_by_prefix: "presence-" },
    timestamp: 1427036577,
    signature: "b540383af4582af5fbb5df7be5472d54bd0838c9c2021c7743062568839e6f97",
  },
  {
    path: "/apps/102015/channels",
    params: {},
    timestamp: 1427036787,
    signature: "df89248f87f6e6d028925e0b04d60f316527a865992ace6936afa91281d8bef0",
  },
  {
    path: "/apps/102015/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-ROpCFmgFhXY",
    params: { info: "user_count,subscription_count" },
    timestamp: 1427053326,
    signature: "f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785",
  },
  {
    path: "/apps/102015/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52/users",
    params: {},
    timestamp: 1427053709,
    signature: "207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca",
  },
];

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "signRequest(V1 POST /apps/3/events) returns the documented wire query",
    run() {
      const body = '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}';
      const query = signRequest(
        { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" },
        { method: "POST", path: "/apps/3/events", body, timestamp: 1353088179 },
      );
      assertEqual(
        query,
        "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0" +
          "&body_md5=ec365a775a4cd0599faeb73354201b6f" +
          "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
        "signed query",
      );
    },
  },
  {
    name: "signRequest(V1, method in lower case) signs the documented string to sign",
    run() {
      const body = '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}';
      const query = signRequest(
        { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" },
        { method: "post", path: "/apps/3/events", body, timestamp: 1353088179 },
      );
      const documented =
        "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f";
      assertEqual(signatureOf(query), hmacSha256Hex("7ad3773142a6692b25b8", documented), "signature of the string to sign");
    },
  },
  {
    name: "signRequest(V2 GET channel queries) returns each documented auth_signature",
    run() {
      for (const row of V2_ROWS) {
        const query = signRequest(V2, { method: "GET", path: row.path, params: row.params, timestamp: row.timestamp });
        assertEqual(signatureOf(query), row.signature, `auth_signature of GET ${row.path} at ${row.timestamp}`);
        assertEqual(new URLSearchParams(query).has("body_md5"), false, "body_md5 on a GET without body");
      }
    },
  },
  {
    name: "signRequest(V3 GET /event with params) sorts the query and returns the documented signature",
    run() {
      const query = signRequest(
        { key: "f00d", secret: "tofu" },
        { method: "GET", path: "/event", params: { foo: "bar", baz: 123454321 }, timestamp: 1234567890 },
      );
      assertEqual(
        query,
        "auth_key=f00d&auth_timestamp=1234567890&auth_version=1.0&baz=123454321&foo=bar" +
          "&auth_signature=d8bdbd31911fb7400a14fbd36fd7de053494725b64400ae5856deafe304b34a9",
        "signed query",
      );
    },
  },
  {
    name: "signRequest(V3 GET /event with a body) signs the documented body_md5",
    run() {
      const query = new URLSearchParams(
        signRequest({ key: "f00d", secret: "tofu" }, { method: "GET", path: "/event", body: "example body", timestamp: 1234567890 }),
      );
      assertEqual(query.get("body_md5"), "165d5e6d7ca8f73b3853ce45addf42fc", "body_md5");
      assertEqual(query.get("auth_signature"), "a650196dc427ebe837226f8565ca9232198c6d1b9455eaa72374a9dc0b620e7b", "auth_signature");
    },
  },
  {
    name: "md5Hex returns the documented digests",
    run() {
      assertEqual(md5Hex("{}"), "99914b932bd37a50b983c5e7c90ae93b", "md5 of {}");
      assertEqual(
        md5Hex('{"name":"my_event","data":"{\\"some\\":\\"data \\"}","channels":["one"]}'),
        "e95168baf497b2e54b2c6cadd41a6a3f",
        "md5 of a trigger body",
      );
      assertEqual(
        md5Hex(
          '{"batch":[{"channel":"integration","name":"event","data":"test"},{"channel":"integration2","name":"event2","data":"test2"}]}',
        ),
        "fd5ab5fd40237f27555c4d2564470fdd",
        "md5 of a batch body",
      );
      assertEqual(md5Hex("Hello!"), "952d2c56d0485958336747bcdd98590d", "md5 of Hello!");
    },
  },
  {
    name: "hmacSha256Hex(supersecret, Hello!) returns the documented digest",
    run() {
      assertEqual(
        hmacSha256Hex("supersecret", "Hello!"),
        "64e3f44166575febbc5de88c9476325ea7d4b3684752158d9fdb31fce34b980d",
        "HMAC-SHA256",
      );
    },
  },
  {
    name: "signRequest with a reserved parameter throws reserved_param",
    run() {
      assertThrows(
        () => signRequest({ key: "f00d", secret: "tofu" }, { method: "GET", path: "/event", params: { Auth_Signature: "x" } }),
        { name: "PusherValidationError", code: "reserved_param" },
        "signRequest with params.Auth_Signature",
      );
    },
  },
];
