import { describe, expect, it } from "vitest";
import { errorResponse, jsonResponse } from "../src/internal.js";

describe("jsonResponse(status, body, headers)", () => {
  it("answers the status with the body as JSON, never to be cached", async () => {
    const response = jsonResponse(201, { auth: "key:signature", n: [1, 2] });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe('{"auth":"key:signature","n":[1,2]}');
  });

  it("adds the extra headers it is given", () => {
    expect(jsonResponse(200, {}, { "x-extra": "1" }).headers.get("x-extra")).toBe("1");
  });
});

describe("errorResponse(status, message)", () => {
  it("answers { error: message } with the status and no Allow header", async () => {
    const response = errorResponse(400, "Bad Request: socket_id is missing");
    expect(response.status).toBe(400);
    expect(response.headers.get("allow")).toBeNull();
    expect(await response.json()).toEqual({ error: "Bad Request: socket_id is missing" });
  });

  it("names POST in the Allow header of a 405", () => {
    expect(errorResponse(405, "Method Not Allowed").headers.get("allow")).toBe("POST");
  });
});
