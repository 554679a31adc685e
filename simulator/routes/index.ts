import type { Route } from "../router";
import { accountRoutes } from "./account";
import { apiTokenRoutes } from "./api-tokens";
import { applicationRoutes } from "./applications";
import { cloudActionRoutes } from "./cloud-actions";
import { codeRoutes } from "./code";
import { copyRoutes } from "./copies";
import { cronRoutes } from "./crons";
import { databaseBackupRoutes } from "./database-backups";
import { databaseRoutes } from "./databases";
import { domainRoutes } from "./domains";
import { environmentFlagRoutes } from "./environment-flags";
import { environmentNetworkRoutes } from "./environment-network";
import { environmentRoutes } from "./environments";
import { identityProviderRoutes } from "./identity-providers";
import { inviteRoutes } from "./invites";
import { logForwardingRoutes } from "./log-forwarding";
import { notificationRoutes } from "./notifications";
import { optionRoutes } from "./options";
import { organizationAdminRoutes } from "./organization-admins";
import { organizationRoutes } from "./organizations";
import { roleRoutes } from "./roles";
import { shieldAclRoutes } from "./shield-acl";
import { sslRoutes } from "./ssl";
import { subscriptionRoutes } from "./subscriptions";
import { teamMemberRoutes } from "./team-members";
import { teamRoutes } from "./teams";
import { variableRoutes } from "./variables";

/** Every implemented Cloud Platform API operation, keyed by the spec's method and path template. */
export const apiRoutes: readonly Route[] = [
  ...accountRoutes,
  ...apiTokenRoutes,
  ...organizationRoutes,
  ...teamRoutes,
  ...roleRoutes,
  ...teamMemberRoutes,
  ...organizationAdminRoutes,
  ...inviteRoutes,
  ...subscriptionRoutes,
  ...shieldAclRoutes,
  ...identityProviderRoutes,
  ...applicationRoutes,
  ...environmentRoutes,
  ...environmentFlagRoutes,
  ...cloudActionRoutes,
  ...environmentNetworkRoutes,
  ...codeRoutes,
  ...databaseRoutes,
  ...databaseBackupRoutes,
  ...copyRoutes,
  ...domainRoutes,
  ...variableRoutes,
  ...cronRoutes,
  ...logForwardingRoutes,
  ...optionRoutes,
  ...sslRoutes,
  ...notificationRoutes,
];
