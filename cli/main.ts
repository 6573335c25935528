// LoanGuard command line: the extension's own detection code over saved pages and values.
//   scan FILE... [--url URL]                                   one JSON line per file
//   validate --kind national-id|phone|bank-card [--country CC] one JSON line per stdin line
// Errors that stop the whole run: one line on stderr, exit 2. Errors in one file or line: a JSON
// error for it, the run goes on, exit 1 at the end. Never a stack trace.
import { CliError, parseArgs } from './args';

const USAGE = `usage: loanguard scan FILE... [--url URL]
       loanguard validate --kind national-id|phone|bank-card [--country CC] < values.txt`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Each command loads only its own code: validate never pays for the HTML parser.
    case 'scan':
      return (await import('./scan')).runScan(parseArgs(rest, ['url']));
    case 'validate':
      return (await import('./validate')).runValidate(parseArgs(rest, ['kind', 'country']));
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`loanguard: ${message}\n`);
    process.exitCode = 2;
  },
);
