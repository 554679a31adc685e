#!/usr/bin/env node
/**
 * pulumi-resource-acquia: the provider plugin executable. The engine starts it with its own address
 * as the first argument and reads the port to dial from the first line of stdout.
 */
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { attachEngine, service } from "./service";
import { grpc } from "./wire";

function main(args: string[]): void {
  attachEngine(args.find((a) => !a.startsWith("-")) ?? "");
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(
    provrpc.ResourceProviderService,
    service as unknown as Parameters<typeof server.addService>[1],
  );
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      console.error(`pulumi-resource-acquia could not listen: ${error.message}`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
}

main(process.argv.slice(2));
