/**
 * Dutch texts of the remaining verdieping rules (issue 14, round 4): time that follows the horizon,
 * the reminder of an open informatievraag, the agenda's open questions, and the form's re-show after a
 * refusal. No case content in a reminder: the case code, the asking organisation and the age only.
 */
export const nlVerdiepingRules = {
  errors: {
    reagenda_in_verdieping:
      'Deze zaak is in verdieping: de voorzitter verschuift de volgende bespreking (knop "Verdiepen"), niet door-agenderen.',
  },
  /** The age of an open question ("5 uur", "2 dagen"). */
  age: (hours: number): string =>
    hours < 24 ? `${hours} uur` : `${Math.floor(hours / 24)} ${Math.floor(hours / 24) === 1 ? 'dag' : 'dagen'}`,
  /** 1:1 to the asked organisation's members on the roster. */
  questionReminder: (fromOrg: string, code: string, age: string): string =>
    `Herinnering: ${fromOrg} heeft uw organisatie een vraag gesteld in zaak ${code}, nu ${age} open. Beantwoord of weiger de vraag via "Verdiepen" op de kaart van de zaak.`,
  /** The agenda's line for a case with open questions. */
  agendaOpenQuestions: (count: number, oldestAge: string): string =>
    count === 1 ? `1 open vraag (${oldestAge} open)` : `${count} open vragen (oudste ${oldestAge} open)`,
  /** The agenda's mark for a case with a violated running measure. */
  agendaViolation: '⚠ Maatregel overtreden',
  /** On top of the verdieping view when a form came back refused. */
  formKept: 'Uw invoer staat nog in het formulier hieronder.',
} as const;
