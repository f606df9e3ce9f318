/**
 * The view model of cards/parts/verdieping-form.json: the verdieping forms (Action.ShowCard with
 * inputs, submitted with Action.Execute) as data. Each input is one of text/choice/date/time/toggle;
 * `null` leaves a property out (src/cards/bind.ts). The verbs and input ids are those of the commands.
 */
export interface Choice {
  title: string;
  value: string;
}
export interface FormInput {
  text: {
    id: string;
    label: string;
    max: number;
    multiline: true | null;
    required: true | null;
    error: string | null;
    regex: string | null;
    value: string | null;
  } | null;
  choice: { id: string; label: string; required: true | null; error: string | null; value: string | null; choices: Choice[] } | null;
  date: { id: string; label: string; required: true | null; error: string | null; value: string | null } | null;
  time: { id: string; label: string; required: true | null; error: string | null; value: string | null } | null;
  toggle: { id: string; title: string } | null;
}
export interface FormModel {
  title: string;
  submit: string;
  verb: string;
  data: Record<string, string>;
  style: 'positive' | null;
  inputs: FormInput[];
}
/** A button without inputs (confirm a duiding version). */
export interface ButtonModel {
  title: string;
  verb: string;
  data: Record<string, string>;
}

const none: FormInput = { text: null, choice: null, date: null, time: null, toggle: null };

export const textField = (
  id: string,
  label: string,
  max: number,
  opts: { required?: boolean; multiline?: boolean; value?: string; error?: string; regex?: string } = {},
): FormInput => ({
  ...none,
  text: {
    id,
    label,
    max,
    multiline: opts.multiline ? true : null,
    required: opts.required ? true : null,
    error: opts.required ? (opts.error ?? label) : null,
    regex: opts.regex ?? null,
    value: opts.value ? opts.value : null,
  },
});
export const choiceField = (
  id: string,
  label: string,
  choices: Choice[],
  opts: { required?: boolean; value?: string; error?: string } = { required: true },
): FormInput => ({
  ...none,
  choice: {
    id,
    label,
    required: opts.required ? true : null,
    error: opts.required ? (opts.error ?? label) : null,
    value: opts.value ?? null,
    choices,
  },
});
export const dateField = (
  id: string,
  label: string,
  opts: { required?: boolean; error?: string; value?: string } = { required: true },
): FormInput => ({
  ...none,
  date: {
    id,
    label,
    required: opts.required ? true : null,
    error: opts.required ? (opts.error ?? label) : null,
    value: opts.value ?? null,
  },
});
export const timeField = (id: string, label: string, opts: { required?: boolean; error?: string; value?: string } = {}): FormInput => ({
  ...none,
  time: {
    id,
    label,
    required: opts.required ? true : null,
    error: opts.required ? (opts.error ?? label) : null,
    value: opts.value ?? null,
  },
});
export const toggleField = (id: string, title: string): FormInput => ({ ...none, toggle: { id, title } });
