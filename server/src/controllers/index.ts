import audienceSources from '../features/audience/sources/controller';
import contactActions from '../features/audience/contacts/actions-controller';
import contactExport from '../features/audience/contacts/export-controller';
import imports from '../features/imports/controller';
import { resourceController } from '../resource-controller';
import segmentRules from '../features/audience/segments/rules-controller';
import sending from '../features/sending/controller';
import settings from '../features/settings/controller';
import suppressions from '../features/audience/suppressions/controller';
import tracking from '../features/tracking/controller';

export default {
  audienceSources,
  campaigns: resourceController('campaigns'),
  contactActions,
  contactExport,
  contacts: resourceController('contacts'),
  imports,
  segments: resourceController('segments'),
  segmentRules,
  sending,
  settings,
  suppressions,
  topics: resourceController('topics'),
  tracking,
};
