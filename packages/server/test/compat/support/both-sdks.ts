// The two implementations under comparison: the official `pusher` package (the oracle) and
// `@x/server/compat` (from its source), with the same constructor.
import { createRequire } from "node:module";
import Compat from "../../../src/compat/index.js";

const require = createRequire(import.meta.url);

/** The official package's class, typed as the compat one (their API is the same). */
export const Official = require("pusher") as typeof Compat;

export { Compat };

/** Both classes, for tests that run once with each. */
export const IMPLEMENTATIONS = [
  ["official pusher", Official],
  ["@x/server/compat", Compat],
] as const;

/** What calling `run` did: its value, or what it threw (class name and message). */
export type Outcome = { value: unknown } | { threw: { message: string } };

/** Runs `run`, catching what it throws, so two implementations' outcomes can be compared. */
export function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return { threw: { message: (error as Error).message } };
  }
}

/** Options as the official package takes them at run time (a numeric appId, no host…), typed for the constructor. */
export function asOptions(options: object): Compat.Options {
  return options as Compat.Options;
}
