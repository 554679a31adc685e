// A release as a Pulumi run, for the steps teams script around `acli` today and where those scripts
// break: production's database is backed up before every release, stage's code is promoted to
// production with the Cloud Actions the release needs, and stage's database and files are refreshed
// from production only when asked. CI sets `release` (and, now and then, `stageRefresh`) and runs
// `pulumi up`; a run with neither changed does nothing at all.
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

const config = new pulumi.Config();
const applicationName = config.get("applicationName") ?? "Acme Web";
const database = config.get("database") ?? "acmeweb";
// Each new value is a release: a backup of production, then the promotion.
const release = config.require("release");
// Each new value copies production's database and files to stage once.
const stageRefresh = config.get("stageRefresh") ?? "initial";

const connection = new acquia.Connection("acquia");
const application = pulumi.output(acquia.getApplication({ name: applicationName }));
const environment = (name: string) =>
  application.apply((app) => acquia.getEnvironment({ applicationUuid: app.uuid, name }));
const prod = environment("prod");
const stage = environment("test");

// Production mode refuses any copy into production, from this program or anyone's script.
const prodFlags = new acquia.EnvironmentFlags("prod-flags", {
  connection,
  environmentId: prod.id,
  productionMode: true,
});

// What every deployment to production runs unless a deployment names its own actions.
new acquia.EnvironmentCloudActions("prod-cloud-actions", {
  connection,
  environmentId: prod.id,
  actions: ["Backup all databases", "Run database updates", "Clear all Drupal caches"],
});

const backup = new acquia.DatabaseBackup("pre-release-backup", {
  connection,
  environmentId: prod.id,
  databaseName: database,
  triggers: { release },
});

const promotion = new acquia.CodeDeployment(
  "promote-stage",
  {
    connection,
    environmentId: prod.id,
    sourceEnvironmentId: stage.id,
    message: `Release ${release}`,
    cloudActions: ["Run database updates", "Import configuration", "Clear all Drupal caches"],
    triggers: { release },
  },
  // Never a release without its backup.
  { dependsOn: [backup, prodFlags] },
);

// The refresh waits for the release so stage gets production's data as the new code left it.
const stageDatabase = new acquia.DatabaseCopy(
  "stage-database-from-prod",
  {
    connection,
    sourceEnvironmentId: prod.id,
    environmentId: stage.id,
    databaseName: database,
    triggers: { stageRefresh },
  },
  { dependsOn: [promotion] },
);
new acquia.FilesCopy(
  "stage-files-from-prod",
  { connection, sourceEnvironmentId: prod.id, environmentId: stage.id, triggers: { stageRefresh } },
  { dependsOn: [promotion] },
);

export const backupId = backup.backupId;
export const productionRuns = promotion.deployedRef;
export const stageRefreshedAt = stageDatabase.id;
