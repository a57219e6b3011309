export type { AuthCredentials } from "./auth-credentials.js";
export type {
  AuthHandlerOptions,
  AuthRequestParams,
  ChannelAuthorizationContext,
  ChannelAuthorizationDecision,
  UserAuthenticationContext,
  UserAuthenticationDecision,
} from "./auth-handler-options.js";
export type { UserAuthenticationParams } from "./authenticate-user.js";
export { authenticateUser } from "./authenticate-user.js";
export type { ChannelAuthorizationParams } from "./authorize-channel.js";
export { authorizeChannel } from "./authorize-channel.js";
export { createAuthHandler } from "./create-auth-handler.js";
// The shared vocabulary (errors and their guards, wire and result types, the Node.js adapter).
export * from "@x/types";
