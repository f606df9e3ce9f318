/**
 * Foreground and background colours of the Teams host configs, per container style.
 *
 * Sources:
 * - light, dark: microsoft/AdaptiveCards, samples/HostConfig/microsoft-teams-light.json and
 *   microsoft-teams-dark.json (the host configs Microsoft publishes for Teams; `containerStyles`).
 *   Alpha (#AARRGGBB) is blended over the container background before measuring.
 * - high contrast: Teams publishes no high-contrast host config. In Windows high-contrast ("Black")
 *   Teams draws cards with the system colours: Window #000000, WindowText #FFFFFF, and highlight /
 *   hyperlink colours (#1AEBFF, #FFFF00) for accents; every container style sits on Window. This row
 *   is therefore an ASSUMPTION built from the Windows "High Contrast Black" theme, not a Teams file.
 */
export type Style = 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';
export type Fg = 'default' | 'accent' | 'good' | 'warning' | 'attention';

export interface HostColours {
  name: string;
  background: Record<Style, string>;
  /** Foreground per container style (the Teams configs use one set for light styles, one for dark). */
  foreground: (style: Style) => Record<Fg, { default: string; subtle: string }>;
}

const lightFg = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const darkOnDark = {
  default: { default: '#ffffffff', subtle: '#bfffffff' },
  accent: { default: '#ffa6a7dc', subtle: '#ff8b8cc7' },
  good: { default: '#ff92c353', subtle: '#e592c353' },
  warning: { default: '#fff8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#ffd74654', subtle: '#e5d74654' },
};
/** The dark config's coloured styles keep light backgrounds and switch the default text to near-black. */
const darkOnLight = { ...darkOnDark, default: { default: '#ff201f1f', subtle: '#ff2d2c2c' } };

const hcFg = {
  default: { default: '#ffffff', subtle: '#ffffff' },
  accent: { default: '#1aebff', subtle: '#1aebff' },
  good: { default: '#3ff23f', subtle: '#3ff23f' },
  warning: { default: '#ffff00', subtle: '#ffff00' },
  attention: { default: '#ffff00', subtle: '#ffff00' },
};

export const TEAMS_HOSTS: HostColours[] = [
  {
    name: 'Teams light',
    background: { default: '#ffffff', emphasis: '#fff9f8f7', accent: '#C7DEF9', good: '#CCFFCC', attention: '#FFC5B2', warning: '#FFE2B2' },
    foreground: () => lightFg,
  },
  {
    name: 'Teams dark',
    background: {
      default: '#ff2d2c2c',
      emphasis: '#ff292828',
      accent: '#C7DEF9',
      good: '#CCFFCC',
      attention: '#FFC5B2',
      warning: '#FFE2B2',
    },
    foreground: (style) => (style === 'default' || style === 'emphasis' ? darkOnDark : darkOnLight),
  },
  {
    name: 'Teams high contrast (assumed: Windows High Contrast Black)',
    background: { default: '#000000', emphasis: '#000000', accent: '#000000', good: '#000000', attention: '#000000', warning: '#000000' },
    foreground: () => hcFg,
  },
];

function rgb(hex: string): [number, number, number, number] {
  const h = hex.replace('#', '');
  const a = h.length === 8 ? parseInt(h.slice(0, 2), 16) / 255 : 1;
  const c = h.length === 8 ? h.slice(2) : h;
  return [parseInt(c.slice(0, 2), 16), parseInt(c.slice(2, 4), 16), parseInt(c.slice(4, 6), 16), a];
}

/** The foreground blended over the background (alpha), as the renderer paints it. */
function blend(fg: string, bg: string): [number, number, number] {
  const [r, g, b, a] = rgb(fg);
  const [R, G, B] = rgb(bg);
  return [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio of a foreground (maybe with alpha) on an opaque background. */
export function contrastRatio(fg: string, bg: string): number {
  const a = luminance(blend(fg, bg));
  const b = luminance(blend(bg, bg));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
