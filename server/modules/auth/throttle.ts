import { and, count, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginFailures } from '../../db/schema';
import { AppError } from '../../lib/errors';

export interface ThrottleLimits {
  perAccount: number;
  perIp: number;
  windowMinutes: number;
}

/**
 * Counts failed logins per account and per IP in the database, so every instance behind a load balancer
 * sees the same count. Too many in the window answers 429 before the password is even checked.
 */
export function createLoginThrottle(db: Db, limits: ThrottleLimits) {
  const since = () => new Date(Date.now() - limits.windowMinutes * 60_000);
  const keys = (identifier: string, ip: string) => ({ account: `account:${identifier.toLowerCase()}`, ip: `ip:${ip}` });

  async function failuresFor(key: string) {
    const [row] = await db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since())));
    return row?.n ?? 0;
  }

  return {
    async assertAllowed(identifier: string, ip: string) {
      const k = keys(identifier, ip);
      const [account, perIp] = await Promise.all([failuresFor(k.account), failuresFor(k.ip)]);
      if (account >= limits.perAccount || perIp >= limits.perIp) {
        throw new AppError('too_many_attempts', 'Too many failed attempts. Wait a while and try again.', {
          retryAfter: String(limits.windowMinutes * 60),
        });
      }
    },
    async recordFailure(identifier: string, ip: string) {
      const k = keys(identifier, ip);
      await db.insert(loginFailures).values([{ key: k.account }, { key: k.ip }]);
      await db.delete(loginFailures).where(lt(loginFailures.at, sql`now() - interval '1 day'`));
    },
    async clearAccount(identifier: string, ip: string) {
      await db.delete(loginFailures).where(inArray(loginFailures.key, [keys(identifier, ip).account]));
    },
    /** Password-reset requests per IP, on a budget of their own so they cannot lock logins out. */
    async countResetRequest(ip: string) {
      const k = `reset:${ip}`;
      if ((await failuresFor(k)) >= limits.perIp) {
        throw new AppError('too_many_attempts', 'Too many requests. Wait a while and try again.', {
          retryAfter: String(limits.windowMinutes * 60),
        });
      }
      await db.insert(loginFailures).values({ key: k });
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
