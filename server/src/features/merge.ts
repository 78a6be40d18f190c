/** `A | B` to `A & B`: the one object that every feature's part (`A`, `B`) was merged into. */
export type Merged<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/**
 * One object from the features' named parts (services, controllers). Two features giving the same
 * name would silently replace one another in Strapi's registry, so that stops the plugin's load.
 */
export const mergeByName = <T extends object>(kind: string, parts: readonly object[]): T => {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (name in merged) throw new Error(`campaigns: two features declare the ${kind} "${name}"`);
      merged[name] = value;
    }
  }
  return merged as T;
};
