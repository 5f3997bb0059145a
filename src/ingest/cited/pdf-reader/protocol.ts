// The messages between the PDF reader and its worker threads.
import type { PageFragments } from "../pdf-layout/fragment.js";

/**
 * Read a document. Workers reading the same job share `nextPage` (an Int32Array on shared memory): each
 * takes the next page not yet taken, so a second worker can join a long document already being read.
 */
export type ToWorker = { type: "read"; id: number; bytes: Uint8Array; nextPage: Int32Array };

export type FromWorker =
  | { type: "count"; id: number; pages: number }
  | { type: "page"; id: number; page: number; fragments: PageFragments }
  | { type: "done"; id: number }
  | { type: "error"; id: number; name: string; message: string };
