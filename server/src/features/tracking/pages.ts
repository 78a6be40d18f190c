import { escapeHtml, translate, type PageContent, type PageContext } from '../../public-pages';

export const notFoundContent = (context: PageContext): PageContent => ({
  title: translate(context, 'notFound.title'),
  body: `<h1>${escapeHtml(translate(context, 'notFound.title'))}</h1>\n<p>${escapeHtml(translate(context, 'notFound.body'))}</p>`,
});
