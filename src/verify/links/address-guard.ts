// The SSRF guard: which URL schemes and which resolved IP addresses a link check may reach.
import { BlockList, isIPv4, isIPv6 } from "node:net";

/** The only schemes a link check ever requests. */
export const ALLOWED_SCHEMES: readonly string[] = ["http:", "https:"];

/** Why a scheme is refused, or null when it may be requested. */
export function schemeRefusal(url: URL): string | null {
  if (ALLOWED_SCHEMES.includes(url.protocol)) return null;
  return `scheme ${url.protocol} is never requested (only http and https are checked)`;
}

const V4_RANGES: [string, number, string][] = [
  ["0.0.0.0", 8, "unspecified/this network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local (incl. cloud metadata)"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay anycast (deprecated)"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved/broadcast"],
];

const V6_RANGES: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fc00::", 7, "unique-local"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local (deprecated)"],
  ["ff00::", 8, "multicast"],
  ["2001:db8::", 32, "documentation"],
  ["3fff::", 20, "documentation"],
  ["2001::", 23, "IETF protocol assignments (incl. Teredo)"],
  ["100::", 64, "discard-only"],
];

const v4Labels = new Map<string, BlockList>();
const v6Labels = new Map<string, BlockList>();
for (const [net, prefix, label] of V4_RANGES)
  listFor(v4Labels, label).addSubnet(net, prefix, "ipv4");
for (const [net, prefix, label] of V6_RANGES)
  listFor(v6Labels, label).addSubnet(net, prefix, "ipv6");

function listFor(map: Map<string, BlockList>, label: string): BlockList {
  const list = map.get(label) ?? new BlockList();
  map.set(label, list);
  return list;
}

/** Which non-public range an address falls in ("loopback", "private", …), or null for a public address. */
export function addressRange(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIPv4(bare)) return labelIn(v4Labels, bare, "ipv4");
  if (!isIPv6(bare)) return "not an IP address";
  const embedded = embeddedIPv4(bare);
  if (embedded) {
    const range = labelIn(v4Labels, embedded.v4, "ipv4");
    return range ? `${embedded.form} ${range}` : null;
  }
  return (
    labelIn(v6Labels, bare, "ipv6") ??
    (GLOBAL_UNICAST.check(bare, "ipv6") ? null : "reserved (outside global unicast 2000::/3)")
  );
}

/** Only 2000::/3 is routed on the internet; everything else (NAT64 local-use 64:ff9b:1::/48, 5f00::/16…) is not public. */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet("2000::", 3, "ipv6");

export function isPublicAddress(ip: string): boolean {
  return addressRange(ip) === null;
}

function labelIn(map: Map<string, BlockList>, ip: string, type: "ipv4" | "ipv6"): string | null {
  for (const [label, list] of map) if (list.check(ip, type)) return label;
  return null;
}

/**
 * The IPv4 address inside an IPv6 one that carries it: mapped (::ffff:a.b.c.d), translated
 * (::ffff:0:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). They reach the IPv4 host, so the
 * IPv4 ranges apply to them.
 */
function embeddedIPv4(ip: string): { v4: string; form: string } | null {
  const b = ipv6Bytes(ip);
  if (!b) return null;
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const v4 = (at: number) => b.slice(at, at + 4).join(".");
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return { v4: v4(12), form: "IPv4-mapped" };
  if (zero(0, 8) && b[8] === 0xff && b[9] === 0xff && zero(10, 12)) {
    return { v4: v4(12), form: "IPv4-translated" };
  }
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && b[15] === 1)) {
    return { v4: v4(12), form: "IPv4-compatible" };
  }
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) {
    return { v4: v4(12), form: "NAT64" };
  }
  if (b[0] === 0x20 && b[1] === 0x02) return { v4: v4(2), form: "6to4" };
  return null;
}

/** The 16 bytes of an IPv6 address (with "::" and a trailing dotted quad expanded). */
export function ipv6Bytes(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad?.[1]) {
    const parts = quad[1].split(".").map(Number);
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    text = `${text.slice(0, quad.index)}${hex(a, b)}:${hex(c, d)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right].map((g) =>
    parseInt(g, 16),
  );
  if (groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff)) return null;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}
