import type { ReactNode } from 'react';
import { Box, Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../../shared/contracts/campaigns';

/** What the page reads of its list: an RTK Query result has these. */
export interface ListState<T> {
  data?: ListResponse<T>;
  isError: boolean;
  isLoading: boolean;
}

interface Props<T> {
  /** The page's title; the subtitle is `count` of the rows. */
  title: string;
  count: (total: number) => string;
  list: ListState<T>;
  pageSize: number;
  /** The page size choices, when the default ones do not hold `pageSize`. */
  pageSizes?: string[];
  /** The header's button that adds a row; none for an admin who may not. */
  create?: { label: string; onClick: () => void };
  /** A second header button (an export, say). */
  secondaryAction?: ReactNode;
  /** Search and filters, above the table. */
  actions?: ReactNode;
  /** What the page says when there is no row to show. */
  empty: string;
  /** Above the table even when it is empty (a selection's actions). */
  beforeTable?: ReactNode;
  /** Below the table even when it is empty (a record of past changes). */
  afterTable?: ReactNode;
  /** The table of `list`'s rows, shown when there is at least one. */
  children: ReactNode;
  /** Dialogs the page opens. */
  dialogs?: ReactNode;
}

/** A paged list page: header with the count and a create button, search, loading and empty states, the table and its pagination. */
export const ListPage = <T,>({
  title,
  count,
  list,
  pageSize,
  pageSizes,
  create,
  secondaryAction,
  actions,
  empty,
  beforeTable,
  afterTable,
  children,
  dialogs,
}: Props<T>) => {
  const { data, isError, isLoading } = list;
  if (isError) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={data ? count(data.meta.pagination.total) : undefined}
        secondaryAction={secondaryAction}
        primaryAction={
          create ? (
            <Button startIcon={<Plus />} onClick={create.onClick}>
              {create.label}
            </Button>
          ) : undefined
        }
      />
      {actions && <Layouts.Action startActions={actions} />}
      <Layouts.Content>
        {beforeTable}
        {isLoading && !data ? (
          <Page.Loading />
        ) : !data?.data.length ? (
          <EmptyStateLayout content={empty} />
        ) : (
          <>
            {children}
            <Flex paddingTop={4}>
              <Pagination.Root pageCount={data.meta.pagination.pageCount} total={data.meta.pagination.total} defaultPageSize={pageSize}>
                <Pagination.PageSize options={pageSizes} />
                <Pagination.Links />
              </Pagination.Root>
            </Flex>
          </>
        )}
        {afterTable && <Box paddingTop={6}>{afterTable}</Box>}
      </Layouts.Content>
      {dialogs}
    </Page.Main>
  );
};
