import { z } from "zod";
import { halLinks, maybe } from "../hal/schemas";

export const notificationSchema = z.looseObject({
  uuid: z.string(),
  event: maybe(z.string()),
  label: maybe(z.string()),
  description: maybe(z.string()),
  created_at: maybe(z.string()),
  completed_at: maybe(z.string()),
  // Lenient: Acquia documents three states, but a new one must not break the poller.
  status: z.string(),
  progress: maybe(
    z.union([
      z.number(),
      z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .transform(Number),
    ]),
  ),
  context: z.unknown().optional(),
  _links: maybe(halLinks),
});
export type Notification = z.infer<typeof notificationSchema>;
