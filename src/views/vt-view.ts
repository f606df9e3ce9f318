import type { CaseCardView } from '../cards/view';
import type { Case } from '../domain/case';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { AppDeps } from '../app/deps';
import { vtRegionOf } from '../app/vt/consult';

/** What the case card shows about Veilig Thuis. */
export async function vtView(deps: AppDeps, theCase: Case): Promise<CaseCardView['vt'] | undefined> {
  if (!deps.directory.vt) return undefined;
  return vtViewOf(deps, theCase, (await deps.repo.getVtConsultation(theCase.id))?.body);
}

/** The same, from a consultation already loaded (a case bundle). */
export function vtViewOf(
  deps: Pick<AppDeps, 'directory'>,
  theCase: Case,
  consultation: VtConsultationRecord | undefined,
): CaseCardView['vt'] | undefined {
  const vt = deps.directory.vt;
  if (!vt) return undefined;
  const loc = vt.locations.find((l) => l.id === theCase.locationId);
  const regionChoices = vt.regions.filter((r) => !loc || loc.regionIds.includes(r.id)).map((r) => ({ id: r.id, name: r.name }));
  const region = vtRegionOf(deps, theCase);
  const noOneOnCall = consultation?.state.status === 'no_answer' && consultation.state.reason === 'no_one_on_call';
  return {
    ...(region ? { regionId: region.id, regionName: region.name } : {}),
    regionChoices,
    ...(consultation ? { consultation } : {}),
    ...(!region ? { warning: 'region_unknown' as const } : noOneOnCall ? { warning: 'no_one_on_call' as const } : {}),
  };
}
