import type { ReactNode } from 'react';
import { Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination } from '@strapi/strapi/admin';
import type { PagedList } from '../../api/paged-list';
import { plural } from '../../format';

interface Props<T> {
  /** The page's title; the subtitle counts the rows as `noun`s. */
  title: string;
  noun: string;
  list: PagedList<T>;
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
  /** The table of `list`'s rows, shown when there is at least one. */
  children: ReactNode;
  /** Dialogs the page opens. */
  dialogs?: ReactNode;
}

/** A paged list page: header with the count and a create button, search, loading and empty states, the table and its pagination. */
export const ListPage = <T,>({ title, noun, list, pageSize, pageSizes, create, secondaryAction, actions, empty, beforeTable, children, dialogs }: Props<T>) => {
  const { data, error, loading } = list;
  if (error) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={data ? plural(data.meta.pagination.total, noun) : undefined}
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
        {loading && !data ? (
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
      </Layouts.Content>
      {dialogs}
    </Page.Main>
  );
};
