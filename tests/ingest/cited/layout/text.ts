// Test helper: numbered sentences of prose, and the same text wrapped into lines of a column.

const SUBJECTS = [
  "The auditor",
  "Every manager",
  "A new hire",
  "Our security officer",
  "The board",
  "Each vendor",
  "An analyst",
  "The risk committee",
  "A contractor",
];
const VERBS = [
  "reviews",
  "signs off on",
  "documents",
  "tests",
  "approves",
  "escalates",
  "reports on",
  "walks through",
];
const OBJECTS = [
  "the access log",
  "quarterly controls",
  "incident playbooks",
  "the encryption keys",
  "supplier contracts",
  "backup restores",
  "badge records",
  "policy exceptions",
  "phishing drills",
];

/** Sentences that differ in their numbers and words, so that no run of words repeats by chance, and lines do not line up. */
export function sentences(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const subject = SUBJECTS[n % SUBJECTS.length]!;
    const verb = VERBS[(n * 3) % VERBS.length]!;
    const object = OBJECTS[(n * 5) % OBJECTS.length]!;
    return `${subject} ${verb} ${object} in cycle ${n}, within ${n + 2} days.`;
  });
}

/** Words wrapped into lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** The last `n` words of a line and the first `n` of another: text no reader reads as one. */
export function splice(a: string, b: string, n = 3): string {
  return [...a.split(" ").slice(-n), ...b.split(" ").slice(0, n)].join(" ");
}
