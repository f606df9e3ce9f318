import { z } from 'zod';
import { WEEKDAYS, type Weekday } from './time';

/**
 * VT configuration file: which VT regions a ZSM location serves, each region's office hours and
 * on-call schedule, and how long the bot waits before reminding and escalating.
 *
 * Validation is two-phase: zod checks each field (shape, formats, no unknown keys), then
 * `crossCheck` checks what spans fields (references, duplicates, overlaps). Cross-checks run only on
 * a file whose fields are valid, so they never see half-parsed values.
 */

/**
 * Minutes after local midnight (Europe/Amsterdam). For shifts, `to <= from` means the shift ends the
 * next day: 17:00-08:30 is overnight, 08:30-08:30 is a 24-hour (weekend) shift.
 */
export interface TimeRange {
  from: number;
  to: number;
}

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:mm-HH:mm". Office hours stay within one day; a shift may cross midnight. */
function timeRange(kind: 'office' | 'shift') {
  return z.string().transform((s, ctx): TimeRange => {
    const m = RANGE.exec(s);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'must be "HH:mm-HH:mm" on a 24-hour clock', fatal: true });
      return z.NEVER;
    }
    const range = { from: Number(m[1]) * 60 + Number(m[2]), to: Number(m[3]) * 60 + Number(m[4]) };
    if (kind === 'office' && range.from >= range.to)
      ctx.addIssue({ code: 'custom', message: 'office hours must start before they end (same day)', fatal: true });
    return range;
  });
}

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens');
/** Entra (AAD) object id of a VT staff member; the bot opens a 1:1 chat with them. */
const memberId = z.string().min(1).max(64).regex(/^\S+$/, 'must not contain spaces');
const isoInstant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 instant with offset, e.g. 2026-12-24T17:00:00+01:00' })
  .transform((s) => new Date(s).toISOString());
const weekday = z.enum(WEEKDAYS);

const officeDay = timeRange('office').optional();
/** A missing weekday is closed all day. Dutch public holidays are closed regardless (office-hours.ts). */
const officeHoursSchema = z
  .object({ mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay, sat: officeDay, sun: officeDay })
  .strict();

/** Weekly shift. `days` are the days the shift *starts*: fri 17:00-08:30 runs until Saturday 08:30. */
const shiftSchema = z.object({ days: z.array(weekday).min(1), hours: timeRange('shift'), primary: memberId, backup: memberId }).strict();

/** One-off replacement (sickness, holidays). Half-open: [from, to). */
const overrideSchema = z.object({ from: isoInstant, to: isoInstant, primary: memberId, backup: memberId.optional() }).strict();

const regionSchema = z
  .object({
    id: slug,
    name: z.string().trim().min(1).max(100),
    officeHours: officeHoursSchema,
    /**
     * 5 May is a collective day off only in lustrum years (2025, 2030, …) under most Dutch CAOs; a
     * VT organisation whose CAO differs sets 'always' or 'never'.
     */
    liberationDay: z.enum(['lustrum', 'always', 'never']).default('lustrum'),
    /** Teams channel of the VT day team: the next-morning summary of the evening's consultations goes there. */
    dayTeamChannelId: z.string().min(1).max(200).optional(),
    onCall: z
      .object({ shifts: z.array(shiftSchema).default([]), overrides: z.array(overrideSchema).default([]) })
      .strict()
      .default({}),
  })
  .strict();

/** A ZSM location (id as in the roster) and the VT regions whose cases it handles. */
const locationSchema = z.object({ id: slug, regionIds: z.array(slug).min(1) }).strict();

/** Both delays count from the moment the question was sent, not from each other. */
const delaysSchema = z
  .object({
    reminderMinutes: z.number().int().min(1).max(720).default(15),
    backupMinutes: z.number().int().min(1).max(720).default(30),
  })
  .strict();

export const vtConfigSchema = z
  .object({
    locations: z.array(locationSchema).min(1),
    regions: z.array(regionSchema).min(1),
    /** Municipality name → region id. Matched case-insensitively, ignoring surrounding spaces. */
    municipalities: z.record(z.string(), slug),
    delays: delaysSchema.default({}),
  })
  .strict();

export type VtConfig = z.output<typeof vtConfigSchema>;
export type VtRegion = VtConfig['regions'][number];
export type VtShift = VtRegion['onCall']['shifts'][number];
export type VtOverride = VtRegion['onCall']['overrides'][number];
export type ConsultationDelays = VtConfig['delays'];
export type LiberationDayPolicy = VtRegion['liberationDay'];
export type { Weekday };

export type ParseVtConfigResult = { ok: true; config: VtConfig } | { ok: false; errors: string[] };

