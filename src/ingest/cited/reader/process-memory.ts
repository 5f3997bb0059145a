// A process's resident memory, read from Linux's /proc: what a reader, or Chromium, really holds.
import { readFileSync } from "node:fs";

/** The process's resident memory in bytes, or null where it cannot be read (no such process, not Linux). */
export function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Synchronous on purpose: a small file in a virtual file system.
    const status = readFileSync(`/proc/${pid}/status`, "latin1");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}
