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
// The errors these functions throw and their guards, and the wire types the callbacks return,
// so that a service that installs @x/auth alone (pnpm's strict layout gives it no @x/types) can
// name them.
export {
  PusherConfigError,
  PusherError,
  PusherValidationError,
  isPusherConfigError,
  isPusherError,
  isPusherValidationError,
} from "@x/types";
// The Node.js adapter of the handler (node:http, Express, Fastify, Next.js pages API), so that a
// service with this package alone can mount it; unused, it adds nothing to a bundle.
export { toNodeHandler } from "@x/types";
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from "@x/types";
export type {
  ChannelAuthResponse,
  PresenceData,
  PusherErrorCode,
  UserAuthResponse,
  UserData,
  ValidationErrorCode,
} from "@x/types";
