import { guardOrganization } from "../access";
import { ok } from "../answers";
import { NOT_FOUND, notFound } from "../errors";
import { link } from "../hal";
import type { Route } from "../router";

export const notificationRoutes: Route[] = [
  {
    method: "GET",
    template: "/notifications/{notificationUuid}",
    handler: (ctx) => {
      const record = ctx.core.store.state.notifications[ctx.params.notificationUuid ?? ""];
      if (record === undefined) throw notFound(NOT_FOUND.notification);
      if (record.organizationUuid !== null) {
        guardOrganization(ctx, record.organizationUuid, () => notFound(NOT_FOUND.notification));
      }
      ctx.core.stats.notificationRead(record);
      return ok({
        uuid: record.uuid,
        event: record.event,
        label: record.label,
        description: record.description,
        created_at: record.createdAt,
        // Null until the task ends (the spec's schema only shows finished notifications).
        completed_at: record.completedAt,
        status: record.status,
        progress: ctx.core.tasks.progress(record),
        context: record.context,
        _links: {
          self: link(ctx, `/notifications/${record.uuid}`),
          parent: link(ctx, "/notifications"),
        },
      });
    },
  },
];
