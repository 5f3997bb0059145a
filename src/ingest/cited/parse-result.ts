// What reading a cited file gives: its text (running text per page, asides), or why it cannot be read.
import type { Aside } from "../../model/index.js";
import type { CitedFormat } from "./format.js";

export type ParsedCited =
  | { ok: true; kind: CitedFormat; pages: string[]; asides?: Aside[] }
  | { ok: false; kind: CitedFormat; reason: string };
