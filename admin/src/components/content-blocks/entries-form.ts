import {
  MAX_LATEST_ENTRIES,
  type ContentBlockEntry,
  type ContentBlockType,
  type EntriesBlockAttributes,
  type EntryLayout,
} from '../../../../shared/contracts/content-blocks';
import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';
import { simpleFilter, type SimpleFilterOperator } from './entries-element';
import { guessMapping } from './field-roles';

/** What the "Insert entries" dialog holds while the editor fills it in. */
export interface EntriesForm {
  type: string;
  mode: 'entries' | 'latest';
  /** Chosen entries, in the order they will show. */
  entries: ContentBlockEntry[];
  latest: number;
  filterField: string;
  filterOperator: SimpleFilterOperator;
  filterValue: string;
  /** Empty: the server's default (newest first). */
  sortField: string;
  sortDirection: 'asc' | 'desc';
  title: string;
  text: string;
  image: string;
  link: string;
  button: string;
  layout: EntryLayout;
}

export const emptyEntriesForm = (): EntriesForm => ({
  type: '',
  mode: 'entries',
  entries: [],
  latest: 3,
  filterField: '',
  filterOperator: 'eq',
  filterValue: '',
  sortField: '',
  sortDirection: 'desc',
  title: '',
  text: '',
  image: '',
  link: '',
  button: '',
  layout: 'stack',
});

/** Another type: its own entries, filter and fields (guessed), the rest kept. */
export const withType = (form: EntriesForm, type: ContentBlockType): EntriesForm => {
  const guess = guessMapping(type);
  return {
    ...form,
    type: type.uid,
    entries: [],
    filterField: '',
    filterValue: '',
    sortField: '',
    title: guess.title ?? '',
    text: guess.text ?? '',
    image: guess.image ?? '',
    link: '',
  };
};

/** Moves a chosen entry one place up (-1) or down (+1). */
export const moveEntry = (entries: ContentBlockEntry[], index: number, by: -1 | 1) => {
  const to = index + by;
  if (to < 0 || to >= entries.length) return entries;
  const next = [...entries];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
};

/** The block's attributes, or what the editor must fix first. */
export const toAttributes = (form: EntriesForm): { attributes: EntriesBlockAttributes } | { problem: PluginMessage } => {
  if (!form.type) return { problem: pluginMessage('contentBlocks.entries.problem.type', 'Choose a content type') };
  if (form.mode === 'entries' && form.entries.length === 0) {
    return { problem: pluginMessage('contentBlocks.entries.problem.entries', 'Choose at least one entry') };
  }
  if (form.mode === 'latest' && !(Number.isInteger(form.latest) && form.latest >= 1 && form.latest <= MAX_LATEST_ENTRIES)) {
    return {
      problem: pluginMessage('contentBlocks.entries.problem.latest', 'Show between 1 and {max} entries', { max: MAX_LATEST_ENTRIES }),
    };
  }
  if (!form.title && !form.text && !form.image) {
    return { problem: pluginMessage('contentBlocks.entries.problem.fields', 'Map at least one field: title, text or image') };
  }
  const selection: EntriesBlockAttributes =
    form.mode === 'entries'
      ? { type: form.type, entries: form.entries.map((entry) => entry.documentId).join(',') }
      : {
          type: form.type,
          latest: String(form.latest),
          filter: simpleFilter(form.filterField, form.filterOperator, form.filterValue),
          sort: form.sortField ? `${form.sortField}:${form.sortDirection}` : undefined,
        };
  return {
    attributes: {
      ...selection,
      title: form.title,
      text: form.text,
      image: form.image,
      link: form.link,
      button: form.button,
      layout: form.layout === 'stack' ? undefined : form.layout,
    },
  };
};
