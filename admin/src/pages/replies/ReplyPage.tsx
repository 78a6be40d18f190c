import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import type { ReplyDetail } from '../../../../shared/contracts/replies';
import { useGetContactQuery } from '../../api/contacts';
import { errorMessage } from '../../api/errors';
import { useGetReplyQuery, useMarkReplyHandledMutation } from '../../api/replies';
import { campaignPath } from '../../components/campaign-editor/open-campaign';
import { ContactStateBadge } from '../../components/contacts/ContactStateBadge';
import { Fact } from '../../components/layout/Fact';
import { LoadFailure } from '../../components/layout/LoadFailure';
import { Section } from '../../components/layout/Section';
import { Collapsed } from '../../components/replies/Collapsed';
import { ReplyClassBadge } from '../../components/replies/ReplyClassBadge';
import { AUTO_REPLY_LABELS, MATCH_LABELS, MATCH_NOTE_LABELS } from '../../components/replies/reply-labels';
import { TextBlock } from '../../components/replies/TextBlock';
import { formatBytes, formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';

/** A `YYYY-MM-DD` date as the reader's locale writes a day (no time zone moves it). */
const formatDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { timeZone: 'UTC', dateStyle: 'long' });
};

/** Who the reply is from, and the campaign it answers: the contact's panel. */
const ContactPanel = ({ reply }: { reply: ReplyDetail }) => {
  const t = usePluginMessages();
  const contact = useGetContactQuery({ documentId: reply.contact?.documentId ?? '' }, { skip: !reply.contact });
  return (
    <Section title={t('replies.detail.section.contact', 'Contact')}>
      {reply.contact ? (
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Link to={`/plugins/${PLUGIN_ID}/contacts/${reply.contact.documentId}`}>{reply.contact.email}</Link>
          {reply.contact.name && <Typography>{reply.contact.name}</Typography>}
          {contact.data && <ContactStateBadge state={contact.data.state} />}
        </Flex>
      ) : (
        <Typography textColor="neutral600">{t('replies.detail.noContact', 'The contact is gone (deleted or erased).')}</Typography>
      )}
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {t('replies.column.campaign', 'Campaign')}
        </Typography>
        {reply.campaign ? (
          <Link to={campaignPath(reply.campaign.documentId)}>
            {t('replies.detail.campaignReport', '{name}: its results', { name: reply.campaign.name })}
          </Link>
        ) : (
          <Typography>—</Typography>
        )}
      </Flex>
    </Section>
  );
};

