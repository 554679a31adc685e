// Who may do what, as code: a custom role, a person invited onto the seeded "Developers" team, and an
// organization administrator. Config `phase` 2 gives the team member the custom role as well, which
// must update the membership in place. Config `mode: plugin` runs it on the provider plugin, where a
// resource takes the Connection's settings rather than the Connection (as in the all-resources program).
import * as pulumi from "@pulumi/pulumi";
import * as dynamic from "pulumi-acquia-cloud";
import * as plugin from "pulumi-acquia-cloud/plugin";

const config = new pulumi.Config();
const phase2 = config.get("phase") === "2";
const onPlugin = config.get("mode") === "plugin";
const acquia = (onPlugin ? plugin : dynamic) as unknown as typeof dynamic;
const organizationUuid = config.require("organizationUuid");

const account = new acquia.Connection("acquia");
const connection = (onPlugin ? account.settings : account) as unknown as typeof account;
const team = pulumi.output(acquia.getTeam({ organizationUuid, name: "Developers" }));
const roles = pulumi.output(acquia.getRoles({ organizationUuid }));
const permissions = pulumi.output(acquia.getPermissions());

const releaseManager = new acquia.Role("release-manager", {
  connection,
  organizationUuid,
  name: "Release Manager",
  description: "Deploys to every environment.",
  permissions: permissions.apply((p) => p.names.filter((name) => /^deploy to /.test(name))),
});

const developer = roles.apply((r) => r.byName["Developer"] ?? "");
const member = new acquia.TeamMember("ada", {
  connection,
  teamUuid: team.uuid,
  email: "ada.lovelace@example.com",
  roles: phase2 ? [developer, releaseManager.roleUuid] : [developer],
});

const admin = new acquia.OrganizationAdmin("grace", {
  connection,
  organizationUuid,
  email: "grace.hopper@example.com",
});

export const roleUuid = releaseManager.roleUuid;
export const teamUuid = team.uuid;
export const memberStatus = member.status;
export const adminStatus = admin.status;
