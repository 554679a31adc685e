#!/usr/bin/env node
/** `acquia-cloud`: the package's command. One subcommand so far, `discover`. */
import { runDiscover } from "./discover/command";

const USAGE = `Usage: acquia-cloud <command> [options]

Commands:
  discover   write a Pulumi program that adopts an existing application's estate (--help for its options)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = {
    stdout: (text: string) => void process.stdout.write(text),
    stderr: (text: string) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
  if (command === "discover") return runDiscover(rest, io);
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  io.stderr(`acquia-cloud: unknown command "${command}"\n\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`acquia-cloud: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
