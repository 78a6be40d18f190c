import { useState } from 'react';
import { Combobox, ComboboxOption, Field, Flex, IconButton, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Cross } from '@strapi/icons';
import type { ContentBlockEntry } from '../../../../shared/contracts/content-blocks';
import { useGetContentBlockEntriesQuery } from '../../api/content-blocks';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { moveEntry } from './entries-form';

const SEARCH_DELAY_MS = 300;

interface Props {
  type: string;
  value: ContentBlockEntry[];
  onChange: (entries: ContentBlockEntry[]) => void;
}

/** Searches the type's entries and keeps the chosen ones in the order they will show. */
export const EntryPicker = ({ type, value, onChange }: Props) => {
  const t = usePluginMessages();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text, SEARCH_DELAY_MS);
  const { data, isFetching } = useGetContentBlockEntriesQuery({ type, ...(search ? { q: search } : {}) });
  const offered = (data ?? []).filter((entry) => !value.some((chosen) => chosen.documentId === entry.documentId));

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="entry" hint={t('contentBlocks.entries.pick.hint', 'Type to search; the entries show in this order')}>
        <Field.Label>{t('contentBlocks.entries.pick', 'Add an entry')}</Field.Label>
        <Combobox
          placeholder={t('contentBlocks.entries.pick.placeholder', 'Search entries')}
          autocomplete={{ type: 'list', filter: 'contains' }}
          value=""
          textValue={text}
          onTextValueChange={setText}
          onChange={(documentId?: string) => {
            const entry = offered.find((e) => e.documentId === documentId);
            if (entry) onChange([...value, entry]);
            setText('');
          }}
          loading={isFetching}
          noOptionsMessage={() => t('contentBlocks.entries.pick.none', 'No published entry matches')}
        >
          {offered.map((entry) => (
            <ComboboxOption key={entry.documentId} value={entry.documentId} textValue={entry.label}>
              {entry.label}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Hint />
      </Field.Root>
      <Flex tag="ol" direction="column" alignItems="stretch" gap={1} aria-label={t('contentBlocks.entries.chosen', 'Entries in the block')}>
        {value.map((entry, index) => (
          <Flex tag="li" key={entry.documentId} gap={2} justifyContent="space-between">
            <Typography>{entry.label}</Typography>
            <Flex gap={1}>
              <IconButton
                label={t('contentBlocks.entries.up', 'Move {label} up', { label: entry.label })}
                disabled={index === 0}
                onClick={() => onChange(moveEntry(value, index, -1))}
              >
                <ArrowUp />
              </IconButton>
              <IconButton
                label={t('contentBlocks.entries.down', 'Move {label} down', { label: entry.label })}
                disabled={index === value.length - 1}
                onClick={() => onChange(moveEntry(value, index, 1))}
              >
                <ArrowDown />
              </IconButton>
              <IconButton
                label={t('contentBlocks.entries.remove', 'Remove {label}', { label: entry.label })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                <Cross />
              </IconButton>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
};
