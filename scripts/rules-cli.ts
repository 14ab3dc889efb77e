// npm run rules -- <determination-id> --as-of YYYY-MM-DD --facts <file.json>
// npm run rules -- --list
// Prints the determination (outcome, reasons, trace) as JSON on stdout.
// Exit codes: 0 done; 1 usage error (unknown id, bad arguments, unreadable file); 2 invalid facts (issues as JSON on
// stderr); 3 no rule in force on the date.
import { readFileSync } from 'node:fs';
import { FactsInvalid, InvalidLegalDate, NotInForce, determine } from '../rules/core/index.js';
import { allDeterminations, findDetermination } from '../rules/registry.js';

const USAGE = 'usage: npm run rules -- <determination-id> --as-of YYYY-MM-DD --facts <file.json>\n       npm run rules -- --list\n';

const fail = (code: number, text: string): never => {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  process.exit(code);
};

const option = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
};

const main = (args: string[]): void => {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (args.includes('--list')) {
    for (const d of allDeterminations()) process.stdout.write(`${d.id}\t${d.title.en}\n`);
    return;
  }
  const id = args.find((a, i) => !a.startsWith('--') && (i === 0 || !['--as-of', '--facts'].includes(args[i - 1] ?? '')));
  const asOf = option(args, '--as-of');
  const factsPath = option(args, '--facts');
  if (!id || !asOf || !factsPath) fail(1, USAGE);
  const determination = findDetermination(id!);
  if (!determination) fail(1, `Unknown determination "${id}". Known: ${allDeterminations().map((d) => d.id).join(', ')}`);

  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(factsPath!, 'utf8'));
  } catch (error) {
    fail(1, `Cannot read facts from ${factsPath}: ${error instanceof Error ? error.message : String(error)}`);
  }

  try {
    const result = determine(determination!, raw, asOf!);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    if (error instanceof FactsInvalid) fail(2, JSON.stringify({ error: 'FactsInvalid', determination: error.determinationId, issues: error.issues }, null, 2));
    if (error instanceof NotInForce) fail(3, JSON.stringify({ error: 'NotInForce', rule: error.ruleId, asOf: error.asOf, message: error.userMessage }, null, 2));
    if (error instanceof InvalidLegalDate) fail(1, `--as-of must be a calendar date YYYY-MM-DD: ${String(error.input)}`);
    throw error;
  }
};

main(process.argv.slice(2));
