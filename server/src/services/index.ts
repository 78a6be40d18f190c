import audienceSources from '../features/audience/sources/service';
import campaigns from '../features/campaigns/service';
import contactActivity from '../features/audience/contacts/activity-service';
import contactBulk from '../features/audience/contacts/bulk-service';
import contactExport from '../features/audience/contacts/export-service';
import contacts from '../features/audience/contacts/service';
import deliveryEvents from '../features/sending/delivery-events-service';
import imports from '../features/imports/service';
import queues from '../queue/service';
import segments from '../features/audience/segments/service';
import sending from '../features/sending/service';
import suppressions from '../features/audience/suppressions/service';
import topics from '../features/audience/topics/service';
import tracking from '../features/tracking/service';

export default { audienceSources, campaigns, contactActivity, contactBulk, contactExport, contacts, deliveryEvents, imports, queues, segments, sending, suppressions, topics, tracking };
