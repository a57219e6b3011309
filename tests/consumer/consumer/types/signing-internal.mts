// What the @x packages share through @x/signing/internal, compiled from the installed tarball
// (strict) as an ES module (this file) and as CommonJS (a .cts copy).
import { channelAuthStringToSign, hmacSha256Hex, timingSafeEqualHex } from "@x/signing/internal";

export const signature: string = hmacSha256Hex("secret", channelAuthStringToSign("1.1", "private-orders"));
export const same: boolean = timingSafeEqualHex(signature, "00");

// @ts-expect-error: the message is a string or bytes
hmacSha256Hex("secret", 42);
