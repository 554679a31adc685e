// The reliability suite's subject: `size` resources (config, default 30) of most kinds, mostly
// independent so that `--parallel` has room: a team with its application, an SSH key, PHP settings and
// variables and domains on an existing environment, and a CD environment with cron jobs. Ids come from
// config rather than lookups, so the provider process is the only client talking to Acquia (the suite
// measures its concurrency).
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";
import { CDE_BRANCH, CDE_LABEL, SSH_KEY_LABEL, TEAM_NAME, layout, variableValue } from "./layout";

const config = new pulumi.Config();
const size = config.getNumber("size") ?? 30;
const applicationUuid = config.require("applicationUuid");
const organizationUuid = config.require("organizationUuid");
const environmentId = config.require("environmentId");
const generation = config.get("generation") ?? "1";
// Applied to every resource that waits for an Acquia task; unset, acquia:timeoutSeconds decides.
const timeoutSeconds = config.getNumber("timeoutSeconds");
const adoptVariables = config.getBoolean("adoptVariables");
const { variables, crons, domains } = layout(size);

const connection = new acquia.Connection("acquia");
const common = { connection, ...(timeoutSeconds ? { timeoutSeconds } : {}) };

const team = new acquia.Team("team", { ...common, organizationUuid, name: TEAM_NAME });
new acquia.TeamApplication("team-app", { ...common, teamUuid: team.teamUuid, applicationUuid });
new acquia.SshKey("ssh-key", { ...common, label: SSH_KEY_LABEL, publicKey: config.require("sshPublicKey") });
new acquia.EnvironmentSettings("php", {
  ...common,
  environmentId,
  phpVersion: config.get("phpVersion") ?? "8.2",
  memoryLimit: 256,
  // So that a destroy leaves the environment as it found it.
  restoreOnDelete: true,
});

const seed = config.requireSecret("valueSeed");
for (const name of variables) {
  new acquia.EnvironmentVariable(`var-${name.toLowerCase()}`, {
    ...common,
    environmentId,
    name,
    value: seed.apply((s) => variableValue(s, name, generation)),
    ...(adoptVariables ? { adopt: true } : {}),
  });
}
domains.forEach(
  (hostname, i) => new acquia.Domain(`domain-${i + 1}`, { ...common, environmentId, hostname }),
);

const cde = new acquia.Environment("cde", {
  ...common,
  applicationUuid,
  label: CDE_LABEL,
  branch: CDE_BRANCH,
});
crons.forEach(
  (label, i) =>
    new acquia.CronJob(`cron-${i + 1}`, {
      ...common,
      environmentId: cde.environmentId,
      label,
      command: `drush cron --uri=site${i + 1}`,
      frequency: "*/15 * * * *",
    }),
);

export const cdeId = cde.environmentId;
export const teamUuid = team.teamUuid;
