/**
 * `--organization`'s access objects: the custom roles, each team's people (members and open
 * invitations) and the Shield allowlists of the organization's subscriptions. What the provider could
 * not adopt unchanged is left out with the reason. Read-only: GETs only.
 */
import type { AcquiaCloudClient, Role } from "../../sdk";
import { kind as role } from "../../provider/kinds/role/definition";
import { kind as allowlist } from "../../provider/kinds/subscription-ip-allowlist/definition";
import { kind as teamMember } from "../../provider/kinds/team-member/definition";
import type { DiscoveredAllowlist, DiscoveredMember, DiscoveredRole, RoleRef, Skipped } from "./estate";
import { accepted } from "./walk-environment";

/** The organization's roles, and its custom ones as the program writes them. */
export async function walkRoles(
  client: AcquiaCloudClient,
  organizationUuid: string,
  skipped: Skipped[],
): Promise<{ all: Role[]; custom: DiscoveredRole[] }> {
  const all = await client.roles.listForOrganization(organizationUuid);
  const custom: DiscoveredRole[] = [];
  // Acquia's default roles belong to every organization and cannot be changed: a lookup names them.
  for (const r of all.filter((x) => !x.flags?.default)) {
    const found: DiscoveredRole = {
      uuid: r.uuid ?? "",
      name: r.name ?? "",
      ...(r.description ? { description: r.description } : {}),
      permissions: [...new Set((r.permissions ?? []).map((p) => p.name))].sort(),
    };
    const fits =
      r.uuid !== undefined &&
      accepted(role.inputs.shape, "name", found.name) &&
      accepted(role.inputs.shape, "description", found.description) &&
      accepted(role.inputs.shape, "permissions", found.permissions);
    if (fits) custom.push(found);
    else
      skipped.push({
        kind: "role",
        what: `role "${found.name}"`,
        reason: "its uuid, name, description or permissions are not ones the provider accepts",
      });
  }
  custom.sort((a, b) => a.name.localeCompare(b.name));
  return { all, custom };
}

/** A team's members, then its open invitations for people not yet on it; declined ones are left out. */
export async function walkMembers(
  client: AcquiaCloudClient,
  team: { uuid: string; name: string },
  roles: readonly Role[],
  skipped: Skipped[],
): Promise<DiscoveredMember[]> {
  const nameOf = (uuid: string) => roles.find((r) => r.uuid === uuid)?.name;
  const people: { email: string; roles: string[]; declined?: boolean }[] = [
    ...(await client.teamMembers.list(team.uuid)).map((m) => ({
      email: m.mail,
      roles: (m.roles ?? []).map((r) => r.uuid),
    })),
  ];
  for (const invite of await client.teamMembers.listInvites(team.uuid))
    if (!people.some((p) => p.email.toLowerCase() === invite.email.toLowerCase()))
      people.push({
        email: invite.email,
        roles: (invite.roles ?? []).map((r) => r.uuid),
        declined: invite.flags?.declined ?? false,
      });

  const members: DiscoveredMember[] = [];
  for (const person of people) {
    const what = `${person.email} on team "${team.name}"`;
    const refs: RoleRef[] = [...new Set(person.roles)].flatMap((uuid) => {
      const name = nameOf(uuid);
      return name === undefined ? [] : [{ uuid, name }];
    });
    let reason: string | undefined;
    // A declined invitation is nobody's membership: adopting it would keep it only to show `declined`.
    if (person.declined) reason = "a declined invitation";
    else if (!accepted(teamMember.inputs.shape, "email", person.email))
      reason = "its e-mail address is not one the provider accepts";
    else if (refs.length === 0 || refs.length !== new Set(person.roles).size)
      reason = "a role of it is not one of the organization's roles by name";
    if (reason !== undefined) {
      skipped.push({ kind: "team-member", what, reason });
      continue;
    }
    members.push({
      email: person.email,
      roles: refs.sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  return members.sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * The allowlist of each of the organization's subscriptions that holds Shield rules. Acquia's
 * subscription says nothing of Shield, and a subscription without it reads an empty list like one
 * with Shield and no rule: only a rule proves Shield, so an empty list is reported, not written.
 */
export async function walkAllowlists(
  client: AcquiaCloudClient,
  organizationUuid: string,
  skipped: Skipped[],
): Promise<DiscoveredAllowlist[]> {
  const visible = await client.subscriptions.list();
  const allowlists: DiscoveredAllowlist[] = [];
  for (const sub of visible.filter((s) => s.organization?.uuid === organizationUuid)) {
    const what = `Shield allowlist of subscription "${sub.name}"`;
    const rules = await client.shieldAcl.list(sub.uuid);
    const entries = rules.map((r) => ({ description: r.description ?? "", addresses: r.addresses ?? [] }));
    if (entries.length === 0) {
      skipped.push({
        kind: "subscription-ip-allowlist",
        what,
        reason: "no Shield rules (Acquia does not say whether the subscription has Shield)",
      });
      continue;
    }
    if (!accepted(allowlist.inputs.shape, "entries", entries)) {
      skipped.push({
        kind: "subscription-ip-allowlist",
        what,
        reason: "a rule's description or addresses are not ones the provider accepts",
      });
      continue;
    }
    allowlists.push({
      subscriptionUuid: sub.uuid,
      subscriptionName: sub.name,
      nameIsUnique: visible.filter((s) => s.name === sub.name).length === 1,
      entries,
    });
  }
  return allowlists;
}
