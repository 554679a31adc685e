// testTimeout is a global Jest option (ignored per project), so this suite sets its own: generating the
// SDK, compiling a program with tsc and a `pulumi up` each take seconds, beyond Jest's 5 s default.
jest.setTimeout(5 * 60_000);
