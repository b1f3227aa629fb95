// A stand-in for login.botframework.com on 127.0.0.1: an OpenID metadata document and the key set
// it points to, listing one RSA key the test signs channel tokens with. With BotOpenIdMetadata set
// to `metadataUrl`, the bot verifies signatures against this key and never needs the network.
import crypto from 'crypto';
import http from 'http';
import type net from 'net';

export interface KeyServer {
  metadataUrl: string;
  /** The key id the served key set lists. */
  kid: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** A JWT with `claims`, signed with the served key (or with `key`, a forger's), naming `kid`. */
  sign(claims: object, key?: crypto.KeyObject): string;
  stop(): Promise<void>;
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export async function startKeyServer(kid = 'hanna-test-key'): Promise<KeyServer> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const requests: string[] = [];
  let base = '';
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const body =
      req.url === '/v1/.well-known/openidconfiguration'
        ? { issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/.well-known/keys` }
        : req.url === '/v1/.well-known/keys'
          ? // As Microsoft's keys do, the key names the channels it may sign for.
            { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['test', 'msteams'] }] }
          : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    kid,
    requests,
    sign(claims, key = privateKey) {
      const head = `${b64({ alg: 'RS256', typ: 'JWT', kid, x5t: kid })}.${b64(claims)}`;
      return `${head}.${crypto.sign('sha256', Buffer.from(head), key).toString('base64url')}`;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The Agents SDK has no setting for where Bot Framework's signing keys are: for tokens issued by
 * api.botframework.com it always asks https://login.botframework.com/v1/.well-known/keys. In tests that
 * request is answered by the key server instead (a network stub), so no test reaches the internet
 * and the SDK checks signatures against a key the test controls. Returns the function that undoes it.
 */
export function answerBotFrameworkKeysFrom(keys: KeyServer): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const https = require('https') as typeof import('https');
  const local = new URL(keys.metadataUrl);
  const original = https.request;
  const stub = ((...args: unknown[]) => {
    const options = args[0] as { hostname?: string; path?: string } | string | URL;
    if (typeof options === 'object' && !(options instanceof URL) && options.hostname === 'login.botframework.com') {
      return http.request({ ...options, protocol: 'http:', hostname: local.hostname, port: local.port, agent: undefined }, args[1] as never);
    }
    return (original as (...a: unknown[]) => ReturnType<typeof https.request>)(...args);
  }) as typeof https.request;
  https.request = stub;
  return () => {
    https.request = original;
  };
}
