// `npm run bench`: every performance figure the issues set targets for, printed.
import { benchIntents } from './bench-intents';
import { benchBot } from './bench-bot';
import { benchTextfile, printTextfile } from './bench-textfile';

async function main(): Promise<void> {
  console.log('== understanding ==');
  await benchIntents({ print: true });
  console.log('\n== bot ==');
  await benchBot();
  console.log('\n== contribution text file ==');
  printTextfile(benchTextfile());
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
