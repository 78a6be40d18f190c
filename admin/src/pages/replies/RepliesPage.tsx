import { Box, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Link, useNavigate } from 'react-router-dom';
import type { ListRepliesQuery, ReplyClass } from '../../../../shared/contracts/replies';
import { useGetCampaignsQuery } from '../../api/campaigns';
import { useGetRepliesQuery } from '../../api/replies';
import { campaignPath } from '../../components/campaign-editor/open-campaign';
import { ListPage } from '../../components/list/ListPage';
import { TableHead } from '../../components/list/TableHead';
import { useListParams } from '../../components/list/use-list-params';
import { ReplyClassBadge } from '../../components/replies/ReplyClassBadge';
import { HANDLED_FILTERS, ReplyFilters, type HandledFilter, type ReplyFilterValues } from '../../components/replies/ReplyFilters';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PLUGIN_ID } from '../../pluginId';

const PAGE_SIZES = ['10', '25', '50', '100'];
/** The campaigns the campaign filter offers: the most recently changed. */
const CAMPAIGN_CHOICES = 100;
/** A link inside a clickable row opens its own page, not the row's. */
const stop = (e: React.MouseEvent) => e.stopPropagation();

/** The replies matched to our messages, newest first, those nobody has handled yet by default; a row opens the reader. */
export const RepliesPage = () => {
  const t = usePluginMessages();
  const navigate = useNavigate();
  const { page, pageSize, search, query, setQuery } = useListParams<{ class?: string; campaign?: string; handled?: string }>(25);
  const handled = (HANDLED_FILTERS as readonly string[]).includes(query?.handled ?? '') ? (query!.handled as HandledFilter) : 'no';
  const filters: ReplyFilterValues = { search, class: query?.class ?? '', campaign: query?.campaign ?? '', handled };
  const listQuery: ListRepliesQuery = {
    page,
    pageSize,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.class ? { class: filters.class as ReplyClass } : {}),
    ...(filters.campaign ? { campaign: filters.campaign } : {}),
    ...(handled === 'all' ? {} : { handled }),
  };
  const list = useGetRepliesQuery(listQuery, { refetchOnMountOrArgChange: true });
  const campaigns = useGetCampaignsQuery({ pageSize: CAMPAIGN_CHOICES, sort: 'updatedAt:desc' });
  const rows = list.data?.data ?? [];
  const campaignChoices = (campaigns.data?.data ?? []).map((c) => ({ value: c.documentId, label: c.name }));
  if (filters.campaign && !campaignChoices.some((c) => c.value === filters.campaign)) {
    const shown = rows.find((r) => r.campaign?.documentId === filters.campaign)?.campaign;
    campaignChoices.push({ value: filters.campaign, label: shown?.name ?? filters.campaign });
  }
  const filtered = Boolean(filters.search || filters.class || filters.campaign || handled !== 'all');

  const changeFilters = (next: Partial<ReplyFilterValues>) => {
    const merged = { ...filters, ...next };
    setQuery({
      page: '1',
      _q: merged.search || undefined,
      class: merged.class || undefined,
      campaign: merged.campaign || undefined,
      handled: merged.handled === 'no' ? undefined : merged.handled,
    });
  };

  return (
    <ListPage
      title={t('replies.title', 'Replies')}
      count={(total) => t('replies.count', '{total, plural, one {# reply} other {# replies}}', { total })}
      list={list}
      pageSize={pageSize}
      pageSizes={PAGE_SIZES}
      actions={<ReplyFilters values={filters} campaigns={campaignChoices} onChange={changeFilters} />}
      empty={
        filtered
          ? t('replies.empty.filtered', 'No reply matches these filters')
          : t('replies.empty', 'No reply yet: the answers people send to your campaigns show here as they arrive.')
      }
    >
      <Table colCount={6} rowCount={rows.length + 1}>
        <TableHead
          columns={[
            t('replies.column.received', 'Received'),
            t('replies.column.class', 'Class'),
            t('replies.column.contact', 'Contact'),
            t('replies.column.campaign', 'Campaign'),
            t('replies.column.snippet', 'Reply'),
            t('replies.column.handled', 'Handled'),
          ]}
        />
        <Tbody>
          {rows.map((reply) => (
            <Tr key={reply.id} onClick={() => navigate(String(reply.id))} style={{ cursor: 'pointer' }}>
              <Td>
                <Typography>{formatDate(reply.receivedAt)}</Typography>
              </Td>
              <Td>
                <ReplyClassBadge replyClass={reply.class} />
              </Td>
              <Td>
                {reply.contact ? (
                  <Link to={`/plugins/${PLUGIN_ID}/contacts/${reply.contact.documentId}`} onClick={stop}>
                    {reply.contact.email}
                  </Link>
                ) : (
                  <Typography>{reply.from.email || '—'}</Typography>
                )}
              </Td>
              <Td>
                {reply.campaign ? (
                  <Link to={campaignPath(reply.campaign.documentId)} onClick={stop}>
                    {reply.campaign.name}
                  </Link>
                ) : (
                  <Typography>—</Typography>
                )}
              </Td>
              <Td>
                {/* Bounded, so a long subject or snippet ends in an ellipsis instead of widening the table past the page. */}
                <Box maxWidth="36rem">
                  <Typography fontWeight="bold" ellipsis tag="p">
                    {reply.subject}
                  </Typography>
                  <Typography textColor="neutral600" ellipsis tag="p">
                    {reply.snippet}
                  </Typography>
                </Box>
              </Td>
              <Td>
                <Typography>
                  {reply.handled ? t('replies.handled.yes', 'handled {date}', { date: formatDate(reply.handled.at) }) : '—'}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </ListPage>
  );
};
