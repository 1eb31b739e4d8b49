import { describe, expect, it } from 'vitest';
import type { EmailAttachment } from '../../../shared/contract/mail';
import { emailText, safeEmail } from '../../../renderer/email/safe-email';

const words = { pictureHeld: 'picture from the internet not shown' };
const inlinePicture: EmailAttachment = { id: 'a1', name: 'bin.png', contentType: 'image/png', size: 68, inline: true, contentId: 'bin-photo@civicdesk', inlineBase64: 'iVBORw0KGgo=' };

function shown(html: string, attachments: EmailAttachment[] = []) {
  const safe = safeEmail(html, attachments, words);
  const holder = document.createElement('div');
  holder.innerHTML = safe.html;
  return { ...safe, holder };
}

describe('a resident’s email made safe to show (safeEmail)', () => {
  it('runs nothing: scripts, event handlers, javascript: links, forms and frames are gone', () => {
    const { holder } = shown('<p onclick="steal()">Hello</p><script>steal()</script><a href="javascript:steal()">click</a><form action="https://evil.example"><input name="x"></form><iframe src="https://evil.example"></iframe><style>body{display:none}</style>');
    expect(holder.querySelector('script, form, input, iframe, style')).toBeNull();
    expect(holder.querySelector('[onclick]')).toBeNull();
    expect(holder.innerHTML).not.toMatch(/javascript:|steal\(\)|evil\.example/);
    expect(holder.textContent).toContain('Hello');
  });

  it('fetches nothing from the internet: a remote picture becomes words, and is counted', () => {
    const { holder, picturesHeld } = shown('<p>See <img src="https://tracker.example.net/pixel.gif?id=42" alt="our logo"> and <img src="http://x.example/a.png"></p>');
    expect(holder.querySelector('img')).toBeNull();
    expect(picturesHeld).toBe(2);
    expect(holder.textContent).toContain('[picture from the internet not shown: our logo]');
  });

  it('shows a picture sent inside the email from its own bytes', () => {
    const { holder, picturesHeld } = shown('<img src="cid:bin-photo@civicdesk" alt="bin">', [inlinePicture]);
    expect(holder.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(picturesHeld).toBe(0);
  });

  it('a link cannot be clicked, and says where it goes', () => {
    const { holder } = shown('<a href="https://council.example.gov.uk.evil.example/pay">Pay your council tax</a> <a href="https://www.gov.uk">https://www.gov.uk</a>');
    expect(holder.querySelector('[href]')).toBeNull();
    expect(holder.textContent).toContain('Pay your council tax (https://council.example.gov.uk.evil.example/pay)');
    // Where the words are the address already, it is not written twice.
    expect(holder.textContent).not.toContain('https://www.gov.uk (https://www.gov.uk)');
  });

  it('keeps the email’s words and paragraphs for a case or a quote (emailText)', () => {
    expect(emailText('<p>Dear council,</p><p>My bin was <b>missed</b> on Tuesday.<br>Flat 2</p><script>x()</script>')).toBe('Dear council,\n\nMy bin was missed on Tuesday.\nFlat 2');
  });
});
