// Subscription and user-authentication signatures (docs/protocol.md §5) with the built @x/signing, on
// the auth vectors of docs/protocol.md verbatim.
import { signChannelAuth, signUserAuth } from "@x/signing";
import { hmacSha256Hex } from "@x/signing/internal";
import { assertEqual, assertThrows } from "../harness/assert.mjs";

const DOCS = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
const TOFU = { key: "f00d", secret: "tofu" };
const FOO = { key: "foo", secret: "bar" };

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "signChannelAuth(private-foobar) returns the documented auth",
    run() {
      assertEqual(
        signChannelAuth(DOCS, "1234.1234", "private-foobar"),
        "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
        "auth",
      );
    },
  },
  {
    name: "signChannelAuth(presence-foobar, channel_data) returns the corrected documented auth",
    run() {
      assertEqual(
        signChannelAuth(DOCS, "1234.1234", "presence-foobar", '{"user_id":10,"user_info":{"name":"Mr. Channels"}}'),
        "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
        "auth",
      );
    },
  },
  {
    name: "signUserAuth returns the documented auth for user data",
    run() {
      assertEqual(
        signUserAuth(DOCS, "1234.1234", '{"id":"12345"}'),
        "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba",
        "auth",
      );
      const userData = '{"id":"1234"}';
      const response = JSON.stringify({
        auth: signUserAuth({ key: "key", secret: "secret" }, "12345.12345", userData),
        user_data: userData,
      });
      assertEqual(
        response,
        '{"auth":"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41","user_data":"{\\"id\\":\\"1234\\"}"}',
        "user-auth response JSON",
      );
    },
  },
  {
    name: "signChannelAuth and signUserAuth return the documented signatures under secret tofu",
    run() {
      assertEqual(
        signChannelAuth(TOFU, "123.456", "test"),
        "f00d:efa6cf7644a0b35cba36aa0f776f3cbf7bb60e95ea2696bde1dbe8403b61bd7c",
        "auth of test",
      );
      assertEqual(
        signChannelAuth(TOFU, "123.456", "test", '{"foo":"bar"}'),
        "f00d:f41faf9ead2ea76772cc6b1168363057459f02499ae4d92e88229dc7f4efa2d4",
        "auth of test with channel data",
      );
      assertEqual(
        signUserAuth(TOFU, "123.456", '{"id":"45678"}'),
        "f00d:f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd",
        "user auth",
      );
    },
  },
  {
    name: "signUserAuth signs non-ASCII user data as UTF-8",
    run() {
      assertEqual(
        hmacSha256Hex("tofu", '1.1::user::{"id":"ą§¶™€łü€ß£"}'),
        "620494cee53d6c568b49598313194088afda37218f0d059af03c0c898ed61ff4",
        "HMAC of UTF-8 user data",
      );
      assertEqual(
        signUserAuth(TOFU, "1.1", '{"id":"ą§¶™€łü€ß£"}'),
        "f00d:620494cee53d6c568b49598313194088afda37218f0d059af03c0c898ed61ff4",
        "user auth",
      );
    },
  },
  {
    name: "signChannelAuth returns the documented signatures under key foo",
    run() {
      assertEqual(
        signChannelAuth(FOO, "345.23", "private-channel"),
        "foo:89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff",
        "private auth",
      );
      assertEqual(
        signChannelAuth(FOO, "345.43245", "presence-channel", '{"user_id":"fred","user_info":{"key":"value"}}'),
        "foo:e80ba6439492c2113022c39297a87a948de14061cc67b5788e045645a68b8ccd",
        "presence auth",
      );
    },
  },
  {
    name: "signChannelAuth with a malformed socket id throws invalid_socket_id",
    run() {
      for (const socketId of ["1.1:", ":1.1", "1.1\n"]) {
        assertThrows(
          () => signChannelAuth(FOO, socketId, "private-channel"),
          { name: "PusherValidationError", code: "invalid_socket_id" },
          `signChannelAuth with socket id ${JSON.stringify(socketId)}`,
        );
      }
    },
  },
];
