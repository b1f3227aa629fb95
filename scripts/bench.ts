// `npm run bench [-- --quick]`: every performance figure the issues set targets for, each printed
// beside its target; exits 1 when a target is missed. --quick runs each load for 3 s instead of 15 s.
import { benchIntents } from './bench-intents';
import { benchBot, printChecks, type Check } from './bench-bot';
import { benchTextfile, printTextfile } from './bench-textfile';

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  console.log('== understanding ==');
  const intents = await benchIntents({ print: true, coldStarts: quick ? 1 : 3 });
  console.log('\n== bot (the npm start process, beside an empty botbuilder bot; method of ../shared/checks/perf) ==');
  const checks: Check[] = await benchBot({ quick });
  printChecks(checks);
  console.log('\n== contribution text file ==');
  const textfile = benchTextfile();
  printTextfile(textfile);
  const textfileOk = textfile.cliMs < 1000;
  const missed = [...(intents.ok ? [] : ['understanding']), ...checks.filter((c) => c.ok === false).map((c) => c.name), ...(textfileOk ? [] : ['textfile check'])];
  console.log(missed.length === 0 ? '\nall targets met' : `\nTARGET MISSED: ${missed.join('; ')}`);
  return missed.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
