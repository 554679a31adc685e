import { parseArguments } from "../../simulator/cli";

// The CLI's argument parsing, in process (cli.test.ts runs the built CLI end to end).

describe("parseArguments", () => {
  it("maps every flag to its option, in both --flag value and --flag=value forms", () => {
    expect(
      parseArguments([
        "--host",
        "0.0.0.0",
        "--port=8080",
        "--token-ttl",
        "60",
        "--latency",
        "5",
        "--task-duration=250",
        "--state",
        "s.json",
        "--realism",
        "messageOnly,nullFields",
        "--rate-limit",
        "20",
      ]),
    ).toEqual({
      host: "0.0.0.0",
      port: 8080,
      tokenTtlSeconds: 60,
      latencyMs: 5,
      taskDurationMs: 250,
      stateFile: "s.json",
      realism: ["messageOnly", "nullFields"],
      rateLimit: { requestsPerSecond: 20 },
    });
    expect(parseArguments([])).toEqual({});
    expect(parseArguments(["--port", "1", "-h"])).toBe("help");
  });

  it("takes all and none for --realism", () => {
    expect(parseArguments(["--realism", "all"])).toEqual({ realism: true });
    expect(parseArguments(["--realism=none"])).toEqual({ realism: false });
  });

  it("names the flag in every usage error", () => {
    const cases: Array<[string[], RegExp]> = [
      [["--bogus"], /--bogus/],
      [["--latency"], /--latency/],
      [["--port", "abc"], /--port/],
      [["--realism", "messageOnly,fastTasks"], /--realism .*"messageOnly,fastTasks"/],
      [["--realism", ""], /--realism/],
      [["--rate-limit", "0"], /--rate-limit must be an integer between 1 and/],
      [["--rate-limit", "2.5"], /--rate-limit/],
      [["positional"], /positional/],
    ];
    for (const [args, message] of cases) expect(() => parseArguments(args)).toThrow(message);
  });
});
