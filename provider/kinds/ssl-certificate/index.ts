import { resourceClass, type ArgsOf } from "../../program/resource-class";
import { kind } from "./definition";

/** An SSL (SNI) certificate installed on an Acquia environment. */
export const SslCertificate = resourceClass(kind);
export type SslCertificate = InstanceType<typeof SslCertificate>;
export type SslCertificateArgs = ArgsOf<typeof kind>;
