import { nlPrivacy } from '../i18n/nl/privacy';
import { text } from './elements';
import { CARD_SCHEMA, type AdaptiveCard } from './types';

/** What replaces every posted card of a purged case: no content, no actions, no refresh. */
export function buildTombstoneCard(reason: 'retention' | 'erasure'): AdaptiveCard {
  const t = nlPrivacy.tombstone;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: CARD_SCHEMA,
    body: [text(t.title, { weight: 'bolder', size: 'medium' }), text(reason === 'erasure' ? t.erasure : t.retention, { isSubtle: true })],
  };
}
