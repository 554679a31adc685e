import { backoffDelay, decideRetry, defaultRetryOptions, parseRetryAfter } from "../../sdk/internal";

const options = {
  ...defaultRetryOptions,
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 5_000,
};
const now = () => Date.parse("2026-11-28T12:00:00Z");
const at = (attempt: number, elapsedMs = 0) => ({ attempt, elapsedMs });
const half = () => 0.5;

describe("decideRetry", () => {
  it.each(["GET", "PUT", "DELETE"])("retries %s on 429, 502, 503, 504", (method) => {
    for (const status of [429, 502, 503, 504]) {
      expect(decideRetry({ method }, { kind: "response", status }, at(1), options, now, half).retry).toBe(
        true,
      );
    }
  });

  it.each([400, 401, 403, 404, 409, 500, 501])("does not retry status %i", (status) => {
    expect(decideRetry({ method: "GET" }, { kind: "response", status }, at(1), options, now, half)).toEqual({
      retry: false,
    });
  });

  it("retries a POST only where the server cannot have acted", () => {
    expect(
      decideRetry({ method: "POST" }, { kind: "response", status: 429 }, at(1), options, now, half).retry,
    ).toBe(true);
    expect(
      decideRetry({ method: "POST" }, { kind: "response", status: 503 }, at(1), options, now, half).retry,
    ).toBe(false);
    expect(
      decideRetry({ method: "POST" }, { kind: "network", requestSent: false }, at(1), options, now, half)
        .retry,
    ).toBe(true);
    expect(
      decideRetry({ method: "POST" }, { kind: "network", requestSent: true }, at(1), options, now, half)
        .retry,
    ).toBe(false);
  });

  it("does not retry a host name that does not resolve, whatever the method", () => {
    const unknownHost = { kind: "network", requestSent: false, permanent: true } as const;
    expect(decideRetry({ method: "GET" }, unknownHost, at(1), options, now, half)).toEqual({ retry: false });
    expect(
      decideRetry({ method: "GET" }, { kind: "network", requestSent: false }, at(1), options, now, half)
        .retry,
    ).toBe(true);
  });

  it("treats a POST vouched idempotent like a GET", () => {
    expect(
      decideRetry(
        { method: "POST", idempotent: true },
        { kind: "response", status: 503 },
        at(1),
        options,
        now,
        half,
      ).retry,
    ).toBe(true);
    expect(
      decideRetry(
        { method: "POST", idempotent: true },
        { kind: "network", requestSent: true },
        at(1),
        options,
        now,
        half,
      ).retry,
    ).toBe(true);
  });

  it("retries idempotent requests after a network error, sent or not", () => {
    expect(
      decideRetry({ method: "GET" }, { kind: "network", requestSent: true }, at(1), options, now, half).retry,
    ).toBe(true);
    expect(
      decideRetry({ method: "DELETE" }, { kind: "network", requestSent: false }, at(1), options, now, half)
        .retry,
    ).toBe(true);
  });

  it("keeps retrying while the time budget lasts, and stops when the wait would outlast it", () => {
    const budget = { ...options, maxAttempts: undefined, budgetMs: 10_000 };
    const storm = { kind: "response", status: 429, retryAfter: "2" } as const;
    expect(decideRetry({ method: "GET" }, storm, at(40, 7_000), budget, now, half)).toEqual({
      retry: true,
      delayMs: 2_000,
    });
    expect(decideRetry({ method: "GET" }, storm, at(41, 9_000), budget, now, half)).toEqual({ retry: false });
    expect(
      decideRetry({ method: "GET" }, { kind: "response", status: 503 }, at(60, 0), budget, now, half).retry,
    ).toBe(true);
  });

  it("stops after maxAttempts when one is set", () => {
    expect(
      decideRetry({ method: "GET" }, { kind: "response", status: 503 }, at(3), options, now, half).retry,
    ).toBe(true);
    expect(
      decideRetry({ method: "GET" }, { kind: "response", status: 503 }, at(4), options, now, half),
    ).toEqual({
      retry: false,
    });
  });

  it("honours Retry-After in seconds and as an HTTP-date, without jitter", () => {
    expect(
      decideRetry(
        { method: "GET" },
        { kind: "response", status: 429, retryAfter: "2" },
        at(1),
        options,
        now,
        Math.random,
      ),
    ).toEqual({
      retry: true,
      delayMs: 2_000,
    });
    const date = new Date(now() + 3_000).toUTCString();
    expect(
      decideRetry(
        { method: "GET" },
        { kind: "response", status: 503, retryAfter: date },
        at(1),
        options,
        now,
        Math.random,
      ),
    ).toEqual({
      retry: true,
      delayMs: 3_000,
    });
  });

  it("caps Retry-After", () => {
    expect(
      decideRetry(
        { method: "GET" },
        { kind: "response", status: 429, retryAfter: "3600" },
        at(1),
        options,
        now,
        half,
      ),
    ).toEqual({
      retry: true,
      delayMs: 5_000,
    });
  });

  it("falls back to back-off when Retry-After is unparseable", () => {
    expect(
      decideRetry(
        { method: "GET" },
        { kind: "response", status: 429, retryAfter: "soon" },
        at(1),
        options,
        now,
        half,
      ),
    ).toEqual({
      retry: true,
      delayMs: 75,
    });
  });
});

describe("backoffDelay", () => {
  it("doubles per attempt, stays within [half, full] of the exponential value and under the cap", () => {
    expect(backoffDelay(1, options, () => 0)).toBe(50);
    expect(backoffDelay(1, options, () => 1)).toBe(100);
    expect(backoffDelay(3, options, () => 1)).toBe(400);
    expect(backoffDelay(10, options, () => 1)).toBe(1_000);
    expect(backoffDelay(10, options, () => 0)).toBe(500);
  });
});

describe("parseRetryAfter", () => {
  it("parses seconds, fractions, dates in the past and rejects garbage", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1_500);
    expect(parseRetryAfter(new Date(now() - 10_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
  });
});
