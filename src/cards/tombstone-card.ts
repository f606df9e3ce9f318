import { nlPrivacy } from '../i18n/nl/privacy';
import { renderTemplate } from './template';
import type { AdaptiveCard } from './types';

export interface TombstoneCardModel {
  title: string;
  reason: string;
}

export function tombstoneCardModel(reason: 'retention' | 'erasure'): TombstoneCardModel {
  const t = nlPrivacy.tombstone;
  return { title: t.title, reason: reason === 'erasure' ? t.erasure : t.retention };
}

/** What replaces every posted card of a purged case: no content, no actions, no refresh (`cards/tombstone.json`). */
export function buildTombstoneCard(reason: 'retention' | 'erasure'): AdaptiveCard {
  return renderTemplate('cards', 'tombstone', tombstoneCardModel(reason));
}
