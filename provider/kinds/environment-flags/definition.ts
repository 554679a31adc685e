import { z } from "zod";
import { isConflict, isNotFound, type AcquiaCloudClient, type Environment } from "../../../sdk";
import { environmentId, restoreOnDelete } from "../fields";
import { defineKind } from "../kind";

const flag = (description: string) => z.boolean().optional().describe(description);

export const flagsShape = {
  productionMode: flag(
    "Production mode: while on, Acquia refuses copying databases and files into the environment. Only " +
      "production environments have it.",
  ),
  cdn: flag("Platform CDN in front of the environment (provisioned or deprovisioned by Acquia)."),
  modProxy: flag("Apache mod_proxy, where Acquia offers it for the environment."),
};
export type Flag = keyof typeof flagsShape;
export const FLAGS = Object.keys(flagsShape) as Flag[];
/** Flags by name, each present only where known (managed, or reported by Acquia). */
export type FlagValues = Partial<Record<Flag, boolean>>;

/** How messages name each flag: the words Acquia's own answers use. */
export const FLAG_NAMES: Record<Flag, string> = {
  productionMode: "production mode",
  cdn: "Platform CDN",
  modProxy: "mod_proxy",
};

export const kind = defineKind({
  name: "EnvironmentFlags",
  description:
    "Production mode, Platform CDN and mod_proxy of an existing environment. Only the flags given are " +
    "managed, and only those that differ are switched. One per environment. A kind of its own rather " +
    "than more EnvironmentSettings: each flag has its own endpoints and its own task or answer, and " +
    "production mode is a safety lock that teams protect separately from PHP tuning.",
  inputs: z
    .object({
      environmentId: environmentId.describe("Changing it manages another environment's flags instead."),
      ...flagsShape,
      restoreOnDelete: restoreOnDelete("values", "the environment"),
    })
    .refine((p) => FLAGS.some((k) => p[k] !== undefined), {
      message: `set at least one flag (${FLAGS.join(", ")})`,
      path: ["productionMode"],
    }),
  outputs: z.object({
    previousFlags: z
      .record(z.string(), z.boolean())
      .describe(
        "The managed flags' values before this resource first changed them (restoreOnDelete puts these back).",
      ),
  }),
  secrets: [],
  replaceOn: ["environmentId"],
  deleteBeforeReplace: false,
  naturalKey: [],
  idFormat: "<environmentId>",
  notes:
    "Each flag is read back from Acquia on refresh (production mode from the environment, CDN and mod_proxy " +
    "from their own status), so a switch made in the Cloud UI shows as drift. A flag Acquia refuses (mod_proxy " +
    "where it is not offered, production mode on a non-production environment) fails the preview naming it. " +
    "Deleting it leaves the environment as it is; set `restoreOnDelete: true` to put back the values recorded " +
    "before the first change (`previousFlags`).",
});

/**
 * A CDN in any state but these is there (active, being installed, or failing to go away); these mean
 * it is gone or going.
 */
const CDN_ABSENT = ["deleting", "disabling", "install-failed"];

/**
 * The values of `which` as Acquia reports them for `environment`, read the way this kind reads them
 * back (its handler and discover share it): production mode from the environment's own flags, CDN and
 * mod_proxy from their status endpoints. A flag Acquia does not offer there is left out (mod_proxy
 * answers 409 "not available"); the CDN endpoint's 404 means no CDN.
 */
export async function readFlags(
  client: AcquiaCloudClient,
  environment: Environment,
  which: readonly Flag[],
): Promise<FlagValues> {
  const values: FlagValues = {};
  const production = environment.flags?.production_mode;
  if (which.includes("productionMode") && typeof production === "boolean") values.productionMode = production;
  if (which.includes("cdn")) {
    const cdn = await client.environmentFlags.cdn(environment.id).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    values.cdn = cdn !== undefined && !CDN_ABSENT.includes(cdn.status);
  }
  if (which.includes("modProxy")) {
    try {
      values.modProxy = (await client.environmentFlags.modProxy(environment.id)).status === "active";
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return values;
}
