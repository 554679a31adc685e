import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** The SAML identity provider of an organization, taken over with `adopt: true` (Acquia cannot create one). */
export const IdentityProvider = resourceClass(kind);
export type IdentityProvider = InstanceType<typeof IdentityProvider>;
export type IdentityProviderArgs = ArgsOf<typeof kind>;
