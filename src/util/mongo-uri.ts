// The database a MongoDB connection string names, by the driver's convention:
// mongodb://user:pass@host1,host2/<database>?options. The authority never holds a "/"
// (a password must percent-encode it), so the path starts at the first "/" after "//".

export const DEFAULT_DB_NAME = "sujarit";

/** The database named in the URI's path, or undefined when the path is empty. */
export function databaseFromUri(uri: string): string | undefined {
  const rest = uri.replace(/^mongodb(\+srv)?:\/\//, "").split("?")[0]!;
  const slash = rest.indexOf("/");
  if (slash < 0) return undefined;
  const name = decodeURIComponent(rest.slice(slash + 1));
  return name === "" ? undefined : name;
}

/** MONGODB_DB when set; else the URI's database; else "sujarit". */
export function resolveDbName(uri: string, override?: string): string {
  return override || databaseFromUri(uri) || DEFAULT_DB_NAME;
}
