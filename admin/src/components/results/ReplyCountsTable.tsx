import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { REPLY_CLASSES } from '../../../../shared/contracts/replies';
import { useGetCampaignReplyCountsQuery } from '../../api/replies';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TableHead } from '../list/TableHead';
import { ReplyClassBadge } from '../replies/ReplyClassBadge';
import { CLASS_BADGES } from '../replies/reply-labels';
import { repliesPath } from '../replies/reply-paths';
import { ResultsHeading } from './ResultsHeading';

/** While a campaign sends, replies keep coming: read again this often, as its report is. */
const LIVE_MS = 5000;

/** A campaign's replies by class, each count a link to those replies in the inbox. */
export const ReplyCountsTable = ({ documentId, live }: { documentId: string; live: boolean }) => {
  const t = usePluginMessages();
  const counts = useGetCampaignReplyCountsQuery(documentId, { pollingInterval: live ? LIVE_MS : 0, refetchOnMountOrArgChange: true });
  const title = t('results.replies', 'Replies by class');
  if (!counts.data) {
    return counts.isError ? (
      <Typography textColor="danger600">{t('results.replies.failed', 'The replies could not be counted.')}</Typography>
    ) : null;
  }
  const data = counts.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ResultsHeading title={title}>{null}</ResultsHeading>
      <Table colCount={2} rowCount={REPLY_CLASSES.length + 1} aria-label={title}>
        <TableHead columns={[t('results.replies.class', 'Class'), t('results.replies.count', 'Replies')]} />
        <Tbody>
          {REPLY_CLASSES.map((replyClass) => (
            <Tr key={replyClass}>
              <Td>
                <ReplyClassBadge replyClass={replyClass} />
              </Td>
              <Td>
                <Link
                  to={repliesPath({ campaign: documentId, class: replyClass, handled: 'all' })}
                  aria-label={t('results.replies.open', '{count, plural, one {# reply} other {# replies}}: {class}', {
                    count: data[replyClass],
                    class: t(CLASS_BADGES[replyClass].label),
                  })}
                >
                  {data[replyClass].toLocaleString()}
                </Link>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
