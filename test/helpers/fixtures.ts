import type { RosterFileInput } from '../../src/domain/roster';
import type { CaseIntake } from '../../src/domain/case';

/** Example data for tests only (the product reads its roster from configuration). */
export const TENANT = 'tenant-test-1';
export const LOCATION = 'midden-nederland';
export const CHANNEL = '19:zsm-mn-hg@thread.tacv2';
export const AO_CHANNEL = '19:zsm-mn-actieoverleg@thread.tacv2';

export const USERS = {
  politie: 'aad-politie-1',
  politie2: 'aad-politie-2',
  om: 'aad-om-chair',
  ovj: 'aad-ovj-1',
  reclassering: 'aad-3ro-1',
  rvdk: 'aad-rvdk-1',
  shn: 'aad-shn-1',
  halt: 'aad-halt-1',
  vt: 'aad-vt-1',
  vtDeputy: 'aad-vt-deputy',
  otherLocation: 'aad-politie-elders',
  outsider: 'aad-not-on-roster',
} as const;

export function testRoster(): RosterFileInput & { members: RosterFileInput['members'] } {
  return {
    locations: [
      {
        id: LOCATION,
        name: 'ZSM Midden-Nederland',
        channelId: CHANNEL,
        actieoverlegChannelId: AO_CHANNEL,
        termijnHours: 6,
        expectedOrgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'],
        deputies: { vt: USERS.vtDeputy },
      },
      {
        id: 'noord-holland',
        name: 'ZSM Noord-Holland',
        channelId: '19:zsm-nh@thread.tacv2',
        actieoverlegChannelId: '19:zsm-nh-actieoverleg@thread.tacv2',
        ovjChannelId: '19:zsm-nh-ovj@thread.tacv2',
        termijnHours: 6,
        expectedOrgs: ['politie', 'om'],
      },
    ],
    members: [
      { aadObjectId: USERS.politie, orgId: 'politie', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.politie2, orgId: 'politie', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.om, orgId: 'om', roles: ['member', 'chair'], locations: [LOCATION] },
      { aadObjectId: USERS.ovj, orgId: 'om', roles: ['member', 'ovj'], locations: [LOCATION] },
      { aadObjectId: USERS.reclassering, orgId: '3ro', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.rvdk, orgId: 'rvdk', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.shn, orgId: 'shn', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.halt, orgId: 'halt', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.vt, orgId: 'vt', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.vtDeputy, orgId: 'vt', roles: ['member'], locations: [LOCATION] },
      { aadObjectId: USERS.otherLocation, orgId: 'politie', roles: ['member'], locations: ['noord-holland'] },
    ],
  };
}

export function sampleIntake(overrides: Partial<CaseIntake> = {}): CaseIntake {
  return {
    externalId: `BVH-2026-${Math.floor(Math.random() * 1e9)}`,
    locationId: LOCATION,
    intakeAt: new Date().toISOString(),
    offenceCategory: 'mishandeling',
    hgFlag: true,
    children: { involved: true, ages: [13, 9] },
    persons: [
      { role: 'verdachte', age: 34, personKey: 'src-key-verdachte-0001' },
      { role: 'slachtoffer', age: 31 },
      { role: 'kind', age: 13 },
      { role: 'kind', age: 9 },
    ],
    summary: 'Melding via 112 door buren: ruzie in woning, slachtoffer met letsel aan arm. Kinderen aanwezig.',
    weaponMentioned: false,
    victimContactSafe: 'nee',
    custody: 'in_verzekering',
    ...overrides,
  };
}
