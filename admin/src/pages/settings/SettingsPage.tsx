import { useEffect, useState } from 'react';
import { Badge, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import type { Settings } from '../../../../shared/contracts/settings';
import { errorMessage } from '../../api/errors';
import { useSettingsApi } from '../../api/settings';
import { AudienceSourcesPanel } from '../../components/settings/AudienceSourcesPanel';
import { ConfigWarnings } from '../../components/settings/ConfigWarnings';
import { PERMISSIONS } from '../../permissions';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { Section } from '../../components/layout/Section';

const Fact = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <Grid.Item col={4} s={12} direction="column" alignItems="flex-start">
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography>{value}</Typography>
  </Grid.Item>
);

const SettingsView = () => {
  const api = useSettingsApi();
  const t = usePluginMessages();
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.get().then(setSettings, (e) => setError(errorMessage(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (error) return <Page.Error />;
  if (!settings) return <Page.Loading />;
  const { smtp, health, dkim } = settings;
  const notSet = t('settings.fact.notSet', 'not set');

  return (
    <Page.Main>
      <Page.Title>Campaigns settings</Page.Title>
      <Layouts.Header title="Settings" subtitle="The plugin's configuration (config/plugins), its queues and its audience sources" />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <ConfigWarnings warnings={settings.warnings} />
          <Section title="Audience sources">
            <AudienceSourcesPanel sources={settings.audienceSources} />
          </Section>
          <Section title="Sending">
            <Grid.Root gap={4}>
              <Fact label="SMTP server" value={`${smtp.host}:${smtp.port}${smtp.secure ? ' (TLS)' : ''}`} />
              <Fact label="SMTP user" value={smtp.user ?? 'none'} />
              <Fact label="Connections" value={smtp.pool ? `pooled, up to ${smtp.maxConnections}` : 'one per message'} />
              <Fact label="Public URL" value={settings.publicUrl ?? 'not set'} />
              <Fact label="Signing secret" value={settings.signingSecretSet ? 'set' : 'not set'} />
              <Fact label="Rate limit" value={`${settings.rateLimits.messagesPerSecond} messages/s`} />
              <Fact
                label={t('settings.fact.dkim', 'DKIM')}
                value={
                  dkim
                    ? `${dkim.keySelector}._domainkey.${dkim.domainName}`
                    : t('settings.fact.dkim.unsigned', 'not set: messages go out unsigned')
                }
              />
              <Fact
                label={t('settings.fact.postalAddress', 'Postal address')}
                value={settings.postalAddress ?? notSet}
              />
            </Grid.Root>
          </Section>
          <Section title="Queues">
            <Typography>
              Redis {settings.redis.connection}, prefix “{settings.redis.prefix}”, {health.redisLatencyMs} ms · worker mode {settings.workerMode},{' '}
              {health.workersInThisProcess} workers in this process
            </Typography>
            <Table colCount={6} rowCount={health.queues.length + 1}>
              <Thead>
                <Tr>
                  {['Queue', 'Workers', 'Waiting', 'Active', 'Delayed', 'Failed'].map((h) => (
                    <Th key={h}><Typography variant="sigma">{h}</Typography></Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {health.queues.map((queue) => (
                  <Tr key={queue.name}>
                    <Td><Typography fontWeight="bold">{queue.name}</Typography></Td>
                    <Td>{queue.workers > 0 ? <Badge active>{queue.workers}</Badge> : <Badge>none</Badge>}</Td>
                    {(['waiting', 'active', 'delayed', 'failed'] as const).map((state) => (
                      <Td key={state}><Typography>{(queue.counts[state] ?? 0).toLocaleString()}</Typography></Td>
                    ))}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export const SettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.manageSettings}>
    <SettingsView />
  </Page.Protect>
);
