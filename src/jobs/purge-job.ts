import { buildTombstoneCard } from '../cards/tombstone-card';
import type { AppDeps } from '../app/deps';
import { OutboundError, type Outbound } from '../app/ports';
import type { PurgeRecord } from '../app/privacy/purge';
import { PreconditionFailedError, type Stored } from '../store/docstore';
import type { Job } from '../store/jobs';

/*
 * The purge job of a case (the steps are described in src/app/privacy/purge.ts, which starts a purge):
 * a job handler, because it renders (the tombstone card) and sends.
 */

async function saveProgress(deps: AppDeps, doc: Stored<PurgeRecord>, next: PurgeRecord): Promise<Stored<PurgeRecord>> {
  return deps.repo.purges.savePurge(next.caseId, next, doc.etag);
}

/** The purge job: runs the remaining steps of one purge record. */
export async function purgeCaseJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const caseId = String(job.payload.caseId ?? '');
  let doc = await deps.repo.purges.getPurge<PurgeRecord>(caseId);
  if (!doc) {
    deps.log.error({ jobId: job.id }, 'purge job without purge record dropped');
    return;
  }
  const started = Date.now();
  try {
    if (doc.body.step === 'delete') {
      const documents = await deps.repo.cases.deletePartition(caseId);
      for (const p of doc.body.pseudonyms) await deps.repo.removePersonIndex(p, caseId);
      doc = await saveProgress(deps, doc, { ...doc.body, step: 'tombstones', pseudonyms: [], documents });
    }
    if (doc.body.step === 'tombstones') {
      const card = buildTombstoneCard(doc.body.reason === 'erasure' ? 'erasure' : 'retention');
      while (doc.body.tombstoned + doc.body.missing < doc.body.cardRefs.length) {
        const ref = doc.body.cardRefs[doc.body.tombstoned + doc.body.missing];
        let gone = false;
        try {
          await outbound.updateCard(ref, card);
        } catch (e) {
          // A message that no longer exists (deleted in Teams, chat gone) has nothing left to hide.
          if (!(e instanceof OutboundError) || e.retryable) throw e;
          gone = true;
        }
        const b = doc.body;
        doc = await saveProgress(deps, doc, gone ? { ...b, missing: b.missing + 1 } : { ...b, tombstoned: b.tombstoned + 1 });
      }
      const finishedAt = deps.clock.now().toISOString();
      await deps.repo.appendAudit({
        id: 'audit:purge:done',
        caseId,
        at: finishedAt,
        action: 'case.purged',
        actorId: doc.body.requestedBy,
        detail: {
          reason: doc.body.reason,
          documents: doc.body.documents ?? 0,
          cardsReplaced: doc.body.tombstoned,
          cardsMissing: doc.body.missing,
        },
      });
      // Done only after the audit line: a crash in between reruns the step, and the audit append is
      // idempotent by its id. (Done first lost the line in that window, and a reader that saw "done"
      // could miss it: seen in privacy-officer under load.)
      doc = await saveProgress(deps, doc, { ...doc.body, step: 'done', finishedAt });
      deps.log.info(
        { caseId, reason: doc.body.reason, documents: doc.body.documents, cards: doc.body.tombstoned, ms: Date.now() - started },
        'case purged',
      );
    }
  } catch (e) {
    // Another worker advanced the record (a lease ran out): the next run continues from its state.
    if (e instanceof PreconditionFailedError) throw new Error('purge record changed concurrently; retrying');
    throw e;
  }
}
