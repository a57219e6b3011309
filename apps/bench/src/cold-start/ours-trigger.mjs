// Cold start (b) of @x/server: import the umbrella and send one trigger to the benchmark's HTTP
// sink (its port is the first argument), in a fresh process that ends by itself once the answer
// is in (the keep-alive connection does not hold it open).
import process from "node:process";
import { Pusher } from "@x/server";

const port = Number(process.argv[2]);
const pusher = new Pusher({
  appId: "3",
  key: "278d425bdf160c739803",
  secret: "7ad3773142a6692b25b8",
  host: "127.0.0.1",
  port,
  useTLS: false,
});
await pusher.trigger("bench-channel", "bench-event", { message: "hello world", n: 42 });
