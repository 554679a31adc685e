import { randomBytes, randomUUID } from "node:crypto";
import { stringField } from "./body";
import { conflict, missingParameter, validationFailed } from "./errors";
import { link } from "./hal";
import type { InviteRecord, PersonRecord, State } from "./model";
import type { RouteContext } from "./router";
import { isoNow } from "./time";

// People other than the API key's own account, and the invitations that bring them in. Acquia
// compares email addresses without regard to case; so does the simulator.

export function sameMail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The demo account or a person met through an accepted invite. */
export function personOf(state: State, uuid: string): PersonRecord | undefined {
  if (uuid === state.account.uuid) {
    const a = state.account;
    return { uuid: a.uuid, mail: a.mail, username: a.name, firstName: a.first_name, lastName: a.last_name };
  }
  return state.people[uuid];
}

export function personByMail(state: State, mail: string): PersonRecord | undefined {
  if (sameMail(state.account.mail, mail)) return personOf(state, state.account.uuid);
  return Object.values(state.people).find((p) => sameMail(p.mail, mail));
}

/** The person an accepted invite signs in as: the one Acquia knows by that address, or a new one. */
export function personForInvite(state: State, mail: string): PersonRecord {
  const known = personByMail(state, mail);
  if (known !== undefined) return known;
  const local = mail.split("@")[0] ?? mail;
  const person: PersonRecord = {
    uuid: randomUUID(),
    mail,
    username: local.toLowerCase(),
    firstName: local,
    lastName: "",
  };
  state.people[person.uuid] = person;
  return person;
}

/** The spec's user-stub. */
export function renderUserStub(person: PersonRecord): Record<string, unknown> {
  return {
    uuid: person.uuid,
    first_name: person.firstName,
    last_name: person.lastName,
    mail: person.mail,
    picture_url: `https://accounts.acquia.com/images/users/${person.uuid}/style/avatar`,
    username: person.username,
  };
}

/** An invite still waiting for its answer: not accepted (declined ones stay listed, flagged). */
export function isOpen(invite: InviteRecord): boolean {
  return invite.acceptedAt === null;
}

/** The open invite to `mail` for a team (or, with teamUuid null, to administer the organization). */
export function openInvite(
  state: State,
  organizationUuid: string,
  teamUuid: string | null,
  mail: string,
): InviteRecord | undefined {
  return Object.values(state.invites).find(
    (i) =>
      isOpen(i) &&
      i.organizationUuid === organizationUuid &&
      i.teamUuid === teamUuid &&
      sameMail(i.email, mail),
  );
}

const SENT_AT = new Intl.DateTimeFormat("en-US", {
  month: "long",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Acquia's words for a repeated invitation (409), with the date the first one was sent. */
export function alreadyInvited(invite: InviteRecord): string {
  const sent = SENT_AT.format(new Date(invite.createdAt)).replace(" at ", " - ");
  return `An invitation to ${invite.email} has already been sent. It was sent on ${sent}.`;
}

/**
 * Records an invitation to a team (or, with teamUuid null, to administer the organization). An open
 * one to the same address is refused as Acquia refuses it; a declined one may be sent again and is
 * replaced. The caller saves the store.
 */
export function sendInvite(
  state: State,
  invite: { organizationUuid: string; teamUuid: string | null; email: string; roleUuids: string[] },
): InviteRecord {
  const pending = openInvite(state, invite.organizationUuid, invite.teamUuid, invite.email);
  if (pending !== undefined && !pending.declined) throw conflict(alreadyInvited(pending));
  if (pending !== undefined) delete state.invites[pending.token];
  const token = randomBytes(16).toString("hex");
  const record: InviteRecord = {
    ...invite,
    token,
    uuid: randomUUID(),
    createdAt: isoNow(),
    declined: false,
    acceptedAt: null,
  };
  state.invites[token] = record;
  return record;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The `email` an invitation is sent to, refused as Acquia refuses it when missing or malformed. */
export function invitedEmail(body: Readonly<Record<string, unknown>>): string {
  const email = stringField(body, "email")?.trim();
  if (email === undefined || email === "") throw missingParameter("email");
  if (!EMAIL.test(email)) throw validationFailed({ email: "Invalid values for parameter(s): email" });
  return email;
}

/** The spec's invite (team invites carry team, roles and the team's applications). */
export function renderInvite(ctx: RouteContext, invite: InviteRecord): Record<string, unknown> {
  const { state } = ctx.core.store;
  const organization = state.organizations[invite.organizationUuid];
  const body: Record<string, unknown> = {
    uuid: invite.uuid,
    email: invite.email,
    created_at: invite.createdAt,
    token: invite.token,
    flags: { declined: invite.declined },
    author: renderUserStub(personOf(state, state.account.uuid) as PersonRecord),
    organization: { uuid: invite.organizationUuid, name: organization?.name ?? "" },
  };
  if (invite.teamUuid !== null) {
    const team = state.teams[invite.teamUuid];
    body.team = { uuid: invite.teamUuid, name: team?.name ?? "" };
    body.applications = Object.values(state.teamApplications)
      .filter((l) => l.teamUuid === invite.teamUuid)
      .map((l) => state.applications[l.applicationUuid])
      .filter((a) => a !== undefined)
      .map((a) => ({ uuid: a.uuid, name: a.name }));
    body.roles = roleStubs(state, invite.roleUuids);
  }
  body._links = { self: link(ctx, `/invites/${invite.token}`) };
  return body;
}

/** The spec's role-stubs for role uuids, skipping roles deleted since. */
export function roleStubs(state: State, uuids: readonly string[]): { uuid: string; name: string }[] {
  return uuids
    .map((uuid) => state.roles[uuid])
    .filter((r) => r !== undefined)
    .map((r) => ({ uuid: r.uuid, name: r.name }));
}
