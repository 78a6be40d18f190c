import audienceSources from './audience-sources';
import contactExport from './contact-export';
import imports from './imports';
import { resourceController } from './resource';
import segmentRules from './segment-rules';
import settings from './settings';
import suppressions from './suppressions';

export default {
  audienceSources,
  campaigns: resourceController('campaigns'),
  contactExport,
  contacts: resourceController('contacts'),
  imports,
  segments: resourceController('segments'),
  segmentRules,
  settings,
  suppressions,
  topics: resourceController('topics'),
};
