import { useEffect, useState } from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, Th, Thead, Tr, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { RuleGroup, Segment } from '../../../shared/contracts/segments';
import { errorMessage } from '../api/errors';
import {
  useCountAudienceQuery,
  useCreateSegmentMutation,
  useGetRuleChoicesQuery,
  useGetSegmentQuery,
  usePreviewAudienceQuery,
  useUpdateSegmentMutation,
} from '../api/segments';
import { ExportContactsButton } from '../components/contacts/ExportContactsButton';
import { LoadFailure } from '../components/layout/LoadFailure';
import { campaignsNamedIn, ChoicesContext } from '../components/segment-builder/choices';
import { GroupEditor } from '../components/segment-builder/GroupEditor';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { usePluginMessages } from '../hooks/use-plugin-messages';

const LIVE_DELAY_MS = 400;

const NO_CHOICES = { topics: [], campaigns: [] };

/** The live count and first contacts of a rule tree, once editing pauses; the last answer stays while the next loads. */
const LiveAudience = ({ rules }: { rules: RuleGroup }) => {
  const t = usePluginMessages();
  const settled = JSON.parse(useDebouncedValue(JSON.stringify(rules), LIVE_DELAY_MS)) as RuleGroup;
  // Contacts change outside this page: a rule tree seen before is counted again.
  const count = useCountAudienceQuery(settled, { refetchOnMountOrArgChange: true });
  const preview = usePreviewAudienceQuery(settled, { refetchOnMountOrArgChange: true });

  const failed = count.isError ? count.error : preview.isError ? preview.error : undefined;
  if (failed) {
    return (
      <Typography textColor="danger600" role="alert">
        {errorMessage(failed)}
      </Typography>
    );
  }
  if (count.data === undefined || !preview.data) return <Typography>{t('segments.live.counting', 'Counting…')}</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="beta" role="status">
        {t('segments.live.count', '{count, plural, one {# contact} other {# contacts}} can be mailed', { count: count.data })}
      </Typography>
      {preview.data.length > 0 && (
        <Table colCount={2} rowCount={preview.data.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('segments.live.column.email', 'Email')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('segments.live.column.name', 'Name')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {preview.data.map((c) => (
              <Tr key={c.id}>
                <Td>
                  <Typography>{c.email}</Typography>
                </Td>
                <Td>
                  <Typography>{[c.firstName, c.lastName].filter(Boolean).join(' ')}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
};

/** Builds a segment: the rule tree, its live count and first contacts as it changes, then saves it. */
const SegmentEditor = ({ initial }: { initial?: Segment }) => {
  const t = usePluginMessages();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [createSegment, created] = useCreateSegmentMutation();
  const [updateSegment, updated] = useUpdateSegmentMutation();

  const [name, setName] = useState(initial?.name ?? '');
  const [rules, setRules] = useState<RuleGroup>(initial?.rules ?? { match: 'all', rules: [] });
  const [saveError, setSaveError] = useState<string>();
  // The pickers' lists are read once per opened segment: they do not change while rules are edited.
  const [named] = useState(() => campaignsNamedIn(rules));
  const choices = useGetRuleChoicesQuery(named);

  useEffect(() => {
    if (choices.isError) toggleNotification({ type: 'danger', message: errorMessage(choices.error) });
  }, [choices.isError, choices.error, toggleNotification]);

  const save = async () => {
    setSaveError(undefined);
    try {
      const saved = initial
        ? await updateSegment({ documentId: initial.documentId, data: { name, rules } }).unwrap()
        : await createSegment({ name, rules }).unwrap();
      toggleNotification({ type: 'success', message: t('segments.edit.saved', 'Saved "{name}"', { name: saved.name }) });
      if (!initial) navigate(`../${saved.documentId}`, { replace: true, relative: 'path' });
    } catch (e) {
      setSaveError(errorMessage(e));
    }
  };

  const newTitle = t('segments.edit.newTitle', 'New segment');
  return (
    <Page.Main>
      <Page.Title>{initial ? name || t('segments.edit.untitled', 'Segment') : newTitle}</Page.Title>
      <Layouts.Header
        title={initial ? name : newTitle}
        navigationAction={
          <Link to=".." relative="path">
            {t('segments.edit.back', '← Segments')}
          </Link>
        }
        primaryAction={
          <Button onClick={save} loading={created.isLoading || updated.isLoading}>
            {t('segments.edit.save', 'Save')}
          </Button>
        }
        secondaryAction={
          initial ? (
            <ExportContactsButton params={{ segment: initial.documentId }} label={t('segments.edit.export', 'Export its contacts')} />
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Field.Root name="name" error={saveError} required>
            <Field.Label>{t('segments.edit.name', 'Name')}</Field.Label>
            <TextInput value={name} maxLength={200} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
            <Field.Error />
          </Field.Root>
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
            <ChoicesContext.Provider value={choices.data ?? NO_CHOICES}>
              <GroupEditor group={rules} onChange={setRules} />
            </ChoicesContext.Provider>
          </Box>
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
            <LiveAudience rules={rules} />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export const SegmentEditPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const isNew = !documentId || documentId === 'new';
  const segment = useGetSegmentQuery(documentId ?? '', { skip: isNew, refetchOnMountOrArgChange: true });

  if (isNew) return <SegmentEditor key="new" />;
  if (segment.error) return <LoadFailure error={segment.error} />;
  if (!segment.data) return <Page.Loading />;
  return <SegmentEditor key={documentId} initial={segment.data} />;
};
