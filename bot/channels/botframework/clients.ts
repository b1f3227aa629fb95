// Reuse of botbuilder's outbound clients across turns. CloudAdapter builds a new ConnectorClient
// and UserTokenClient, each with its own HTTP pipeline and credentials, on every turn (13.5% of a
// turn under load, issue 15). Both are stateless between requests, so one per (app id, service
// URL, audience) serves every turn. The cache is bounded because in anonymous mode the caller
// chooses the service URL.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export const CLIENT_CACHE_SIZE = 100;

/** A least-recently-used map of pending or built values; a build that fails is forgotten. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, build: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = build();
    this.entries.set(key, made);
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return made;
  }
}

/** The app id botbuilder itself builds clients for: the audience claim (channels), else appid (Emulator). */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

export class CachingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly connectors = new BoundedCache<ConnectorClient>(CLIENT_CACHE_SIZE);
  readonly userTokenClients = new BoundedCache<UserTokenClient>(CLIENT_CACHE_SIZE);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.createConnectorFactory(result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.connectors.get(JSON.stringify([appId, serviceUrl, audience ?? '']), () => inner.create(serviceUrl, audience)),
    };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}
