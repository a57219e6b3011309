// The test vectors of docs/protocol.md, copied verbatim as data tables. Each table names
// its section; the conformance tests run one `it.each` row per entry, through both crypto
// implementations (the two vitest projects).

/** §2, V1: the documented worked example of a signed POST. */
export const V1 = {
  key: "278d425bdf160c739803",
  secret: "7ad3773142a6692b25b8",
  timestamp: 1353088179,
  method: "POST",
  path: "/apps/3/events",
  body: '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}',
  bodyMd5: "ec365a775a4cd0599faeb73354201b6f",
  stringToSign:
    "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f",
  signature: "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
};

/** §2, V2: signed GETs. `extraParams` is the table's column, verbatim ("" for "none"). */
export const V2_CREDENTIALS = { key: "d41a439c438a100756f5", secret: "4bf35003e819bb138249" };
export const V2_ROWS = [
  {
    path: "/apps/102015/channels",
    extraParams: "filter_by_prefix=presence-&info=user_count",
    timestamp: 1427034994,
    signature: "4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11",
  },
  {
    path: "/apps/102015/channels",
    extraParams: "filter_by_prefix=presence-",
    timestamp: 1427036577,
    signature: "b540383af4582af5fbb5df7be5472d54bd0838c9c2021c7743062568839e6f97",
  },
  {
    path: "/apps/102015/channels",
    extraParams: "",
    timestamp: 1427036787,
    signature: "df89248f87f6e6d028925e0b04d60f316527a865992ace6936afa91281d8bef0",
  },
  {
    path: "/apps/102015/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-ROpCFmgFhXY",
    extraParams: "info=user_count,subscription_count",
    timestamp: 1427053326,
    signature: "f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785",
  },
  {
    path: "/apps/102015/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52/users",
    extraParams: "",
    timestamp: 1427053709,
    signature: "207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca",
  },
];

/** §2, V3: the two variants (with params and no body; no params and a body). */
export const V3_CREDENTIALS = { key: "f00d", secret: "tofu" };
export const V3_ROWS = [
  {
    variant: "params, no body",
    params: { foo: "bar", baz: 123454321 },
    body: undefined,
    signedQuery: "auth_key=f00d&auth_timestamp=1234567890&auth_version=1.0&baz=123454321&foo=bar",
    signature: "d8bdbd31911fb7400a14fbd36fd7de053494725b64400ae5856deafe304b34a9",
  },
  {
    variant: "body, no params",
    params: undefined,
    body: "example body",
    signedQuery: "auth_key=f00d&auth_timestamp=1234567890&auth_version=1.0&body_md5=165d5e6d7ca8f73b3853ce45addf42fc",
    signature: "a650196dc427ebe837226f8565ca9232198c6d1b9455eaa72374a9dc0b620e7b",
  },
];
export const V3_TIMESTAMP = 1234567890;

/** §2, the MD5 vectors. */
export const MD5_ROWS = [
  { input: "{}", md5: "99914b932bd37a50b983c5e7c90ae93b" },
  {
    input: '{"name":"my_event","data":"{\\"some\\":\\"data \\"}","channels":["one"]}',
    md5: "e95168baf497b2e54b2c6cadd41a6a3f",
  },
  {
    input: '{"batch":[{"channel":"integration","name":"event","data":"test"},{"channel":"integration2","name":"event2","data":"test2"}]}',
    md5: "fd5ab5fd40237f27555c4d2564470fdd",
  },
  { input: "Hello!", md5: "952d2c56d0485958336747bcdd98590d" },
];

/** §2, the HMAC vector. */
export const HMAC_VECTOR = {
  secret: "supersecret",
  message: "Hello!",
  hmac: "64e3f44166575febbc5de88c9476325ea7d4b3684752158d9fdb31fce34b980d",
};

/**
 * §5, channel authorization vectors: `signed` is the vector's string verbatim, split at the
 * first two colons into socket id, channel and channel data. Vectors that give only a secret
 * are signed with the key `f00d` (the key is not part of the signature).
 */
export const CHANNEL_AUTH_ROWS = [
  {
    key: "278d425bdf160c739803",
    secret: "7ad3773142a6692b25b8",
    signed: "1234.1234:private-foobar",
    signature: "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
  },
  {
    key: "278d425bdf160c739803",
    secret: "7ad3773142a6692b25b8",
    signed: '1234.1234:presence-foobar:{"user_id":10,"user_info":{"name":"Mr. Channels"}}',
    signature: "31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
  },
  {
    key: "f00d",
    secret: "tofu",
    signed: "123.456:test",
    signature: "efa6cf7644a0b35cba36aa0f776f3cbf7bb60e95ea2696bde1dbe8403b61bd7c",
  },
  {
    key: "f00d",
    secret: "tofu",
    signed: '123.456:test:{"foo":"bar"}',
    signature: "f41faf9ead2ea76772cc6b1168363057459f02499ae4d92e88229dc7f4efa2d4",
  },
  {
    key: "foo",
    secret: "bar",
    signed: "345.23:private-channel",
    signature: "89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff",
  },
  {
    key: "foo",
    secret: "bar",
    signed: '345.43245:presence-channel:{"user_id":"fred","user_info":{"key":"value"}}',
    signature: "e80ba6439492c2113022c39297a87a948de14061cc67b5788e045645a68b8ccd",
  },
];

