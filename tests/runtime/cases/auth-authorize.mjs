// Channel authorization and user authentication (docs/protocol.md §5) with the built @x/auth, on the auth
// vectors of docs/protocol.md verbatim.
import { authenticateUser, authorizeChannel } from "@x/auth";
import { assertDeepEqual, assertEqual, assertThrows } from "../harness/assert.mjs";

const DOCS = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "authorizeChannel(private-foobar) returns the documented auth",
    run() {
      assertDeepEqual(
        authorizeChannel(DOCS, { socketId: "1234.1234", channelName: "private-foobar" }),
        { auth: "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4" },
        "response",
      );
    },
  },
  {
    name: "authorizeChannel(presence-foobar) signs and returns the same channel_data",
    run() {
      const response = authorizeChannel(DOCS, {
        socketId: "1234.1234",
        channelName: "presence-foobar",
        presenceData: { user_id: 10, user_info: { name: "Mr. Channels" } },
      });
      assertEqual(
        JSON.stringify(response),
        '{"auth":"278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",' +
          '"channel_data":"{\\"user_id\\":10,\\"user_info\\":{\\"name\\":\\"Mr. Channels\\"}}"}',
        "response JSON",
      );
    },
  },
  {
    name: "authorizeChannel(private-encrypted-bla) returns the documented auth and shared_secret",
    run() {
      const credentials = { key: "f00d", secret: "tofu", encryptionMasterKeyBase64: "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=" };
      assertDeepEqual(
        authorizeChannel(credentials, { socketId: "123.456", channelName: "private-encrypted-bla" }),
        {
          auth: "f00d:43d808e37d261f4e02402a739649ba29a6854cb978efdbc92892cd744c567030",
          shared_secret: "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
        },
        "response",
      );
    },
  },
  {
    name: "authenticateUser returns the documented response JSON",
    run() {
      const response = authenticateUser({ key: "key", secret: "secret" }, { socketId: "12345.12345", userData: { id: "1234" } });
      assertEqual(
        JSON.stringify(response),
        '{"auth":"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41","user_data":"{\\"id\\":\\"1234\\"}"}',
        "response JSON",
      );
    },
  },
  {
    name: "authorizeChannel refuses a public channel and a presence channel without presenceData",
    run() {
      assertThrows(
        () => authorizeChannel(DOCS, { socketId: "1234.1234", channelName: "my-channel" }),
        { name: "PusherValidationError", code: "channel_not_authorizable" },
        "authorizeChannel(my-channel)",
      );
      assertThrows(
        () => authorizeChannel(DOCS, { socketId: "1234.1234", channelName: "presence-foobar" }),
        { name: "PusherValidationError", code: "invalid_presence_data" },
        "authorizeChannel(presence-foobar) without presenceData",
      );
    },
  },
];
