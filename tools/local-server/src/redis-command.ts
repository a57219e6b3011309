import { connect } from "node:net";

/**
 * A Redis reply: a simple or bulk string, an integer, a nil, or an array of replies.
 *
 * @example
 * ```ts
 * const reply: RedisReply = ["x-local-cluster#redis-adapter#comms#req", 2]; // PUBSUB NUMSUB
 * ```
 */
export type RedisReply = string | number | null | RedisReply[];

class RedisErrorReply {
  constructor(readonly message: string) {}
}

type ParsedReply = RedisReply | RedisErrorReply;

interface Parsed {
  value: ParsedReply;
  next: number;
}

const CRLF = "\r\n";

// One RESP2 reply starting at `offset`, or undefined while more bytes are needed.
function parseReply(buffer: Buffer, offset: number): Parsed | undefined {
  const lineEnd = buffer.indexOf(CRLF, offset);
  if (lineEnd === -1) return undefined;
  const type = String.fromCharCode(buffer[offset] ?? 0);
  const line = buffer.toString("utf8", offset + 1, lineEnd);
  const afterLine = lineEnd + CRLF.length;
  switch (type) {
    case "+":
      return { value: line, next: afterLine };
    case "-":
      return { value: new RedisErrorReply(line), next: afterLine };
    case ":":
      return { value: Number(line), next: afterLine };
    case "$": {
      const length = Number(line);
      if (length < 0) return { value: null, next: afterLine };
      const end = afterLine + length;
      if (buffer.length < end + CRLF.length) return undefined;
      return { value: buffer.toString("utf8", afterLine, end), next: end + CRLF.length };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: null, next: afterLine };
      const items: RedisReply[] = [];
      let next = afterLine;
      for (let index = 0; index < count; index++) {
        const item = parseReply(buffer, next);
        if (item === undefined) return undefined;
        if (item.value instanceof RedisErrorReply) return item;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new Error(`not a Redis reply: ${JSON.stringify(buffer.toString("utf8", offset, lineEnd))}`);
  }
}

function encodeCommand(args: string[]): Buffer {
  const parts = [`*${args.length}${CRLF}`];
  for (const arg of args) parts.push(`$${Buffer.byteLength(arg)}${CRLF}${arg}${CRLF}`);
  return Buffer.from(parts.join(""), "utf8");
}

/**
 * Sends one command to the Redis server on a loopback port, over a connection of its own, and
 * resolves with the reply; an error reply rejects. A few lines of RESP rather than a client
 * library: the helper only asks Redis whether the nodes of a cluster have subscribed, and the
 * tests how it is configured.
 *
 * @example
 * ```ts
 * await redisCommand(cluster.redis.port, ["PING"]); // "PONG"
 * await redisCommand(cluster.redis.port, ["CONFIG", "GET", "save"]); // ["save", ""]
 * ```
 */
export function redisCommand(port: number, args: string[], timeoutMs = 5_000): Promise<RedisReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`redis ${args[0] ?? ""} got no reply within ${timeoutMs} ms`))),
      timeoutMs,
    );
    socket.on("connect", () => socket.write(encodeCommand(args)));
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      try {
        const parsed = parseReply(received, 0);
        if (parsed === undefined) return;
        const { value } = parsed;
        if (value instanceof RedisErrorReply) settle(() => reject(new Error(`redis ${args[0] ?? ""}: ${value.message}`)));
        else settle(() => resolve(value));
      } catch (error) {
        settle(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    });
    socket.on("error", (error) => settle(() => reject(error)));
    socket.on("close", () => settle(() => reject(new Error(`redis closed the connection before replying to ${args[0] ?? ""}`))));
  });
}
