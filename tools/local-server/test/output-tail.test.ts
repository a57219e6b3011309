import { describe, expect, it } from "vitest";
import { OutputTail } from "../src/output-tail.ts";

describe("OutputTail", () => {
  it("text() keeps only the last maxLines non-blank lines, oldest first", () => {
    const tail = new OutputTail(2, []);
    for (const line of ["one", "", "two  ", "   ", "three"]) tail.push(line);
    expect(tail.text()).toBe("two\nthree");
  });

  it("text() replaces every occurrence of each secret", () => {
    const tail = new OutputTail(5, ["app-secret", "master-key"]);
    tail.push("secret: 'app-secret', again app-secret");
    tail.push("key master-key");
    expect(tail.text()).toBe("secret: '[redacted]', again [redacted]\nkey [redacted]");
  });

  it("text() says there was no output when no line was pushed", () => {
    expect(new OutputTail(5, [""]).text()).toBe("(no output)");
  });
});
