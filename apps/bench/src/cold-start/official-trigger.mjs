// Cold start (b) of the official `pusher` package: the same job as ours-trigger.mjs, in a fresh process.
import process from "node:process";
import Pusher from "pusher";

const port = process.argv[2];
const pusher = new Pusher({
  appId: "3",
  key: "278d425bdf160c739803",
  secret: "7ad3773142a6692b25b8",
  host: "127.0.0.1",
  port,
  useTLS: false,
});
const response = await pusher.trigger("bench-channel", "bench-event", { message: "hello world", n: 42 });
if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
