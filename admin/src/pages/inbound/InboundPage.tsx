import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Link, useNavigate } from 'react-router-dom';
import type { BounceReason, ListInboundNoticesQuery, NoticeKind, NoticeMatchFilter } from '../../../../shared/contracts/inbound';
import { useGetInboundNoticesQuery, useGetInboundRatesQuery } from '../../api/inbound';
import { NoticeActionBadge } from '../../components/inbound/NoticeActionBadge';
import { NoticeFilters, type NoticeFilterValues } from '../../components/inbound/NoticeFilters';
import { BOUNCE_TYPE_LABELS, KIND_LABELS } from '../../components/inbound/notice-labels';
import { RateGuardPanel } from '../../components/inbound/RateGuardPanel';
import { Section } from '../../components/layout/Section';
import { ListPage } from '../../components/list/ListPage';
import { TableHead } from '../../components/list/TableHead';
import { useListParams } from '../../components/list/use-list-params';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PLUGIN_ID } from '../../pluginId';
import { campaignPath } from '../../components/campaign-editor/open-campaign';

const PAGE_SIZES = ['10', '25', '50', '100'];
/** A link inside a clickable row opens its own page, not the row's. */
const stop = (e: React.MouseEvent) => e.stopPropagation();

/** What came back: the rate guard's panel, then every inbound notice, newest first, filtered; a row opens the notice. */
export const InboundPage = () => {
  const t = usePluginMessages();
  const navigate = useNavigate();
  const { page, pageSize, search, query, setQuery } = useListParams<{ kind?: string; reason?: string; match?: string }>(25);
  const filters: NoticeFilterValues = { search, kind: query?.kind ?? '', reason: query?.reason ?? '', match: query?.match ?? '' };
  const listQuery: ListInboundNoticesQuery = {
    page,
    pageSize,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.kind ? { kind: filters.kind as NoticeKind } : {}),
    ...(filters.reason ? { reason: filters.reason as BounceReason } : {}),
    ...(filters.match ? { match: filters.match as NoticeMatchFilter } : {}),
  };
  const list = useGetInboundNoticesQuery(listQuery, { refetchOnMountOrArgChange: true });
  const rates = useGetInboundRatesQuery(undefined, { refetchOnMountOrArgChange: true });
  const rows = list.data?.data ?? [];
  const filtered = Boolean(filters.search || filters.kind || filters.reason || filters.match);

  const changeFilters = (next: Partial<NoticeFilterValues>) => {
    const merged = { ...filters, ...next };
    setQuery({
      page: '1',
      _q: merged.search || undefined,
      kind: merged.kind || undefined,
      reason: merged.reason || undefined,
      match: merged.match || undefined,
    });
  };

  return (
    <ListPage
      title={t('inbound.title', 'Bounces & complaints')}
      count={(total) => t('inbound.count', '{total, plural, one {# notice} other {# notices}}', { total })}
      list={list}
      pageSize={pageSize}
      pageSizes={PAGE_SIZES}
      actions={<NoticeFilters values={filters} onChange={changeFilters} />}
      empty={
        filtered
          ? t('inbound.empty.filtered', 'No notice matches these filters')
          : t('inbound.empty', 'Nothing has come back yet: bounces, complaints and replies show here as they arrive.')
      }
      beforeTable={
        <Section title={t('inbound.rates.title', 'Bounce and complaint rates')}>
          {rates.data ? (
            <RateGuardPanel rates={rates.data} />
          ) : (
            <Typography textColor={rates.isError ? 'danger600' : undefined}>
              {rates.isError ? t('inbound.rates.failed', 'The rates could not be read.') : t('inbound.loading', 'Loading…')}
            </Typography>
          )}
        </Section>
      }
    >
      <Table colCount={8} rowCount={rows.length + 1}>
        <TableHead
          columns={[
            t('inbound.column.received', 'Received'),
            t('inbound.column.kind', 'Kind'),
            t('inbound.column.reason', 'Reason'),
            t('inbound.column.bounceType', 'Bounce type'),
            t('inbound.column.email', 'Email'),
            t('inbound.column.campaign', 'Campaign'),
            t('inbound.column.contact', 'Contact'),
            t('inbound.column.action', 'Action'),
          ]}
        />
        <Tbody>
          {rows.map((notice) => (
            <Tr key={notice.id} onClick={() => navigate(String(notice.id))} style={{ cursor: 'pointer' }}>
              <Td>
                <Typography>{formatDate(notice.receivedAt)}</Typography>
              </Td>
              <Td>
                <Typography fontWeight="bold">{t(KIND_LABELS[notice.kind])}</Typography>
              </Td>
              <Td>
                <Typography>{notice.reason ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>{notice.bounceType ? t(BOUNCE_TYPE_LABELS[notice.bounceType]) : '—'}</Typography>
              </Td>
              <Td>
                <Typography>{notice.email ?? '—'}</Typography>
              </Td>
              <Td>
                {notice.campaign ? (
                  <Link to={campaignPath(notice.campaign.documentId)} onClick={stop}>
                    {notice.campaign.name}
                  </Link>
                ) : (
                  <Typography>—</Typography>
                )}
              </Td>
              <Td>
                {notice.contact ? (
                  <Link to={`/plugins/${PLUGIN_ID}/contacts/${notice.contact.documentId}`} onClick={stop}>
                    {notice.contact.email}
                  </Link>
                ) : (
                  <Typography>—</Typography>
                )}
              </Td>
              <Td>
                <NoticeActionBadge action={notice.action} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </ListPage>
  );
};
