/**
 * Memberships Acquia grants only by invitation (team members, organization admins): where a person
 * stands is read from two lists, the members and the open invitations.
 */
import type { Invite } from "../../sdk";
import { unlessNotFound } from "./common";

/** Acquia matches e-mail addresses without regard to case. */
export function sameMail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Holding the membership, invited to it, or neither. */
export type Standing<M> = { member: M } | { invite: Invite } | "none";

/** Where `email` stands; undefined when the parent (team, organization) answers 404. */
export async function standingOf<M extends { mail: string }>(
  email: string,
  members: () => Promise<M[]>,
  invites: () => Promise<Invite[]>,
): Promise<Standing<M> | undefined> {
  const all = await unlessNotFound(members());
  if (all === undefined) return undefined;
  const member = all.find((m) => sameMail(m.mail, email));
  if (member) return { member };
  const invite = (await invites()).find((i) => sameMail(i.email, email));
  return invite ? { invite } : "none";
}

/** An open invitation's status output. */
export function invitationStatus(invite: Invite): "pending" | "declined" {
  return invite.flags?.declined ? "declined" : "pending";
}
