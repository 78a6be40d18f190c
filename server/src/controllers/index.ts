import { resourceController } from './resource';
import settings from './settings';
import suppressions from './suppressions';

export default {
  campaigns: resourceController('campaigns'),
  contacts: resourceController('contacts'),
  segments: resourceController('segments'),
  settings,
  suppressions,
  topics: resourceController('topics'),
};
