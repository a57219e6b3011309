// The demo as a newcomer meets it: two people in two browsers (two Chromium contexts, so two
// cookie jars) join the chat, talk, watch the webhooks arrive, and one leaves.
import { mkdir } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../src/start-demo.ts";
import { launchChromium, skipBrowserTests } from "./support/chromium.ts";

const SCREENSHOT = new URL("../test-results/demo.png", import.meta.url).pathname;

describe.skipIf(skipBrowserTests())("the demo page in headless Chromium", () => {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    demo = await startDemo({ port: 0 });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function join(name: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${name}: ${error.message}`));
    await page.goto(demo!.url);
    await page.fill("#name", name);
    await page.click("#join-form button");
    await page.waitForSelector("#join-form", { state: "hidden" });
    return { context, page };
  }

  function waitForMembers(page: Page, names: string[]) {
    return page.waitForFunction((expected) => {
      const shown = [...document.querySelectorAll("#members li")].map((item) => item.textContent ?? "");
      return shown.length === expected.length && expected.every((name) => shown.some((text) => text.startsWith(name)));
    }, names);
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.fill("#message-text", text);
    await page.click("#message-form button");
  }

  function waitForMessage(page: Page, text: string) {
    return page.waitForFunction(
      (expected) => [...document.querySelectorAll("#messages .text")].some((node) => node.textContent === expected),
      text,
    );
  }

  function countMessages(page: Page, text: string): Promise<number> {
    return page.$$eval("#messages .text", (nodes, expected) => nodes.filter((node) => node.textContent === expected).length, text);
  }

  it("two users see each other online, chat without echoes, see the webhooks, and one leaving updates the other", async () => {
    const alice = await join("Alice");
    const bob = await join("Bob");
    await waitForMembers(alice.page, ["Alice (you)", "Bob"]);
    await waitForMembers(bob.page, ["Alice", "Bob (you)"]);

    await send(alice.page, "Hello from Alice");
    await waitForMessage(alice.page, "Hello from Alice");
    await waitForMessage(bob.page, "Hello from Alice");
    await send(bob.page, "Hi Alice, Bob here");
    await waitForMessage(alice.page, "Hi Alice, Bob here");
    await send(alice.page, "Bye for now");
    await waitForMessage(bob.page, "Bye for now");
    // One connection delivers in order: had Pusher echoed a message to its sender, the echo
    // would have arrived before the next message from the other side, which has arrived.
    expect(await countMessages(alice.page, "Hello from Alice")).toBe(1);
    expect(await countMessages(bob.page, "Hello from Alice")).toBe(1);
    expect(await countMessages(bob.page, "Hi Alice, Bob here")).toBe(1);
    expect(await countMessages(alice.page, "Hi Alice, Bob here")).toBe(1);

    // soketi posts webhooks to the demo, which forwards them to the page: the joins, and the
    // typing notices (client events) sent while the messages were typed.
    await alice.page.waitForSelector('#webhooks li[data-event="member_added"]');
    await alice.page.waitForSelector('#webhooks li[data-event="client_event"]');
    await alice.page.waitForFunction(() => document.querySelector("#state")?.textContent?.includes("presence-demo-chat"));
    await mkdir(new URL(".", `file://${SCREENSHOT}`).pathname, { recursive: true });
    await alice.page.screenshot({ path: SCREENSHOT, fullPage: true });

    await bob.context.close();
    // soketi notices the closed WebSocket and tells the channel's members: Bob leaves Alice's list.
    await waitForMembers(alice.page, ["Alice (you)"]);
    expect(pageErrors).toEqual([]);
    await alice.context.close();
  });
});
