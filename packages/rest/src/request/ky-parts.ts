// The parts of ky that @x/rest uses, and only those: loaded through this module, the chunk of ky
// built into the package (tsdown.config.ts) keeps no export that nothing calls.
export { default, isHTTPError, isNetworkError, isTimeoutError } from "ky";
