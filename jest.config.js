// Suites are grouped by the layer they test. The e2e project drives the real Pulumi CLI and runs in
// band (see package.json): two cores cannot host several engines at once.
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }];
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: "node",
  roots: [`<rootDir>/test/${name}`],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": tsJest },
  ...extra,
});

module.exports = {
  projects: [
    project("sdk"),
    project("simulator"),
    project("provider", { setupFilesAfterEnv: ["<rootDir>/test/provider/quiet-log.ts"] }),
    project("serialization"),
    project("lint"),
    project("e2e", { setupFilesAfterEnv: ["<rootDir>/test/e2e/helpers/timeout.ts"] }),
    // The plugin mode's tools (the SDK generator, the YAML language host): run by scripts/test-e2e.sh,
    // which obtains them first.
    project("tools", { setupFilesAfterEnv: ["<rootDir>/test/tools/timeout.ts"] }),
    // The fault matrix through the real CLI (test/reliability): run after e2e, in band, by test-e2e.sh.
    project("reliability", { setupFilesAfterEnv: ["<rootDir>/test/e2e/helpers/timeout.ts"] }),
  ],
};
