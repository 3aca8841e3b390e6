import "dotenv/config";
import { CLI_COMMANDS } from "./commands";

// `npm run cli -- <command> [args]`: looks the command up in commands.ts and runs it.
// Errors print one line (no stack) and exit 1, like a config error at boot.

function usage(): string {
  const width = Math.max(...Object.keys(CLI_COMMANDS).map((n) => n.length));
  const lines = Object.entries(CLI_COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ["usage: npm run cli -- <command> [args]", "", "commands:", ...lines].join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = CLI_COMMANDS[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  },
);
