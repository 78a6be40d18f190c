import { useEffect, useState } from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import type { Campaign } from '../../../../shared/contracts/campaigns';
import type { Sender } from '../../../../shared/contracts/sending';
import type { Segment } from '../../../../shared/contracts/segments';
import { useCampaignsApi } from '../../api/campaigns';
import { errorMessage, fieldErrors } from '../../api/errors';
import { useSegmentsApi } from '../../api/segments';
import { useSenders, useSendingApi, useSendProgress, type SendAction } from '../../api/sending';
import { CampaignStateBadge } from '../../components/CampaignStateBadge';
import { campaignInputOf, formValuesOf, isEditable, type CampaignFormValues } from '../../components/campaign-editor/campaign-form';
import { ContentEditor } from '../../components/campaign-editor/ContentEditor';
import { DetailsFields } from '../../components/campaign-editor/DetailsFields';
import { PreviewContactPicker } from '../../components/campaign-editor/PreviewContactPicker';
import { PreviewPanel } from '../../components/campaign-editor/PreviewPanel';
import { SendControls } from '../../components/campaign-editor/SendControls';
import { SendProgressPanel } from '../../components/campaign-editor/SendProgressPanel';
import { SendTestDialog } from '../../components/campaign-editor/SendTestDialog';
import { useAudienceSize } from '../../components/campaign-editor/use-audience-size';
import { usePreview } from '../../components/campaign-editor/use-preview';
import { LoadFailure } from '../../components/layout/LoadFailure';
import { Section } from '../../components/layout/Section';
import { PERMISSIONS } from '../../permissions';

const ACTION_DONE: Record<SendAction, string> = {
  send: 'Sending started',
  pause: 'Sending paused',
  resume: 'Sending resumed',
  cancel: 'Sending cancelled',
};

/** A campaign that went out (or started to) has a progress to show. */
const hasSent = (state: Campaign['state']) => state !== 'draft' && state !== 'scheduled';

/** The form as stored: a campaign without content counts its starter template as an unsaved change. */
const storedKey = (campaign: Campaign) => JSON.stringify({ ...formValuesOf(campaign), content: campaign.content ?? '' });

interface EditorProps {
  initial: Campaign;
  segments: Segment[];
  senders: Sender[];
}

