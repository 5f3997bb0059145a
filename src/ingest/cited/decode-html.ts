// The bytes of a saved HTML page → its characters: byte order mark first, then <meta charset>, else UTF-8.
export function decodeHtmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode("utf-16be", bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decode("utf-8", bytes.subarray(3));
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  const declared = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  return decode(declared ?? "utf-8", bytes);
}

function decode(label: string, bytes: Uint8Array): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8"); // an unknown label: browsers fall back the same way
  }
  const text = decoder.decode(bytes);
  // Node decodes windows-1252 (also what "iso-8859-1" means on the web) as Latin-1: ’ “ ” – — arrive as C1 controls.
  return decoder.encoding === "windows-1252" ? text.replace(/[\u0080-\u009f]/g, fromCp1252) : text;
}

/** Windows-1252 characters 0x80–0x9F; the five unassigned ones stay as they are. */
const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function fromCp1252(c1: string): string {
  return CP1252[c1.charCodeAt(0) - 0x80] ?? c1;
}
