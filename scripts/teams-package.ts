// `npm run teams:package`: writes dist/hanna-teams.zip, the app package to upload to Teams
// (Apps > Manage your apps > Upload an app, or the Teams admin centre). Reads MicrosoftAppId
// and PUBLIC_URL (and optionally WIDGET_TITLE, WIDGET_COLOR, TEAMS_APP_ID, TEAMS_DEVELOPER_NAME,
// TEAMS_PRIVACY_URL, TEAMS_TERMS_URL) from the environment or .env.
import fs from 'fs';
import path from 'path';
import { loadDotEnv } from '../bot/config';
import { buildTeamsPackage } from './teams/package';

const ROOT = path.resolve(__dirname, '..');

function main(): number {
  loadDotEnv(ROOT);
  let zip: Buffer;
  try {
    zip = buildTeamsPackage(process.env);
  } catch (err) {
    // ManifestError and ConfigError say what is wrong and where to set it.
    console.error(`teams:package: ${(err as Error).message}`);
    console.error('  Set MicrosoftAppId (the Azure Bot app id) and PUBLIC_URL (https://...) in .env or the environment.');
    return 1;
  }
  const out = path.join(ROOT, 'dist', 'hanna-teams.zip');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip);
  console.log(`teams:package: wrote ${path.relative(process.cwd(), out)} (${zip.length} bytes); upload it in Teams: Apps > Manage your apps > Upload an app`);
  return 0;
}

process.exitCode = main();
