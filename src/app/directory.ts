import type { VtConfig } from '../domain/vt/config';
import type { Intervention } from '../domain/advice/types';
import { authorize, refreshUserIds, type AuthzResult, type Location, type Member, type RosterFile } from '../domain/roster';

/** The roster and locations as the use cases see them (the `Directory` port, backed by config). */
export class Directory {
  private readonly locations: Map<string, Location>;
  /** Members by Entra object id (unique in a valid roster): every verb looks its actor up. */
  private readonly members: Map<string, Member>;
  private knownUsers: Set<string> | undefined;

  constructor(
    private readonly roster: RosterFile,
    readonly vt?: VtConfig,
    readonly palette: Intervention[] = [],
  ) {
    this.locations = new Map(roster.locations.map((l) => [l.id, l]));
    this.members = new Map(roster.members.map((m) => [m.aadObjectId, m]));
  }

  location(id: string): Location | undefined {
    return this.locations.get(id);
  }

  allLocations(): Location[] {
    return [...this.locations.values()];
  }

  member(aadObjectId: string | undefined): Member | undefined {
    return aadObjectId ? this.members.get(aadObjectId) : undefined;
  }

  authorize(aadObjectId: string | undefined, locationId: string, need: 'member' | 'chair' = 'member'): AuthzResult {
    return authorize(this.member(aadObjectId), locationId, need);
  }

  /** Members of a location with a role (e.g. the OvJ who receives the advice). */
  membersWithRole(locationId: string, role: Member['roles'][number]): Member[] {
    return this.roster.members.filter((m) => m.locations.includes(locationId) && m.roles.includes(role));
  }

  /** Every channel the bot posts to by configuration: where conversation references may be kept. */
  configuredChannelIds(): Set<string> {
    const ids = new Set<string>();
    for (const l of this.roster.locations) {
      ids.add(l.channelId);
      if (l.actieoverlegChannelId) ids.add(l.actieoverlegChannelId);
      if (l.ovjChannelId) ids.add(l.ovjChannelId);
    }
    for (const r of this.vt?.regions ?? []) if (r.dayTeamChannelId) ids.add(r.dayTeamChannelId);
    return ids;
  }

  /**
   * People the bot may need to reach or mention: roster members, named deputies and VT's on-call staff
   * (schedule and overrides). Only their personal chats and MRIs are remembered.
   */
  isKnownUser(aadObjectId: string | undefined): boolean {
    if (!aadObjectId) return false;
    if (!this.knownUsers) {
      const known = new Set<string>(this.roster.members.map((m) => m.aadObjectId));
      for (const l of this.roster.locations) for (const d of Object.values(l.deputies)) if (d) known.add(d);
      for (const r of this.vt?.regions ?? []) {
        for (const s of r.onCall.shifts) [s.primary, s.backup].forEach((x) => known.add(x));
        for (const o of r.onCall.overrides) [o.primary, o.backup].forEach((x) => x && known.add(x));
      }
      this.knownUsers = known;
    }
    return this.knownUsers.has(aadObjectId);
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
