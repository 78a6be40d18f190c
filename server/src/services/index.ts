import audienceSources from './audience-sources';
import campaigns from './campaigns';
import contactActivity from './contact-activity';
import contactBulk from './contact-bulk';
import contactExport from './contact-export';
import contacts from './contacts';
import imports from './imports';
import queues from './queues';
import segments from './segments';
import suppressions from './suppressions';
import topics from './topics';

export default { audienceSources, campaigns, contactActivity, contactBulk, contactExport, contacts, imports, queues, segments, suppressions, topics };