/** §5, user authentication vectors: `signed` is `<socketId>::user::<userData>`, verbatim. */
export const USER_AUTH_ROWS = [
  {
    key: "278d425bdf160c739803",
    secret: "7ad3773142a6692b25b8",
    signed: '1234.1234::user::{"id":"12345"}',
    signature: "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba",
  },
  {
    key: "key",
    secret: "secret",
    signed: '12345.12345::user::{"id":"1234"}',
    signature: "e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41",
  },
  {
    key: "f00d",
    secret: "tofu",
    signed: '123.456::user::{"id":"45678"}',
    signature: "f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd",
  },
  {
    key: "f00d",
    secret: "tofu",
    signed: '1.1::user::{"id":"ą§¶™€łü€ß£"}',
    signature: "620494cee53d6c568b49598313194088afda37218f0d059af03c0c898ed61ff4",
  },
];

/** §5, the full user authentication response of the `key`/`secret` vector. */
export const USER_AUTH_RESPONSE_JSON =
  '{"auth":"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41","user_data":"{\\"id\\":\\"1234\\"}"}';

/** §5, encrypted channel vectors. */
export const ENCRYPTED_AUTH_ROWS = [
  {
    key: "f00d",
    secret: "tofu",
    masterKeyBase64: "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=",
    socketId: "123.456",
    channel: "private-encrypted-bla",
    auth: "f00d:43d808e37d261f4e02402a739649ba29a6854cb978efdbc92892cd744c567030",
    sharedSecret: "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
  },
  {
    key: "foo",
    secret: "bar",
    masterKeyBase64: "OHRXNUZRTG5pUTFzQlFGd3J3N3Q2VFZFc0paZDEweVk=",
    socketId: "345.23",
    channel: "private-encrypted-channel",
    auth: "foo:fff0503dfe4929f5162efe4d1dacbce524b0d8e7e1331117a8651c0e74d369e3",
    sharedSecret: "VmIsNZtCSteh8kazd2toc+ofhohBtUouQRSDtRvuyVI=",
  },
];

/** §5, master-key parsing. */
export const VALID_MASTER_KEY_BASE64 = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";
export const INVALID_MASTER_KEYS = [
  { reason: "31 bytes", masterKeyBase64: "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA==" },
  { reason: "33 bytes", masterKeyBase64: "dGhpcyBpcyAzMyBieXRlcyAxMjM0NTY3ODkwMTIzNDU2" },
  { reason: "not base64", masterKeyBase64: "dGhpcyBpcyA!MiBieXRlcyAxMjM0NTY3OD#wMTIzNDU=" },
];

/** §6, the deterministic secretbox vector (all inputs are ASCII strings, used as bytes). */
export const SECRETBOX_VECTOR = {
  channel: "pvUPIk0YG6MnxCEMIUUVFrbDmQwbhICXUcy",
  plaintext: "kkkT5OOkOkO5kT5TOO5TkOT5TTk5O55T",
  masterKey: "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
  nonce: "XAJI0Y6DPBHSAHXTHV3A3ZMF",
  sharedSecretHex: "709ef3090a24bfa98382cb5d025ca3622c82d31fa27f10b005c0dca27bae6516",
  output: '{"nonce":"WEFKSTBZNkRQQkhTQUhYVEhWM0EzWk1G","ciphertext":"tsYJa2JgGDOpVIYFe4aNVWAvZlpB7z7CjN9mpIdbATE0Yc4izN8aM8D6VigBxnIQ"}',
};

/** §6, the decryption vector: the raw key is 33 ASCII bytes, hashed as given. */
export const DECRYPTION_VECTOR = {
  rawKey: "This is a string that is 32 chars",
  channel: "private-encrypted-bla",
  payload: '{"nonce":"sjklahvpWWQgAjTx5FfYHCCxd2AmaL9T","ciphertext":"zoDEe8dA3nDXKsybAWce/hXGW4szJw=="}',
  plaintext: "Hello!",
  sha256Hex: "004831f99d2a4e86723e893caded3a2897deeddbed9514fe9497dcddc52bd50b",
};

/** Splits `a:b:rest` at its first two colons (channel data may itself contain colons). */
export function splitChannelAuthString(signed: string): { socketId: string; channel: string; channelData?: string } {
  const [socketId = "", channel = "", ...rest] = signed.split(":");
  return rest.length === 0 ? { socketId, channel } : { socketId, channel, channelData: rest.join(":") };
}

/** Splits `<socketId>::user::<userData>`. */
export function splitUserAuthString(signed: string): { socketId: string; userData: string } {
  const separator = signed.indexOf("::user::");
  return { socketId: signed.slice(0, separator), userData: signed.slice(separator + "::user::".length) };
}

/** ASCII text as bytes, for the §6 vectors whose keys and nonces are given as ASCII. */
export function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Lowercase hex of bytes, computed with Node's Buffer (allowed in tests, not in src). */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}
