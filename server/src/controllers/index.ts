import contactExport from './contact-export';
import imports from './imports';
import { resourceController } from './resource';
import settings from './settings';
import suppressions from './suppressions';

export default {
  campaigns: resourceController('campaigns'),
  contactExport,
  contacts: resourceController('contacts'),
  imports,
  segments: resourceController('segments'),
  settings,
  suppressions,
  topics: resourceController('topics'),
};
