// A TypeScript user of @x/auth. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import { authenticateUser, authorizeChannel, createAuthHandler, type AuthHandlerOptions } from "@x/auth";

const credentials = { key: "key", secret: "secret" };
export const privateAuth: { auth: string } = authorizeChannel(credentials, { socketId: "1.1", channelName: "private-orders" });
export const presence = authorizeChannel(credentials, {
  socketId: "1.1",
  channelName: "presence-room",
  presenceData: { user_id: "42", user_info: { name: "Ada" } },
});
export const channelData: string | undefined = presence.channel_data;
export const user: { auth: string; user_data: string } = authenticateUser(credentials, { socketId: "1.1", userData: { id: "42" } });

const options: AuthHandlerOptions = {
  ...credentials,
  onChannelAuthorization: async ({ channelName, request }) => {
    await Promise.resolve(request.headers.get("cookie"));
    return channelName.startsWith("presence-") ? { presenceData: { user_id: "42" } } : true;
  },
};
export const handler: (request: Request) => Promise<Response> = createAuthHandler(options);

// @ts-expect-error: the socket id is a string
authorizeChannel(credentials, { socketId: 1.1, channelName: "private-orders" });
