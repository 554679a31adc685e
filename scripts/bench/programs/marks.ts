// Program start-up milestones for `npm run bench`: when BENCH_MARKS names a file, each mark appends
// "<name> <ms since the epoch>" to it. Importing this module first records when the program's own code
// began to run (after ts-node compiled and type-checked it).
import { appendFileSync } from "node:fs";

const file = process.env["BENCH_MARKS"];

export function mark(name: string): void {
  if (file) appendFileSync(file, `${name} ${Date.now()}\n`);
}

mark("programEntered");
