import { caseCode } from '../domain/case-code';
import type { ChannelSummary } from '../domain/views';
import { nlCards } from '../i18n/nl/cards';
import { nlCaseCards } from '../i18n/nl/case-cards';
import { nlViews as v } from '../i18n/nl/views';
import { cardBytes } from './budget';
import type { ContainerStyle } from './elements';
import { renderTemplate } from './template';
import { formatAmsterdam, timeLeft } from './text';
import type { AdaptiveCard } from './types';
import { VERBS } from './verbs';

/** A channel message is small: the summary fields and up to 60 refresh users (UTF-16, checked in tests). */
export const CHANNEL_CARD_MAX_BYTES = 10 * 1024;

const VERB_OF: Record<ChannelSummary['kind'], { refresh: string; open: string }> = {
  case: { refresh: VERBS.refresh, open: VERBS.open },
  actieoverleg: { refresh: VERBS.aoRefresh, open: VERBS.aoOpen },
  advice: { refresh: VERBS.adviceRefresh, open: VERBS.adviceOpen },
};

type Weight = 'bolder' | 'default';

/** What the channel message shows (bound to `cards/channel.json`): the summary fields, never case content. */
export interface ChannelCardModel {
  caseId: string;
  verbs: { refresh: string; open: string };
  refreshUserIds: string[];
  badges: { text: string; style: ContainerStyle }[];
  /** What the badges mean ("KM = kindermishandeling"), so a letter code is never left unexplained. */
  badgeMeaning?: string;
  title: string;
  subtitle: string;
  termijn: { text: string; style: ContainerStyle; weight: Weight };
  round: string;
  escalated: string;
  escalatedWeight: Weight;
  adviceStatus?: string;
  privacyNote: string;
  openTitle: string;
}

function title(s: ChannelSummary): string {
  const ref = caseCode(s.caseId);
  if (s.kind === 'actieoverleg') return v.channel.actieoverlegTitle(ref);
  if (s.kind === 'advice') return v.channel.adviceTitle(ref);
  return v.channel.caseTitle(ref);
}

export function channelCardModel(s: ChannelSummary, refreshUserIds: readonly string[], now: Date): ChannelCardModel {
  const badges: ChannelCardModel['badges'] = [];
  const meanings: string[] = [];
  if (s.hg) {
    badges.push({ text: v.channel.hg, style: 'attention' });
    meanings.push(nlCaseCards.hgMeaning);
  }
  if (s.km) {
    badges.push({ text: v.channel.km, style: 'warning' });
    meanings.push(nlCaseCards.kmMeaning);
  }
  if (s.closed) badges.push({ text: v.channel.closed, style: 'emphasis' });
  const left = timeLeft(s.deadline, now);
  const termijn: ChannelCardModel['termijn'] = left.passed
    ? { text: `⚠ ${v.channel.termijnPassed}`, style: 'attention', weight: 'bolder' }
    : {
        text: `${v.channel.termijn(formatAmsterdam(s.deadline))} (${nlCards.termijn.left(left.hours, left.minutes)})`,
        style: 'default',
        weight: 'default',
      };
  const adviceStatus = s.adviceStatus ? (v.channel.adviceStatus[s.adviceStatus] ?? s.adviceStatus) : undefined;
  return {
    caseId: s.caseId,
    verbs: VERB_OF[s.kind],
    refreshUserIds: [...refreshUserIds].slice(0, 60),
    badges,
    ...(meanings.length > 0 ? { badgeMeaning: meanings.join(' · ') } : {}),
    title: title(s),
    subtitle: `${nlCards.offences[s.offenceCategory]} · ${s.locationName}`,
    termijn,
    round: v.channel.round(s.round.number, s.round.voted, s.round.expected, s.round.concern),
    escalated: s.escalated ? `⚠ ${v.channel.escalated(true)}` : v.channel.escalated(false),
    escalatedWeight: s.escalated ? 'bolder' : 'default',
    ...(adviceStatus ? { adviceStatus } : {}),
    privacyNote: v.channel.privacyNote,
    openTitle: v.channel.open,
  };
}

/**
 * The message posted in a channel (location, Actieoverleg, OvJ): case code, offence category, HG/KM
 * (explained), termijn, where the buikpijn round stands (counts only), escalated yes/no, and "Openen".
 * Each roster member gets the full card as a personal view through `refresh.userIds` (Teams) or "Openen".
 */
export function buildChannelCard(s: ChannelSummary, refreshUserIds: readonly string[], now: Date): AdaptiveCard {
  return renderTemplate('cards', 'channel', channelCardModel(s, refreshUserIds, now));
}

export const channelCardBytes = (card: AdaptiveCard): number => cardBytes(card);
