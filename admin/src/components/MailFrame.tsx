import type { IframeHTMLAttributes } from 'react';

type Props = Omit<IframeHTMLAttributes<HTMLIFrameElement>, 'sandbox' | 'srcDoc' | 'src'> & { title: string; html: string };

/**
 * A rendered mail (a campaign's, a variant's, a template's) in a frame where its markup can do
 * nothing: the sandbox grants no scripts (not even inline handlers or `javascript:` links), no
 * forms, no pop-ups and no navigation of the admin. It keeps the admin's origin on purpose: an
 * opaque origin (`sandbox=""`) makes Chromium move the frame into a renderer process of its own,
 * where its layout waits for the browser to pass it its size, and a preview's text was seen there,
 * in the document but never drawn visible, for 45 s on a loaded machine. With scripts barred, the
 * origin gives the markup nothing to use: no code of its own can read the admin's storage or call
 * its API.
 */
export const MailFrame = ({ title, html, ...rest }: Props) => <iframe {...rest} title={title} sandbox="allow-same-origin" srcDoc={html} />;
