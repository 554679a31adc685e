import { RateGate } from "../../sdk/internal";

/** A gate on a clock the test moves by hand. */
function gateAt(start = 1_000_000) {
  let now = start;
  const lines: string[] = [];
  const gate = new RateGate({ now: () => now, warn: (line) => lines.push(line) });
  return { gate, lines, advance: (ms: number) => (now += ms), now: () => now };
}

describe("RateGate", () => {
  it("lets requests through unpaced until the first 429", async () => {
    const { gate } = gateAt();
    for (let i = 0; i < 50; i++) await gate.acquire();
    expect(gate.currentPace).toBe(Infinity);
  });

  it("pauses everyone on a 429, logs once per pause, and halves the refused rate once per storm", async () => {
    const { gate, lines, advance } = gateAt();
    for (let i = 0; i < 20; i++) await gate.acquire();
    // Eight requests in flight all come back refused: one pause, one halving.
    for (let i = 0; i < 8; i++) gate.rateLimited(1_000, "GET /account");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/429 on GET \/account\): pausing every request for 1 s, then going on at 10/);
    expect(gate.currentPace).toBe(10);
    expect(gate.pauseCount).toBe(1);
    advance(1_000);
    gate.rateLimited(1_000, "GET /account");
    expect(lines).toHaveLength(2);
  });

  it("holds requests during the pause, then spaces them by the pace and raises it each quiet second", async () => {
    let now = 0;
    const gate = new RateGate({ now: () => now });
    for (let i = 0; i < 4; i++) await gate.acquire();
    gate.rateLimited(200, "GET /x");
    expect(gate.currentPace).toBe(2);
    // The gate sleeps in real time and rereads the clock: move the clock along with it.
    const clock = setInterval(() => (now += 10), 1);
    try {
      const starts: number[] = [];
      for (let i = 0; i < 3; i++) {
        await gate.acquire();
        starts.push(now);
      }
      expect(starts[0]).toBeGreaterThanOrEqual(200);
      expect((starts[2] ?? 0) - (starts[1] ?? 0)).toBeGreaterThanOrEqual(490);
    } finally {
      clearInterval(clock);
    }
    now += 3_000;
    await gate.acquire();
    expect(gate.currentPace).toBeGreaterThanOrEqual(5);
  });
});
