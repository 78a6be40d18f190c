import audienceSources from './audience-sources';
import { resourceController } from './resource';
import settings from './settings';
import suppressions from './suppressions';

export default {
  audienceSources,
  campaigns: resourceController('campaigns'),
  contacts: resourceController('contacts'),
  segments: resourceController('segments'),
  settings,
  suppressions,
  topics: resourceController('topics'),
};
