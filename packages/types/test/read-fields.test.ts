import { describe, expect, it } from "vitest";
import { readField, readFields, readObject } from "../src/internal.js";
import { withPollutedPrototype } from "./support/polluted-prototype.js";

describe("readFields(value, keys)", () => {
  it("copies the named properties, own or inherited, into a plain object, and nothing else", () => {
    const value = Object.assign(Object.create({ inherited: 2 }) as object, { own: 1, other: 3 });
    const fields = readFields(value, ["own", "inherited", "missing"]);
    expect(fields).toEqual({ own: 1, inherited: 2, missing: undefined });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it("reads each property exactly once", () => {
    let reads = 0;
    const value = Object.defineProperty({}, "key", { get: () => ++reads });
    expect(readFields(value, ["key"])).toEqual({ key: 1 });
    expect(reads).toBe(1);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "key"],
    ["a number", 42],
    ["a boolean", true],
    ["a symbol", Symbol("x")],
    ["a function", () => ({ key: 1 })],
  ])("answers undefined for %s, which is not an object", (_, value) => {
    expect(readFields(value, ["key"])).toBeUndefined();
  });

  it("answers undefined when a getter or a Proxy trap throws", () => {
    const getter = Object.defineProperty({}, "key", {
      get: () => {
        throw new Error("boom");
      },
    });
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
      },
    );
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const value of [getter, proxy, revoked]) expect(readFields(value, ["key"])).toBeUndefined();
  });

  it("reads arrays and class instances as the objects they are", () => {
    expect(readFields(["a", "b"], ["length"])).toEqual({ length: 2 });
    class Credentials {
      readonly key = "k";
      get secret(): string {
        return "s";
      }
    }
    expect(readFields(new Credentials(), ["key", "secret"])).toEqual({ key: "k", secret: "s" });
  });

  it("takes nothing planted on Object.prototype, but still reads what the object or its class has", async () => {
    class Options {
      get onUserAuthentication(): string {
        return "the class's own";
      }
    }
    await withPollutedPrototype({ onUserAuthentication: "planted", host: "evil.example" }, () => {
      const fields = readFields({ key: "k" }, ["key", "onUserAuthentication", "host"]);
      expect(fields).toEqual({ key: "k", onUserAuthentication: undefined, host: undefined });
      // Set on the copy, so that the copy does not inherit the planted value either.
      expect(Object.hasOwn(fields as object, "host")).toBe(true);
      expect(readFields({ host: "api.example" }, ["host"])).toEqual({ host: "api.example" });
      expect(readFields(new Options(), ["onUserAuthentication"])).toEqual({ onUserAuthentication: undefined });
    });
    expect(readFields(new Options(), ["onUserAuthentication"])).toEqual({ onUserAuthentication: "the class's own" });
  });
});

describe("readField(value, key)", () => {
  it("reads a property as readFields reads it: own or inherited from a class, once", () => {
    let reads = 0;
    class Credentials {
      get secret(): string {
        reads++;
        return "s";
      }
    }
    expect(readField({ key: "k" }, "key")).toBe("k");
    expect(readField(new Credentials(), "secret")).toBe("s");
    expect(reads).toBe(1);
    expect(readField({}, "missing")).toBeUndefined();
  });

  it("takes nothing planted on Object.prototype, but still reads what the object has of its own", async () => {
    await withPollutedPrototype({ onUserAuthentication: "planted" }, () => {
      expect(readField({}, "onUserAuthentication")).toBeUndefined();
      expect(readField({ onUserAuthentication: "own" }, "onUserAuthentication")).toBe("own");
    });
  });

  it("throws what a getter or a Proxy trap throws (readFields turns that into undefined)", () => {
    const getter = Object.defineProperty({}, "key", {
      get: () => {
        throw new Error("boom");
      },
    });
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
      },
    );
    expect(() => readField(getter, "key")).toThrow("boom");
    expect(() => readField(proxy, "key")).toThrow("trap");
  });
});

describe("readObject(value, read)", () => {
  const readKey = (value: object) => ({ key: readField(value, "key") });

  it("answers what read builds from an object, and undefined for anything that is not one", () => {
    expect(readObject({ key: "k", other: 1 }, readKey)).toEqual({ key: "k" });
    for (const value of [null, undefined, "key", 42, true, 10n, Symbol("x"), () => ({ key: 1 })])
      expect(readObject(value, readKey)).toBeUndefined();
  });

  it("answers undefined when a getter or a Proxy trap throws", () => {
    const getter = Object.defineProperty({}, "key", {
      get: () => {
        throw new Error("boom");
      },
    });
    const proxy = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new TypeError("trap");
        },
      },
    );
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const value of [getter, proxy, revoked]) expect(readObject(value, readKey)).toBeUndefined();
  });
});
