import { integrationGroup } from '../helpers/integration-group';
import { repliesEnv, useRepliesDovecot } from '../helpers/replies-mailbox';

/*
 * Replies read from a real Dovecot mailbox of purpose `replies`, a shared inbox people read too: a
 * real campaign goes out to the SMTP sink (from a campaign an admin created: its owner), replies
 * shaped as Gmail, Outlook and Apple Mail write them, auto-replies, "remove me" mails and unrelated
 * mail are delivered into the mailbox, and the rows, the contact, the delivery, the event heard, the
 * owner's notification at the sink and the mailbox's flags are read back. A group of its own: the
 * mailbox options need Dovecot's port before the app boots. Reply rows are written with SQL per
 * dialect: all three databases.
 */
const dovecot = useRepliesDovecot();

integrationGroup('replies', { smtpSink: true, env: (sink) => repliesEnv(sink!, dovecot()) }, [
  'replies/people-replies',
  'replies/auto-replies',
  'replies/unsubscribes-and-bounces',
  'replies/unrelated-and-repeated',
]);
