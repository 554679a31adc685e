import { z } from "zod";
import { halLinks } from "../hal/schemas";

export const notificationSchema = z.looseObject({
  uuid: z.string(),
  event: z.string().optional(),
  label: z.string().optional(),
  description: z.string().nullable().optional(),
  created_at: z.string().nullable().optional(),
  completed_at: z.string().nullable().optional(),
  // Lenient: Acquia documents three states, but a new one must not break the poller.
  status: z.string(),
  progress: z.number().optional(),
  context: z.unknown().optional(),
  _links: halLinks.optional(),
});
export type Notification = z.infer<typeof notificationSchema>;
