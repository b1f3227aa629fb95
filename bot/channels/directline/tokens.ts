// Direct Line tokens: compact JWTs (HS256) that bind one conversation to one server-assigned
// user. The page holds no secret; whoever has a token can use that conversation only, and
// only until it expires. Web Chat reads the `user` claim as its own user id.
import crypto from 'crypto';

export interface TokenClaims {
  /** Conversation id. */
  conv: string;
  /** Server-assigned user id (`dl_` prefix: Web Chat then trusts it from the token only). */
  user: string;
  iat: number;
  exp: number;
  /** When the first token of this conversation was issued: refreshed tokens keep it, and expire ABSOLUTE_LIFETIME_SECONDS after it. */
  born: number;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export function randomId(prefix = '', bytes = 16): string {
  return prefix + crypto.randomBytes(bytes).toString('base64url');
}

export class TokenIssuer {
  /** However often it is refreshed, a conversation's token stops working this long after the first was issued. */
  static readonly ABSOLUTE_LIFETIME_SECONDS = 24 * 60 * 60;
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly ttlSeconds = 30 * 60,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // An empty secret would make tokens forgeable: use a random per-process key instead.
    this.key = secret ? Buffer.from(secret, 'utf8') : crypto.randomBytes(32);
  }

  /** A token for a conversation; `born` (default now) is when its first token was issued. */
  issue(conv: string, user: string, born?: number): { token: string; expiresIn: number } {
    const iat = Math.floor(this.clock().getTime() / 1000);
    const start = born ?? iat;
    const exp = Math.min(iat + this.ttlSeconds, start + TokenIssuer.ABSOLUTE_LIFETIME_SECONDS);
    const payload = b64url(JSON.stringify({ conv, user, iat, exp, born: start } satisfies TokenClaims));
    return { token: `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`, expiresIn: Math.max(0, exp - iat) };
  }

  /** A fresh token for the same conversation, no longer-lived than the first one's absolute lifetime. */
  refresh(claims: TokenClaims): { token: string; expiresIn: number } {
    return this.issue(claims.conv, claims.user, claims.born);
  }

  verify(token: string): VerifyResult {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (typeof claims.conv !== 'string' || typeof claims.user !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
    // Tokens from before `born` existed count from their own issue time.
    if (typeof claims.born !== 'number') claims.born = typeof claims.iat === 'number' ? claims.iat : 0;
    const now = this.clock().getTime();
    if (claims.exp * 1000 <= now || (claims.born + TokenIssuer.ABSOLUTE_LIFETIME_SECONDS) * 1000 <= now) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private sign(data: string): string {
    return crypto.createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

/** The token of an `Authorization: Bearer ...` header, if any. */
export function bearer(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return m ? m[1] : null;
}
