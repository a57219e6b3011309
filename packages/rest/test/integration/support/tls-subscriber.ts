// A pusher-js client over wss (run through tsx), in a process of its own so that NODE_EXTRA_CA_CERTS (read at
// start-up) can make it trust the test CA. argv: key, port, channel. It prints one JSON line
// when subscribed, then one per event received, and exits when its stdin closes.
import PusherJs from "pusher-js";

// pusher-js's types describe a CommonJS `exports.default`; its Node build is the class itself.
const Pusher = PusherJs as unknown as typeof PusherJs.default;

const [key = "", port = "", channel = ""] = process.argv.slice(2);
const pusher = new Pusher(key, {
  wsHost: "127.0.0.1",
  wssPort: Number(port),
  forceTLS: true,
  enabledTransports: ["ws"],
  cluster: "mt1",
  disableStats: true,
});
const subscription = pusher.subscribe(channel);
subscription.bind("pusher:subscription_succeeded", () => console.log(JSON.stringify({ subscribed: true })));
subscription.bind_global((event: string, data: unknown) => {
  if (!event.startsWith("pusher:")) console.log(JSON.stringify({ event, data }));
});
pusher.connection.bind("error", (error: { type?: string }) => console.log(JSON.stringify({ error: String(error.type) })));
process.stdin.resume();
process.stdin.on("end", () => {
  pusher.disconnect();
  process.exit(0);
});
