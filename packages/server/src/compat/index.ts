// `@x/server/compat`: the class is the one export, as `pusher`'s `module.exports` is; the
// CommonJS build sets `module.exports` to it (tsdown's `cjsDefault`).
import { Pusher } from "./pusher.js";

export default Pusher;
