import type { Server } from "node:http";

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("an HTTP server has no port"));
      else resolve(address.port);
    });
  });
}

/**
 * Makes `server` listen on `127.0.0.1:port` and resolves with the port it got. A port already in
 * use is not an error: the server then listens on a free port the system picks, so a second demo
 * (or anything else on port 3000) does not stop this one from starting. Port `0` asks for a free
 * port directly.
 *
 * @example
 * ```ts
 * const port = await listenOnLoopback(createServer(listener), 3000); // 3000, or another if taken
 * ```
 */
export async function listenOnLoopback(server: Server, port: number): Promise<number> {
  try {
    return await listen(server, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw error;
    return listen(server, 0);
  }
}
