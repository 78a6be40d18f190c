import { useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { SiteSettings } from '../../../../shared/contracts/site-settings';
import { errorFor, errorMessage, fieldErrors } from '../../api/errors';
import { useUpdateCampaignsSiteSettingsMutation } from '../../api/settings';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { inputOf, valuesOf, type SiteSettingsValues } from './site-settings-values';

type Input = React.ChangeEvent<HTMLInputElement>;
type BooleanField = { [K in keyof SiteSettingsValues]: SiteSettingsValues[K] extends boolean ? K : never }[keyof SiteSettingsValues];

/**
 * The editor's settings, the whole object at once (PUT /settings/site): how the public pages look
 * (and which fonts they and the sent HTML load), what events carry, what tracking keeps and for
 * how long. The server checks every field; its errors show under the fields they name.
 */
export const SiteSettingsForm = ({ settings }: { settings: SiteSettings }) => {
  const t = usePluginMessages();
  const { toggleNotification } = useNotification();
  const [update, { isLoading }] = useUpdateCampaignsSiteSettingsMutation();
  const [values, setValues] = useState<SiteSettingsValues>(() => valuesOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (next: Partial<SiteSettingsValues>) => setValues((current) => ({ ...current, ...next }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    try {
      setValues(valuesOf(await update(inputOf(values)).unwrap()));
      toggleNotification({ type: 'success', message: t('settings.site.saved', 'Site settings saved') });
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      toggleNotification({
        type: 'danger',
        message: Object.keys(byField).length ? t('settings.site.invalid', 'Check the fields marked in red') : errorMessage(e),
      });
    }
  };

  const text = (field: keyof SiteSettingsValues, path: string, label: string, hint: string, extra: Record<string, unknown> = {}) => (
    <Field.Root name={path} error={errorFor(errors, path)} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput value={values[field] as string} onChange={(e: Input) => set({ [field]: e.target.value })} {...extra} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  const toggle = (field: BooleanField, path: string, label: string, hint: string) => (
    <Field.Root name={path} error={errorFor(errors, path)} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Toggle
        onLabel={t('settings.site.on', 'On')}
        offLabel={t('settings.site.off', 'Off')}
        checked={values[field]}
        onChange={(e: Input) => set({ [field]: e.target.checked })}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.site.label', 'Site settings')}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Typography variant="omega" textColor="neutral600">
          {t(
            'settings.site.intro',
            'How the unsubscribe, preference, view-in-browser and error pages look, which fonts they and the sent messages load, and what the plugin keeps about readers.'
          )}
        </Typography>
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text(
              'siteName',
              'theme.siteName',
              t('settings.site.siteName', 'Site name'),
              t('settings.site.siteNameHint', 'Shown at the top of every page; leave empty for none')
            )}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text(
              'logoUrl',
              'theme.logoUrl',
              t('settings.site.logoUrl', 'Logo URL'),
              t('settings.site.logoUrlHint', 'An https address; pages allow images from its host only'),
              { type: 'url' }
            )}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text(
              'accentColor',
              'theme.accentColor',
              t('settings.site.accentColor', 'Accent colour'),
              t('settings.site.accentColorHint', 'Buttons and links, such as #4945ff')
            )}
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root
              name="theme.footer"
              error={errorFor(errors, 'theme.footer')}
              hint={t('settings.site.footerHint', 'With your postal address; leave empty to show the configured sending.postalAddress')}
            >
              <Field.Label>{t('settings.site.footer', 'Footer')}</Field.Label>
              <Textarea value={values.footer} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set({ footer: e.target.value })} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name="fonts.mode"
              error={errorFor(errors, 'fonts.mode')}
              hint={t(
                'settings.site.fontModeHint',
                'Pages and sent messages load fonts from your site or from nowhere, never from a font service'
              )}
            >
              <Field.Label>{t('settings.site.fontMode', 'Fonts')}</Field.Label>
              <SingleSelect
                value={values.fontMode}
                onChange={(mode: string | number) => set({ fontMode: mode as SiteSettingsValues['fontMode'] })}
              >
                <SingleSelectOption value="system">{t('settings.site.fontMode.system', "The reader's own fonts")}</SingleSelectOption>
                <SingleSelectOption value="site">{t('settings.site.fontMode.site', "My site's stylesheet")}</SingleSelectOption>
              </SingleSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          {values.fontMode === 'site' && (
            <>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                {text(
                  'stylesheetUrl',
                  'fonts.stylesheetUrl',
                  t('settings.site.stylesheetUrl', 'Font stylesheet URL'),
                  t('settings.site.stylesheetUrlHint', 'An https address on your own site'),
                  { type: 'url' }
                )}
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                {text(
                  'fontFamily',
                  'fonts.family',
                  t('settings.site.fontFamily', 'Font family'),
                  t('settings.site.fontFamilyHint', 'The family the stylesheet defines, such as Inter')
                )}
              </Grid.Item>
            </>
          )}
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {toggle(
              'includeEmail',
              'events.includeEmail',
              t('settings.site.includeEmail', 'Addresses in events'),
              t('settings.site.includeEmailHint', 'Whether campaigns.* events and webhooks carry the address; ids only otherwise')
            )}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {toggle(
              'storeClientDetails',
              'tracking.storeClientDetails',
              t('settings.site.storeClientDetails', 'Client details'),
              t(
                'settings.site.storeClientDetailsHint',
                'Keep the user agent and IP address of opens and clicks; otherwise only whether a machine or a person'
              )
            )}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {toggle(
              'notifyOwner',
              'replies.notifyOwner',
              t('settings.site.notifyOwner', 'Tell owners of replies'),
              t('settings.site.notifyOwnerHint', 'Mail the admin who created a campaign about each person’s reply to it')
            )}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text(
              'rawEventDays',
              'retention.rawEventDays',
              t('settings.site.rawEventDays', 'Keep raw events (days)'),
              t(
                'settings.site.rawEventDaysHint',
                'Opens, clicks and other events older than this are deleted, totals stay; leave empty to keep them'
              ),
              { inputMode: 'numeric' }
            )}
          </Grid.Item>
        </Grid.Root>
        <Box>
          <Button type="submit" loading={isLoading}>
            {t('settings.site.save', 'Save site settings')}
          </Button>
        </Box>
      </Flex>
    </form>
  );
};
