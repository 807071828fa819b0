import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema';
import { asPlatform } from '../../db/tenant';
import type { RequestContext } from '../audit/record';
import { runRetention } from './service';

const REASON = 'Bewaartermijn na uitstroom verstreken (automatische nachtelijke run)';
const TIME_ZONE = 'Europe/Brussels';

/** Not a person: audit_log.actor_id has no foreign key, and the name says what did it. */
const systemContext = (organisationId: string): RequestContext => ({
  actor: { id: 'system:retention', name: 'Groeipad (bewaartermijn)', role: 'admin', organisationId },
});

export interface RetentionRun {
  organisations: number;
  anonymised: number;
}

/**
 * Anonymises, in every organisation that set a retention period, each participant whose period after exit is over:
 * what the admin's "run now" does, organisation by organisation. Safe beside another instance doing the same at the
 * same moment: runRetention skips whoever the other one erased first.
 */
export async function retentionEverywhere(db: Db, today?: string): Promise<RetentionRun> {
  // Listing the organisations crosses tenants; each run below is in its own organisation's transactions.
  const orgs = await asPlatform(db, (tx) =>
    tx.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.name)),
  );
  let anonymised = 0;
  for (const org of orgs) {
    anonymised += (await runRetention(db, systemContext(org.id), REASON, today)).anonymised;
  }
  return { organisations: orgs.length, anonymised };
}

const wallClockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Belgian wall clock at an instant, as numbers. */
export function brusselsWallClock(instant: Date) {
  const parts = Object.fromEntries(wallClockFormat.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** Minutes Belgium is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const w = brusselsWallClock(instant);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant the Belgian clock shows this day and time. In the spring gap (02:00–03:00 does not exist) that is an
 * hour later on the clock; in the autumn overlap it is the second of the two.
 */
function brusselsInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Twice: the first guess may land on the other side of a clock change.
  const first = asUtc - offsetMinutes(new Date(asUtc)) * 60_000;
  return new Date(asUtc - offsetMinutes(new Date(first)) * 60_000);
}

/** The next moment after `now` at which the Belgian clock shows `at` ("HH:MM"). */
export function nextRunAt(now: Date, at: string): Date {
  const [hour = 0, minute = 0] = at.split(':').map(Number);
  const today = brusselsWallClock(now);
  for (let ahead = 0; ahead < 3; ahead++) {
    // Date.UTC rolls day 32 over into the next month; only the calendar date is taken from it.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + ahead));
    const candidate = brusselsInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new Error(`no next run for ${at} after ${now.toISOString()}`);
}

interface Logger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Runs the retention every night at `at` Belgian time inside the server, so "after the period, Groeipad erases" holds
 * without an operator's cron (on the embedded database a cron could not reach the data the server holds).
 * The timer does not keep the process alive; stop() cancels the next run.
 */
export function scheduleNightlyRetention(
  run: () => Promise<RetentionRun>,
  log: Logger,
  at: string,
  clock: { now: () => Date } = { now: () => new Date() },
) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastPlanned = 0;
  const plan = () => {
    if (stopped) return;
    // From a minute past the last planned run: a timer that fires a little early must not run the same night twice.
    const from = new Date(Math.max(clock.now().getTime(), lastPlanned + 60_000));
    lastPlanned = nextRunAt(from, at).getTime();
    timer = setTimeout(fire, Math.max(0, lastPlanned - clock.now().getTime()));
    timer.unref();
  };
  const fire = async () => {
    try {
      // Counts only: names of erased people must not reach a log.
      log.info(await run(), 'nightly retention run done');
    } catch (err) {
      log.error({ err }, 'nightly retention run failed; the next night tries again');
    }
    plan();
  };
  plan();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
