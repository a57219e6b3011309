/* global process */
// Preloaded into soketi (`node --require`): its stdin is a pipe from the process that started it,
// and the system closes that pipe when that process dies, however it dies (even SIGKILL, which
// leaves it no chance to stop its children). Then soketi has no one left to serve: it exits.
process.stdin.on("end", () => process.exit());
process.stdin.on("error", () => process.exit());
process.stdin.resume();
