// Who may use the portal: anyone on this machine, users signing in (a users file), an authenticating proxy's users, or anyone.
import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isIP } from "node:net";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { CollateralError } from "../model/index.js";

/** The choice that must be made out loud before the portal listens beyond this machine. */
export type Access =
  | { kind: "users"; file: string }
  | { kind: "proxy-user"; header: string }
  | { kind: "anyone" };

/** A host that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::1" || h.startsWith("::ffff:127.");
}

/** Refuses (exit 2) to listen beyond this machine with no access choice made. */
export function assertAccessChosen(host: string, access: Access | undefined): void {
  if (isLoopback(host) || access) return;
  throw new CollateralError(
    `serve --host ${host} listens beyond this machine, and the portal has no sign-in of its own: say who may use it with --users FILE (sales sign in; make the file with \`collateral users FILE NAME\`), --trust-proxy-user HEADER (an authenticating proxy in front sets the user), or --no-auth (anyone who can reach ${host})`,
  );
}

/** Adds the access check to every route but /healthz (a load balancer's probe carries no credentials). */
export async function installAccess(
  app: FastifyInstance,
  access: Access | undefined,
): Promise<void> {
  if (!access || access.kind === "anyone") return;
  if (access.kind === "proxy-user") {
    const header = access.header.toLowerCase();
    app.addHook("onRequest", async (req, reply) => {
      if (req.url === "/healthz") return;
      const user = req.headers[header];
      if (typeof user !== "string" || user.trim() === "") {
        return reply
          .code(401)
          .send({ error: `sign in first: the proxy sets no ${access.header} header` });
      }
    });
    return;
  }
  const users = await readUsers(access.file);
  const accepted = new Map<string, string>();
  app.addHook("onRequest", async (req, reply) => {
    if (req.url === "/healthz") return;
    if (!(await signedIn(req, users, accepted))) return challenge(reply);
  });
}

function challenge(reply: FastifyReply) {
  return reply
    .code(401)
    .header("WWW-Authenticate", 'Basic realm="collateral sales portal", charset="UTF-8"')
    .send({ error: "sign in with your portal user name and password" });
}

/**
 * HTTP Basic against the users file's scrypt hashes. A verified header is remembered (by its SHA-256)
 * so that scrypt, slow on purpose, runs once per user and password, not once per request.
 */
async function signedIn(
  req: FastifyRequest,
  users: Map<string, UserHash>,
  accepted: Map<string, string>,
): Promise<boolean> {
  const header = req.headers.authorization;
  if (typeof header !== "string" || !/^basic /i.test(header)) return false;
  const digest = createHash("sha256").update(header).digest("hex");
  if (accepted.has(digest)) return true;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  const name = decoded.slice(0, colon);
  const user = users.get(name);
  if (!user) return false;
  const hash = await scryptHash(decoded.slice(colon + 1), user.salt, user.hash.length, user);
  if (!timingSafeEqual(hash, user.hash)) return false;
  if (accepted.size > 1000) accepted.clear();
  accepted.set(digest, name);
  return true;
}

interface UserHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** The users file: one `name:scrypt:N:r:p:salt:hash` per line (salt and hash in base64); # starts a comment. */
async function readUsers(file: string): Promise<Map<string, UserHash>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CollateralError(
      `cannot read the users file ${file} (${code === "ENOENT" ? "it does not exist: make it with `collateral users FILE NAME`" : code === "EACCES" ? "permission denied" : code})`,
    );
  }
  const users = new Map<string, UserHash>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const parts = line.split(":");
    const [name, scheme, N, r, p, salt, hash] = parts;
    if (parts.length !== 7 || scheme !== "scrypt" || !name) {
      throw new CollateralError(
        `${file}:${i + 1}:1: not a user line (name:scrypt:N:r:p:salt:hash)`,
      );
    }
    users.set(name, {
      N: Number(N),
      r: Number(r),
      p: Number(p),
      salt: Buffer.from(salt!, "base64"),
      hash: Buffer.from(hash!, "base64"),
    });
  });
  if (users.size === 0) throw new CollateralError(`the users file ${file} names no user`);
  return users;
}

const SCRYPT = { N: 16384, r: 8, p: 1 };

function scryptHash(
  password: string,
  salt: Buffer,
  length: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      length,
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** A users-file line for `name` and `password` (a fresh salt each time). */
export async function userLine(name: string, password: string): Promise<string> {
  if (!/^[^:\s]{1,64}$/u.test(name)) {
    throw new CollateralError(
      `a user name is 1 to 64 characters, without ":" or spaces (got "${name}")`,
    );
  }
  if ([...password].length < 8) throw new CollateralError("a password has 8 characters at least");
  const salt = randomBytes(16);
  const hash = await scryptHash(password, salt, 32, SCRYPT);
  return `${name}:scrypt:${SCRYPT.N}:${SCRYPT.r}:${SCRYPT.p}:${salt.toString("base64")}:${hash.toString("base64")}`;
}
