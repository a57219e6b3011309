// Differential tests against the official Node SDK, `pusher@5.3.4`: for the same random inputs,
// our signers give the same auth strings, shared secrets, signed queries and ciphertexts.
import { RESERVED_QUERY_PARAMS } from "@x/types/internal";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decryptPayload, deriveSharedSecret, encryptPayload, signChannelAuth, signRequest, signUserAuth } from "../src/index.js";
import { bytesToBase64 } from "../src/internal.js";
import {
  UNRESERVED_CHARACTERS,
  channelNameArbitrary,
  codeUnitStringArbitrary,
  credentialsArbitrary,
  masterKeyArbitrary,
  presenceDataArbitrary,
  socketIdArbitrary,
  unicodeStringArbitrary,
  userDataArbitrary,
} from "./support/arbitraries.js";
import { officialEncrypt, officialPusher } from "./support/official-pusher.js";

const NUM_RUNS = 200;

describe("channel and user auth, against pusher@5.3.4", () => {
  it("signChannelAuth (with JSON.stringify'd presence data) equals authorizeChannel's auth, channel_data and shared_secret", () => {
    fc.assert(
      fc.property(
        credentialsArbitrary,
        masterKeyArbitrary,
        socketIdArbitrary,
        channelNameArbitrary,
        fc.option(presenceDataArbitrary, { nil: undefined }),
        (credentials, masterKey, socketId, channel, presenceData) => {
          const official = officialPusher(credentials.key, credentials.secret, bytesToBase64(masterKey));
          const expected = official.authorizeChannel(socketId, channel, presenceData);

          const channelData = presenceData === undefined ? undefined : JSON.stringify(presenceData);
          expect(signChannelAuth(credentials, socketId, channel, channelData)).toBe(expected.auth);
          expect(channelData).toBe(expected.channel_data);
          if (channel.startsWith("private-encrypted-")) {
            expect(bytesToBase64(deriveSharedSecret(channel, masterKey))).toBe(expected.shared_secret);
          } else {
            expect(expected.shared_secret).toBeUndefined();
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("signUserAuth (with JSON.stringify'd user data) equals authenticateUser's auth and user_data", () => {
    fc.assert(
      fc.property(credentialsArbitrary, socketIdArbitrary, userDataArbitrary, (credentials, socketId, userData) => {
        const expected = officialPusher(credentials.key, credentials.secret).authenticateUser(socketId, userData);
        const serialized = JSON.stringify(userData);
        expect(signUserAuth(credentials, socketId, serialized)).toBe(expected.auth);
        expect(serialized).toBe(expected.user_data);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// Lower-case keys (the official SDK does not lower-case them), not reserved, and not the name of
// an Object.prototype member: the official SDK looks keys up in a plain object and so rejects
// `constructor` and mishandles `__proto__` (ours accepts both, see sign-request.test.ts).
const paramKeyArbitrary = fc
  .stringMatching(/^[a-z_]{1,12}$/)
  .filter((key) => !RESERVED_QUERY_PARAMS.includes(key) && !(key in Object.prototype));

// App keys go on the wire too, so for byte-for-byte equality they need no encoding either.
const plainKeyCredentials = fc.record({
  key: fc.string({ unit: fc.constantFrom(...UNRESERVED_CHARACTERS), minLength: 1, maxLength: 30 }),
  secret: credentialsArbitrary.map((credentials) => credentials.secret),
});

const requestArbitrary = <T>(paramValue: fc.Arbitrary<T>) =>
  fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "get", "post"),
    path: fc.string({ unit: fc.constantFrom(...UNRESERVED_CHARACTERS, "/"), maxLength: 60 }).map((path) => `/${path}`),
    params: fc.dictionary(paramKeyArbitrary, paramValue, { maxKeys: 6 }),
    body: fc.option(codeUnitStringArbitrary, { nil: undefined }),
  });

// The official SDK truncates the timestamp with `| 0`, which overflows after 2038-01-19; keep
// the clock before that so the two agree.
const clockArbitrary = fc.integer({ min: 0, max: 2 ** 31 * 1000 - 1 });

describe("signRequest, against pusher@5.3.4 createSignedQueryString", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the same wire query, byte for byte, when no value needs percent-encoding", () => {
    const safeValue = fc.oneof(fc.string({ unit: fc.constantFrom(...UNRESERVED_CHARACTERS), maxLength: 30 }), fc.integer());
    fc.assert(
      fc.property(plainKeyCredentials, requestArbitrary(safeValue), clockArbitrary, (credentials, request, now) => {
        vi.setSystemTime(now);
        const expected = officialPusher(credentials.key, credentials.secret).createSignedQueryString(request);
        expect(signRequest(credentials, request)).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("percent-encodes values that need it: decoded they are the raw values, and the signature is the official one", () => {
    const anyValue = fc.oneof(unicodeStringArbitrary, fc.array(unicodeStringArbitrary, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(credentialsArbitrary, requestArbitrary(anyValue), clockArbitrary, (credentials, request, now) => {
        vi.setSystemTime(now);
        const expected = officialPusher(credentials.key, credentials.secret).createSignedQueryString(request);
        const decoded = new URLSearchParams(signRequest(credentials, request));

        for (const [key, value] of Object.entries(request.params)) {
          expect(decoded.getAll(key)).toEqual([Array.isArray(value) ? value.join(",") : value]);
        }
        expect(decoded.get("auth_key")).toBe(credentials.key);
        expect(decoded.get("auth_timestamp")).toBe(String(Math.floor(now / 1000)));
        expect(decoded.get("auth_signature")).toBe(/&auth_signature=([0-9a-f]{64})$/.exec(expected)?.[1]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("encryptPayload and decryptPayload, against the official SDK's tweetnacl secretbox", () => {
  const encryptedChannel = channelNameArbitrary.map((name) => `private-encrypted-${name}`.slice(0, 164));

  it("encryptPayload with a given nonce equals tweetnacl's secretbox, and decryptPayload reverses it", () => {
    fc.assert(
      fc.property(
        masterKeyArbitrary,
        encryptedChannel,
        unicodeStringArbitrary,
        fc.uint8Array({ minLength: 24, maxLength: 24 }),
        (masterKey, channel, plaintext, nonce) => {
          const official = officialPusher("key", "secret", bytesToBase64(masterKey));
          const expected = officialEncrypt(official, channel, plaintext, nonce);
          expect(encryptPayload(channel, plaintext, masterKey, nonce)).toBe(expected);
          expect(decryptPayload(channel, expected, masterKey)).toBe(plaintext);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
