// A Node agent whose connections fail at once, for tests that need to know where a request was
// going (scheme, host, port, path) without any network: the request fails before a byte is
// sent, and the error names its URL. Works with the official package (node-fetch takes an
// `agent`) and with `@x/server/compat` (which passes it to @x/rest's Node transport).
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { Socket } from "node:net";

function refusedSocket(): Socket {
  const socket = new Socket();
  setImmediate(() => socket.destroy(Object.assign(new Error("refused by the test"), { code: "ECONNREFUSED" })));
  return socket;
}

class RefusingHttpAgent extends HttpAgent {
  override createConnection(): Socket {
    return refusedSocket();
  }
}

class RefusingHttpsAgent extends HttpsAgent {
  override createConnection(): Socket {
    return refusedSocket();
  }
}

/** An agent of the given scheme that refuses every connection. */
export function refusingAgent(scheme: "http" | "https"): HttpAgent {
  return scheme === "https" ? new RefusingHttpsAgent() : new RefusingHttpAgent();
}
