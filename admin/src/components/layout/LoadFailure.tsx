import { Page } from '@strapi/strapi/admin';
import { errorMessage, isNotFound } from '../../api/errors';
import { NotFoundPage } from './NotFoundPage';

/** What a page shows when its record could not be read: not found (with the server's words) for a 404, else Strapi's error page. */
export const LoadFailure = ({ error }: { error: unknown }) =>
  isNotFound(error) ? <NotFoundPage message={errorMessage(error)} /> : <Page.Error />;