/** Trimmed, single-spaced, lower case, NFC — so "  Gooise  Meren" finds "Gooise Meren". */
export function normalizeMunicipality(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Validate a parsed JSON value. Errors are English, one per problem, prefixed with the path. In the
 * returned config, municipality keys are normalised (see `normalizeMunicipality`) and override
 * instants are UTC ISO strings.
 */
export function parseVtConfig(raw: unknown): ParseVtConfigResult {
  const parsed = vtConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  const errors = crossCheck(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  const municipalities = Object.fromEntries(Object.entries(parsed.data.municipalities).map(([n, id]) => [normalizeMunicipality(n), id]));
  return { ok: true, config: { ...parsed.data, municipalities } };
}

function crossCheck(c: VtConfig): string[] {
  const errors: string[] = [];
  const add = (path: (string | number)[], message: string) => errors.push(`${path.join('.')}: ${message}`);
  const regionIds = new Set<string>();
  c.regions.forEach((r, i) => {
    if (regionIds.has(r.id)) add(['regions', i, 'id'], `duplicate region id '${r.id}'`);
    regionIds.add(r.id);
    checkRegion(r, ['regions', i], add);
  });
  const locationIds = new Set<string>();
  c.locations.forEach((l, i) => {
    if (locationIds.has(l.id)) add(['locations', i, 'id'], `duplicate location id '${l.id}'`);
    locationIds.add(l.id);
    l.regionIds.forEach((id, j) => {
      if (!regionIds.has(id)) add(['locations', i, 'regionIds', j], `unknown region '${id}'`);
      if (l.regionIds.indexOf(id) !== j) add(['locations', i, 'regionIds', j], `duplicate region '${id}'`);
    });
  });
  const seen = new Map<string, string>();
  for (const [name, regionId] of Object.entries(c.municipalities)) {
    const key = normalizeMunicipality(name);
    if (key === '') add(['municipalities', name], 'empty municipality name');
    const first = seen.get(key);
    if (first !== undefined) add(['municipalities', name], `duplicate municipality (same as '${first}')`);
    else seen.set(key, name);
    if (!regionIds.has(regionId)) add(['municipalities', name], `unknown region '${regionId}'`);
  }
  if (c.delays.reminderMinutes >= c.delays.backupMinutes) add(['delays', 'backupMinutes'], 'must be later than reminderMinutes');
  return errors;
}

type AddError = (path: (string | number)[], message: string) => void;

function checkRegion(r: VtRegion, at: (string | number)[], add: AddError): void {
  if (Object.values(r.officeHours).every((h) => h === undefined)) add([...at, 'officeHours'], 'at least one weekday needs office hours');
  const shifts = r.onCall.shifts;
  shifts.forEach((s, i) => {
    const path = [...at, 'onCall', 'shifts', i];
    if (s.primary === s.backup) add([...path, 'backup'], 'must differ from primary');
    s.days.forEach((d, j) => {
      if (s.days.indexOf(d) !== j) add([...path, 'days', j], `duplicate weekday '${d}'`);
    });
    for (let j = 0; j < i; j++)
      if (shiftsOverlap(shifts[j], s)) add(path, `overlaps shifts.${j}; a region has one on-call member at a time`);
  });
  r.onCall.overrides.forEach((o, i) => {
    const path = [...at, 'onCall', 'overrides', i];
    if (Date.parse(o.from) >= Date.parse(o.to)) add([...path, 'to'], 'must be later than from');
    if (o.backup === o.primary) add([...path, 'backup'], 'must differ from primary');
    // "Latest start wins" needs distinct starts to be unambiguous.
    const twin = r.onCall.overrides.findIndex((p) => p.from === o.from);
    if (twin < i) add([...path, 'from'], `starts at the same instant as overrides.${twin}`);
  });
}

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** Intervals in minutes of a wall-clock week (Monday 00:00 = 0), wrapped at Sunday midnight. */
function weekIntervals(s: VtShift): Array<[number, number]> {
  const length = s.hours.to > s.hours.from ? s.hours.to - s.hours.from : s.hours.to - s.hours.from + DAY;
  return s.days.flatMap((d): Array<[number, number]> => {
    const start = WEEKDAYS.indexOf(d) * DAY + s.hours.from;
    const end = start + length;
    return end <= WEEK
      ? [[start, end]]
      : [
          [start, WEEK],
          [0, end - WEEK],
        ];
  });
}

function shiftsOverlap(a: VtShift, b: VtShift): boolean {
  const bi = weekIntervals(b);
  return weekIntervals(a).some(([as, ae]) => bi.some(([bs, be]) => as < be && bs < ae));
}
