// What the engine suites read back from the simulator: a client with its demo credentials, and the
// collections only the suites' programs create, which every destroy must leave as seeded.
import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";

/** A client holding the simulator's credentials: the suites' view of Acquia, apart from any program. */
export function apiClient(sim: Simulator): AcquiaCloudClient {
  return new AcquiaCloudClient({
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    apiUrl: sim.apiUrl,
    tokenUrl: sim.tokenUrl,
  });
}

/** Collections of objects that only the programs create (notifications, Acquia's task log, aside). */
export const PROGRAM_COLLECTIONS = [
  "environments",
  "applicationDatabases",
  "environmentDatabases",
  "variables",
  "domains",
  "crons",
  "logForwardingDestinations",
  "certificates",
  "sshKeys",
  "teams",
  "teamApplications",
  "roles",
  "teamMembers",
  "organizationAdmins",
  "shieldAclRules",
] as const;

export type EstateState = Record<(typeof PROGRAM_COLLECTIONS)[number], Record<string, unknown>>;

/** The simulator's objects in the collections programs create, by collection and id. */
export async function estate(sim: Simulator): Promise<EstateState> {
  return (await sim.control.state()) as unknown as EstateState;
}

/** Fails unless every collection programs create holds the same ids as `seed`. */
export function expectSameIds(after: EstateState, seed: EstateState): void {
  for (const collection of PROGRAM_COLLECTIONS) {
    expect({ [collection]: Object.keys(after[collection]).sort() }).toEqual({
      [collection]: Object.keys(seed[collection]).sort(),
    });
  }
}
