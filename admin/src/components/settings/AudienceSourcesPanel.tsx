import { useState } from 'react';
import { Box, Button, EmptyStateLayout, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AudienceSourceSummary, BackfillResult } from '../../../../shared/contracts/settings';
import { errorMessage } from '../../api/errors';
import { useBackfillAudienceSourcesMutation } from '../../api/settings';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

const COUNTS = ['scanned', 'created', 'updated', 'linked', 'skipped', 'removed'] as const;

/** The configured audience sources and a backfill button for each: what the backfill command does. */
export const AudienceSourcesPanel = ({ sources }: { sources: AudienceSourceSummary[] }) => {
  const t = usePluginMessages();
  const [backfillSource] = useBackfillAudienceSourcesMutation();
  const [running, setRunning] = useState<string>();
  const [result, setResult] = useState<BackfillResult>();
  const [error, setError] = useState<string>();

  const backfill = async (uid: string) => {
    setRunning(uid);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await backfillSource(uid).unwrap());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(undefined);
    }
  };

  if (sources.length === 0) {
    return (
      <EmptyStateLayout
        content={t(
          'settings.sources.empty',
          'No audience source is configured. Add campaigns.audienceSources to config/plugins to mirror users or another collection type into contacts.'
        )}
      />
    );
  }

  const countWords: Record<(typeof COUNTS)[number], string> = {
    scanned: t('settings.backfill.scanned', '{count} scanned', { count: result?.scanned ?? 0 }),
    created: t('settings.backfill.created', '{count} created', { count: result?.created ?? 0 }),
    updated: t('settings.backfill.updated', '{count} updated', { count: result?.updated ?? 0 }),
    linked: t('settings.backfill.linked', '{count} linked', { count: result?.linked ?? 0 }),
    skipped: t('settings.backfill.skipped', '{count} skipped', { count: result?.skipped ?? 0 }),
    removed: t('settings.backfill.removed', '{count} removed', { count: result?.removed ?? 0 }),
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Table colCount={5} rowCount={sources.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('settings.sources.column.contentType', 'Content type')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('settings.sources.column.emailField', 'Email field')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('settings.sources.column.fields', 'Fields')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('settings.sources.column.topics', 'Topics · on delete')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('settings.sources.column.backfill', 'Backfill')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {sources.map((source) => (
            <Tr key={source.uid}>
              <Td>
                <Typography fontWeight="bold">{source.uid}</Typography>
              </Td>
              <Td>
                <Typography>{source.emailField}</Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  {Object.entries(source.fields).map(([to, from]) => (
                    <Typography key={to} variant="pi">
                      {from} → {to}
                    </Typography>
                  ))}
                </Flex>
              </Td>
              <Td>
                <Typography>
                  {source.topics.join(', ') || t('settings.sources.noTopic', 'no topic')} · {source.mirrorDeletes}
                </Typography>
              </Td>
              <Td>
                <Button
                  variant="secondary"
                  loading={running === source.uid}
                  disabled={Boolean(running)}
                  onClick={() => backfill(source.uid)}
                  aria-label={t('settings.backfill.label', 'Backfill {uid}', { uid: source.uid })}
                >
                  {t('settings.backfill.run', 'Backfill now')}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {error && (
        <Typography textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      {result && (
        <Box role="status" aria-label={t('settings.backfill.result', 'Backfill result')} background="success100" padding={4} hasRadius>
          <Typography>
            {t('settings.backfill.done', 'Backfill done: {counts}.', { counts: COUNTS.map((key) => countWords[key]).join(', ') })}
          </Typography>
        </Box>
      )}
    </Flex>
  );
};
