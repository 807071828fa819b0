import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CareerEventKind, ParticipantStatus } from '#shared/participants';
import { checkTimeline, deriveState, sortTimeline, type TimelineEvent } from './timeline';

/** Day n after 2020-01-01 as YYYY-MM-DD. */
const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);

const next: Record<ParticipantStatus, readonly CareerEventKind[]> = {
  registered: ['start', 'team_change'],
  active: ['pause', 'team_change', 'promotion', 'exit'],
  paused: ['resume', 'team_change', 'promotion', 'exit'],
  exited: ['start'],
};
const after = (kind: CareerEventKind, s: ParticipantStatus): ParticipantStatus =>
  kind === 'start' || kind === 'resume' ? 'active' : kind === 'pause' ? 'paused' : kind === 'exit' ? 'exited' : s;

/** A valid path: an intake, then a walk over the allowed steps with non-decreasing dates; and where the walk ends. */
const validTimeline = fc
  .record({
    intakeDay: fc.integer({ min: 0, max: 2000 }),
    steps: fc.array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 60 }) }), { maxLength: 25 }),
  })
  .map(({ intakeDay, steps }) => {
    const events: TimelineEvent[] = [{ kind: 'intake', date: day(intakeDay), seq: 1 }];
    let status: ParticipantStatus = 'registered';
    let at = intakeDay;
    for (const [i, step] of steps.entries()) {
      const options = next[status];
      const kind = options[step.pick % options.length] as CareerEventKind;
      at += step.gap;
      events.push({ kind, date: day(at), seq: i + 2 });
      status = after(kind, status);
    }
    return { events, status, lastDay: at };
  });

const shuffled = <T>(items: T[]) =>
  fc.array(fc.nat(), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items
      .map((item, i) => ({ item, key: keys[i] ?? 0 }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.item),
  );

describe('deriveState', () => {
  it('is registered with no events or only an intake', () => {
    expect(deriveState([]).status).toBe('registered');
    expect(deriveState([{ kind: 'intake', date: '2024-01-01', seq: 1 }])).toEqual({
      status: 'registered',
      startDate: null,
      teamId: null,
    });
  });

  it('follows start → pause → resume → exit → start (re-entry), with the latest start as start date', () => {
    const events: TimelineEvent[] = [
      { kind: 'intake', date: '2024-01-01', seq: 1, teamId: 'a' },
      { kind: 'start', date: '2024-01-10', seq: 2 },
      { kind: 'team_change', date: '2024-02-01', seq: 3, teamId: 'b' },
      { kind: 'pause', date: '2024-03-01', seq: 4 },
      { kind: 'resume', date: '2024-04-01', seq: 5 },
      { kind: 'exit', date: '2024-05-01', seq: 6 },
      { kind: 'start', date: '2024-09-01', seq: 7 },
    ];
    const statuses = events.map((_, i) => deriveState(events.slice(0, i + 1)).status);
    expect(statuses).toEqual(['registered', 'active', 'active', 'paused', 'active', 'exited', 'active']);
    expect(deriveState(events)).toEqual({ status: 'active', startDate: '2024-09-01', teamId: 'b' });
    expect(checkTimeline(events)).toBeNull();
  });

  it('does not depend on the order events are given in: only on their dates and recording order', () => {
    fc.assert(
      fc.property(
        validTimeline.chain(({ events }) => shuffled(events)),
        (events) => {
          expect(deriveState(events)).toEqual(deriveState(sortTimeline(events)));
          expect(checkTimeline(events)).toBeNull();
        },
      ),
    );
  });

  it('every valid path passes the rules and ends in the status the walk reached', () => {
    fc.assert(
      fc.property(validTimeline, ({ events, status }) => {
        expect(checkTimeline(events)).toBeNull();
        expect(deriveState(events).status).toBe(status);
      }),
    );
  });

  it('the status is set by the last start, resume, pause or exit', () => {
    fc.assert(
      fc.property(validTimeline, ({ events }) => {
        const last = [...sortTimeline(events)]
          .reverse()
          .find((e) => ['start', 'resume', 'pause', 'exit'].includes(e.kind));
        const expected = !last ? 'registered' : after(last.kind, 'registered');
        expect(deriveState(events).status).toBe(expected);
      }),
    );
  });
});

describe('checkTimeline', () => {
  it('after an exit only a new start may follow', () => {
    const kinds: CareerEventKind[] = ['pause', 'resume', 'team_change', 'promotion', 'exit', 'intake'];
    fc.assert(
      fc.property(
        validTimeline.filter((t) => t.status === 'exited'),
        fc.constantFrom(...kinds),
        fc.integer({ min: 0, max: 30 }),
        ({ events, lastDay }, kind, gap) => {
          const seq = events.length + 1;
          const refused = checkTimeline([...events, { kind, date: day(lastDay + gap), seq }]);
          expect(refused?.reason).toBe('after_exit');
          const reentry = [...events, { kind: 'start' as const, date: day(lastDay + gap), seq }];
          expect(checkTimeline(reentry)).toBeNull();
          expect(deriveState(reentry).status).toBe('active');
        },
      ),
    );
  });

  it('refuses any event dated before the intake', () => {
    fc.assert(
      fc.property(
        validTimeline,
        fc.constantFrom<CareerEventKind>('start', 'pause', 'resume', 'team_change', 'promotion', 'exit'),
        fc.integer({ min: 1, max: 400 }),
        ({ events }, kind, daysBefore) => {
          const intake = events[0] as TimelineEvent;
          const before = new Date(Date.parse(intake.date) - daysBefore * 86_400_000).toISOString().slice(0, 10);
          expect(checkTimeline([...events, { kind, date: before, seq: 999 }])?.reason).toBe('before_intake');
        },
      ),
    );
  });

  it('refuses an exit before the first start', () => {
    const base: TimelineEvent[] = [
      { kind: 'intake', date: '2024-01-01', seq: 1 },
      { kind: 'start', date: '2024-02-01', seq: 2 },
    ];
    expect(checkTimeline([...base, { kind: 'exit', date: '2024-01-15', seq: 3 }])?.reason).toBe('exit_before_start');
    expect(checkTimeline([base[0] as TimelineEvent, { kind: 'exit', date: '2024-01-15', seq: 3 }])?.reason).toBe(
      'exit_before_start',
    );
  });

  it('refuses an event dated before an exit when the timeline after it no longer holds', () => {
    fc.assert(
      fc.property(
        validTimeline.filter((t) => t.events.some((e) => e.kind === 'exit')),
        ({ events }) => {
          const exit = sortTimeline(events).find((e) => e.kind === 'exit') as TimelineEvent;
          // A second exit on the same day but recorded earlier makes the existing exit follow an exit.
          const problem = checkTimeline([...events, { kind: 'exit', date: exit.date, seq: exit.seq - 0.5 }]);
          expect(problem).not.toBeNull();
        },
      ),
    );
  });

  it('a same-day event is placed after the events already recorded that day', () => {
    const events: TimelineEvent[] = [
      { kind: 'intake', date: '2024-01-01', seq: 1 },
      { kind: 'start', date: '2024-01-01', seq: 2 },
      { kind: 'pause', date: '2024-01-01', seq: 3 },
    ];
    expect(deriveState(events).status).toBe('paused');
    expect(checkTimeline([...events, { kind: 'resume', date: '2024-01-01', seq: Number.MAX_SAFE_INTEGER }])).toBeNull();
  });
});
