// A feature environment for an existing application: a continuous-delivery environment running a
// branch, a database copied into it, a domain, variables (one secret), a cron job and PHP settings.
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

const config = new pulumi.Config();
const applicationName = config.get("applicationName") ?? "Acme Web";
const label = config.get("environmentLabel") ?? "Feature";
const branch = config.get("branch") ?? "develop";
const hostname = config.get("hostname") ?? "feature.example.com";

// Credentials come from stack config: acquia:clientId, acquia:clientSecret (secret) and, for
// organizations with federated authentication, acquia:organizationUuid.
const connection = new acquia.Connection("acquia");
const application = pulumi.output(acquia.getApplication({ name: applicationName }));

const reporting = new acquia.Database("reporting", {
  connection,
  applicationUuid: application.uuid,
  name: "reporting",
});

const feature = new acquia.Environment("feature", {
  connection,
  applicationUuid: application.uuid,
  label,
  branch,
  databases: [reporting.name],
  // Acquia provisions a CD environment in minutes, not seconds.
  timeoutSeconds: 3600,
});
const environmentId = feature.environmentId;

new acquia.EnvironmentSettings("php", { connection, environmentId, phpVersion: "8.3", memoryLimit: 256 });

new acquia.EnvironmentVariable("mode", { connection, environmentId, name: "APP_MODE", value: "feature" });
new acquia.EnvironmentVariable("payment-key", {
  connection,
  environmentId,
  name: "PAYMENT_API_KEY",
  value: config.getSecret("paymentApiKey") ?? pulumi.secret("sandbox-key"),
});

new acquia.Domain("domain", { connection, environmentId, hostname });

new acquia.CronJob("cron", {
  connection,
  environmentId,
  label: "Drupal cron",
  command: "drush cron",
  frequency: "*/15 * * * *",
});

export const environment = { id: environmentId, name: feature.name, label: feature.label };
export const branchDeployed = feature.branch;
export const domain = hostname;
