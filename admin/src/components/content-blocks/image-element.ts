/** What the Media Library dialog hands back for a file (the upload plugin's asset; only what is read here). */
export interface MediaAsset {
  url: string;
  alternativeText?: string | null;
  mime?: string | null;
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A mail client fetches the image from the recipient's inbox: the local provider's relative
 * `/uploads/...` becomes absolute on the server's URL; a provider's URL (S3, a CDN) stays as it is.
 */
export const absoluteUrl = (url: string, backendUrl: string) =>
  url.startsWith('/') && !url.startsWith('//') ? `${backendUrl.replace(/\/+$/, '')}${url}` : url;

/** `<mj-image>` for a file; an image without alt text gets alt="" (the pre-send check flags it). */
export const imageElement = (asset: MediaAsset, backendUrl: string) =>
  `<mj-image src="${escape(absoluteUrl(asset.url, backendUrl))}" alt="${escape(asset.alternativeText?.trim() ?? '')}" />`;
