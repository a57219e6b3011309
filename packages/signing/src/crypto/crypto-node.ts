// `#crypto` under the "node" condition (Node, Bun, Deno): a Node bundle carries no pure-JS hash code.
import * as nodeCrypto from "node:crypto";
import { nodeCryptoProvider } from "./crypto-provider.js";

/** The crypto of this runtime. */
export const runtimeCrypto = nodeCryptoProvider(nodeCrypto);
