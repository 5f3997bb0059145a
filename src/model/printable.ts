// Text that came from documents, sources or requests, made safe to print: no control character reaches a terminal.

/** C0 controls, DEL and C1 controls: ESC can repaint a line, CR overwrite one, BEL ring, backspace erase. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

/**
 * The text with every control character written as a visible escape (`\x1b`), so that a hostile page
 * quoted in a report cannot repaint the ✖ line or clear the screen. Line breaks are kept when asked
 * (a multi-line error message), tabs become a space.
 */
export function printable(text: string, options: { newlines?: boolean } = {}): string {
  return text.replace(CONTROL, (c) => {
    if (c === "\n" && options.newlines) return c;
    if (c === "\t") return " ";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}
