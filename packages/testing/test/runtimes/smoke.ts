// Run by runtimes.test.ts under Bun and Deno: start the fake, send one signed trigger, close.
import { createHash, createHmac } from "node:crypto";
import { startFakePusher } from "../../src/index.js";

const fake = await startFakePusher();
const body = JSON.stringify({ name: "ping", data: "{}", channel: "runtime" });
const path = `/apps/${fake.config.appId}/events`;
const query: Record<string, string> = {
  auth_key: fake.config.key,
  auth_timestamp: String(Math.floor(Date.now() / 1000)),
  auth_version: "1.0",
  body_md5: createHash("md5").update(body).digest("hex"),
};
const stringToSign = `POST\n${path}\n${Object.keys(query).sort().map((name) => `${name}=${query[name]}`).join("&")}`;
query.auth_signature = createHmac("sha256", fake.config.secret).update(stringToSign).digest("hex");
const response = await fetch(`http://127.0.0.1:${fake.config.port}${path}?${new URLSearchParams(query).toString()}`, { method: "POST", body });
const answer = await response.text();
const event = await fake.waitForEvent({ channel: "runtime", name: "ping" }, { timeoutMs: 5_000 });
await fake.close();
console.log(JSON.stringify({ status: response.status, answer, event: event.name }));
