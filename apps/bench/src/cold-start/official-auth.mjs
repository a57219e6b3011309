// Cold start (a) of the official `pusher` package: the same job as ours-auth.mjs, in a fresh process.
import Pusher from "pusher";

const pusher = new Pusher({ appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" });
const { auth } = pusher.authorizeChannel("1234.1234", "private-bench");
if (!auth.startsWith("278d425bdf160c739803:")) throw new Error("unexpected auth");
