import { useState } from 'react';
import { Box, Button, EmptyStateLayout, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AudienceSourceSummary, BackfillResult } from '../../../../shared/contracts/settings';
import { errorMessage } from '../../api/errors';
import { useSettingsApi } from '../../api/settings';

const COUNTS = ['scanned', 'created', 'updated', 'linked', 'skipped', 'removed'] as const;

/** The configured audience sources and a backfill button for each: what the backfill command does. */
export const AudienceSourcesPanel = ({ sources }: { sources: AudienceSourceSummary[] }) => {
  const api = useSettingsApi();
  const [running, setRunning] = useState<string>();
  const [result, setResult] = useState<BackfillResult>();
  const [error, setError] = useState<string>();

  const backfill = async (uid: string) => {
    setRunning(uid);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api.backfill(uid));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(undefined);
    }
  };

  if (sources.length === 0) {
    return (
      <EmptyStateLayout content="No audience source is configured. Add campaigns.audienceSources to config/plugins to mirror users or another collection type into contacts." />
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Table colCount={5} rowCount={sources.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">Content type</Typography></Th>
            <Th><Typography variant="sigma">Email field</Typography></Th>
            <Th><Typography variant="sigma">Fields</Typography></Th>
            <Th><Typography variant="sigma">Topics · on delete</Typography></Th>
            <Th><Typography variant="sigma">Backfill</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {sources.map((source) => (
            <Tr key={source.uid}>
              <Td><Typography fontWeight="bold">{source.uid}</Typography></Td>
              <Td><Typography>{source.emailField}</Typography></Td>
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
                  {source.topics.join(', ') || 'no topic'} · {source.mirrorDeletes}
                </Typography>
              </Td>
              <Td>
                <Button variant="secondary" loading={running === source.uid} disabled={Boolean(running)} onClick={() => backfill(source.uid)} aria-label={`Backfill ${source.uid}`}>
                  Backfill now
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
        <Box role="status" aria-label="Backfill result" background="success100" padding={4} hasRadius>
          <Typography>
            Backfill done: {COUNTS.map((key) => `${result[key].toLocaleString()} ${key}`).join(', ')}.
          </Typography>
        </Box>
      )}
    </Flex>
  );
};
