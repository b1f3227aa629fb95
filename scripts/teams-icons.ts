// Redraws teams/color.png and teams/outline.png (run: node bin/run-ts.js scripts/teams-icons.ts [#rrggbb]).
// Replace them with your own artwork if you have it: 192x192 colour, 32x32 white-on-transparent outline.
import fs from 'fs';
import path from 'path';
import { colorIcon, outlineIcon } from './teams/icons';

const dir = path.resolve(__dirname, '..', 'teams');
const accent = process.argv[2] ?? '#005a70';
fs.writeFileSync(path.join(dir, 'color.png'), colorIcon(accent));
fs.writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
console.log(`wrote teams/color.png (${accent}) and teams/outline.png`);
