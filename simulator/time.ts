/** ISO-8601 with an explicit `+00:00` offset and whole seconds, the way Acquia writes timestamps. */
export function isoNow(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

export function isoFromDate(date: Date): string {
  return isoNow(date.getTime());
}

/** Resolves after `ms`, or at once when the simulator stops, so a delayed request never outlives it. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
