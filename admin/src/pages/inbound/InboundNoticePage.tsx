import { useState } from 'react';
import { Box, Button, Dialog, Flex, Grid, Typography } from '@strapi/design-system';
import { ConfirmDialog, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import type { InboundNoticeDetail } from '../../../../shared/contracts/inbound';
import { errorMessage } from '../../api/errors';
import { useGetInboundNoticeQuery, useUndoInboundNoticeMutation } from '../../api/inbound';
import { NoticeActionBadge } from '../../components/inbound/NoticeActionBadge';
import { BOUNCE_TYPE_LABELS, KIND_LABELS } from '../../components/inbound/notice-labels';
import { Fact } from '../../components/layout/Fact';
import { LoadFailure } from '../../components/layout/LoadFailure';
import { Section } from '../../components/layout/Section';
import { formatBytes, formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';
import { campaignPath } from '../../components/campaign-editor/open-campaign';

/** The message as it came, as text: React escapes it, so markup in a hostile mail is shown, never run or rendered. */
const RawMessage = ({ raw }: { raw: NonNullable<InboundNoticeDetail['raw']> }) => (
  <Box
    tag="pre"
    background="neutral100"
    padding={4}
    hasRadius
    overflow="auto"
    style={{ maxHeight: '32rem', whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}
  >
    <Typography tag="code" variant="pi">
      {raw.text}
    </Typography>
  </Box>
);

/** One inbound notice: what it says, what it changed, its raw message, and undo of a wrong suppression. */
export const InboundNoticePage = () => {
  const t = usePluginMessages();
  const id = Number(useParams<{ id: string }>().id);
  const { data: notice, error } = useGetInboundNoticeQuery(id, { refetchOnMountOrArgChange: true });
  const [undoNotice] = useUndoInboundNoticeMutation();
  const [confirming, setConfirming] = useState(false);
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manageSuppressions);

  if (error) return <LoadFailure error={error} />;
  if (!notice) return <Page.Loading />;

  const undo = async () => {
    setConfirming(false);
    try {
      const { contactState } = await undoNotice(notice.id).unwrap();
      toggleNotification({
        type: 'success',
        message: contactState
          ? t('inbound.undo.done.contact', 'Suppression lifted: {email} is {state} now', {
              email: notice.email ?? '',
              state: t(`contacts.state.${contactState}`, contactState),
            })
          : t('inbound.undo.done', 'Suppression of {email} lifted', { email: notice.email ?? '' }),
      });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const title = t('inbound.detail.title', '{kind} from {email}', {
    kind: t(KIND_LABELS[notice.kind]),
    email: notice.email ?? t('inbound.detail.noAddress', 'an unknown address'),
  });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatDate(notice.receivedAt)}
        secondaryAction={<NoticeActionBadge action={notice.action} />}
        navigationAction={
          <Link to=".." relative="path">
            {t('inbound.detail.back', '← Bounces & complaints')}
          </Link>
        }
        primaryAction={
          canManage && notice.undoable ? (
            <Button variant="danger-light" onClick={() => setConfirming(true)}>
              {t('inbound.undo.open', 'Undo suppression')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {notice.undone && (
            <Box background="success100" padding={4} hasRadius>
              <Typography>
                {t('inbound.detail.undone', 'Undone by {by} on {date}: its suppression was lifted.', {
                  by: notice.undone.by ?? t('inbound.detail.someone', 'an admin'),
                  date: formatDate(notice.undone.at),
                })}
              </Typography>
            </Box>
          )}
          <Section title={t('inbound.detail.section.notice', 'Notice')}>
            <Grid.Root gap={4}>
              <Fact label={t('inbound.column.kind', 'Kind')}>{t(KIND_LABELS[notice.kind])}</Fact>
              <Fact label={t('inbound.column.reason', 'Reason')}>{notice.reason ?? '—'}</Fact>
              <Fact label={t('inbound.column.bounceType', 'Bounce type')}>
                {notice.bounceType ? t(BOUNCE_TYPE_LABELS[notice.bounceType]) : '—'}
              </Fact>
              <Fact label={t('inbound.detail.status', 'Status')}>{notice.status ?? '—'}</Fact>
              <Fact label={t('inbound.detail.feedbackType', 'Feedback type')}>{notice.feedbackType ?? '—'}</Fact>
              <Fact label={t('inbound.column.email', 'Email')}>{notice.email ?? '—'}</Fact>
              <Fact label={t('inbound.detail.origin', 'Came from')}>{`${notice.origin} (${notice.source})`}</Fact>
              <Fact label={t('inbound.detail.occurred', 'Happened')}>{formatDate(notice.occurredAt)}</Fact>
              <Fact label={t('inbound.detail.matchedBy', 'Matched by')}>
                {notice.matchedBy ?? t('inbound.detail.unmatched', 'no delivery found: no contact was changed')}
              </Fact>
              <Fact label={t('inbound.column.campaign', 'Campaign')}>
                {notice.campaign ? <Link to={campaignPath(notice.campaign.documentId)}>{notice.campaign.name}</Link> : '—'}
              </Fact>
              <Fact label={t('inbound.column.contact', 'Contact')}>
                {notice.contact ? (
                  <Link to={`/plugins/${PLUGIN_ID}/contacts/${notice.contact.documentId}`}>{notice.contact.email}</Link>
                ) : (
                  '—'
                )}
              </Fact>
            </Grid.Root>
          </Section>
          <Section title={t('inbound.detail.section.diagnostic', 'Diagnostic')}>
            <Typography>{notice.diagnostic ?? t('inbound.detail.noDiagnostic', 'The notice gave none.')}</Typography>
          </Section>
          <Section title={t('inbound.detail.section.raw', 'Raw message')}>
            {notice.raw ? (
              <>
                <Typography textColor="neutral600">
                  {notice.raw.truncated
                    ? t('inbound.detail.raw.truncated', '{size}, cut to what was kept', { size: formatBytes(notice.raw.size) })
                    : formatBytes(notice.raw.size)}
                </Typography>
                <RawMessage raw={notice.raw} />
              </>
            ) : (
              <Typography>{t('inbound.detail.raw.none', 'No raw message was kept for this notice.')}</Typography>
            )}
          </Section>
        </Flex>
      </Layouts.Content>
      <Dialog.Root open={confirming} onOpenChange={(open: boolean) => !open && setConfirming(false)}>
        <ConfirmDialog onConfirm={undo} title={t('inbound.undo.title', 'Undo this suppression?')}>
          {t(
            'inbound.undo.warning',
            '{email} will be mailed again: its suppression is lifted and its contact subscribed again, unless the person had unsubscribed. Your name is kept with the notice.',
            { email: notice.email ?? '' }
          )}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};
