// Every resource kind in one program. Config `phase` 2 makes the changes the suite checks: in-place
// updates (environment label, variable value, cron frequency, team name, PHP memory, code ref, log sources,
// role permissions, allowlist addresses, stage's flags, Cloud Actions, a promotion's triggers) and
// replacements (domain hostname: deleted first; certificate: the new one active before the old goes; the
// backup and the two copies, whose changed triggers run them once more).
//
// Config `mode: plugin` runs the very same program on the provider plugin (pulumi-acquia-cloud/plugin),
// where a resource takes the Connection's settings rather than the Connection: the one change a
// program moving between the modes makes besides its import.
import * as pulumi from "@pulumi/pulumi";
import * as dynamic from "pulumi-acquia-cloud";
import * as plugin from "pulumi-acquia-cloud/plugin";

const config = new pulumi.Config();
const phase2 = config.get("phase") === "2";
const onPlugin = config.get("mode") === "plugin";
const acquia = (onPlugin ? plugin : dynamic) as unknown as typeof dynamic;

const account = new acquia.Connection("acquia");
const connection = (onPlugin ? account.settings : account) as unknown as typeof account;
const application = pulumi.output(acquia.getApplication({ name: "Acme Web" }));
const applicationUuid = application.uuid;
const seeded = (name: string) =>
  application.apply((a) => acquia.getEnvironment({ applicationUuid: a.uuid, name }));
const stage = seeded("test");
const dev = seeded("dev");

const database = new acquia.Database("db", { connection, applicationUuid, name: "e2e_db" });
const environment = new acquia.Environment("cde", {
  connection,
  applicationUuid,
  label: phase2 ? "E2E Renamed" : "E2E",
  branch: "develop",
  databases: [database.name],
});
const environmentId = environment.environmentId;

new acquia.EnvironmentSettings("php", {
  connection,
  environmentId,
  phpVersion: "8.2",
  memoryLimit: phase2 ? 512 : 256,
});
const stageRef = phase2 ? "main" : "tags/v1.0.0";
const stageCode = new acquia.CodeDeployment("stage-code", {
  connection,
  environmentId: stage.id,
  ref: stageRef,
});
// Stage's code promoted to dev once stage runs it, with one Cloud Action; a new stage ref promotes again.
new acquia.CodeDeployment(
  "promote-to-dev",
  {
    connection,
    environmentId: dev.id,
    sourceEnvironmentId: stage.id,
    cloudActions: ["Clear all Drupal caches"],
    triggers: { stageRef },
  },
  { dependsOn: [stageCode] },
);
// On stage, not the CD environment: CD environments have neither CDN nor mod_proxy. Put back on delete,
// so a destroy leaves stage as seeded.
new acquia.EnvironmentFlags("stage-flags", {
  connection,
  environmentId: stage.id,
  cdn: true,
  ...(phase2 ? { modProxy: true } : {}),
  restoreOnDelete: true,
});
new acquia.EnvironmentCloudActions("cloud-actions", {
  connection,
  environmentId,
  actions: phase2
    ? ["Backup all databases", "Run database updates", "Clear all Drupal caches"]
    : ["Backup all databases", "Clear all Drupal caches"],
});
// Each phase's triggers run these once more: a new backup (the old one deleted), another copy of stage's
// database and files into the CD environment.
const triggers = { round: phase2 ? "2" : "1" };
new acquia.DatabaseBackup("backup", {
  connection,
  environmentId,
  databaseName: database.name,
  triggers,
  deleteOnDestroy: true,
});
new acquia.DatabaseCopy("database-copy", {
  connection,
  sourceEnvironmentId: stage.id,
  environmentId,
  databaseName: database.name,
  triggers,
});
new acquia.FilesCopy("files-copy", { connection, sourceEnvironmentId: stage.id, environmentId, triggers });
new acquia.EnvironmentVariable("secret-variable", {
  connection,
  environmentId,
  name: "E2E_SECRET",
  value: config.requireSecret(phase2 ? "variableValue2" : "variableValue"),
});
new acquia.CronJob("cron", {
  connection,
  environmentId,
  label: "E2E cron",
  command: "drush cron",
  frequency: phase2 ? "0 * * * *" : "*/30 * * * *",
});
new acquia.Domain("domain", {
  connection,
  environmentId,
  hostname: phase2 ? "e2e-2.example.com" : "e2e.example.com",
});
new acquia.SshKey("ssh-key", { connection, label: "e2e_key", publicKey: config.require("sshPublicKey") });
const organizationUuid = application.apply((a) => a.organization?.uuid ?? "");
const team = new acquia.Team("team", {
  connection,
  organizationUuid,
  name: phase2 ? "E2E Team Renamed" : "E2E Team",
});
new acquia.TeamApplication("team-app", { connection, teamUuid: team.teamUuid, applicationUuid });
const role = new acquia.Role("role", {
  connection,
  organizationUuid,
  name: "E2E Role",
  permissions: phase2 ? ["deploy to non-prod", "deploy to prod"] : ["deploy to non-prod"],
});
// Invitations: they stay pending (nobody accepts them here), which is all this program needs.
new acquia.TeamMember("member", {
  connection,
  teamUuid: team.teamUuid,
  email: "e2e.member@example.com",
  roles: [role.roleUuid],
});
new acquia.OrganizationAdmin("admin", { connection, organizationUuid, email: "e2e.admin@example.com" });
new acquia.LogForwardingDestination("logs", {
  connection,
  environmentId,
  label: "E2E logs",
  consumer: "syslog",
  address: "logs.example.com:6514",
  sources: phase2 ? ["apache-access", "php-error"] : ["apache-access"],
  credentials: { certificate: config.require("certificate"), token: config.requireSecret("logToken") },
});
new acquia.ApiToken("api-token", { connection, label: "E2E token" });
new acquia.SubscriptionIpAllowlist("allowlist", {
  connection,
  subscriptionUuid: application.apply((a) => a.subscription?.uuid ?? ""),
  entries: [
    {
      description: "Office",
      addresses: phase2 ? ["203.0.113.0/24", "198.51.100.7"] : ["203.0.113.0/24"],
    },
  ],
});
// Acquia has no create for an identity provider: the organization's own is adopted.
new acquia.IdentityProvider("sso", {
  connection,
  adopt: true,
  organizationUuid,
  entityId: "https://idp.example.com/saml/e2e",
  ssoUrl: "https://idp.example.com/sso/e2e",
});
const certificate = new acquia.SslCertificate("certificate", {
  connection,
  environmentId,
  label: "e2e",
  certificate: config.require(phase2 ? "certificate2" : "certificate"),
  privateKey: config.requireSecret(phase2 ? "privateKey2" : "privateKey"),
});

export const cdeId = environmentId;
export const teamUuid = team.teamUuid;
export const certificateId = certificate.certificateId;
