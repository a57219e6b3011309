import { describe, expect, it } from "vitest";
import { apiEndpointFromEnv, browserConnection } from "../src/browser-connection.ts";

describe("browserConnection", () => {
  it("browserConnection(key, Pusher's API host) connects pusher-js to that host's cluster over TLS", () => {
    expect(browserConnection("key", { host: "api-eu.pusher.com", useTLS: true })).toEqual({ key: "key", cluster: "eu", forceTLS: true });
  });

  it("browserConnection(key, { cluster }) uses the cluster, and mt1 when none is given", () => {
    expect(browserConnection("key", { cluster: "ap1" })).toEqual({ key: "key", cluster: "ap1", forceTLS: true });
    expect(browserConnection("key", {})).toEqual({ key: "key", cluster: "mt1", forceTLS: true });
  });

  it("browserConnection(key, a self-hosted host) points pusher-js's WebSocket at that host and port", () => {
    expect(browserConnection("app-key", { host: "127.0.0.1", port: 6001, useTLS: false })).toEqual({
      key: "app-key",
      cluster: "mt1",
      forceTLS: false,
      wsHost: "127.0.0.1",
      wsPort: 6001,
      wssPort: 6001,
      enabledTransports: ["ws", "wss"],
      disableStats: true,
    });
  });

  it("browserConnection(key, a self-hosted host without a port) uses 443 with TLS and 80 without", () => {
    expect(browserConnection("k", { host: "ws.example.com" })).toMatchObject({ wsPort: 443, forceTLS: true });
    expect(browserConnection("k", { host: "ws.example.com", useTLS: false })).toMatchObject({ wsPort: 80, forceTLS: false });
  });
});

describe("apiEndpointFromEnv", () => {
  it("apiEndpointFromEnv({ PUSHER_URL }) takes the URL's host, port and scheme, never its credentials", () => {
    expect(apiEndpointFromEnv({ PUSHER_URL: "https://key:secret@api-eu.pusher.com/apps/123" })).toEqual({
      host: "api-eu.pusher.com",
      useTLS: true,
    });
    expect(apiEndpointFromEnv({ PUSHER_URL: "http://key:secret@127.0.0.1:6001/apps/1" })).toEqual({
      host: "127.0.0.1",
      port: 6001,
      useTLS: false,
    });
  });

  it("apiEndpointFromEnv(PUSHER_CLUSTER, PUSHER_HOST, PUSHER_PORT, PUSHER_USE_TLS) reads each variable that is set", () => {
    expect(apiEndpointFromEnv({ PUSHER_APP_ID: "1", PUSHER_CLUSTER: "eu" })).toEqual({ cluster: "eu" });
    expect(apiEndpointFromEnv({ PUSHER_HOST: "ws.example.com", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false" })).toEqual({
      host: "ws.example.com",
      port: 6001,
      useTLS: false,
    });
  });
});
