import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthHandler } from "../src/index.js";

// The README's recipe for Node: `@hono/node-server`'s getRequestListener turns the Web-standard
// handler into a `node:http` request listener (Express mounts the same listener).

const docs = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
let server: Server;
let endpoint: string;

beforeAll(async () => {
  const handler = createAuthHandler({
    ...docs,
    onChannelAuthorization: ({ request }) => request.headers.get("authorization") === "Bearer alice",
    onUserAuthentication: ({ request }) => (request.headers.get("authorization") === "Bearer alice" ? { id: "12345" } : false),
    maxBodyBytes: 1024,
  });
  // getRequestListener catches its own errors: the Promise it returns never rejects.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  server = createServer(getRequestListener(handler));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pusher/auth`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Bearer alice", ...headers },
    body,
  });
}

describe("createAuthHandler served by node:http through getRequestListener", () => {
  it("answers pusher-js's channel authorization form with 200 and the vector's auth", async () => {
    const response = await post("socket_id=1234.1234&channel_name=private-foobar");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      auth: "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
    });
  });

  it("answers pusher-js's user authentication form with 200, auth and user_data", async () => {
    const response = await post("socket_id=1234.1234");
    expect(await response.json()).toEqual({
      auth: "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba",
      user_data: '{"id":"12345"}',
    });
  });

  it("lets the application read the request's headers and answers 403 when it refuses", async () => {
    const response = await post("socket_id=1234.1234&channel_name=private-foobar", { authorization: "Bearer mallory" });
    expect(response.status).toBe(403);
  });

  it("answers GET with 405", async () => {
    expect((await fetch(endpoint)).status).toBe(405);
  });

  it("answers a chunked upload that grows past maxBodyBytes with 413", async () => {
    // node:http sends a body written in pieces with Transfer-Encoding: chunked, no Content-Length.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      // The server may stop reading and close the connection once it has answered.
      request.on("error", reject);
      request.write("socket_id=1.1&p=");
      request.end("x".repeat(4096));
    });
    expect(status).toBe(413);
  });
});
