import { termijnState } from '../domain/rounds';
import { nlCards as t } from '../i18n/nl/cards';
import { nlCardsOther as o } from '../i18n/nl/cards-other';
import type { Color, ContainerStyle } from './elements';
import { caseRef, personsLine, type CaseAtNow, type CaseBase } from './sections';
import { formatAmsterdam, plainTruncate, timeLeft } from './text';

/**
 * View-model pieces shared by the templates in cards/ that show a case (VT consultation,
 * Actieoverleg): what to say and how strongly, never the layout. Colours are the semantic ones of
 * elements.ts; yellow ('warning') is never a text colour here (it is unreadable on white), only a
 * container style, and every coloured line also carries a sign or word (⚠, ✓, ⏳).
 */

/** A line of text: `null` leaves the property out of the card. */
export interface LineModel {
  text: string;
  color: Color | null;
  weight: 'bolder' | null;
}

/** Text colour fails WCAG AA in Teams' themes (docs/cards.md): the templates show no colour; 'attention' becomes bold. */
export const line = (text: string, color: Color | null = null, weight: 'bolder' | null = null): LineModel => ({
  text,
  color,
  weight: color === 'attention' ? 'bolder' : weight,
});

export interface NoticeModel {
  text: string;
  /** Both the container style and the text colour ('good' | 'attention'). */
  kind: 'good' | 'attention';
}

export interface HeaderModel {
  badges: { label: string; style: ContainerStyle }[];
  offence: string;
  meta: string;
}

export function headerModel(view: CaseBase): HeaderModel {
  const c = view.case;
  const badges: HeaderModel['badges'] = [];
  if (c.hgFlag) badges.push({ label: t.header.hg, style: 'attention' });
  if (c.kmFlag) badges.push({ label: t.header.km, style: 'warning' });
  if (c.status === 'closed') badges.push({ label: t.header.closed, style: 'emphasis' });
  return { badges, offence: t.offences[c.facts.offenceCategory], meta: `${view.location.name} · ${t.header.caseRef(caseRef(c.id))}` };
}

export interface TermijnModel {
  deadline: string;
  left: LineModel;
  style: ContainerStyle | null;
  /** Short, for a status line: "nog 3 u 45 min" / "termijn verstreken". */
  short: string;
  passed: boolean;
}

/** The ZSM termijn; 'near' switches at the location's reminder moment, like the reminder itself. */
export function termijnModel(view: CaseAtNow): TermijnModel {
  const left = timeLeft(view.case.deadline, view.now);
  const state = termijnState(view.case.deadline, view.now, view.location.reminders.termijnMinutesBefore);
  const deadline = t.termijn.deadline(formatAmsterdam(view.case.deadline));
  if (left.passed || state === 'passed')
    return {
      deadline,
      left: line(`⚠ ${t.termijn.passed}`, 'attention', 'bolder'),
      style: 'attention',
      short: o.termijnPassed,
      passed: true,
    };
  const leftText = t.termijn.left(left.hours, left.minutes);
  const near = state === 'near';
  return {
    deadline,
    left: near ? line(`⏳ ${leftText}`, 'default', 'bolder') : line(leftText, 'good', 'bolder'),
    style: near ? 'warning' : null,
    short: leftText,
    passed: false,
  };
}

type Level = 'risk' | 'unknown' | 'ok';

function safetyLine(label: string, value: string, level: Level): LineModel {
  if (level === 'risk') return line(`⚠ **${label}:** ${value}`, 'attention', 'bolder');
  return line(`**${label}:** ${value}`);
}

export interface SafetyModel {
  heading: string;
  lines: LineModel[];
  /** Whether any line is a danger (children, weapon, contact not safe, suspect sent home). */
  danger: boolean;
}

/** Danger first: children, weapon, victim contact, custody — risks in red with ⚠, the rest plain. */
export function safetyModel(view: CaseBase): SafetyModel {
  const f = view.case.facts;
  const children = f.childrenInvolved ? (f.childAges.length > 0 ? `${t.yes} — ${t.safety.childAges(f.childAges)}` : t.yes) : t.no;
  const contact: Level = f.victimContactSafe === 'nee' ? 'risk' : f.victimContactSafe === 'onbekend' ? 'unknown' : 'ok';
  // A suspect sent home may be back with the victim tonight; that is the risk to see.
  const custody: Level = f.custody === 'heengezonden' ? 'risk' : f.custody === 'onbekend' ? 'unknown' : 'ok';
  const levels: [string, string, Level][] = [
    [t.safety.children, children, f.childrenInvolved ? 'risk' : 'ok'],
    [t.safety.weapon, f.weaponMentioned ? t.yes : t.no, f.weaponMentioned ? 'risk' : 'ok'],
    [t.safety.victimContact, t.victimContact[f.victimContactSafe], contact],
    [t.safety.custody, t.custody[f.custody], custody],
  ];
  return {
    heading: t.safety.heading,
    lines: levels.map(([label, value, level]) => safetyLine(label, value, level)),
    danger: levels.some(([, , level]) => level === 'risk'),
  };
}

export interface FactsModel {
  heading: string;
  persons: string;
  summary: string;
}

export function factsModel(view: CaseBase, summaryMax: number): FactsModel {
  return {
    heading: t.facts.heading,
    persons: `**${t.facts.persons}:** ${personsLine(view)}`,
    summary: `**${t.facts.summary}:** ${plainTruncate(view.case.facts.summary, summaryMax)}`,
  };
}
