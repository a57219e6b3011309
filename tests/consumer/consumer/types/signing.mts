// A TypeScript user of @x/signing. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import { signChannelAuth, signRequest, verifyHmacSignature } from "@x/signing";

const credentials = { key: "key", secret: "secret" };
export const auth: string = signChannelAuth(credentials, "1.1", "private-orders");
export const query: string = signRequest(credentials, { method: "POST", path: "/apps/1/events", body: "{}" });
export const valid: boolean = verifyHmacSignature("secret", "{}", "00");

// @ts-expect-error: the credentials need a secret
signChannelAuth({ key: "key" }, "1.1", "private-orders");
