import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import type { ContactTopic } from '../../../shared/contracts/contacts';
import { PLUGIN_ID } from '../pluginId';

/** The topics a picker offers, by name (the API's largest page: pickers of more topics need a search). */
export const useTopicChoices = () => {
  const { get } = useFetchClient();
  const [topics, setTopics] = useState<ContactTopic[]>([]);
  useEffect(() => {
    let cancelled = false;
    get<ListResponse<ContactTopic>>(`/${PLUGIN_ID}/topics`, { params: { pageSize: 100, sort: 'name:asc' } }).then(
      (r) => !cancelled && setTopics(r.data.data.map((t) => ({ documentId: t.documentId, name: t.name }))),
      () => !cancelled && setTopics([])
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return topics;
};
