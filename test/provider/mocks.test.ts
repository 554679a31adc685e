import * as pulumi from "@pulumi/pulumi";
import type * as ProviderPackage from "../../provider";

/**
 * The program side of each resource under Pulumi's mocks: type tokens, the serialized shim as
 * `__provider`, output wiring (computed outputs are declared, so they become properties), and secret
 * inputs registered as secrets even when the program passed plain strings.
 */
const registered: pulumi.runtime.MockResourceArgs[] = [];
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push(args);
      const computed: Record<string, unknown> = args.type.endsWith(":Connection")
        ? { accountUuid: "acct-1", accountName: "jane" }
        : {};
      if (args.type.endsWith(":CronJob")) computed["cronId"] = "cron-1";
      return { id: `${args.name}-id`, state: { ...args.inputs, ...computed } };
    },
    call: (args) => args.inputs,
  },
  "project",
  "stack",
  false,
);

// Imported after setMocks so the resources register against the mock monitor.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const acquia = require("../../provider") as typeof ProviderPackage;

const value = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));
/** How a secret input travels to the engine: wrapped with Pulumi's secret signature. */
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
const inputsOf = (kind: string) =>
  registered.find((r) => r.type.endsWith(`:${kind}`))?.inputs as Record<string, unknown>;
const secretness = <T>(output: pulumi.Output<T>): Promise<boolean> => pulumi.isSecret(output);

describe("resources under Pulumi mocks", () => {
  const env = "24-a47ac10b-58cc-4372-a567-0e02b2c3d470";
  const connection = new acquia.Connection("acquia", {
    clientId: "key",
    clientSecret: "plain-secret",
    apiUrl: "http://127.0.0.1:1/api",
  });
  const variable = new acquia.EnvironmentVariable("mode", {
    connection,
    environmentId: env,
    name: "APP_MODE",
    value: "plain-value",
  });
  const cron = new acquia.CronJob("nightly", {
    connection,
    environmentId: env,
    label: "Nightly",
    command: "drush cron",
    frequency: "0 3 * * *",
  });
  const domain = new acquia.Domain("www", { environmentId: env, hostname: "www.example.com" });
  const database = new acquia.Database("db", {
    applicationUuid: "a47ac10b-58cc-4372-a567-0e02b2c3d470",
    name: "reports",
  });
  const pastedKey =
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
  const key = new acquia.SshKey("ci", { label: "ci", publicKey: pastedKey });

  it("registers each resource under its acquia-cloud type token with the serialized shim", async () => {
    await Promise.all([variable.id, cron.id, domain.id, database.id].map(value));
    const types = registered.map((r) => r.type);
    for (const kind of ["Connection", "EnvironmentVariable", "CronJob", "Domain", "Database"]) {
      expect(types).toContain(`pulumi-nodejs:dynamic/acquia-cloud:${kind}`);
    }
    for (const r of registered) {
      expect(r.inputs.__provider).toEqual(expect.stringContaining('require("pulumi-acquia-cloud/runtime")'));
    }
  });

  it("wires inputs and computed outputs to properties", async () => {
    expect(await value(variable.name)).toBe("APP_MODE");
    expect(await value(variable.environmentId)).toBe(env);
    expect(await value(cron.cronId)).toBe("cron-1");
    expect(await value(connection.accountName)).toBe("jane");
    expect(await value(domain.hostname)).toBe("www.example.com");
  });

  it("marks secret inputs secret even when given as plain strings", async () => {
    expect(await secretness(variable.value)).toBe(true);
    expect(await secretness(connection.clientSecret)).toBe(true);
    expect(await secretness(connection.settings)).toBe(true);
    expect(await secretness(variable.name)).toBe(false);
    expect(inputsOf("EnvironmentVariable")["value"]).toEqual({ ...SECRET_SIG, value: "plain-value" });
    expect(inputsOf("Connection")["clientSecret"]).toEqual({ ...SECRET_SIG, value: "plain-secret" });
    expect(inputsOf("EnvironmentVariable")["name"]).toBe("APP_MODE");
  });

  it("turns a private key pasted into a plain input into a secret, so no preview or log shows it", async () => {
    expect(await secretness(key.publicKey)).toBe(true);
    expect(inputsOf("SshKey")["publicKey"]).toEqual({ ...SECRET_SIG, value: pastedKey });
    expect(await secretness(key.label)).toBe(false);
  });

  it("passes the connection's settings, not the connection object, to dependents", async () => {
    const settings = await value(connection.settings);
    expect(settings).toEqual({
      clientId: "key",
      clientSecret: "plain-secret",
      apiUrl: "http://127.0.0.1:1/api",
      tokenUrl: "https://accounts.acquia.com/api/auth/oauth/token",
    });
    expect(inputsOf("EnvironmentVariable")["connection"]).toEqual({ ...SECRET_SIG, value: settings });
    expect(inputsOf("CronJob")["connection"]).toEqual({ ...SECRET_SIG, value: settings });
    expect(inputsOf("Domain")["connection"]).toBeUndefined();
  });
});
