// Triggers one event with @x/rest (run through tsx, from source) in a process of its own, whose
// environment is read at start-up (NODE_EXTRA_CA_CERTS to trust the test CA; NODE_USE_ENV_PROXY
// and HTTPS_PROXY for Node's own proxy support). argv: how ("env": the client's own agents;
// "proxy-agent": an HttpsProxyAgent to PROXY_URL), appId, key, secret, port, channel. Prints the
// outcome as one JSON line.
import { HttpsProxyAgent } from "https-proxy-agent";
import { createRestClient, isPusherError } from "../../../src/index.js";

const [how = "", appId = "", key = "", secret = "", port = "", channel = ""] = process.argv.slice(2);
const agent = how === "proxy-agent" ? new HttpsProxyAgent(process.env.PROXY_URL ?? "") : undefined;
const client = createRestClient({ appId, key, secret, host: "127.0.0.1", port: Number(port), useTLS: true, retry: false, agent });
try {
  await client.trigger(channel, "through-proxy", { how });
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  console.log(
    JSON.stringify(isPusherError(error) ? { ok: false, name: error.name, code: error.code, message: error.message } : { ok: false }),
  );
}
