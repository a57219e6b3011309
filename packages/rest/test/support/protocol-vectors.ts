// The docs/protocol.md vectors the client must reproduce on the wire, copied verbatim.

/** §2, V1: the documented worked example of a signed POST /events. */
export const V1 = {
  appId: "3",
  key: "278d425bdf160c739803",
  secret: "7ad3773142a6692b25b8",
  timestamp: 1353088179,
  body: '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}',
  bodyMd5: "ec365a775a4cd0599faeb73354201b6f",
  signature: "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
};

/** §2, V2: signed GETs of app 102015. */
export const V2 = {
  appId: "102015",
  key: "d41a439c438a100756f5",
  secret: "4bf35003e819bb138249",
  channelsWithInfo: {
    timestamp: 1427034994,
    signature: "4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11",
  },
  channelsWithPrefix: {
    timestamp: 1427036577,
    signature: "b540383af4582af5fbb5df7be5472d54bd0838c9c2021c7743062568839e6f97",
  },
  channelsPlain: {
    timestamp: 1427036787,
    signature: "df89248f87f6e6d028925e0b04d60f316527a865992ace6936afa91281d8bef0",
  },
  channel: {
    name: "presence-session-d41a439c438a100756f5-4bf35003e819bb138249-ROpCFmgFhXY",
    timestamp: 1427053326,
    signature: "f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785",
  },
  users: {
    name: "presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52",
    timestamp: 1427053709,
    signature: "207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca",
  },
};

/** §2, the MD5 of the documented batch body. */
export const BATCH_VECTOR = {
  body: '{"batch":[{"channel":"integration","name":"event","data":"test"},{"channel":"integration2","name":"event2","data":"test2"}]}',
  md5: "fd5ab5fd40237f27555c4d2564470fdd",
};

/** §2, the MD5 of `{}` (the body of terminate_connections). */
export const EMPTY_OBJECT_MD5 = "99914b932bd37a50b983c5e7c90ae93b";

/** §5, a valid master key (32 bytes). */
export const MASTER_KEY_BASE64 = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";
