// Writing to the terminal: warnings and errors in file:line:col form, colour only for a TTY.
import type { Message } from "../model/index.js";
import { printable, shownPosition } from "../model/index.js";

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

const paint = (code: number, text: string, on: boolean) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;
export const red = (t: string, on: boolean) => paint(31, t, on);
export const yellow = (t: string, on: boolean) => paint(33, t, on);
export const green = (t: string, on: boolean) => paint(32, t, on);
export const dim = (t: string, on: boolean) => paint(2, t, on);

/** The warnings of a run on the workspace at `root`, their files shown from the working folder. */
export function printMessages(messages: Message[], root: string): void {
  if (messages.length) process.stderr.write(formatMessages(messages, root));
}

/** The warnings as lines, for a caller that prints them with its own in one write. */
export function formatMessages(messages: Message[], root: string): string {
  const on = useColor(process.stderr);
  return messages
    .map(
      (m) =>
        `${shownPosition(m.position, root)}: ${yellow("warning", on)}: ${printable(m.reason)} [${m.rule}]\n`,
    )
    .join("");
}
