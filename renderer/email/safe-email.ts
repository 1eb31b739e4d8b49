import DOMPurify from 'dompurify';
import type { EmailAttachment } from '../../shared/contract/mail';

/** What an email's HTML becomes on screen, and what was held back from it. */
export interface SafeEmail {
  html: string;
  /** Pictures from the internet not fetched: fetching one tells the sender the email was read, and from where. */
  picturesHeld: number;
}

/** Anything that could run, fetch, submit or restyle the workstation goes, whatever it is. */
const FORBID_TAGS = ['style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'svg', 'math', 'template'];
const FORBID_ATTR = ['style', 'class', 'id', 'srcset', 'background', 'target', 'ping', 'formaction'];

/**
 * A resident's email made safe to show inside the workstation. DOMPurify removes scripts,
 * event handlers and javascript: links; on top of that nothing in it reaches the internet:
 * - a picture sent inside the email (cid:) is shown from its own bytes; any other picture is
 *   replaced by words saying it was held back (tracking pixels, and the Content Security
 *   Policy would refuse it anyway);
 * - a link is not clickable: its words stay and its address is written beside them, so an
 *   officer sees where it goes and a look-alike address cannot be clicked by mistake.
 */
export function safeEmail(html: string, attachments: readonly EmailAttachment[], words: { pictureHeld: string }): SafeEmail {
  const inline = new Map(attachments.filter((each) => each.inline && each.contentId && each.inlineBase64).map((each) => [each.contentId?.replace(/^<|>$/g, '').toLowerCase(), `data:${each.contentType};base64,${each.inlineBase64 ?? ''}`]));
  let picturesHeld = 0;
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG') {
      const source = node.getAttribute('src') ?? '';
      const cid = /^cid:(.+)$/i.exec(source)?.[1];
      const own = cid ? inline.get(cid.toLowerCase()) : undefined;
      if (own) {
        node.setAttribute('src', own);
        return;
      }
      picturesHeld += 1;
      const alt = node.getAttribute('alt');
      node.replaceWith(node.ownerDocument.createTextNode(`[${words.pictureHeld}${alt ? `: ${alt}` : ''}]`));
      return;
    }
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      node.removeAttribute('href');
      const text = node.textContent?.trim() ?? '';
      if (href && text !== href) node.appendChild(node.ownerDocument.createTextNode(` (${href})`));
    }
  });
  const clean = purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false });
  return { html: clean, picturesHeld };
}

/** The email's words alone, for a case's description or a quoted reply: paragraphs and line breaks kept. */
export function emailText(html: string): string {
  const clean = DOMPurify(window).sanitize(html, { FORBID_TAGS, FORBID_ATTR, RETURN_DOM: true });
  clean.querySelectorAll('br').forEach((each) => each.replaceWith('\n'));
  clean.querySelectorAll('p, h1, h2, h3, h4, h5, h6').forEach((each) => each.append('\n\n'));
  clean.querySelectorAll('div, li, tr').forEach((each) => each.append('\n'));
  return (clean.textContent ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
