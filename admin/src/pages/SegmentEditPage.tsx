import { useEffect, useState } from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, Th, Thead, Tr, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { AudienceContact, RuleChoices, RuleGroup } from '../../../shared/contracts/segments';
import { errorMessage } from '../api/errors';
import { useSegmentsApi } from '../api/segments';
import { campaignsNamedIn, ChoicesContext } from '../components/segment-builder/choices';
import { ExportContactsButton } from '../components/contacts/ExportContactsButton';
import { GroupEditor } from '../components/segment-builder/GroupEditor';
import { LoadFailure } from '../components/layout/LoadFailure';

const LIVE_DELAY_MS = 400;

type Live = { count: number; preview: AudienceContact[] } | { error: string };

/** Builds a segment: the rule tree, its live count and first contacts as it changes, then saves it. */
export const SegmentEditPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const isNew = !documentId || documentId === 'new';
  const api = useSegmentsApi();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();

  const [name, setName] = useState('');
  const [rules, setRules] = useState<RuleGroup>({ match: 'all', rules: [] });
  const [loaded, setLoaded] = useState(isNew);
  const [loadError, setLoadError] = useState<unknown>();
  const [live, setLive] = useState<Live>();
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [choices, setChoices] = useState<RuleChoices>({ topics: [], campaigns: [] });

  useEffect(() => {
    if (isNew) return;
    api.get(documentId).then(
      (segment) => {
        setName(segment.name);
        setRules(segment.rules);
        setLoaded(true);
      },
      (e) => setLoadError(e ?? new Error('the segment could not be read'))
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId]);

  useEffect(() => {
    if (!loaded) return;
    api.choices(campaignsNamedIn(rules)).then(setChoices, (e) => toggleNotification({ type: 'danger', message: errorMessage(e) }));
    // Once per loaded segment: the pickers' lists do not change while rules are edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      Promise.all([api.count(rules), api.preview(rules)]).then(
        ([count, preview]) => !cancelled && setLive({ count, preview }),
        (e) => !cancelled && setLive({ error: errorMessage(e) })
      );
    }, LIVE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rules, loaded]);

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const saved = isNew ? await api.create({ name, rules }) : await api.update(documentId, { name, rules });
      toggleNotification({ type: 'success', message: `Saved "${saved.name}"` });
      if (isNew) navigate(`../${saved.documentId}`, { replace: true, relative: 'path' });
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <LoadFailure error={loadError} />;
  if (!loaded) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{isNew ? 'New segment' : name || 'Segment'}</Page.Title>
      <Layouts.Header
        title={isNew ? 'New segment' : name}
        navigationAction={
          <Link to=".." relative="path">
            ← Segments
          </Link>
        }
        primaryAction={
          <Button onClick={save} loading={saving}>
            Save
          </Button>
        }
        secondaryAction={isNew ? undefined : <ExportContactsButton params={{ segment: documentId }} label="Export its contacts" />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Field.Root name="name" error={saveError} required>
            <Field.Label>Name</Field.Label>
            <TextInput value={name} maxLength={200} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
            <Field.Error />
          </Field.Root>
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
            <ChoicesContext.Provider value={choices}>
              <GroupEditor group={rules} onChange={setRules} />
            </ChoicesContext.Provider>
          </Box>
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
            {!live ? (
              <Typography>Counting…</Typography>
            ) : 'error' in live ? (
              <Typography textColor="danger600" role="alert">
                {live.error}
              </Typography>
            ) : (
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="beta" role="status">
                  {live.count.toLocaleString()} {live.count === 1 ? 'contact' : 'contacts'} can be mailed
                </Typography>
                {live.preview.length > 0 && (
                  <Table colCount={2} rowCount={live.preview.length + 1}>
                    <Thead>
                      <Tr>
                        <Th><Typography variant="sigma">Email</Typography></Th>
                        <Th><Typography variant="sigma">Name</Typography></Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {live.preview.map((c) => (
                        <Tr key={c.id}>
                          <Td><Typography>{c.email}</Typography></Td>
                          <Td><Typography>{[c.firstName, c.lastName].filter(Boolean).join(' ')}</Typography></Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                )}
              </Flex>
            )}
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
