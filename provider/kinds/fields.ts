/** Input fields several kinds share, with the same rule and message everywhere. */
import { z } from "zod";

export const environmentId = z
  .string()
  .regex(
    /^\d+-[0-9a-f-]{36}$/i,
    "environmentId must be an Acquia environment id such as 24-a47ac10b-58cc-4372-a567-0e02b2c3d470 (see getEnvironment)",
  );

/** The application an environment id belongs to: Acquia's environment ids end with its UUID (`24-<uuid>`). */
export const applicationOfEnvironment = (id: string): string => id.replace(/^\d+-/, "");

export const applicationUuid = z.uuid({
  message: "applicationUuid must be an application UUID (see getApplication)",
});

/** guid, not uuid: Acquia's ids do not all carry RFC 4122 version bits (see the spec's examples). */
export const organizationUuid = z.guid({
  message: "organizationUuid must be an organization UUID (see getOrganization)",
});

export const teamUuid = z.guid({ message: "teamUuid must be a team UUID (e.g. a Team's teamUuid output)" });

/** Compared and stored in lower case: Acquia matches addresses without regard to case. */
export const email = z
  .email({ message: "email must be an e-mail address such as jane.doe@example.com" })
  .overwrite((address) => address.toLowerCase());

/** A list whose order and repeats mean nothing to Acquia: kept sorted and unique, so no diff arises. */
export const unorderedSet = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).overwrite((values) => [...new Set(values)].sort());

/** A branch (`main`) or a tag written `tags/<name>`. */
export const gitRef = (field: string, required: string) =>
  z
    .string()
    .trim()
    .min(1, required)
    .regex(
      /^[A-Za-z0-9._/-]+$/,
      `${field} may contain only letters, digits and . _ / - (tags are written tags/<name>)`,
    );

export const subscriptionUuid = z.guid({
  message: "subscriptionUuid must be a subscription UUID (see getSubscription)",
});

/**
 * What makes an action run again: any change of a value (or a key added or removed) replaces the
 * resource, and the replacement runs the action once more. A map rather than a list, so each value says
 * why it is there (`{ release: "v42" }`) and reordering the program's entries is no change.
 */
export const triggers = z
  .record(z.string(), z.string())
  .optional()
  .describe(
    "Values that make the action run again: a change to any of them (or a key added or removed) replaces " +
      'the resource, and the replacement runs it once more. E.g. `{ release: "v42" }`. Nothing else ' +
      "makes it run again.",
  );

/** An environment database's name: the application's database, as named in every environment. */
export const databaseName = z
  .string()
  .min(1, "databaseName is required: the database's name (see the application's Database resources)")
  .regex(/^[A-Za-z0-9_]+$/, "databaseName may contain only letters, digits and underscores");

/**
 * For kinds that manage part of something that exists anyway: whether deleting the resource puts back
 * what it found. Off by default, because undoing a live change only because a stack went away is the
 * worse surprise.
 */
export const restoreOnDelete = (values: string, owner: string) =>
  z
    .boolean()
    .default(false)
    .describe(
      `On delete, put back the ${values} found before this resource first changed them. Default false: ` +
        `removing the resource leaves ${owner} as it is.`,
    );
