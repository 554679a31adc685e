import type { Route } from "../router";
import { accountRoutes } from "./account";
import { apiTokenRoutes } from "./api-tokens";
import { applicationRoutes } from "./applications";
import { codeRoutes } from "./code";
import { cronRoutes } from "./crons";
import { databaseRoutes } from "./databases";
import { domainRoutes } from "./domains";
import { environmentRoutes } from "./environments";
import { identityProviderRoutes } from "./identity-providers";
import { logForwardingRoutes } from "./log-forwarding";
import { notificationRoutes } from "./notifications";
import { organizationRoutes } from "./organizations";
import { shieldAclRoutes } from "./shield-acl";
import { sslRoutes } from "./ssl";
import { subscriptionRoutes } from "./subscriptions";
import { teamRoutes } from "./teams";
import { variableRoutes } from "./variables";

/** Every implemented Cloud Platform API operation, keyed by the spec's method and path template. */
export const apiRoutes: readonly Route[] = [
  ...accountRoutes,
  ...apiTokenRoutes,
  ...organizationRoutes,
  ...teamRoutes,
  ...subscriptionRoutes,
  ...shieldAclRoutes,
  ...identityProviderRoutes,
  ...applicationRoutes,
  ...environmentRoutes,
  ...codeRoutes,
  ...databaseRoutes,
  ...domainRoutes,
  ...variableRoutes,
  ...cronRoutes,
  ...logForwardingRoutes,
  ...sslRoutes,
  ...notificationRoutes,
];
