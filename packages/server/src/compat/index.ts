// `@x/server/compat`: the official `pusher` package's API. The class is the one export, as
// `pusher`'s `module.exports` is: the CommonJS build sets `module.exports` to it (tsdown's
// `cjsDefault`), so `require("@x/server/compat")` and `import Pusher from "@x/server/compat"`
// both give the class.
import { Pusher } from "./pusher-compat.js";

export default Pusher;
