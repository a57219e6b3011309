// The app every benchmark uses. The credentials are PROTOCOL.md's example app, never real ones.
export const APP = { appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" } as const;

/** The event every trigger benchmark sends: one channel, a small JSON payload. */
export const EVENT = { channel: "bench-channel", name: "bench-event", data: { message: "hello world", n: 42 } } as const;
