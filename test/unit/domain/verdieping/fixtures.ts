import type { PersonRef, VerdiepingActor } from '../../../../src/domain/verdieping/common';
import { personRefs } from '../../../../src/domain/verdieping/common';

/** Plain values for the verdieping tests. */
export const chair: VerdiepingActor = { orgId: 'om', chair: true, userId: 'u-chair' };
export const politie: VerdiepingActor = { orgId: 'politie', chair: false, userId: 'u-politie' };
export const rvdk: VerdiepingActor = { orgId: 'rvdk', chair: false, userId: 'u-rvdk' };
export const vt: VerdiepingActor = { orgId: 'vt', chair: false, userId: 'u-vt' };

/** verdachte-1, slachtoffer-1, kind-1 (13), kind-2 (9). */
export const family: PersonRef[] = personRefs([
  { role: 'verdachte', age: 34 },
  { role: 'slachtoffer', age: 31 },
  { role: 'kind', age: 13 },
  { role: 'kind', age: 9 },
]);
