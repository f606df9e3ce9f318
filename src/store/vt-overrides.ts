import type { VtOverride } from '../domain/vt/config';
import { PreconditionFailedError, type DocStore, type NewDoc, type Stored } from './docstore';

/** "Ik heb nu dienst": overrides of VT's on-call schedule set from Teams, one document per region (the `_vt` partition). */
export class VtOverrideStore {
  constructor(private readonly db: DocStore) {}

  /** "Ik heb nu dienst": overrides of the on-call schedule set from Teams, per region. */
  async getVtOverrides(regionId: string): Promise<Stored<{ overrides: VtOverride[] }> | null> {
    return this.db.get<{ overrides: VtOverride[] }>('_vt', `overrides:${regionId}`);
  }

  async putVtOverrides(regionId: string, overrides: VtOverride[], etag: string | null): Promise<void> {
    const doc: NewDoc<{ overrides: VtOverride[] }> = { pk: '_vt', id: `overrides:${regionId}`, kind: 'vtoverride', body: { overrides } };
    if (etag === null) {
      if ((await this.db.insert(doc)) === 'exists') throw new PreconditionFailedError('_vt', doc.id);
    } else await this.db.replace(doc, etag);
  }
}
