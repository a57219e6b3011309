// `pnpm demo -- --cluster` as two people meet it: the demo on two soketi nodes over Redis, each
// browser on a different node, and the chat, the presence list and the typing notices crossing
// from one node to the other.
import { skipClusterTests } from "tools-test-support";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/start-demo.ts";
import { launchChromium, skipBrowserTests } from "./support/chromium.ts";

// In CI a missing Chromium or redis-server is a failure (.ci/run installs both); locally, a skip.
describe.skipIf(skipBrowserTests() || skipClusterTests())("the demo on a two-node cluster, in headless Chromium", () => {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    demo = await startDemo({ port: 0, clusterNodes: 2 });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function join(name: string): Promise<{ context: BrowserContext; page: Page; node: string }> {
    const context = await browser!.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${name}: ${error.message}`));
    await page.goto(demo!.url);
    await page.fill("#name", name);
    await page.click("#join-form button");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent === "connected");
    return { context, page, node: (await page.textContent("#node")) ?? "" };
  }

  function waitForText(page: Page, selector: string, expected: string) {
    return page.waitForFunction(
      ([where, text]) => [...document.querySelectorAll(where)].some((node) => node.textContent?.startsWith(text) === true),
      [selector, expected] as const,
    );
  }

  it("two users on different nodes see each other, and their messages cross the cluster", async () => {
    const [first, second] = demo!.localPusher!.nodes;
    const alice = await join("Alice");
    const bob = await join("Bob");

    // Each page says which node it is on: the demo hands the nodes out in turn.
    expect(alice.node).toBe(` on node 1 of 2 (port ${first!.config.port})`);
    expect(bob.node).toBe(` on node 2 of 2 (port ${second!.config.port})`);

    await waitForText(alice.page, "#members li", "Bob");
    await waitForText(bob.page, "#members li", "Alice");
    await alice.page.fill("#message-text", "Hello from node 1");
    await alice.page.click("#message-form button");
    await waitForText(bob.page, "#messages .text", "Hello from node 1");
    await bob.page.fill("#message-text", "Hi from node 2");
    await bob.page.click("#message-form button");
    await waitForText(alice.page, "#messages .text", "Hi from node 2");
    // The typing notice is a client event: it goes from Bob's node to Alice's through Redis.
    await bob.page.fill("#message-text", "typing…");
    await waitForText(alice.page, "#typing", "Bob is typing");

    await bob.context.close();
    await alice.page.waitForFunction(
      () => ![...document.querySelectorAll("#members li")].some((node) => node.textContent?.startsWith("Bob")),
    );
    expect(pageErrors).toEqual([]);
    await alice.context.close();
  });
});
