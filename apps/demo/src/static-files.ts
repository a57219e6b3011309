import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * A file the demo serves as it is: its body and its `Content-Type`.
 *
 * @example
 * ```ts
 * const file: StaticFile = { body: "<!doctype html>…", contentType: "text/html; charset=utf-8" };
 * ```
 */
export interface StaticFile {
  body: string;
  contentType: string;
}

const require = createRequire(import.meta.url);
const HTML = "text/html; charset=utf-8";
const JAVASCRIPT = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

// URL path → file. The page has no build step: these are the files as written, plus the browser
// build of pusher-js from the workspace's node_modules (no CDN: the demo works offline).
const FILES: Record<string, { path: string; contentType: string }> = {
  "/": { path: new URL("../public/index.html", import.meta.url).pathname, contentType: HTML },
  "/app.js": { path: new URL("../public/app.js", import.meta.url).pathname, contentType: JAVASCRIPT },
  "/style.css": { path: new URL("../public/style.css", import.meta.url).pathname, contentType: CSS },
  "/pusher-js/pusher.min.js": { path: require.resolve("pusher-js/dist/web/pusher.min.js"), contentType: JAVASCRIPT },
};

/**
 * Reads the page, its script and style, and pusher-js's browser build, keyed by the URL path
 * they are served at. Read once at start: they are small and do not change while the demo runs.
 *
 * @example
 * ```ts
 * const files = await loadStaticFiles();
 * files.get("/pusher-js/pusher.min.js")?.contentType; // "text/javascript; charset=utf-8"
 * ```
 */
export async function loadStaticFiles(): Promise<Map<string, StaticFile>> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([urlPath, { path, contentType }]) => {
      const file: StaticFile = { body: await readFile(path, "utf8"), contentType };
      return [urlPath, file] as const;
    }),
  );
  return new Map(entries);
}
