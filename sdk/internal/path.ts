/**
 * Builds an API path with every interpolated value percent-encoded, so an id can never add a path
 * segment or climb out of one: path`/environments/${id}/variables/${name}`.
 */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    const text = String(value);
    if (text === "" || text === "." || text === "..") {
      throw new TypeError(`Invalid path parameter ${JSON.stringify(text)} in ${strings.join("{}")}`);
    }
    out += encodeURIComponent(text) + (strings[i + 1] ?? "");
  });
  return out;
}
