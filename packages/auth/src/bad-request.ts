import { errorResponse } from "@x/types/internal";

/** A 400 answer: `Bad Request: ` and what is wrong with the request. */
export function badRequest(problem: string): Response {
  return errorResponse(400, `Bad Request: ${problem}`);
}
