/**
 * The Adaptive Card colour and container-style names the view models use. The layout itself lives
 * in the templates of `cards/` and `dialogs/` (docs/cards.md); `src` builds no card elements.
 *
 * Text is always in the host's default colour: in Teams' light, dark and high-contrast host configs
 * only the default (and subtle) foreground meets WCAG AA on every container background (see
 * docs/cards.md and test/unit/cards/contrast.test.ts). A signal is carried by a word or icon in the
 * text and, where it matters, by the container's style.
 */
export type Color = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';
