/**
 * pulumi-acquia-cloud/plugin: the typed SDK of plugin mode (resources served by the
 * pulumi-resource-acquia plugin as `acquia:index:<Type>`), generated into ../plugin-sdk from the
 * package schema, with the one class the program completes itself.
 */
// Before the generated exports: a name exported here shadows theirs.
export { Connection, type ConnectionArgs } from "./connection";
export * from "../plugin-sdk";
