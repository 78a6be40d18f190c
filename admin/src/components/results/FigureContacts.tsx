import { Button, Field, Flex, Modal, Table, Tbody, Td, TextInput, Tr, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ReportFigure } from '../../../../shared/contracts/analytics';
import { useFigureSegment } from '../../api/analytics';
import { errorMessage } from '../../api/errors';
import { useCountAudienceQuery, useCreateSegmentMutation, usePreviewAudienceQuery } from '../../api/segments';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';
import { TableHead } from '../list/TableHead';

export interface FigureChoice {
  figure: ReportFigure;
  /** What the figure is called where it was chosen ("Did not open", "Clicked https://…"). */
  label: string;
  linkId?: number;
}

/**
 * The contacts behind a figure of the report (the first 50 and how many, mailable ones: what a
 * resend would reach), and in one click a segment of them, named after the campaign and the figure.
 */
export const FigureContacts = ({
  documentId,
  campaignName,
  choice,
  onClose,
}: {
  documentId: string;
  campaignName: string;
  choice: FigureChoice;
  onClose: () => void;
}) => {
  const t = usePluginMessages();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite },
  } = useRBAC(PERMISSIONS.write);
  const segment = useFigureSegment({ documentId, figure: choice.figure, linkId: choice.linkId });
  const rules = segment.data?.rules;
  const count = useCountAudienceQuery(rules!, { skip: !rules });
  const preview = usePreviewAudienceQuery(rules!, { skip: !rules });
  const [name, setName] = useState(`${campaignName}: ${choice.label}`.slice(0, 200));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [create] = useCreateSegmentMutation();
  const failure = segment.error ?? count.error ?? preview.error;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!rules) return;
    if (!name.trim()) return setError(t('results.contacts.nameMissing', 'Give the segment a name.'));
    setSaving(true);
    try {
      const created = await create({ name: name.trim(), rules }).unwrap();
      toggleNotification({ type: 'success', message: t('results.contacts.saved', 'Segment "{name}" saved', { name: created.name }) });
      navigate(`/plugins/${PLUGIN_ID}/segments/${created.documentId}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={save} noValidate>
          <Modal.Header>
            <Modal.Title>{t('results.contacts.title', 'Contacts: {figure}', { figure: choice.label })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure ? (
                <Typography textColor="danger600" role="alert">
                  {errorMessage(failure)}
                </Typography>
              ) : (
                <Typography role="status">
                  {count.data === undefined
                    ? t('campaignEditor.loading', 'Loading…')
                    : t(
                        'results.contacts.count',
                        '{count, plural, =0 {No contact a campaign could reach} one {# contact a campaign could reach} other {# contacts a campaign could reach}}',
                        {
                          count: count.data,
                        }
                      )}
                </Typography>
              )}
              {preview.data && preview.data.length > 0 && (
                <Table
                  colCount={2}
                  rowCount={preview.data.length + 1}
                  aria-label={t('results.contacts.list', 'Contacts behind the figure')}
                >
                  <TableHead columns={[t('results.contacts.email', 'Email'), t('results.contacts.name', 'Name')]} />
                  <Tbody>
                    {preview.data.map((contact) => (
                      <Tr key={contact.documentId}>
                        <Td>
                          <Typography>{contact.email}</Typography>
                        </Td>
                        <Td>
                          <Typography>{[contact.firstName, contact.lastName].filter(Boolean).join(' ') || '—'}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
              {preview.data && count.data !== undefined && count.data > preview.data.length && (
                <Typography variant="pi" textColor="neutral600">
                  {t('results.contacts.more', 'The first {shown, number} are shown.', { shown: preview.data.length })}
                </Typography>
              )}
              {canWrite && (
                <Field.Root name="figure-segment-name" error={error} required>
                  <Field.Label>{t('results.contacts.segmentName', 'Segment name')}</Field.Label>
                  <TextInput value={name} maxLength={200} onChange={(e: { target: { value: string } }) => setName(e.target.value)} />
                  <Field.Error />
                </Field.Root>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('results.contacts.close', 'Close')}</Button>
            </Modal.Close>
            {canWrite && (
              <Button type="submit" loading={saving} disabled={!rules}>
                {t('results.contacts.save', 'Save as segment')}
              </Button>
            )}
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
