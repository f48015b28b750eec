// Typed stand-ins for the pages' dependencies, shared by the unit tests.
import { vi } from 'vitest';
import type { Request, Responses, sendRequest } from '@/lib/protocol/messages';

/** What the fake background answers, per request type. */
type SendAnswers = { [K in Request['type']]?: (request: Extract<Request, { type: K }>) => Responses[K] | Promise<Responses[K]> };
type Answer<R extends Request> = (request: R) => Responses[R['type']] | Promise<Responses[R['type']]>;

/** A stand-in for sendRequest: answers the request types given, and rejects any other, as a background without that handler would. */
export function fakeSend(answers: SendAnswers): typeof sendRequest {
  return async <R extends Request>(request: R): Promise<Responses[R['type']]> => {
    // The answer for the request's own type (TypeScript cannot tie the two together through the mapped type).
    const answer = answers[request.type] as Answer<R> | undefined;
    if (!answer) throw new Error(`The fake background has no answer for ${request.type}`);
    return answer(request);
  };
}

/** A background for which every view is fresh: asked for one, it fetches nothing. */
export const freshViewsSend = () => fakeSend({ fetchView: async () => ({ status: 'fresh' }) });

/** fakeSend that records each request, in order (`requests`) and as a mock to assert on (`sent`). */
export function recordingSend(answers: SendAnswers) {
  const requests: Request[] = [];
  const sent = vi.fn((request: Request) => void requests.push(request));
  const answer = fakeSend(answers);
  const send: typeof sendRequest = (request) => (sent(request), answer(request));
  return { send, sent, requests };
}
