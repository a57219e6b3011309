// The public API of @x/signing; what the other @x packages share beyond it is in internal.ts.
export { signChannelAuth, signUserAuth } from "./auth-signatures.js";
export { decodeMasterKey, decryptPayload, deriveSharedSecret, encryptPayload } from "./encrypted-channels.js";
export { verifyHmacSignature } from "./hmac.js";
export type { RequestToSign } from "./sign-request.js";
export { signRequest } from "./sign-request.js";
