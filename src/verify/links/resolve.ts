// Resolve a host once and check every address it has, so the connection is pinned to a checked one.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { addressRange } from "./address-guard.js";
import { LinkFailure, toFailure } from "./failure.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export async function lookupAll(hostname: string): Promise<ResolvedAddress[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/**
 * The address to connect to. Every address the name resolves to must pass the policy: a name
 * that mixes public and private addresses is refused rather than trusted for its public half.
 */
export async function resolvePinned(
  hostname: string,
  isAllowed: (ip: string) => boolean,
  resolveHost: (hostname: string) => Promise<ResolvedAddress[]>,
): Promise<ResolvedAddress> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  let addresses: ResolvedAddress[];
  try {
    addresses = family
      ? [{ address: bare, family: family === 6 ? 6 : 4 }]
      : await resolveHost(bare);
  } catch (error) {
    throw toFailure(error, bare);
  }
  if (!addresses.length) throw new LinkFailure("dns", `DNS lookup for ${bare} returned no address`);
  const refused = addresses.find((a) => !isAllowed(a.address));
  if (refused) {
    const range = addressRange(refused.address) ?? "refused by policy";
    const via = refused.address === bare ? "" : `${bare} resolves to `;
    throw new LinkFailure("blocked", `${via}${refused.address}, a ${range} address`);
  }
  return addresses[0] as ResolvedAddress;
}
