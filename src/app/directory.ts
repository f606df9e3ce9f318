import type { VtConfig } from '../domain/vt/config';
import { authorize, refreshUserIds, type AuthzResult, type Location, type Member, type RosterFile } from '../domain/roster';

/** The roster and locations as the use cases see them (the `Directory` port, backed by config). */
export class Directory {
  private readonly locations: Map<string, Location>;

  constructor(
    private readonly roster: RosterFile,
    readonly vt?: VtConfig,
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

  refreshUserIds(locationId: string, mriByAad: Readonly<Record<string, string>>): string[] {
    return refreshUserIds(this.roster.members, locationId, mriByAad);
  }
}
