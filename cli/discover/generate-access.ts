/**
 * The program's access sections for `--organization`: custom roles, each team's people and the Shield
 * allowlists. A person's roles read as names: a custom role's Role resource, else Acquia's default
 * role by name from one getRoles lookup, so nobody has to decode UUIDs.
 */
import type { DiscoveredAllowlist, DiscoveredRole, DiscoveredTeam, RoleRef } from "./estate";
import type { ProgramWriter } from "./generate";
import { code, literal, type Code } from "./typescript";

/** How members' roles are written: by each custom Role resource, or through the getRoles lookup. */
export class RoleRefs {
  private readonly resources = new Map<string, Code>();
  private lookup: string | undefined;

  constructor(private readonly w: ProgramWriter) {}

  /** The custom roles as Role resources (when the kind is wanted), remembered for members. */
  write(roles: readonly DiscoveredRole[], organizationUuid: string): void {
    if (!this.w.has("role") || roles.length === 0) return;
    this.w.comment("Custom roles of the organization (Acquia's default roles are its own)");
    for (const role of roles) {
      const ident = this.w.identifiers.take(role.name, "role");
      this.w.resource(
        "Role",
        ["role", role.name],
        { organizationUuid, roleUuid: role.uuid },
        [
          ["organizationUuid", code("organizationUuid")],
          ["name", role.name],
          ["description", role.description],
          ["permissions", role.permissions],
        ],
        { adopt: true, bind: ident },
      );
      this.resources.set(role.uuid, code(`${ident}.roleUuid`));
    }
  }

  /** `developerRole.roleUuid`, or `roles.byName["Developer"]` (declaring the lookup on first use). */
  of(ref: RoleRef): Code {
    const resource = this.resources.get(ref.uuid);
    if (resource) return resource;
    if (this.lookup === undefined) {
      this.lookup = this.w.identifiers.take("organization roles");
      this.w.sections.push(
        "// Acquia's default roles (and any role not written here) by name.",
        `const ${this.lookup} = organizationUuid.apply((uuid) => acquia.getRoles({ organizationUuid: uuid }));`,
      );
    }
    return code(`${this.lookup}.byName[${JSON.stringify(ref.name)}]`);
  }
}

/** A TeamMember per person on the team; `teamUuid` is the team's resource or lookup. */
export function membersSection(w: ProgramWriter, refs: RoleRefs, team: DiscoveredTeam, teamUuid: Code): void {
  if (!w.has("team-member")) return;
  for (const member of team.members) {
    // Resolved before the resource, so a first getRoles declaration lands above it.
    const roles = member.roles.map((r) => refs.of(r).code);
    w.resource(
      "TeamMember",
      ["team", team.name, member.email],
      { teamUuid: team.uuid, email: member.email },
      [
        ["teamUuid", teamUuid],
        ["email", member.email],
        ["roles", code(`[${roles.join(", ")}]`)],
      ],
    );
  }
}

/** One SubscriptionIpAllowlist per Shield subscription, its subscription found by name where unique. */
export function allowlistsSection(w: ProgramWriter, allowlists: readonly DiscoveredAllowlist[]): void {
  if (!w.has("subscription-ip-allowlist") || allowlists.length === 0) return;
  w.comment("Shield IP allowlists of the organization's subscriptions (the whole list each)");
  for (const list of allowlists) {
    const ident = w.identifiers.take(list.subscriptionName, "subscription");
    const lookup = list.nameIsUnique
      ? `{ name: ${JSON.stringify(list.subscriptionName)} }`
      : `{ uuid: ${JSON.stringify(list.subscriptionUuid)} }`;
    w.sections.push(`const ${ident} = pulumi.output(acquia.getSubscription(${lookup}));`);
    const entries = list.entries.map(
      (e) => `    { description: ${JSON.stringify(e.description)}, addresses: ${literal(e.addresses)} },`,
    );
    w.resource(
      "SubscriptionIpAllowlist",
      [list.subscriptionName, "allowlist"],
      { subscriptionUuid: list.subscriptionUuid },
      [
        ["subscriptionUuid", code(`${ident}.uuid`)],
        ["entries", code(`[\n${entries.join("\n")}\n  ]`)],
      ],
    );
  }
}
