import type { Color, ContainerStyle } from './elements';
import type { CardElement } from './types';

/**
 * Element constructors still used by the forms of verdieping and aftercare (issues 14, 15) until
 * they move to templates in cards/parts/ like every other card (docs/cards.md). Listed, with its
 * users, in test/unit/cards/no-layout-in-src.test.ts.
 */

export interface TextOpts {
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'bolder' | 'default';
  color?: Color;
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
  separator?: boolean;
}

/**
 * Text is always in the host's default colour: in Teams' light, dark and high-contrast host configs
 * only the default (and subtle) foreground meets WCAG AA on every container background (see
 * docs/cards.md and test/unit/cards/contrast.test.ts). A signal is carried by a word or icon in the
 * text and, where it matters, by the container's style; `color: 'attention'` still makes the text bold.
 */
export function text(value: string, opts: TextOpts = {}): CardElement {
  const { color, ...rest } = opts;
  return { type: 'TextBlock', text: value, wrap: true, ...rest, ...(color === 'attention' ? { weight: 'bolder' as const } : {}) };
}

export function heading(value: string, opts: TextOpts = {}): CardElement {
  return text(value, { weight: 'bolder', size: 'medium', spacing: 'medium', ...opts });
}

export function container(
  items: CardElement[],
  opts: { style?: ContainerStyle; spacing?: TextOpts['spacing']; separator?: boolean; bleed?: boolean } = {},
): CardElement {
  return { type: 'Container', items, ...opts };
}

export function column(
  items: CardElement[],
  width: 'auto' | 'stretch' = 'stretch',
  opts: { verticalContentAlignment?: 'center' } = {},
): CardElement {
  return { type: 'Column', width, items, ...opts };
}

export function columns(cols: CardElement[], opts: { spacing?: TextOpts['spacing']; separator?: boolean } = {}): CardElement {
  return { type: 'ColumnSet', columns: cols, ...opts };
}

/** A coloured label box ("HG", "KM"). */
export function badge(label: string, style: ContainerStyle): CardElement {
  return column([container([text(label, { weight: 'bolder', size: 'small' })], { style })], 'auto', { verticalContentAlignment: 'center' });
}

/** Buttons inside the body, next to the section they act on (keeps the card's own action row short). */
export function actionSet(actions: CardElement[], opts: { spacing?: TextOpts['spacing'] } = {}): CardElement {
  return { type: 'ActionSet', actions, ...opts };
}
