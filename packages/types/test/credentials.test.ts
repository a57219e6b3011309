import { describe, expect, it } from "vitest";
import { validateKeyCredentials, validateMasterKeyBase64 } from "../src/internal.js";
import { expectConfigError } from "./support/expect-error.js";

const SECRET = "do-not-echo-this-secret";

describe("validateKeyCredentials(credentials)", () => {
  it("accepts a non-empty key and secret", () => {
    expect(() => validateKeyCredentials({ key: "k", secret: "s" })).not.toThrow();
  });

  it.each([null, undefined, "key:secret", 1])("rejects %j, naming the credentials", (credentials) => {
    expectConfigError(() => validateKeyCredentials(credentials), "credentials");
  });

  it("rejects credentials whose getter or Proxy trap throws, naming the credentials and not echoing the secret", () => {
    const getter = Object.defineProperty({ key: "k" }, "secret", {
      get() {
        throw new Error(`cannot read ${SECRET}`);
      },
    });
    const proxy = new Proxy(
      { key: "k", secret: SECRET },
      {
        get() {
          throw new Error(`cannot read ${SECRET}`);
        },
      },
    );
    for (const credentials of [getter, proxy]) {
      const error = expectConfigError(() => validateKeyCredentials(credentials), "credentials");
      expect(`${error.message}${JSON.stringify(error)}`).not.toContain(SECRET);
    }
  });

  it.each([{ secret: SECRET }, { key: "", secret: SECRET }, { key: 1, secret: SECRET }])(
    "rejects %j, naming the key and not echoing the secret",
    (credentials) => {
      const error = expectConfigError(() => validateKeyCredentials(credentials), "key");
      expect(error.message).toBe("key must be a non-empty string (the app key)");
      expect(JSON.stringify(error)).not.toContain(SECRET);
    },
  );

  it.each([{ key: "k" }, { key: "k", secret: "" }, { key: "k", secret: 12345 }])("rejects %j, naming the secret", (credentials) => {
    const error = expectConfigError(() => validateKeyCredentials(credentials), "secret");
    expect(error.message).toBe("secret must be a non-empty string (the app secret)");
  });
});

describe("validateMasterKeyBase64(value, option?)", () => {
  it("accepts padded base64 of exactly 32 bytes (docs/protocol.md §5)", () => {
    expect(() => validateMasterKeyBase64("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=")).not.toThrow();
  });

  it.each([
    ["31 bytes", "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA=="],
    ["33 bytes", "dGhpcyBpcyAzMyBieXRlcyAxMjM0NTY3ODkwMTIzNDU2"],
    ["not base64", "dGhpcyBpcyA!MiBieXRlcyAxMjM0NTY3OD#wMTIzNDU="],
    ["unpadded 32 bytes", "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU"],
    ["URL-safe alphabet", "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzND-="],
    ["surrounding space", " dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU="],
    ["empty", ""],
  ])("rejects %s, naming the option and never echoing the key", (_reason, value) => {
    const error = expectConfigError(() => validateMasterKeyBase64(value), "encryptionMasterKeyBase64");
    expect(error.message).toContain("exactly 32 bytes");
    if (value !== "") expect(`${error.message}${JSON.stringify(error)}`).not.toContain(value.trim());
  });

  it.each([undefined, null, 32])("rejects the non-string %j", (value) => {
    expectConfigError(() => validateMasterKeyBase64(value), "encryptionMasterKeyBase64");
  });

  it("names the given option", () => {
    expectConfigError(() => validateMasterKeyBase64("x", "PUSHER_ENCRYPTION_MASTER_KEY_BASE64"), "PUSHER_ENCRYPTION_MASTER_KEY_BASE64");
  });
});
