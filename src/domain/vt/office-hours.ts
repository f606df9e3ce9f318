import type { DateTime } from 'luxon';
import { normalizeMunicipality, type TimeRange, type VtConfig, type VtRegion } from './config';
import { vtHolidayOn } from './holidays';
import { atWallClock, minuteOfDay, toIso, toLocal, weekdayOf, type Instant } from './time';

type OfficeRegion = Pick<VtRegion, 'officeHours' | 'liberationDay'>;

/** Office hours on this Amsterdam calendar day; undefined when closed (no hours, or a public holiday). */
function hoursOn(region: OfficeRegion, day: DateTime): TimeRange | undefined {
  if (vtHolidayOn(day, region.liberationDay)) return undefined;
  return region.officeHours[weekdayOf(day)];
}

/** Is VT's own office open? Opening time inclusive, closing time exclusive (17:00 is closed). */
export function isVtOfficeHours(region: OfficeRegion, instant: Instant): boolean {
  const at = toLocal(instant);
  const hours = hoursOn(region, at);
  if (!hours) return false;
  const minute = minuteOfDay(at);
  return hours.from <= minute && minute < hours.to;
}

/** Four weeks covers any run of Dutch holidays; beyond that the region has no usable office hours. */
const SEARCH_DAYS = 28;

/**
 * The next moment (strictly after `instant`) the office opens, as a UTC ISO string — when the
 * night's consultations are summarised for the regular VT desk. Undefined if none within four weeks.
 */
export function nextOfficeHoursStart(region: OfficeRegion, instant: Instant): string | undefined {
  const at = toLocal(instant);
  const today = at.startOf('day');
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const day = today.plus({ days: i });
    const hours = hoursOn(region, day);
    if (!hours) continue;
    const start = atWallClock(day, hours.from);
    if (start > at) return toIso(start);
  }
  return undefined;
}

export type MunicipalityLookup =
  { kind: 'hit'; regionId: string } | { kind: 'miss'; reason: 'unknown_municipality' | 'not_served_at_location' };

/**
 * The VT region of a municipality. With `locationId`, a region that location does not serve is a
 * miss too: the bot must not consult another location's VT.
 */
export function regionForMunicipality(config: VtConfig, municipality: string, locationId?: string): MunicipalityLookup {
  const key = normalizeMunicipality(municipality);
  // Own properties only: "constructor" is not a municipality.
  const regionId = Object.hasOwn(config.municipalities, key) ? config.municipalities[key] : undefined;
  if (regionId === undefined) return { kind: 'miss', reason: 'unknown_municipality' };
  if (locationId !== undefined && !config.locations.some((l) => l.id === locationId && l.regionIds.includes(regionId)))
    return { kind: 'miss', reason: 'not_served_at_location' };
  return { kind: 'hit', regionId };
}
