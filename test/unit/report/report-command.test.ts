import { parseReportArgs } from '../../../src/app/report/command';
import { createCsvLinks, LINK_TTL_MS } from '../../../src/app/report/csv-link';
import { parseReportPeriod } from '../../../src/app/report/period';
import { minutesText, ratioText, reportCardModel } from '../../../src/cards/report-card';
import { computeReport } from '../../../src/domain/aftercare/report';
import { reportRowAfter, sameReportRow } from '../../../src/domain/aftercare/report-row';
import { reportRow } from '../../helpers/report-rows';

describe('rapportage period (Amsterdam days, end inclusive)', () => {
  const now = new Date('2026-04-15T10:00:00.000Z');
  it.each([
    ['2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', '2026-03-01', '2026-03-31'], // DST starts 29 March
    ['2026', '2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z', '2026-01-01', '2026-12-31'],
    ['2026-01..2026-06', '2025-12-31T23:00:00.000Z', '2026-06-30T22:00:00.000Z', '2026-01-01', '2026-06-30'],
    ['2026-01-15 .. 2026-02-14', '2026-01-14T23:00:00.000Z', '2026-02-14T23:00:00.000Z', '2026-01-15', '2026-02-14'],
    ['', '2026-01-14T23:00:00.000Z', '2026-04-15T22:00:00.000Z', '2026-01-15', '2026-04-15'],
  ])('%s', (arg, from, to, firstDay, lastDay) => {
    expect(parseReportPeriod(arg, now)).toEqual({ ok: true, period: { from, to, firstDay, lastDay } });
  });
  it.each([
    ['2026-13', 'invalid_period'],
    ['maart', 'invalid_period'],
    ['2026-01..2026-02..2026-03', 'invalid_period'],
    ['2026-03..2026-01', 'empty_period'],
    ['2025..2026', 'period_too_long'],
  ])('%s is refused: %s', (arg, error) => {
    expect(parseReportPeriod(arg, now)).toEqual({ ok: false, error });
  });
});

describe('rapportage arguments', () => {
  it('reads an optional location first, then the period', () => {
    expect(parseReportArgs('rapportage')).toEqual({ periodArg: '' });
    expect(parseReportArgs('rapportage 2026-01..2026-06')).toEqual({ periodArg: '2026-01..2026-06' });
    expect(parseReportArgs('rapportage Noord-Holland 2026')).toEqual({ locationId: 'noord-holland', periodArg: '2026' });
    expect(parseReportArgs('rapportage help')).toBe('help');
  });
});

