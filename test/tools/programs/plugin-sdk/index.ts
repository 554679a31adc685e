// A user's program in plugin mode, in miniature: compiled against the installed package by
// test/tools/plugin-sdk-program.test.ts (with Pulumi's default tsconfig and with node16 resolution)
// and run there under Pulumi's mocks.
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud/plugin";

const provider = new acquia.Provider("acquia", {
  clientId: "key",
  clientSecret: pulumi.secret("secret"),
  apiUrl: "http://127.0.0.1:9/api",
});
const app: pulumi.Output<acquia.GetApplicationResult> = acquia.getApplicationOutput(
  { name: "Acme Web" },
  { provider },
);
const variable = new acquia.EnvironmentVariable(
  "mode",
  { environmentId: "24-a47ac10b", name: "APP_MODE", value: "blue" },
  { provider },
);

// The program makes a Connection's settings from its inputs (the URLs defaulted), as in dynamic mode.
const account = new acquia.Connection("account", { clientId: "key", clientSecret: "secret" }, { provider });
export const settings: pulumi.Output<acquia.types.output.ConnectionSettings> = account.settings;

export const applicationUuid: pulumi.Output<string> = app.uuid;
export const variableName: pulumi.Output<string> = variable.name;

/** Never called: each line must fail to compile, which proves the SDK's types are not `any`. */
export function typeProbes(): void {
  // @ts-expect-error value is a required input
  new acquia.EnvironmentVariable("no-value", { environmentId: "e", name: "A" });
  // @ts-expect-error environmentId is a string
  new acquia.EnvironmentVariable("wrong-type", { environmentId: 24, name: "A", value: "b" });
  // @ts-expect-error the provider has no such input
  new acquia.Provider("typo", { clientID: "key" });
  // @ts-expect-error getApplication's result has no such field
  acquia.getApplicationOutput({ name: "x" }).apply((a) => a.nope);
}