/** One reply: its new text as text, how it was matched, the quote, signature and raw mail on demand, and "mark handled". */
export const ReplyPage = () => {
  const t = usePluginMessages();
  const id = Number(useParams<{ id: string }>().id);
  const { data: reply, error } = useGetReplyQuery(id, { refetchOnMountOrArgChange: true });
  const [markHandled, marking] = useMarkReplyHandledMutation();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canHandle },
  } = useRBAC(PERMISSIONS.handleReplies);

  if (error) return <LoadFailure error={error} />;
  if (!reply) return <Page.Loading />;

  const setHandled = async (handled: boolean) => {
    try {
      await markHandled({ id: reply.id, handled }).unwrap();
      toggleNotification({
        type: 'success',
        message: handled ? t('replies.handle.done', 'Marked handled') : t('replies.handle.reopened', 'Reopened'),
      });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const title = reply.subject || t('replies.detail.noSubject', '(no subject)');
  const from = reply.from.name ? `${reply.from.name} <${reply.from.email}>` : reply.from.email;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('replies.detail.subtitle', 'From {from}, {date}', {
          from: from || t('replies.detail.noAddress', 'an erased address'),
          date: formatDate(reply.receivedAt),
        })}
        secondaryAction={<ReplyClassBadge replyClass={reply.class} />}
        navigationAction={
          <Link to=".." relative="path">
            {t('replies.detail.back', '← Replies')}
          </Link>
        }
        primaryAction={
          canHandle ? (
            reply.handled ? (
              <Button variant="secondary" loading={marking.isLoading} onClick={() => setHandled(false)}>
                {t('replies.handle.reopen', 'Reopen')}
              </Button>
            ) : (
              <Button loading={marking.isLoading} onClick={() => setHandled(true)}>
                {t('replies.handle.mark', 'Mark handled')}
              </Button>
            )
          ) : undefined
        }
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={6}>
            {reply.handled && (
              <Box background="success100" padding={4} hasRadius>
                <Typography>
                  {t('replies.detail.handled', 'Handled by {by} on {date}.', {
                    by: reply.handled.by ?? t('replies.detail.someone', 'an admin'),
                    date: formatDate(reply.handled.at),
                  })}
                </Typography>
              </Box>
            )}
            <Section title={t('replies.detail.section.text', 'Reply')}>
              {reply.autoReplyKind && <Typography fontWeight="bold">{t(AUTO_REPLY_LABELS[reply.autoReplyKind])}</Typography>}
              {reply.returnDate && (
                <Typography>{t('replies.detail.returnDate', 'Back on {date}', { date: formatDay(reply.returnDate) })}</Typography>
              )}
              {reply.text ? (
                <TextBlock text={reply.text} label={t('replies.detail.text', 'Reply text')} />
              ) : (
                <Typography textColor="neutral600">{t('replies.detail.noText', 'The reply has no text of its own.')}</Typography>
              )}
              {reply.signature && (
                <Flex direction="column" alignItems="stretch" gap={1}>
                  <Typography variant="sigma" textColor="neutral600">
                    {t('replies.detail.signature', 'Signature')}
                  </Typography>
                  <TextBlock text={reply.signature} label={t('replies.detail.signature', 'Signature')} />
                </Flex>
              )}
              {reply.quoted && (
                <Collapsed
                  show={t('replies.detail.quoted.show', 'Show the quoted original')}
                  hide={t('replies.detail.quoted.hide', 'Hide the quoted original')}
                >
                  <TextBlock text={reply.quoted} label={t('replies.detail.quoted', 'Quoted original')} />
                </Collapsed>
              )}
            </Section>
            <Section title={t('replies.detail.section.match', 'How it was matched')}>
              <Grid.Root gap={4}>
                <Fact label={t('replies.detail.matchedBy', 'Matched by')}>{t(MATCH_LABELS[reply.matchedBy])}</Fact>
                <Fact label={t('replies.detail.from', 'From')}>{from || '—'}</Fact>
              </Grid.Root>
              {reply.matchedBy === 'sender' && (
                <Typography textColor="warning600">
                  {t(
                    'replies.detail.weakMatch',
                    "A weaker match: it quoted none of our messages, so it was given to the sender's latest delivery of the last 30 days. It may answer another mail."
                  )}
                </Typography>
              )}
              {reply.matchNote && <Typography textColor="warning600">{t(MATCH_NOTE_LABELS[reply.matchNote])}</Typography>}
            </Section>
            <Section title={t('replies.detail.section.raw', 'Raw message')}>
              {reply.raw ? (
                <Collapsed
                  show={t('replies.detail.raw.show', 'Show the raw message ({size})', { size: formatBytes(reply.raw.size) })}
                  hide={t('replies.detail.raw.hide', 'Hide the raw message')}
                >
                  {reply.raw.truncated && (
                    <Typography textColor="neutral600">{t('replies.detail.raw.truncated', 'Cut to what was kept.')}</Typography>
                  )}
                  <TextBlock text={reply.raw.text} label={t('replies.detail.section.raw', 'Raw message')} mono />
                </Collapsed>
              ) : (
                <Typography>{t('replies.detail.raw.none', 'No raw message was kept for this reply.')}</Typography>
              )}
            </Section>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <ContactPanel reply={reply} />
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
