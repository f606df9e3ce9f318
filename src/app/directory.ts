import type { VtConfig } from '../domain/vt/config';
import type { Intervention } from '../domain/advice/types';
import { authorize, refreshUserIds, type AuthzResult, type Location, type Member, type RosterFile } from '../domain/roster';

/** The roster and locations as the use cases see them (the `Directory` port, backed by config). */
export class Directory {
  private readonly locations: Map<string, Location>;

  constructor(
    private readonly roster: RosterFile,
    readonly vt?: VtConfig,
    readonly palette: Intervention[] = [],
  ) {
    this.locations = new Map(roster.locations.map((l) => [l.id, l]));
  }

  location(id: string): Location | undefined {
    return this.locations.get(id);
  }

  allLocations(): Location[] {
    return [...this.locations.values()];
  }

  member(aadObjectId: string | undefined): Member | undefined {
    return aadObjectId ? this.roster.members.find((m) => m.aadObjectId === aadObjectId) : undefined;
  }

  authorize(aadObjectId: string | undefined, locationId: string, need: 'member' | 'chair' = 'member'): AuthzResult {
    return authorize(this.roster.members, aadObjectId, locationId, need);
  }

  /** Members of a location with a role (e.g. the OvJ who receives the advice). */
  membersWithRole(locationId: string, role: Member['roles'][number]): Member[] {
    return this.roster.members.filter((m) => m.locations.includes(locationId) && m.roles.includes(role));
  }

  /** Everyone on the roster of a location. */
  membersInLocation(locationId: string): Member[] {
    return this.roster.members.filter((m) => m.locations.includes(locationId));
  }

  /** The organisations on the roster of a location (the default audience of a contribution). */
  rosterOrgs(locationId: string): Member['orgId'][] {
    return [...new Set(this.membersInLocation(locationId).map((m) => m.orgId))];
  }

  refreshUserIds(locationId: string, mriByAad: Readonly<Record<string, string>>): string[] {
    return refreshUserIds(this.roster.members, locationId, mriByAad);
  }
}
