import { meetingCommands } from "./meeting.command";
import { richMenuCommands } from "./richmenu.command";
import { sayCommands } from "./say.command";
import { officerCommands } from "./officer.command";

// The admin commands of `npm run cli -- <command> [args]`, one table. Add a command by
// spreading its module's table here; each module keeps its own parsing and I/O.

export interface CliCommand {
  /** One line for the usage list. */
  summary: string;
  /** Runs with the words after the command name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

export const CLI_COMMANDS: Readonly<Record<string, CliCommand>> = {
  ...richMenuCommands,
  ...meetingCommands,
  ...sayCommands,
  ...officerCommands,
};
