// Fills teams/manifest.json (a template) for one bot registration and checks what Teams
// checks on upload: GUID ids, https URLs, name and description lengths, no placeholder left.

export interface ManifestValues {
  /** The Azure Bot's Microsoft App ID (a GUID): the bot id, and the Teams app id unless teamsAppId is set. */
  appId: string;
  teamsAppId?: string;
  /** The bot's public https base URL (where /api/messages is). */
  publicUrl: string;
  name: string;
  accent: string;
  version: string;
  developer: string;
  privacyUrl?: string;
  termsUrl?: string;
}

export class ManifestError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpsUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ManifestError(`${name} must be an https URL, got "${value}"`);
  }
  if (url.protocol !== 'https:') throw new ManifestError(`${name} must start with https:// (Teams only talks to https), got "${value}"`);
  return url;
}

export function fillManifest(template: string, v: ManifestValues): Record<string, unknown> {
  if (!GUID.test(v.appId)) throw new ManifestError(`MicrosoftAppId must be the Azure Bot's app id (a GUID), got "${v.appId}"`);
  const teamsAppId = v.teamsAppId || v.appId;
  if (!GUID.test(teamsAppId)) throw new ManifestError(`TEAMS_APP_ID must be a GUID, got "${teamsAppId}"`);
  const base = httpsUrl('PUBLIC_URL', v.publicUrl);
  const publicUrl = v.publicUrl.replace(/\/+$/, '');
  if (v.name.length === 0 || v.name.length > 30) throw new ManifestError(`the short name must be 1 to 30 characters (WIDGET_TITLE), got "${v.name}"`);
  if (!/^#[0-9a-fA-F]{6}$/.test(v.accent)) throw new ManifestError(`the accent colour must be #rrggbb, got "${v.accent}"`);
  if (!/^\d+\.\d+\.\d+$/.test(v.version)) throw new ManifestError(`the version must be n.n.n, got "${v.version}"`);
  const privacyUrl = v.privacyUrl || `${publicUrl}/`;
  const termsUrl = v.termsUrl || `${publicUrl}/`;
  httpsUrl('TEAMS_PRIVACY_URL', privacyUrl);
  httpsUrl('TEAMS_TERMS_URL', termsUrl);

  const values: Record<string, string> = {
    VERSION: v.version,
    APP_ID: teamsAppId,
    BOT_ID: v.appId,
    DEVELOPER: v.developer,
    PUBLIC_URL: publicUrl,
    PUBLIC_HOST: base.host,
    PRIVACY_URL: privacyUrl,
    TERMS_URL: termsUrl,
    NAME: v.name,
    ACCENT: v.accent.toUpperCase(),
  };
  // Substitute inside the parsed JSON (not the text), so no value can break the JSON.
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\{\{(\w+)\}\}/g, (m, key: string) => {
        if (!(key in values)) throw new ManifestError(`teams/manifest.json has an unknown placeholder ${m}`);
        return values[key];
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, val]) => [k, fill(val)]));
    return node;
  };
  const manifest = fill(JSON.parse(template)) as Record<string, unknown>;
  const description = manifest.description as { short: string; full: string };
  const name = manifest.name as { short: string; full: string };
  if (description.short.length > 80 || description.full.length > 4000 || name.full.length > 100) {
    throw new ManifestError('teams/manifest.json: description.short <= 80, description.full <= 4000 and name.full <= 100 characters');
  }
  return manifest;
}
