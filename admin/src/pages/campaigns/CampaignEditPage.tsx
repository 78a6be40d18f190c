import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { isFullyEditable } from '../../../../shared/contracts/campaign-lifecycle';
import type { Campaign } from '../../../../shared/contracts/campaigns';
import type { Sender } from '../../../../shared/contracts/sending';
import type { Segment } from '../../../../shared/contracts/segments';
import type { TemplateLineProblem } from '../../../../shared/contracts/template-problems';
import { useGetCampaignQuery, useUpdateCampaignMutation } from '../../api/campaigns';
import { errorMessage, fieldErrors, fieldLines } from '../../api/errors';
import { useGetSegmentsQuery } from '../../api/segments';
import { useGetSendersQuery, useRunSendActionMutation, useSendProgress, useSendTestMutation } from '../../api/sending';
import { CampaignStateBadge } from '../../components/CampaignStateBadge';
import { campaignInputOf, formValuesOf, type CampaignFormValues } from '../../components/campaign-editor/campaign-form';
import { ContentEditor } from '../../components/campaign-editor/ContentEditor';
import { DetailsFields } from '../../components/campaign-editor/DetailsFields';
import { DuplicateButton } from '../../components/campaign-editor/DuplicateButton';
import { PauseReasonAlert } from '../../components/campaign-editor/PauseReasonAlert';
import { PreviewContactPicker } from '../../components/campaign-editor/PreviewContactPicker';
import { PreviewPanel } from '../../components/campaign-editor/PreviewPanel';
import { RenameButton } from '../../components/campaign-editor/RenameButton';
import { SaveAsTemplateButton } from '../../components/campaign-editor/SaveAsTemplateButton';
import { SendControls, type ButtonAction } from '../../components/campaign-editor/SendControls';
import { useScheduleCampaignMutation, useUnscheduleCampaignMutation } from '../../api/scheduling';
import { SchedulePanel } from '../../components/campaign-editor/SchedulePanel';
import type { CampaignSchedule } from '../../../../shared/contracts/schedule';
import { SendProgressPanel } from '../../components/campaign-editor/SendProgressPanel';
import { SideBySide } from '../../components/campaign-editor/SideBySide';
import { CampaignResults } from '../../components/results/CampaignResults';
import { SendTestDialog } from '../../components/campaign-editor/SendTestDialog';
import { ExperimentSection } from '../../components/experiments/ExperimentSection';
import { useAudienceSize } from '../../components/campaign-editor/use-audience-size';
import { usePreview } from '../../components/campaign-editor/use-preview';
import { LoadFailure } from '../../components/layout/LoadFailure';
import { Section } from '../../components/layout/Section';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';

/** A campaign that went out (or started to) has a progress to show. */
const hasSent = (state: Campaign['state']) => state !== 'draft' && state !== 'scheduled';

/** The form as stored: a campaign without content counts its starter template as an unsaved change. */
const storedKey = (campaign: Campaign) => JSON.stringify({ ...formValuesOf(campaign), content: campaign.content ?? '' });

interface EditorProps {
  /** The stored campaign, read again after each save or send action. */
  campaign: Campaign;
  segments: Segment[];
  senders: Sender[];
}

