import { readFileSync } from "node:fs";
import { isPusherConfigError, type PusherConfigError } from "@x/types";
import { describe, expect, it } from "vitest";
import { VERSION, createRestClient, type RestClientOptions } from "../src/index.js";
import { withPollutedPrototype } from "../../types/test/support/polluted-prototype.js";
import { fakeFetch } from "./support/fake-fetch.js";
import { MASTER_KEY_BASE64 } from "./support/protocol-vectors.js";

const VALID: RestClientOptions = { appId: "1", key: "k", secret: "top-secret-value" };

function configError(options: unknown): PusherConfigError {
  try {
    createRestClient(options as RestClientOptions);
  } catch (error) {
    expect(isPusherConfigError(error)).toBe(true);
    return error as PusherConfigError;
  }
  return expect.unreachable("createRestClient should have thrown");
}

describe("createRestClient(options)", () => {
  it.each<[string, Record<string, unknown>]>([
    ["appId", { appId: undefined }],
    ["appId", { appId: 123 }],
    ["appId", { appId: "a/b" }],
    ["appId", { appId: ".." }],
    ["appId", { appId: "." }],
    ["key", { key: "" }],
    ["secret", { secret: "" }],
    ["cluster", { cluster: "e u" }],
    ["host", { host: "https://api.example.com" }],
    ["host", { host: "api.example.com:443" }],
    ["port", { port: 0 }],
    ["port", { port: 65_536 }],
    ["useTLS", { useTLS: "yes" }],
    ["timeout", { timeout: 0 }],
    ["timeout", { timeout: 2_147_483_648 }],
    ["fetch", { fetch: "fetch" }],
    ["retry", { retry: true }],
    ["retry.limit", { retry: { limit: -1 } }],
    ["retry.methods", { retry: { methods: ["PUT"] } }],
    ["retry.backoffLimit", { retry: { backoffLimit: 1.5 } }],
    ["retry.maxRetryAfter", { retry: { maxRetryAfter: -1 } }],
    ["encryptionMasterKeyBase64", { encryptionMasterKeyBase64: "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA==" }],
    ["maxPayloadBytes", { maxPayloadBytes: 0 }],
    ["maxPayloadBytes", { maxPayloadBytes: true }],
    ["maxBatchSize", { maxBatchSize: 0 }],
    ["maxChannelsPerTrigger", { maxChannelsPerTrigger: 1.5 }],
  ])("throws a PusherConfigError naming %s for %j", (option, override) => {
    const error = configError({ ...VALID, ...override });

    expect(error.option).toBe(option);
    expect(error.code).toBe("invalid_config");
  });

  it("throws a PusherConfigError naming options when there are none", () => {
    expect(configError(undefined).option).toBe("options");
  });

  it("throws a PusherConfigError naming options when a getter or a Proxy trap of the options throws", () => {
    const getter = Object.defineProperty({ ...VALID }, "cluster", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    const boom = () => {
      throw new Error("boom");
    };
    // Every trap that reading a property may call.
    const proxy = new Proxy({ ...VALID }, { get: boom, getOwnPropertyDescriptor: boom, has: boom, ownKeys: boom });
    const getOnly = new Proxy({ ...VALID }, { get: boom });
    for (const options of [getter, proxy, getOnly]) expect(configError(options).option).toBe("options");
  });

  it("reads each option once: a getter cannot show the check one port and the client another", async () => {
    let reads = 0;
    const { fetch, requests } = fakeFetch();
    const options = Object.defineProperty({ ...VALID, useTLS: false, host: "127.0.0.1", fetch }, "port", {
      enumerable: true,
      get: () => (reads++ === 0 ? 6001 : "not a port"),
    });
    await createRestClient(options).channels();
    expect(reads).toBe(1);
    expect(requests[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:6001\//);
  });

  it("takes no option planted on Object.prototype: a polluted host or fetch is not used", async () => {
    const { fetch, requests } = fakeFetch();
    const planted = fakeFetch();
    await withPollutedPrototype({ host: "evil.example", fetch: planted.fetch, useTLS: false }, async () => {
      const client = createRestClient({ ...VALID, cluster: "eu", fetch });
      await client.channels();
    });
    expect(planted.requests).toHaveLength(0);
    expect(requests[0]?.url).toMatch(/^https:\/\/api-eu\.pusher\.com\//);
  });

  it("never echoes the secret or a bad master key in a config error", () => {
    const badKey = "dGhpcyBpcyAzMyBieXRlcyAxMjM0NTY3ODkwMTIzNDU2";
    const error = configError({ ...VALID, encryptionMasterKeyBase64: badKey });

    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(badKey);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(VALID.secret);
  });

  it("accepts every option at once", () => {
    const client = createRestClient({
      ...VALID,
      cluster: "eu",
      host: "api.example.com",
      port: 8443,
      useTLS: true,
      timeout: 5_000,
      fetch: globalThis.fetch,
      retry: { limit: 1, methods: ["GET", "POST"], backoffLimit: 100, maxRetryAfter: 1_000 },
      encryptionMasterKeyBase64: MASTER_KEY_BASE64,
      maxPayloadBytes: 100_000,
      maxBatchSize: 100,
      maxChannelsPerTrigger: 50,
      maxResponseBytes: 1_000_000,
    });

    expect(Object.keys(client).sort()).toEqual([
      "channel",
      "channels",
      "get",
      "post",
      "request",
      "sendToUser",
      "terminateUserConnections",
      "trigger",
      "triggerBatch",
      "users",
    ]);
  });

  it("VERSION, sent in X-Pusher-Library, equals the version in package.json", () => {
    const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

    expect(VERSION).toBe(packageJson.version);
  });
});
