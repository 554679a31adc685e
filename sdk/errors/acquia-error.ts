const BRAND = Symbol.for("pulumi-acquia-cloud.error");

/**
 * Base of every error this client throws. The brand makes `instanceof` hold across two copies of the
 * package (a program and its provider process can load different ones).
 */
export class AcquiaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === AcquiaError) {
      return typeof value === "object" && value !== null && BRAND in value;
    }
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
