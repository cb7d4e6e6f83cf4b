import { runScaffoldCli } from "@/lib/scaffolder/cli";

// `npm run scaffold -- dry-run <template-dir> --values values.json [--out dir]`
runScaffoldCli(process.argv.slice(2), {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
}).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  },
);
