/**
 * What every starter template shares: the head (the fonts readers already have, never a web font;
 * the sizes and colours of text and buttons; a smaller headline on phones) and the footer the law
 * asks for (the unsubscribe link, the sender's postal address).
 */

/** The system fonts of Apple Mail, Outlook and Android first: nothing is fetched from another host. */
export const FONT_STACK = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

interface HeadOptions {
  title: string;
  /** Body text colour. */
  text: string;
  /** Link colour. */
  link: string;
  /** Body text size and line height, in px. */
  size?: [number, number];
  /** The buttons' colour where a button does not set its own (an entries block's). */
  button?: string;
}

/**
 * MJML stacks columns under 480px, so every starter reads on a 375px phone; `headline` shrinks the
 * large titles there. The `@media` rule is a style block MJML keeps in <head>: clients that drop
 * it (some webmail) show the desktop size, which still fits.
 */
export const head = ({ title, text, link, size = [16, 26], button = '#1f2933' }: HeadOptions) => `  <mj-head>
    <mj-title>${title}</mj-title>
    <mj-attributes>
      <mj-all font-family="${FONT_STACK}" />
      <mj-section padding="0" />
      <mj-text font-size="${size[0]}px" line-height="${size[1]}px" color="${text}" padding="0 32px 16px" />
      <mj-button background-color="${button}" color="#ffffff" font-size="16px" font-weight="600" inner-padding="14px 28px" border-radius="6px" padding="8px 32px 24px" />
      <mj-image padding="0 32px" />
      <mj-divider padding="0 32px" />
    </mj-attributes>
    <mj-style inline="inline">
      a { color: ${link}; }
    </mj-style>
    <mj-style>
      @media only screen and (max-width: 480px) {
        .headline div { font-size: 26px !important; line-height: 32px !important; }
      }
    </mj-style>
  </mj-head>`;

/** A small "View in your browser" line above the message. */
export const browserLink = (color: string) => `    <mj-section padding="16px 0 8px">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" color="${color}" align="right" padding="0 24px"><a href="{{ view_in_browser_url }}" style="color:${color};">View in your browser</a></mj-text>
      </mj-column>
    </mj-section>`;

interface FooterOptions {
  background: string;
  color: string;
}

/** Why the reader gets this, how to stop or choose what they get, and who sends it. */
export const footer = ({ background, color }: FooterOptions) => `    <mj-section background-color="${background}" padding="24px 0 32px">
      <mj-column>
        <mj-text font-size="13px" line-height="20px" color="${color}" align="center" padding="0 32px 8px">You are receiving this email because you signed up for updates from us.</mj-text>
        <mj-text font-size="13px" line-height="20px" color="${color}" align="center" padding="0 32px 8px"><a href="{{ unsubscribe_url }}" style="color:${color};text-decoration:underline;">Unsubscribe</a> &nbsp;&middot;&nbsp; <a href="{{ preferences_url }}" style="color:${color};text-decoration:underline;">Manage your preferences</a></mj-text>
        <mj-text font-size="13px" line-height="20px" color="${color}" align="center" padding="0 32px">{{ postal_address }}</mj-text>
      </mj-column>
    </mj-section>`;
