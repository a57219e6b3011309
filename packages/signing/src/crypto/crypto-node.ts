// The `#crypto` implementation chosen by the "node" export condition (Node, Bun, Deno): a
// static import of `node:crypto`, so a Node bundle carries no pure-JS hash code at all.
import * as nodeCrypto from "node:crypto";
import { createNodeCrypto } from "./node-crypto.js";

/** The crypto of this runtime. */
export const runtimeCrypto = createNodeCrypto(nodeCrypto);
