import type { ContentBlockType } from '../../../../shared/contracts/content-blocks';
import { STARTER_MJML } from '../campaign-editor/starter-template';
import { entriesElement } from './entries-element';
import { guessMapping } from './field-roles';
import { placeElement } from './place-element';

/** The server's limit on a campaign's name. */
const MAX_NAME = 200;

/**
 * The MJML of a campaign made from one entry: the starter's greeting, the entry's block, then the
 * starter's footer (unsubscribe link and postal address), with fields guessed from the type.
 */
export const entryCampaignMjml = (type: ContentBlockType, documentId: string) => {
  const { title, text, image } = guessMapping(type);
  const block = entriesElement({ type: type.uid, entries: documentId, title, text, image });
  // The cursor at 0 stands nowhere a block may: it goes where a new block goes, above the footer.
  const { at, text: inserted } = placeElement(STARTER_MJML, 0, block, 'section');
  return STARTER_MJML.slice(0, at) + inserted + STARTER_MJML.slice(at);
};

/** The campaign's name: the entry's title when it has one, else the type's name and the documentId. */
export const entryCampaignName = (type: ContentBlockType, document: Record<string, unknown>, documentId: string) => {
  const { title } = guessMapping(type);
  const value = title ? document[title] : undefined;
  const name = typeof value === 'string' && value.trim() ? value.trim() : `${type.displayName} ${documentId}`;
  return name.slice(0, MAX_NAME);
};
