// testTimeout is a global Jest option (ignored per project), so the engine suite sets its own here:
// one `up` through the real CLI takes seconds, far beyond Jest's 5 s default.
jest.setTimeout(10 * 60_000);
