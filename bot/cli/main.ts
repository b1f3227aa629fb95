// Command-line entry (each command loads only what it needs, so `quote` starts fast): `hanna serve | chat | classify --jsonl F | quote --jsonl F | textfile check|make | kb check | review export`.
import { readInput, mapLines } from './jsonl';

const USAGE = `usage: hanna <command>
  serve                     start the bot server (same as npm start)
  chat                      talk to the bot in this terminal (reads piped stdin too)
  classify --jsonl FILE|-   {"text": ...} per line -> intent, confidence, language
  quote --jsonl FILE|-      {"wage": ..., "age"?, "month"?, "foreign"?, "skbbk_opt_out"?} per line -> contributions
  quote --csv FILE|-        payroll CSV (name,wage,age,month,foreign,skbbk_opt_out,first_insured_age) -> a CSV line per worker and a totals line
  interest --jsonl FILE|-   {"amount", "month", "paid_on"} per line -> late-payment interest estimate (FCLB)
  textfile check [--jsonl] FILE|-                      check a SOCSO + EIS contribution text file
  textfile make --month YYYY-MM --employer CODE CSV|-  write a V2 text file from a payroll CSV
  kb check                  validate the knowledge base files and calculators/texts.yaml
  review export [--into DIR]  not-understood items labelled on /staff, as training lines (JSON per intent,
                            like intents/data/<intent>.json); --into intents/data appends them to the files`;

function optionValue(args: string[], option: string): string | null {
  const i = args.indexOf(option);
  if (i < 0 || i + 1 >= args.length) return null;
  return args[i + 1];
}

function jsonlSource(args: string[]): string | null {
  const i = args.indexOf('--jsonl');
  if (i < 0 || i + 1 >= args.length) return null;
  return args[i + 1];
}

async function writeLines(run: (write: (line: string) => void) => void): Promise<void> {
  const out: string[] = [];
  run((line) => out.push(line));
  if (out.length > 0) await new Promise<void>((resolve) => process.stdout.write(out.join('\n') + '\n', () => resolve()));
}

/** `hanna quote --csv FILE|-`: exit 0 when the payroll could be read, 2 when it could not. */
async function quoteCsvCommand(source: string): Promise<number> {
  let input: string;
  try {
    input = await readInput(source);
  } catch (err) {
    console.error(`hanna quote: cannot read ${source}: ${(err as Error).message}`);
    return 2;
  }
  const { quoteCsv, CsvInputError } = require('./quote-csv') as typeof import('./quote-csv');
  try {
    const out = quoteCsv(input, new Date());
    await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
    return 0;
  } catch (err) {
    if (!(err instanceof CsvInputError)) throw err;
    console.error(`hanna quote --csv: ${err.message}`);
    return 2;
  }
}

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'serve': {
      const { serve } = require('./serve') as typeof import('./serve');
      return serve();
    }
    case 'chat': {
      const { chat } = require('./chat') as typeof import('./chat');
      return chat();
    }
    case 'classify':
    case 'quote':
    case 'interest': {
      const csvSource = command === 'quote' ? optionValue(rest, '--csv') : null;
      if (csvSource) return quoteCsvCommand(csvSource);
      const source = jsonlSource(rest);
      if (!source) {
        console.error(`hanna ${command}: give --jsonl FILE or --jsonl - for stdin${command === 'quote' ? ' (or --csv FILE|- for a payroll)' : ''}\n\n${USAGE}`);
        return 2;
      }
      let input: string;
      try {
        input = await readInput(source);
      } catch (err) {
        console.error(`hanna ${command}: cannot read ${source}: ${(err as Error).message}`);
        return 2;
      }
      if (command === 'classify') {
        const { createUnderstander, classifyJsonLine } = require('../../intents') as typeof import('../../intents');
        const u = createUnderstander();
        await writeLines((write) => mapLines(input, (v) => classifyJsonLine(u, v), write));
      } else if (command === 'interest') {
        const { interestJsonLine } = require('./interest') as typeof import('./interest');
        await writeLines((write) => mapLines(input, interestJsonLine, write));
      } else {
        const { quoteJsonLine } = require('../../calculators') as typeof import('../../calculators');
        const now = new Date();
        await writeLines((write) => mapLines(input, (v) => quoteJsonLine(v, now), write));
      }
      return 0;
    }
    case 'textfile': {
      const { textfile } = require('./textfile') as typeof import('./textfile');
      return textfile(rest);
    }
    case 'review': {
      const { review } = require('./review') as typeof import('./review');
      return review(rest);
    }
    case 'kb': {
      if (rest[0] !== 'check') {
        console.error(USAGE);
        return 2;
      }
      const { checkKnowledgeBase } = require('../../knowledge') as typeof import('../../knowledge');
      // The calculators' sentences (calculators/texts.yaml) are support staff's to edit too: checked here as well.
      const { loadTexts } = require('../../calculators/texts') as typeof import('../../calculators/texts');
      const result = checkKnowledgeBase();
      // Every intent of the catalogue also needs training lines (the bot's start refuses it otherwise).
      if (result.ok) {
        const { loadTrainingData } = require('../../intents/training-data') as typeof import('../../intents/training-data');
        try {
          loadTrainingData();
        } catch (err) {
          console.error((err as Error).message);
          return 1;
        }
      }
      const texts = loadTexts();
      if (result.ok && texts.table) {
        console.log(`knowledge base OK: ${result.intents} intents; calculator texts OK`);
        return 0;
      }
      for (const e of [...result.errors, ...texts.problems]) console.error(e);
      return 1;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`hanna: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
