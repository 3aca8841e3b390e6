// Reads a password from a terminal without echoing it: raw mode, one key at a time,
// Backspace edits, Enter ends, Ctrl-C and Ctrl-D abort. Only for a TTY; a pipe is read whole.

export interface HiddenInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export class PromptAborted extends Error {}

export function readHiddenLine(prompt: string, input: HiddenInput, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = "";
    // Raw mode (no echo) before the prompt shows: an answer typed or pasted the moment
    // it appears must not be echoed by the terminal.
    input.setRawMode?.(true);
    output.write(prompt);
    input.resume();
    const finish = (err?: Error) => {
      input.removeListener("data", onData);
      input.setRawMode?.(false);
      input.pause();
      output.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === "string" ? chunk : chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || ch === "\u0004") return finish(new PromptAborted("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    input.on("data", onData);
  });
}

/** Asks twice, as `passwd` does; throws when the two differ or the first is empty. */
export async function promptNewPassword(input: HiddenInput, output: NodeJS.WritableStream): Promise<string> {
  const first = await readHiddenLine("รหัสผ่านใหม่ (new password): ", input, output);
  if (!first) throw new Error("no password given");
  const second = await readHiddenLine("พิมพ์อีกครั้ง (again): ", input, output);
  if (first !== second) throw new Error("the two passwords differ; nothing was created");
  return first;
}
