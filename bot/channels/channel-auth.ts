// Checks shared by the SDK shells on /api/messages: a local shape check of the bearer token (no
// network call for unsigned or non-RSA tokens), a time limit on verification, and the one error
// that means "answer 401".
export class Unauthorized extends Error {}

/** Bot Framework and Entra ID sign channel tokens with RSA; both SDKs accept only these. */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
export const AUTH_TIMEOUT_MS = 5000;

/** Why a bearer header cannot be a channel token, or null if it has the right shape. */
export function tokenShapeProblem(header: string): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!m) return 'not a signed bearer JWT';
  let alg: unknown;
  try {
    alg = (JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  } catch {
    return 'unreadable token header';
  }
  return typeof alg === 'string' && ALGORITHMS.has(alg) ? null : `algorithm ${typeof alg === 'string' ? alg.slice(0, 10) : 'missing'} not accepted`;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unauthorized(`token could not be verified within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** With an app id, a request must carry a bearer JWT of the right shape before any key is fetched. */
export function requireTokenShape(header: string): void {
  if (!header) throw new Unauthorized('no Authorization header');
  const problem = tokenShapeProblem(header);
  if (problem) throw new Unauthorized(problem);
}
