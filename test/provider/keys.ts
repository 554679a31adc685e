// SSH public key lines for the suites: well-formed, so the simulator measures them like Acquia does
// (type and size); no private half exists.

/** An SSH wire-format string: length-prefixed bytes. */
function sshString(b: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(b.length);
  return Buffer.concat([length, b]);
}

export const keyLine = (type: string, ...parts: Buffer[]) =>
  `${type} ${Buffer.concat([sshString(Buffer.from(type)), ...parts.map(sshString)]).toString("base64")}`;

export const ed25519 = (seed: number) => `${keyLine("ssh-ed25519", Buffer.alloc(32, seed))} me@laptop`;

export const rsa = (bits: number, seed: number) =>
  keyLine(
    "ssh-rsa",
    Buffer.from([1, 0, 1]),
    Buffer.concat([Buffer.from([0, 0xc0]), Buffer.alloc(bits / 8 - 1, seed)]),
  );
