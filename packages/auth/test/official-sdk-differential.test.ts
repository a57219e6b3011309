import fc from "fast-check";
import Pusher from "pusher";
import { describe, expect, it } from "vitest";
import { authenticateUser, authorizeChannel } from "../src/index.js";

// Differential tests: for random valid inputs, @x/auth must answer exactly what the official
// Node SDK (pusher@5.3.4) answers, byte for byte, since pusher-js and the server check both.

const NAME_CHARACTERS = /^[A-Za-z0-9_\-=@,.;]{1,140}$/;
const credentials = fc.record({
  // Any Unicode, lone surrogates included: both SDKs feed these strings to the same HMAC.
  key: fc.string({ minLength: 1, maxLength: 24, unit: "binary" }),
  secret: fc.string({ minLength: 1, maxLength: 40, unit: "binary" }),
  masterKey: fc.uint8Array({ minLength: 32, maxLength: 32 }),
});
const socketId = fc.stringMatching(/^\d{1,16}\.\d{1,16}$/);
const nameSuffix = fc.stringMatching(NAME_CHARACTERS);
const userId = fc.stringMatching(/^[A-Za-z0-9_\-=@,.;]{1,200}$/);
const userInfo = fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue(), { maxKeys: 6 });
const presenceData = fc.record(
  {
    user_id: fc.oneof(fc.string({ minLength: 1, unit: "binary" }), fc.integer()),
    user_info: userInfo,
  },
  { requiredKeys: ["user_id"] },
);
const userData = fc.record({ id: userId, user_info: userInfo, watchlist: fc.array(userId, { maxLength: 100 }) }, { requiredKeys: ["id"] });

function officialSdk(key: string, secret: string, masterKey: Uint8Array): Pusher {
  const encryptionMasterKeyBase64 = Buffer.from(masterKey).toString("base64");
  return new Pusher({ appId: "1", key, secret, cluster: "mt1", encryptionMasterKeyBase64 });
}

function ourCredentials(key: string, secret: string, masterKey: Uint8Array) {
  return { key, secret, encryptionMasterKeyBase64: Buffer.from(masterKey).toString("base64") };
}

describe("differential tests against pusher@5.3.4", () => {
  it("authorizeChannel equals pusher.authorizeChannel for random private and encrypted channels", () => {
    fc.assert(
      fc.property(credentials, socketId, fc.constantFrom("private-", "private-encrypted-"), nameSuffix, (app, socket, prefix, suffix) => {
        const channelName = prefix + suffix;
        const ours = authorizeChannel(ourCredentials(app.key, app.secret, app.masterKey), { socketId: socket, channelName });
        const official = officialSdk(app.key, app.secret, app.masterKey).authorizeChannel(socket, channelName);
        expect(ours).toEqual(official);
        expect(ours.shared_secret === undefined).toBe(prefix === "private-");
      }),
      { numRuns: 300 },
    );
  });

  it("authorizeChannel equals pusher.authorizeChannel for random presence members with Unicode user_info", () => {
    fc.assert(
      fc.property(credentials, socketId, nameSuffix, presenceData, (app, socket, suffix, member) => {
        const channelName = `presence-${suffix}`;
        const ours = authorizeChannel(ourCredentials(app.key, app.secret, app.masterKey), {
          socketId: socket,
          channelName,
          presenceData: member,
        });
        // The official typings say user_id is a string; its code (and the protocol) also take numbers.
        const officialMember = member as Pusher.PresenceChannelData;
        const official = officialSdk(app.key, app.secret, app.masterKey).authorizeChannel(socket, channelName, officialMember);
        expect(ours).toEqual(official);
      }),
      { numRuns: 300 },
    );
  });

  it("authenticateUser equals pusher.authenticateUser for random users with Unicode user_info and watchlists", () => {
    fc.assert(
      fc.property(credentials, socketId, userData, (app, socket, user) => {
        const ours = authenticateUser(ourCredentials(app.key, app.secret, app.masterKey), { socketId: socket, userData: user });
        const official = officialSdk(app.key, app.secret, app.masterKey).authenticateUser(socket, user);
        expect(ours).toEqual(official);
      }),
      { numRuns: 300 },
    );
  });
});
