// Access governance for one application, reviewed like code: a team with access to the application, a
// custom role granting only what the team needs, its people invited by email with that role, and the
// subscription's Shield IP allowlist. Every change to who may do what is a pull request.
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

const config = new pulumi.Config();
const applicationName = config.get("applicationName") ?? "Acme Web";
const teamName = config.get("teamName") ?? "Release Managers";
// Who is on the team: email addresses. Each gets an invitation; the resource reports `pending` until
// the person accepts it in Cloud UI, then `active`.
const members = config.requireObject<string[]>("members");
// The addresses allowed through Acquia Shield, each entry a description and its addresses or ranges.
const allowlist = config.requireObject<{ description: string; addresses: string[] }[]>("allowlist");

const connection = new acquia.Connection("acquia");
const application = pulumi.output(acquia.getApplication({ name: applicationName }));
const organizationUuid = application.apply((app) => {
  if (!app.organization) throw new Error(`application ${app.name} belongs to no organization`);
  return app.organization.uuid;
});

const team = new acquia.Team("release-managers", { connection, organizationUuid, name: teamName });
new acquia.TeamApplication("release-managers-app", {
  connection,
  teamUuid: team.teamUuid,
  applicationUuid: application.uuid,
});

// Permission names are checked in preview against Acquia's list (getPermissions): a misspelt one fails
// before anything changes.
const role = new acquia.Role("release-manager", {
  connection,
  organizationUuid,
  name: "Release Manager",
  permissions: ["deploy to non-prod", "deploy to prod", "pull from prod"],
});

const invited = members.map(
  (email) =>
    new acquia.TeamMember(`member-${email}`, {
      connection,
      teamUuid: team.teamUuid,
      email,
      roles: [role.roleUuid],
    }),
);

new acquia.SubscriptionIpAllowlist("shield", {
  connection,
  subscriptionUuid: application.apply((app) => {
    if (!app.subscription) throw new Error(`application ${app.name} has no subscription`);
    return app.subscription.uuid;
  }),
  entries: allowlist,
});

export const teamUuid = team.teamUuid;
export const roleUuid = role.roleUuid;
export const memberStatus = Object.fromEntries(members.map((email, i) => [email, invited[i]?.status]));
