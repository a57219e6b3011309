// The test vectors of docs/protocol.md used by this package's tests, copied verbatim.

/** §2 V1: a signed trigger. */
export const SIGNED_TRIGGER = {
  appId: "3",
  key: "278d425bdf160c739803",
  secret: "7ad3773142a6692b25b8",
  timestamp: 1353088179,
  channel: "project-3",
  event: "foo",
  data: { some: "data" },
  body: '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}',
  bodyMd5: "ec365a775a4cd0599faeb73354201b6f",
  signature: "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
} as const;

/** §2 MD5 vector of a batch body. */
export const BATCH_BODY = {
  events: [
    { channel: "integration", name: "event", data: "test" },
    { channel: "integration2", name: "event2", data: "test2" },
  ],
  body: '{"batch":[{"channel":"integration","name":"event","data":"test"},{"channel":"integration2","name":"event2","data":"test2"}]}',
  bodyMd5: "fd5ab5fd40237f27555c4d2564470fdd",
} as const;

/** §5: the credentials of the first group of auth vectors, and socket `1234.1234`. */
export const AUTH_APP = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8", socketId: "1234.1234" } as const;
export const PRIVATE_FOOBAR_SIGNATURE = "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
export const USER_12345_SIGNATURE = "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba";
export const PRESENCE_FOOBAR_SIGNATURE = "31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80";

/** §5: key `foo`, secret `bar`. */
export const FOO_BAR = {
  key: "foo",
  secret: "bar",
  privateChannelSignature: "89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff",
  presenceChannelSignature: "e80ba6439492c2113022c39297a87a948de14061cc67b5788e045645a68b8ccd",
} as const;

/** §5: key `key`, secret `secret`, user `1234` on socket `12345.12345`. */
export const USER_1234 = {
  key: "key",
  secret: "secret",
  socketId: "12345.12345",
  json: '{"auth":"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41","user_data":"{\\"id\\":\\"1234\\"}"}',
} as const;

/** §5: an encrypted channel. */
export const ENCRYPTED = {
  key: "f00d",
  secret: "tofu",
  masterKeyBase64: "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=",
  socketId: "123.456",
  channel: "private-encrypted-bla",
  auth: "f00d:43d808e37d261f4e02402a739649ba29a6854cb978efdbc92892cd744c567030",
  sharedSecret: "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
} as const;

/** §7: signed webhooks. */
export const WEBHOOK_VACATED = {
  key: "123456789",
  secret: "tofu",
  body: '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}',
  signature: "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5",
} as const;

export const WEBHOOK_OCCUPIED = {
  secret: "1c9c753dddfd049dd7f1",
  body: '{"time_ms":1423778833207,"events":[{"channel":"test_channel","name":"channel_occupied"}]}',
  signature: "851f492bab8f7652a2e4c82cd0212d97b4e678edf085c06bf640ed45ee7b1169",
} as const;

export const WEBHOOK_CLIENT_EVENT = {
  secret: "thisisasecret",
  body: '{"time_ms":1530710011901,"events":[{"name":"client_event","channel":"private-my-channel","event":"client-event","data":"Unencrypted","socket_id":"240621.35780774"}]}',
  signature: "a19cab2af3ca1029257570395e78d5d675e9e700ca676d18a375a7083178df1c",
} as const;
