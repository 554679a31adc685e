// Access for a platform team: the team, its access to an application, and the SSH key CI deploys with.
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

const config = new pulumi.Config();
const applicationName = config.get("applicationName") ?? "Acme Web";
const teamName = config.get("teamName") ?? "Platform Engineering";
// An OpenSSH public key line (ssh-ed25519 or RSA with at least 4096 bits).
const ciPublicKey = config.require("ciPublicKey");

const connection = new acquia.Connection("acquia");
const application = pulumi.output(acquia.getApplication({ name: applicationName }));
const organizationUuid = application.apply((app) => {
  if (!app.organization) throw new Error(`application ${app.name} belongs to no organization`);
  return app.organization.uuid;
});

const team = new acquia.Team("platform", { connection, organizationUuid, name: teamName });
new acquia.TeamApplication("platform-web", {
  connection,
  teamUuid: team.teamUuid,
  applicationUuid: application.uuid,
});

const ciKey = new acquia.SshKey("ci", { connection, label: "ci_deploy", publicKey: ciPublicKey });

export const teamUuid = team.teamUuid;
export const sshKeyFingerprint = ciKey.fingerprint;
