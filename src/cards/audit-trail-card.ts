import type { AuditRecord } from '../domain/audit-chain';
import { amsterdamShort } from '../domain/local-time';
import { currentAuditAction } from '../domain/old-values';
import { nlPrivacy } from '../i18n/nl/privacy';
import type { ContainerStyle } from './elements';
import { renderTemplate } from './template';
import type { AdaptiveCard } from './types';

export interface AuditTrailCardModel {
  title: string;
  /** The chain status in words (⚠ when broken) in a coloured box: colour is never the only signal. */
  chain: { text: string; style: ContainerStyle };
  summary: string;
  rows: { seq: string; at: string; what: string }[];
}

export function auditTrailCardModel(view: {
  ref: string;
  total: number;
  records: readonly AuditRecord[];
  brokenSeq?: number;
}): AuditTrailCardModel {
  const t = nlPrivacy.auditCard;
  return {
    title: t.title(view.ref),
    chain:
      view.brokenSeq === undefined
        ? { text: `✓ ${t.chainOk}`, style: 'good' }
        : { text: `⚠ ${t.chainBroken(view.brokenSeq)}`, style: 'attention' },
    summary: t.summary(view.records.length, view.total),
    rows: view.records.map((r) => {
      const e = r.entry;
      return {
        seq: String(r.seq),
        at: amsterdamShort(e.at),
        what: `${currentAuditAction(e.action)} · ${e.actorOrg ? `${e.actorOrg} (${e.actorId})` : e.actorId}`,
      };
    }),
  };
}

/** The trail of one case for the privacy officer (personal chat only): newest rows, chain status (`cards/audit-trail.json`). */
export function buildAuditTrailCard(view: Parameters<typeof auditTrailCardModel>[0]): AdaptiveCard {
  return renderTemplate('cards', 'audit-trail', auditTrailCardModel(view));
}
