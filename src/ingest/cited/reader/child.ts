// A reader process: reads the cited documents it is sent, one at a time, and answers with their text.
// Documents are read here, never in collateral's own process: a hostile file can only cost this process
// its time and memory, which collateral bounds and takes back by killing it (see pool.ts).
import type { ReadAnswer, ReadJob } from "./protocol.js";
import { readDocument } from "./read-document.js";
import { ReaderWatchdog } from "./watchdog.js";

const watchdog = new ReaderWatchdog();

process.on("message", (job: ReadJob) => {
  watchdog.started(job.limits.seconds);
  readDocument(job.bytes, job.kind, job.limits).then(
    (parsed) => answer({ id: job.id, parsed }),
    (error: unknown) =>
      answer({
        id: job.id,
        error: {
          name: error instanceof Error ? error.name : "Error",
          message: error instanceof Error ? error.message : String(error),
        },
      }),
  );
});

function answer(message: ReadAnswer): void {
  watchdog.ended();
  process.send?.(message);
}

// Collateral gone (its end of the channel closed): nothing is left to read for.
process.on("disconnect", () => process.exit(0));
