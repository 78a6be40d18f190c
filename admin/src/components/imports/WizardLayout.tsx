import type { ReactNode } from 'react';
import { Box, Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PLUGIN_ID } from '../../pluginId';
import { WizardSteps, type WizardStep } from './WizardSteps';

interface Props {
  /** The browser tab's title; the header's is `title`. */
  pageTitle: string;
  title: string;
  subtitle: string;
  step: WizardStep;
  children: ReactNode;
}

/** A page of the import wizard: header back to the imports, the steps, then the step's panel. */
export const WizardLayout = ({ pageTitle, title, subtitle, step, children }: Props) => {
  const t = usePluginMessages();
  return (
    <Page.Main>
      <Page.Title>{pageTitle}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={subtitle}
        navigationAction={<Link to={`/plugins/${PLUGIN_ID}/imports`}>{t('imports.wizard.back', '← Imports')}</Link>}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <WizardSteps current={step} />
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
            {children}
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
