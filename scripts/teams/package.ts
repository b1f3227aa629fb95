// Builds the Teams app package (manifest.json filled in for this bot, and the two icons) as a zip.
import fs from 'fs';
import path from 'path';
import { readConfig } from '../../bot/config';
import { fillManifest } from './manifest';
import { writeZip } from './zip';

const ROOT = path.resolve(__dirname, '..', '..');
const TEAMS = path.join(ROOT, 'teams');

export function buildTeamsPackage(env: NodeJS.ProcessEnv): Buffer {
  const config = readConfig(env);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = fillManifest(fs.readFileSync(path.join(TEAMS, 'manifest.json'), 'utf8'), {
    appId: config.appId,
    teamsAppId: (env.TEAMS_APP_ID ?? '').trim(),
    publicUrl: config.publicUrl,
    name: config.widgetTitle,
    accent: config.widgetColor,
    version: pkg.version,
    developer: (env.TEAMS_DEVELOPER_NAME ?? '').trim() || 'hanna-bot',
    privacyUrl: (env.TEAMS_PRIVACY_URL ?? '').trim(),
    termsUrl: (env.TEAMS_TERMS_URL ?? '').trim(),
  });
  return writeZip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') },
    { name: 'color.png', data: fs.readFileSync(path.join(TEAMS, 'color.png')) },
    { name: 'outline.png', data: fs.readFileSync(path.join(TEAMS, 'outline.png')) },
  ]);
}
