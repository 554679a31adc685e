// The provider's polling schedule for one task, worked out without waiting for it: the SDK's own
// nextPollDelay with the provider's default poll settings, against a task whose progress rises
// linearly as the simulator reports it. Checked against the measured 2 s, 20 s and 120 s tasks; it
// stands in for the 10-minute task outside --full.
import { optionValue } from "../../provider/settings";
import { nextPollDelay } from "../../sdk/internal";

export interface PollOutcome {
  polls: number;
  /** From the task's end to the look that saw it ended. */
  lagMs: number;
}

export function modelledPolls(durationMs: number, roundTripMs = 0): PollOutcome {
  const minDelayMs = optionValue("pollIntervalMs", () => undefined);
  const options = { minDelayMs, maxDelayMs: Math.max(minDelayMs, 60_000) };
  let elapsed = 0;
  let delay = minDelayMs;
  let lastProgress: number | undefined;
  for (let polls = 1; ; polls++) {
    elapsed += delay + roundTripMs;
    if (elapsed >= durationMs) return { polls, lagMs: elapsed - durationMs };
    const progress = Math.min(99, Math.floor((elapsed / durationMs) * 100));
    const moved = progress !== lastProgress;
    lastProgress = progress;
    delay = nextPollDelay(elapsed, progress, moved, options);
  }
}