const CampaignEditor = ({ initial, segments, senders }: EditorProps) => {
  const { documentId } = initial;
  const campaignsApi = useCampaignsApi();
  const sendingApi = useSendingApi();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canSend },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.send]);

  const [campaign, setCampaign] = useState(initial);
  const [values, setValues] = useState<CampaignFormValues>(() => formValuesOf(initial));
  const [savedKey, setSavedKey] = useState(() => storedKey(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [previewContact, setPreviewContact] = useState('');
  const [testing, setTesting] = useState(false);

  const [progressWanted, setProgressWanted] = useState(hasSent(initial.state));
  const sending = useSendProgress(documentId, progressWanted);
  const state = sending.progress?.state ?? campaign.state;
  const editable = isEditable(state);
  const dirty = JSON.stringify(values) !== savedKey;

  const preview = usePreview(documentId, {
    content: values.content,
    subject: values.subject || null,
    preheader: values.preheader || null,
    plainText: values.plainText.trim() ? values.plainText : null,
    contact: previewContact || null,
  });
  const audienceSize = useAudienceSize(
    segments.find((s) => s.documentId === values.segment),
    { segment: campaign.segment?.documentId ?? '', audienceSize: campaign.audienceSize }
  );

  /** Saves the form, true when it did; a refusal is shown under the fields it names, or as a notification. */
  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const saved = await campaignsApi.update(documentId, campaignInputOf(values, editable));
      setCampaign(saved);
      setSavedKey(JSON.stringify(values));
      toggleNotification({ type: 'success', message: `Saved "${saved.name}"` });
      return true;
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      toggleNotification({ type: 'danger', message: errorMessage(e) });
      return false;
    } finally {
      setSaving(false);
    }
  };

  // Tests and sends read the stored campaign: what the editor sees must be saved first.
  const saveIfDirty = async () => !dirty || save();

  const act = async (action: SendAction) => {
    if (action === 'send' && !(await saveIfDirty())) return;
    try {
      const progress = await sendingApi.act(documentId, action);
      setProgressWanted(true);
      sending.set(progress);
      toggleNotification({ type: 'success', message: ACTION_DONE[action] });
    } catch (e) {
      // "A campaign needs a subject before it is sent" names its field: show it there too.
      setErrors(fieldErrors(e));
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const sendTest = async (emails: string[]) => {
    if (!(await saveIfDirty())) throw new Error('The campaign could not be saved: fix the form first');
    const { sent } = await sendingApi.test(documentId, { emails, contact: previewContact || null });
    toggleNotification({ type: 'success', message: `Test sent to ${sent.length} ${sent.length === 1 ? 'address' : 'addresses'}` });
  };

  return (
    <Page.Main>
      <Page.Title>{campaign.name}</Page.Title>
      <Layouts.Header
        title={campaign.name}
        secondaryAction={<CampaignStateBadge state={state} />}
        navigationAction={
          <Link to="../.." relative="path">
            ← Campaigns
          </Link>
        }
        primaryAction={
          <Flex gap={2}>
            {canSend && editable && (
              <Button variant="secondary" onClick={() => setTesting(true)}>
                Send test
              </Button>
            )}
            {canSend && (
              <SendControls name={campaign.name} state={state} audienceSize={audienceSize} unsaved={dirty} onAction={act} />
            )}
            {canWrite && (
              <Button onClick={save} loading={saving}>
                Save
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!editable && (
            <Box background="neutral100" padding={4} hasRadius>
              <Typography>
                This campaign is {state}: only its name can change{state === 'sending' ? ' (pause it to edit the rest)' : ''}.
              </Typography>
            </Box>
          )}
          {progressWanted && (
            <Section title="Sending">
              {sending.error && (
                <Typography textColor="danger600" role="alert">
                  {sending.error}
                </Typography>
              )}
              {sending.progress ? <SendProgressPanel progress={sending.progress} /> : !sending.error && <Typography>Loading…</Typography>}
            </Section>
          )}
          <Section title="Details">
            <DetailsFields
              values={values}
              onChange={(next) => setValues((v) => ({ ...v, ...next }))}
              errors={errors}
              senders={senders}
              segments={segments}
              audienceSize={audienceSize}
              canWrite={canWrite}
              editable={editable}
            />
          </Section>
          <Grid.Root gap={6}>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <Section title="Content">
                <ContentEditor
                  content={values.content}
                  plainText={values.plainText}
                  onChange={(next) => setValues((v) => ({ ...v, ...next }))}
                  errors={errors}
                  disabled={!canWrite || !editable}
                />
              </Section>
            </Grid.Item>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <Section title="Preview">
                <PreviewContactPicker value={previewContact} onChange={setPreviewContact} />
                <PreviewPanel preview={preview} />
              </Section>
            </Grid.Item>
          </Grid.Root>
        </Flex>
      </Layouts.Content>
      <SendTestDialog open={testing} onClose={() => setTesting(false)} onSend={sendTest} />
    </Page.Main>
  );
};

/** One campaign: its details, MJML and live preview, tests, and the send with its progress. */
export const CampaignEditPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const campaignsApi = useCampaignsApi();
  const segmentsApi = useSegmentsApi();
  const senders = useSenders();
  const [loaded, setLoaded] = useState<{ campaign: Campaign; segments: Segment[] }>();
  const [loadError, setLoadError] = useState<unknown>();

  useEffect(() => {
    Promise.all([campaignsApi.get(documentId), segmentsApi.list()]).then(
      ([campaign, segments]) => setLoaded({ campaign, segments: segments.data }),
      (e) => setLoadError(e ?? new Error('the campaign could not be read'))
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId]);

  if (loadError) return <LoadFailure error={loadError} />;
  if (!loaded || !senders) return <Page.Loading />;
  return <CampaignEditor key={documentId} initial={loaded.campaign} segments={loaded.segments} senders={senders} />;
};
