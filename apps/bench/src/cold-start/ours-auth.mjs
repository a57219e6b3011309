// Cold start (a) of @x/server: import the umbrella and sign one channel authorization, in a fresh
// process (bench-cold-start.ts runs this file with plain node, bun or deno, without a loader).
import { Pusher } from "@x/server";

const pusher = new Pusher({ appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" });
const { auth } = pusher.authenticate("private-bench", "1234.1234");
if (!auth.startsWith("278d425bdf160c739803:")) throw new Error("unexpected auth");
