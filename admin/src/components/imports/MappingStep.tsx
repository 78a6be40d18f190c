import { Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ImportPreview } from '../../../../shared/contracts/imports';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { CHOICES, type ColumnChoice, type ColumnMapping } from './mapping';

interface Props {
  preview: ImportPreview;
  mapping: Record<string, ColumnMapping>;
  onChange: (mapping: Record<string, ColumnMapping>) => void;
}

const SAMPLES = 3;

/** Step 2: each column of the file with a few of its values and what it becomes in a contact. */
export const MappingStep = ({ preview, mapping, onChange }: Props) => {
  const t = usePluginMessages();
  const samples = (index: number) =>
    preview.rows
      .map((row) => row[index]?.trim())
      .filter(Boolean)
      .slice(0, SAMPLES);
  const set = (column: string, next: Partial<ColumnMapping>) => onChange({ ...mapping, [column]: { ...mapping[column], ...next } });

  return (
    <Table colCount={3} rowCount={preview.columns.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('imports.mapping.column', 'Column')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('imports.mapping.values', 'Values in the file')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('imports.mapping.becomes', 'Becomes')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {preview.columns.map((column, index) => (
          <Tr key={index}>
            <Td>
              <Typography fontWeight="bold">{column}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600" ellipsis>
                {samples(index).join(' · ') || t('imports.mapping.empty', '(empty)')}
              </Typography>
            </Td>
            <Td>
              <Flex gap={2}>
                <SingleSelect
                  aria-label={t('imports.mapping.columnBecomes', 'Column {column} becomes', { column })}
                  value={mapping[column].choice}
                  onChange={(choice: string | number) => set(column, { choice: choice as ColumnChoice })}
                >
                  {CHOICES.map((choice) => (
                    <SingleSelectOption key={choice.value} value={choice.value}>
                      {t(choice.label)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                {mapping[column].choice === 'attribute' && (
                  <TextInput
                    aria-label={t('imports.mapping.attributeName', 'Attribute name for {column}', { column })}
                    placeholder="plan"
                    value={mapping[column].attribute}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(column, { attribute: e.target.value })}
                  />
                )}
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