const CampaignEditor = ({ campaign, segments, senders }: EditorProps) => {
  const { documentId } = campaign;
  const t = usePluginMessages();
  const [updateCampaign, { isLoading: saving }] = useUpdateCampaignMutation();
  const [runSendAction] = useRunSendActionMutation();
  const [unschedule] = useUnscheduleCampaignMutation();
  const [scheduleCampaign] = useScheduleCampaignMutation();
  const [scheduleErrors, setScheduleErrors] = useState<Record<string, string>>({});
  const [sendTestTo] = useSendTestMutation();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canSend },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.send]);

  const [values, setValues] = useState<CampaignFormValues>(() => formValuesOf(campaign));
  const [savedKey, setSavedKey] = useState(() => storedKey(campaign));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The MJML lines a refused save or send named, marked while the MJML is still the one refused.
  const [refused, setRefused] = useState<{ content: string; lines: TemplateLineProblem[] }>({ content: '', lines: [] });
  const [previewContact, setPreviewContact] = useState('');
  const [testing, setTesting] = useState(false);
  const [building, setBuilding] = useState(false);

  const [progressWanted, setProgressWanted] = useState(hasSent(campaign.state));
  const sending = useSendProgress(documentId, progressWanted);
  const state = sending.data?.state ?? campaign.state;
  const editable = isFullyEditable(state);
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

  const showErrors = (e: unknown) => {
    setErrors(fieldErrors(e));
    setRefused({ content: values.content, lines: fieldLines(e, 'content') });
  };
  const contentProblems = refused.lines.length && refused.content === values.content ? refused.lines : preview.contentLines;

  /** Saves the form, true when it did; a refusal is shown under the fields it names, or as a notification. */
  const save = async () => {
    setErrors({});
    try {
      const saved = await updateCampaign({ documentId, data: campaignInputOf(values, state) }).unwrap();
      setSavedKey(JSON.stringify(values));
      toggleNotification({ type: 'success', message: t('campaignEditor.saved', 'Saved "{name}"', { name: saved.name }) });
      return true;
    } catch (e) {
      showErrors(e);
      toggleNotification({ type: 'danger', message: errorMessage(e) });
      return false;
    }
  };

  // Tests and sends read the stored campaign: what the editor sees must be saved first.
  const saveIfDirty = async () => !dirty || save();

  const actionDone: Record<ButtonAction, string> = {
    send: t('sending.done.send', 'Sending started'),
    unschedule: t('sending.done.unschedule', 'Unscheduled: the campaign is a draft again'),
    pause: t('sending.done.pause', 'Sending paused'),
    resume: t('sending.done.resume', 'Sending resumed'),
    cancel: t('sending.done.cancel', 'Sending cancelled'),
  };

  const act = async (action: ButtonAction) => {
    if (action === 'send' && !(await saveIfDirty())) return;
    try {
      if (action === 'unschedule') await unschedule(documentId).unwrap();
      else await runSendAction({ documentId, action }).unwrap();
      setProgressWanted(true);
      toggleNotification({ type: 'success', message: actionDone[action] });
    } catch (e) {
      // "A campaign needs a subject before it is sent" names its field: show it there too.
      showErrors(e);
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  // The campaign is checked as a send checks it: what the editor sees is saved first.
  const schedule = async (data: CampaignSchedule) => {
    if (!(await saveIfDirty())) return;
    setScheduleErrors({});
    try {
      const result = await scheduleCampaign({ documentId, data }).unwrap();
      toggleNotification({
        type: 'success',
        message: t('schedule.done', 'Scheduled for {when}', {
          when: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: data.timezone }).format(
            new Date(result.sendAt!)
          ),
        }),
      });
    } catch (e) {
      // "Invalid schedule: time: ..." names the panel's fields; "Invalid campaign: segment: ..." the form's.
      setScheduleErrors(fieldErrors(e));
      showErrors(e);
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const sendTest = async (emails: string[]) => {
    if (!(await saveIfDirty())) throw new Error(t('campaignEditor.test.unsaved', 'The campaign could not be saved: fix the form first'));
    const { sent } = await sendTestTo({ documentId, data: { emails, contact: previewContact || null } }).unwrap();
    toggleNotification({
      type: 'success',
      message: t('campaignEditor.test.done', 'Test sent to {count, plural, one {# address} other {# addresses}}', { count: sent.length }),
    });
  };

  return (
    <Page.Main>
      <Page.Title>{campaign.name}</Page.Title>
      <Layouts.Header
        title={campaign.name}
        secondaryAction={
          <Flex gap={2}>
            {canWrite && <RenameButton documentId={documentId} name={campaign.name} />}
            <CampaignStateBadge state={state} />
          </Flex>
        }
        navigationAction={
          <Link to="../.." relative="path">
            {t('campaignEditor.back', '← Campaigns')}
          </Link>
        }
        primaryAction={
          <Flex gap={2}>
            {canSend && editable && (
              <Button variant="secondary" onClick={() => setTesting(true)}>
                {t('campaignEditor.test.open', 'Send test')}
              </Button>
            )}
            {canSend && (
              <SendControls
                documentId={campaign.documentId}
                name={campaign.name}
                state={state}
                audienceSize={audienceSize}
                unsaved={dirty}
                onAction={act}
              />
            )}
            {canWrite && <DuplicateButton documentId={documentId} saveFirst={saveIfDirty} />}
            {canWrite && <SaveAsTemplateButton documentId={documentId} name={campaign.name} saveFirst={saveIfDirty} />}
            {canWrite && editable && (
              <Button onClick={save} loading={saving}>
                {t('campaignEditor.save', 'Save')}
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
                {state === 'sending'
                  ? t('campaignEditor.locked.sending', 'This campaign is {state}: only its name can change (pause it to edit the rest).', {
                      state: t(`campaigns.state.${state}`, state),
                    })
                  : t('campaignEditor.locked', 'This campaign is {state}: only its name can change.', {
                      state: t(`campaigns.state.${state}`, state),
                    })}
              </Typography>
            </Box>
          )}
          {progressWanted && (
            <Section title={t('campaignEditor.section.sending', 'Sending')}>
              {sending.isError && (
                <Typography textColor="danger600" role="alert">
                  {errorMessage(sending.error)}
                </Typography>
              )}
              {sending.data?.pauseReason && <PauseReasonAlert reason={sending.data.pauseReason} />}
              {sending.data ? (
                <SendProgressPanel progress={sending.data} />
              ) : (
                !sending.isError && <Typography>{t('campaignEditor.loading', 'Loading…')}</Typography>
              )}
            </Section>
          )}
          {progressWanted && (
            <Section title={t('campaignEditor.section.results', 'Results')}>
              <CampaignResults documentId={documentId} name={campaign.name} live={state === 'sending'} />
            </Section>
          )}
          {canSend && (state === 'draft' || state === 'scheduled') && (
            <Section title={t('campaignEditor.section.schedule', 'Schedule')}>
              <SchedulePanel campaign={{ ...campaign, state }} errors={scheduleErrors} onSchedule={schedule} />
            </Section>
          )}
          <Section title={t('campaignEditor.section.details', 'Details')}>
            <DetailsFields
              values={values}
              onChange={(next) => setValues((v) => ({ ...v, ...next }))}
              errors={errors}
              senders={senders}
              segments={segments}
              audienceSize={audienceSize}
              canWrite={canWrite}
              state={state}
            />
          </Section>
          <ExperimentSection documentId={documentId} canChange={canWrite && editable} />
          <SideBySide
            wide={building}
            start={
              <Section title={t('campaignEditor.section.content', 'Content')}>
                <ContentEditor
                  content={values.content}
                  plainText={values.plainText}
                  onChange={(next) => setValues((v) => ({ ...v, ...next }))}
                  errors={errors}
                  problems={contentProblems}
                  disabled={!canWrite || !editable}
                  onBuilderShown={setBuilding}
                />
              </Section>
            }
            end={
              <Section title={t('campaignEditor.section.preview', 'Preview')}>
                <PreviewContactPicker value={previewContact} onChange={setPreviewContact} />
                <PreviewPanel preview={preview} />
              </Section>
            }
          />
        </Flex>
      </Layouts.Content>
      <SendTestDialog open={testing} onClose={() => setTesting(false)} onSend={sendTest} />
    </Page.Main>
  );
};

/** One campaign: its details, MJML and live preview, tests, and the send with its progress. */
export const CampaignEditPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  // A campaign moves on the server (a send finishes): each visit reads it afresh.
  const campaign = useGetCampaignQuery(documentId, { refetchOnMountOrArgChange: true });
  const segments = useGetSegmentsQuery();
  // No senders list (or none readable): the form falls back to typed From fields.
  const senders = useGetSendersQuery();

  const loadError = campaign.error ?? segments.error;
  if (loadError) return <LoadFailure error={loadError} />;
  // The current campaign's data, not `data`: opening a copy from here keeps the original's until the copy's arrives.
  const current = campaign.currentData;
  if (!current || !segments.data || (!senders.data && !senders.isError)) return <Page.Loading />;
  return <CampaignEditor key={documentId} campaign={current} segments={segments.data.data} senders={senders.data ?? []} />;
};