describe('CSV link', () => {
  const links = createCsvLinks('https://bot.example/', 'a-secret-of-at-least-thirty-two-chars!!');
  const claims = { m: 'aad-1', l: ['a'], f: '2026-01-01T00:00:00.000Z', t: '2026-02-01T00:00:00.000Z', d1: '2026-01-01', d2: '2026-01-31' };
  const now = new Date('2026-04-15T10:00:00.000Z');
  const token = (url: string) => new URL(url).searchParams.get('t') as string;
  it('verifies its own link until it expires', () => {
    const url = links.url(claims, now);
    expect(url.startsWith('https://bot.example/rapportage.csv?t=')).toBe(true);
    expect(links.verify(token(url), now)).toEqual({ ok: true, claims: { ...claims, x: now.getTime() + LINK_TTL_MS } });
    expect(links.verify(token(url), new Date(now.getTime() + LINK_TTL_MS))).toEqual({ ok: false, reason: 'expired' });
  });
  it('refuses a changed payload, another key and garbage', () => {
    const t = token(links.url(claims, now));
    const [payload, sig] = t.split('.');
    const other = Buffer.from(JSON.stringify({ ...claims, l: ['b'], x: now.getTime() + LINK_TTL_MS })).toString('base64url');
    expect(links.verify(`${other}.${sig}`, now)).toEqual({ ok: false, reason: 'bad_signature' });
    const otherKey = createCsvLinks('https://bot.example', 'another-secret-of-at-least-thirty-two!!');
    expect(otherKey.verify(`${payload}.${sig}`, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(links.verify('nonsense', now)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('report card model (hand-computed)', () => {
  it('formats ratios, durations and the charts', () => {
    expect(ratioText({ count: 1, of: 3, share: 1 / 3 })).toBe('1 (33 %)');
    expect(ratioText({ count: 0, of: 0 })).toBe('0');
    expect([minutesText(45), minutesText(125), minutesText(1500), minutesText(undefined)]).toEqual([
      '45 min',
      '2 u 05 min',
      '1 d 1 u',
      '—',
    ]);
    const rows = [
      reportRow({
        caseId: 'c1',
        children: true,
        firstVoteAt: '2026-03-01T08:30:00.000Z',
        decidedAt: '2026-03-01T10:00:00.000Z',
        decision: 'escalated',
        escalationRule: 'acute_unsafe',
        phases: { safety: 2, care: 1, recovery: 0 },
      }),
      reportRow({
        caseId: 'c2',
        locationId: 'b',
        rounds: 3,
        reAgendaCount: 1,
        firstVoteAt: '2026-03-01T08:10:00.000Z',
        decidedAt: '2026-03-01T09:00:00.000Z',
        decision: 'closed',
      }),
    ];
    const total = computeReport(rows, '2027-06-01T00:00:00.000Z');
    const m = reportCardModel({
      period: { firstDay: '2026-03-01', lastDay: '2026-03-31' },
      locations: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      perLocation: [
        { locationId: 'a', figures: computeReport([rows[0]], '2027-06-01T00:00:00.000Z') },
        { locationId: 'b', figures: computeReport([rows[1]], '2027-06-01T00:00:00.000Z') },
      ],
      total,
      csvUrl: 'https://x/rapportage.csv?t=1',
    });
    const f = Object.fromEntries(m.facts.map((x) => [x.title, x.value]));
    expect(f).toMatchObject({
      Zaken: '2',
      'Met kinderen': '1 (50 %)',
      'Door-geagendeerd': '1 (50 %)',
      'Rondes per zaak': '2,0',
      // first votes after 30 and 10 minutes: nearest-rank median = 10
      'Intake tot eerste stem (mediaan)': '10 min (n = 2)',
      // decisions after 120 and 60 minutes: median 60
      'Intake tot besluit (mediaan)': '1 u 00 min (n = 2)',
      'Geëscaleerd / gesloten / ondanks buikpijn': '1 / 1 / 0',
      'Hermelding binnen 6 maanden': '0 (0 %)',
    });
    expect(m.casesByLocation).toEqual([
      { x: 'A', y: 1 },
      { x: 'B', y: 1 },
    ]);
    expect(m.phases).toEqual([
      { legend: 'Veiligheid', value: 2 },
      { legend: 'Zorg', value: 1 },
      { legend: 'Herstel', value: 0 },
    ]);
    expect(m.rules[0]).toEqual({ x: 'acuut onveilig', y: 1 });
    expect(m.csv?.url).toBe('https://x/rapportage.csv?t=1');
  });
});

describe('report row after a command', () => {
  const theCase = {
    id: 'c1',
    locationId: 'a',
    intakeAt: '2026-03-01T08:00:00.000Z',
    kmFlag: true,
    rounds: [{ number: 1 }, { number: 2 }],
    closure: undefined,
  } as never;
  it('counts a new door-agendering once, keeps the first vote, outcome facts and nextIntakeAt from the stored row', () => {
    const previous = reportRow({
      firstVoteAt: '2026-03-01T08:05:00.000Z',
      reAgendaCount: 1,
      nextIntakeAt: '2026-09-01T00:00:00.000Z',
      followUp: 'carried_out',
      phases: { safety: 1, care: 0, recovery: 0 },
    });
    const after = {
      theCase: { ...(theCase as object), reAgendaAt: '2026-03-02T08:00:00.000Z' },
      votes: [{ castAt: '2026-03-01T09:00:00.000Z' }],
    } as never;
    const r = reportRowAfter({ after, reAgendaAtBefore: undefined, previous, outsideOfficeHours: () => false });
    expect(r).toMatchObject({
      rounds: 2,
      children: true,
      reAgendaCount: 2,
      firstVoteAt: '2026-03-01T08:05:00.000Z',
      nextIntakeAt: '2026-09-01T00:00:00.000Z',
      followUp: 'carried_out',
      phases: { safety: 1, care: 0, recovery: 0 },
    });
    const same = reportRowAfter({ after, reAgendaAtBefore: '2026-03-02T08:00:00.000Z', previous: r, outsideOfficeHours: () => false });
    expect(same.reAgendaCount).toBe(2);
    expect(sameReportRow(r, same)).toBe(true);
    expect(sameReportRow(undefined, same)).toBe(false);
  });
  it('counts a VT consultation outside office hours with its response minutes', () => {
    const after = {
      theCase,
      votes: [],
      vtConsultation: {
        askedBy: 'desk',
        state: { askedAt: '2026-03-01T20:00:00.000Z', status: 'answered', answeredAt: '2026-03-01T20:12:30.000Z' },
      },
    } as never;
    expect(reportRowAfter({ after, reAgendaAtBefore: undefined, previous: undefined, outsideOfficeHours: () => true }).vtEvening).toEqual({
      count: 1,
      responseMinutes: [12],
    });
    expect(reportRowAfter({ after, reAgendaAtBefore: undefined, previous: undefined, outsideOfficeHours: () => false }).vtEvening).toEqual({
      count: 0,
      responseMinutes: [],
    });
  });
});
