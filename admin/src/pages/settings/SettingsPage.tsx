import { Badge, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useGetCampaignsSettingsQuery, useGetCampaignsSiteSettingsQuery } from '../../api/settings';
import { Fact } from '../../components/layout/Fact';
import { Section } from '../../components/layout/Section';
import { AudienceSourcesPanel } from '../../components/settings/AudienceSourcesPanel';
import { BouncePolicyPanel } from '../../components/settings/BouncePolicyPanel';
import { ConfigWarnings } from '../../components/settings/ConfigWarnings';
import { SiteSettingsForm } from '../../components/settings/SiteSettingsForm';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';

const QUEUE_COUNTS = ['waiting', 'active', 'delayed', 'failed'] as const;

const SettingsView = () => {
  const t = usePluginMessages();
  // The queues' health is live: each visit reads it afresh.
  const { data: settings, isError } = useGetCampaignsSettingsQuery(undefined, { refetchOnMountOrArgChange: true });
  const site = useGetCampaignsSiteSettingsQuery(undefined, { refetchOnMountOrArgChange: true });

  if (isError || site.isError) return <Page.Error />;
  if (!settings || !site.data) return <Page.Loading />;
  const { smtp, health, dkim } = settings;
  const notSet = t('settings.fact.notSet', 'not set');
  const server = `${smtp.host}:${smtp.port}`;
  const queueColumns = {
    waiting: t('settings.queues.column.waiting', 'Waiting'),
    active: t('settings.queues.column.active', 'Active'),
    delayed: t('settings.queues.column.delayed', 'Delayed'),
    failed: t('settings.queues.column.failed', 'Failed'),
  };

  return (
    <Page.Main>
      <Page.Title>{t('settings.pageTitle', 'Campaigns settings')}</Page.Title>
      <Layouts.Header
        title={t('settings.title', 'Settings')}
        subtitle={t('settings.subtitle', "The plugin's configuration (config/plugins), its queues and its audience sources")}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <ConfigWarnings warnings={settings.warnings} />
          <Section title={t('settings.section.site', 'Pages, fonts and privacy')}>
            <SiteSettingsForm settings={site.data} />
          </Section>
          <Section title={t('settings.section.audienceSources', 'Audience sources')}>
            <AudienceSourcesPanel sources={settings.audienceSources} />
          </Section>
          <Section title={t('settings.section.sending', 'Sending')}>
            <Grid.Root gap={4}>
              <Fact label={t('settings.fact.smtpServer', 'SMTP server')}>
                {smtp.secure ? t('settings.fact.smtpServer.tls', '{server} (TLS)', { server }) : server}
              </Fact>
              <Fact label={t('settings.fact.smtpUser', 'SMTP user')}>{smtp.user ?? t('settings.fact.smtpUser.none', 'none')}</Fact>
              <Fact label={t('settings.fact.connections', 'Connections')}>
                {smtp.pool
                  ? t('settings.fact.connections.pooled', 'pooled, up to {max}', { max: smtp.maxConnections })
                  : t('settings.fact.connections.single', 'one per message')}
              </Fact>
              <Fact label={t('settings.fact.publicUrl', 'Public URL')}>{settings.publicUrl ?? notSet}</Fact>
              <Fact label={t('settings.fact.signingSecret', 'Signing secret')}>
                {settings.signingSecretSet ? t('settings.fact.set', 'set') : notSet}
              </Fact>
              <Fact label={t('settings.fact.rateLimit', 'Rate limit')}>
                {t('settings.fact.rateLimit.value', '{rate} messages/s', { rate: settings.rateLimits.messagesPerSecond })}
              </Fact>
              <Fact label={t('settings.fact.dkim', 'DKIM')}>
                {dkim
                  ? `${dkim.keySelector}._domainkey.${dkim.domainName}`
                  : t('settings.fact.dkim.unsigned', 'not set: messages go out unsigned')}
              </Fact>
              <Fact label={t('settings.fact.postalAddress', 'Postal address')}>{settings.postalAddress ?? notSet}</Fact>
            </Grid.Root>
          </Section>
          <Section title={t('settings.section.bouncePolicy', 'Bounce policy')}>
            <BouncePolicyPanel inbound={settings.inbound} />
          </Section>
          <Section title={t('settings.section.queues', 'Queues')}>
            <Typography>
              {t(
                'settings.queues.summary',
                'Redis {connection}, prefix “{prefix}”, {latency} ms · worker mode {mode}, {workers} workers in this process',
                {
                  connection: settings.redis.connection,
                  prefix: settings.redis.prefix,
                  latency: health.redisLatencyMs,
                  mode: settings.workerMode,
                  workers: health.workersInThisProcess,
                }
              )}
            </Typography>
            <Table colCount={6} rowCount={health.queues.length + 1}>
              <Thead>
                <Tr>
                  {[
                    t('settings.queues.column.queue', 'Queue'),
                    t('settings.queues.column.workers', 'Workers'),
                    ...QUEUE_COUNTS.map((state) => queueColumns[state]),
                  ].map((h) => (
                    <Th key={h}>
                      <Typography variant="sigma">{h}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {health.queues.map((queue) => (
                  <Tr key={queue.name}>
                    <Td>
                      <Typography fontWeight="bold">{queue.name}</Typography>
                    </Td>
                    <Td>
                      {queue.workers > 0 ? <Badge active>{queue.workers}</Badge> : <Badge>{t('settings.queues.noWorker', 'none')}</Badge>}
                    </Td>
                    {QUEUE_COUNTS.map((state) => (
                      <Td key={state}>
                        <Typography>{(queue.counts[state] ?? 0).toLocaleString()}</Typography>
                      </Td>
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
