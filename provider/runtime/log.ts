/**
 * Lines for the person running Pulumi. A dynamic provider has no channel to the engine's log, but the
 * engine shows what a provider writes to stderr among the update's diagnostics. Tests swap the sink.
 */
let sink: (line: string) => void = (line) => console.error(line);

export function log(message: string): void {
  sink(`[acquia-cloud] ${message}`);
}

/** Redirects log lines (tests collect them); returns the previous sink. */
export function setLogSink(next: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = next;
  return previous;
}
