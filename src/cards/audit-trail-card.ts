import type { AuditRecord } from '../domain/audit-chain';
import { amsterdamShort } from '../domain/local-time';
import { nlPrivacy } from '../i18n/nl/privacy';
import { text } from './elements';
import { CARD_SCHEMA, type AdaptiveCard } from './types';

/** The trail of one case for the privacy officer (personal chat only): newest rows, chain status. */
export function buildAuditTrailCard(view: {
  ref: string;
  total: number;
  records: readonly AuditRecord[];
  brokenSeq?: number;
}): AdaptiveCard {
  const t = nlPrivacy.auditCard;
  const rows = view.records.map((r) => {
    const e = r.entry;
    const who = e.actorOrg ? `${e.actorOrg} (${e.actorId})` : e.actorId;
    return {
      type: 'ColumnSet',
      spacing: 'small',
      columns: [
        { type: 'Column', width: 'auto', items: [text(`${r.seq}`, { isSubtle: true, size: 'small' })] },
        { type: 'Column', width: 'auto', items: [text(amsterdamShort(e.at), { size: 'small' })] },
        { type: 'Column', width: 'stretch', items: [text(`${e.action} · ${who}`, { size: 'small' })] },
      ],
    };
  });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: CARD_SCHEMA,
    body: [
      text(t.title(view.ref), { weight: 'bolder', size: 'medium' }),
      text(view.brokenSeq === undefined ? t.chainOk : t.chainBroken(view.brokenSeq), {
        color: view.brokenSeq === undefined ? 'good' : 'attention',
      }),
      text(t.summary(view.records.length, view.total), { isSubtle: true, size: 'small' }),
      ...rows,
    ],
  };
}
