import { z } from "zod";
import { defineKind } from "../kind";

export const kind = defineKind({
  name: "ApiToken",
  description:
    "An API token (key and secret) of the Acquia account that owns the API key, e.g. for CI. Acquia shows " +
    "its key and secret once, when it is created: they become the secret outputs `apiKey` and `apiSecret`.",
  inputs: z.object({
    label: z
      .string()
      .refine((l) => l.trim() !== "", "label is required (it names the token in Cloud UI › API Tokens)")
      .refine((l) => l.length <= 255, "label must be at most 255 characters")
      .describe(
        "The token's name in Cloud UI. A new label makes a new token (a new key and secret) and revokes the old one.",
      ),
  }),
  outputs: z.object({
    tokenUuid: z.string().describe("Acquia's id of the token (also the resource id)."),
    apiKey: z
      .string()
      .optional()
      .describe("The key (client id) to authenticate with. Empty for an adopted or imported token."),
    apiSecret: z
      .string()
      .optional()
      .describe(
        "The secret (client secret). Empty for an adopted or imported token: Acquia shows it only once.",
      ),
    createdAt: z.string().optional().describe("When the token was created."),
  }),
  secrets: ["apiKey", "apiSecret"],
  replaceOn: ["label"],
  // The new token exists before the old one is revoked, so a program moving to it is never locked out.
  deleteBeforeReplace: false,
  naturalKey: ["label"],
  idFormat: "<tokenUuid>",
  notes:
    "Acquia shows a token's secret only in the answer to its create, so a token this stack did not create " +
    "cannot give it: a create that finds the label taken fails (the secret of that token is lost to this stack), " +
    "and `adopt: true` manages it with `apiKey` and `apiSecret` left empty (it can still be revoked by deleting " +
    "the resource). Deleting revokes the token: its key is refused from then on. A `label` change is a rotation: " +
    "a new token is made, then the old one revoked. See the rotation recipe below.",
});
