import type { ChannelSummary } from '../domain/views';
import { nlCards } from '../i18n/nl/cards';
import { nlViews as v } from '../i18n/nl/views';
import { cardBytes } from './budget';
import { badge, column, columns, text } from './elements';
import { formatAmsterdam, timeLeft } from './text';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import { VERBS } from './verbs';

/** A channel message is small: the summary fields and up to 60 refresh users (UTF-16, checked in tests). */
export const CHANNEL_CARD_MAX_BYTES = 10 * 1024;

const VERB_OF: Record<ChannelSummary['kind'], { refresh: string; open: string }> = {
  case: { refresh: VERBS.refresh, open: VERBS.open },
  actieoverleg: { refresh: VERBS.aoRefresh, open: VERBS.aoOpen },
  advice: { refresh: VERBS.adviceRefresh, open: VERBS.adviceOpen },
};

function title(s: ChannelSummary): string {
  const ref = s.caseId.slice(0, 8);
  if (s.kind === 'actieoverleg') return v.channel.actieoverlegTitle(ref);
  if (s.kind === 'advice') return v.channel.adviceTitle(ref);
  return v.channel.caseTitle(ref);
}

/**
 * The message posted in a channel (location, Actieoverleg, OvJ): case code, offence category, HG/KM,
 * termijn, where the buikpijn round stands (counts only), escalated yes/no, and "Openen". Each roster
 * member gets the full card as a personal view through `refresh.userIds` (Teams) or "Openen".
 */
export function buildChannelCard(s: ChannelSummary, refreshUserIds: readonly string[], now: Date): AdaptiveCard {
  const verbs = VERB_OF[s.kind];
  const data = { caseId: s.caseId };
  const badges: CardElement[] = [];
  if (s.hg) badges.push(badge(v.channel.hg, 'attention'));
  if (s.km) badges.push(badge(v.channel.km, 'warning'));
  if (s.closed) badges.push(badge(v.channel.closed, 'emphasis'));
  const left = timeLeft(s.deadline, now);
  const termijn = left.passed
    ? text(`⚠ ${v.channel.termijnPassed}`, { weight: 'bolder', color: 'attention', spacing: 'small' })
    : text(`${v.channel.termijn(formatAmsterdam(s.deadline))} (${nlCards.termijn.left(left.hours, left.minutes)})`, { spacing: 'small' });
  const body: CardElement[] = [
    columns([
      ...badges,
      column(
        [
          text(title(s), { weight: 'bolder', size: 'medium' }),
          text(`${nlCards.offences[s.offenceCategory]} · ${s.locationName}`, { isSubtle: true, spacing: 'none', size: 'small' }),
        ],
        'stretch',
        { verticalContentAlignment: 'center' },
      ),
    ]),
    termijn,
    text(v.channel.round(s.round.number, s.round.voted, s.round.expected, s.round.concern), { spacing: 'none' }),
    text(v.channel.escalated(s.escalated), { spacing: 'none', ...(s.escalated ? { color: 'attention' as const } : {}) }),
    ...(s.adviceStatus ? [text(v.channel.adviceStatus[s.adviceStatus] ?? s.adviceStatus, { spacing: 'none' })] : []),
    text(v.channel.privacyNote, { isSubtle: true, size: 'small', spacing: 'medium' }),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    refresh: { action: { type: 'Action.Execute', verb: verbs.refresh, data }, userIds: [...refreshUserIds].slice(0, 60) },
    body,
    actions: [{ type: 'Action.Execute', title: v.channel.open, verb: verbs.open, data, associatedInputs: 'none', style: 'positive' }],
  };
}

export const channelCardBytes = (card: AdaptiveCard): number => cardBytes(card);
