import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import type { ImportOptions, ImportPreview } from '../../../../shared/contracts/imports';
import { errorMessage } from '../../api/errors';
import { useCreateImportMutation } from '../../api/imports';
import { FileStep } from '../../components/imports/FileStep';
import { fromTarget, mappingProblems, toTarget, type ColumnMapping } from '../../components/imports/mapping';
import { MappingProblems } from '../../components/imports/MappingProblems';
import { MappingStep } from '../../components/imports/MappingStep';
import { OptionsStep, type WizardOptions } from '../../components/imports/OptionsStep';
import { WizardLayout } from '../../components/imports/WizardLayout';
import type { WizardStep } from '../../components/imports/WizardSteps';
import { formatBytes } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PLUGIN_ID } from '../../pluginId';

const NO_OPTIONS: WizardOptions = { topics: [], updateExisting: false, consentSource: '', consentText: '' };

/** The import wizard's first three steps: file, mapping, options; starting it opens the import's own page. */
export const NewImportPage = () => {
  const t = usePluginMessages();
  const [createImport] = useCreateImportMutation();
  const navigate = useNavigate();
  const [step, setStep] = useState<Exclude<WizardStep, 'Import'>>('File');
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<Record<string, ColumnMapping>>({});
  const [options, setOptions] = useState<WizardOptions>(NO_OPTIONS);
  const [showMissing, setShowMissing] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string>();

  const previewed = (chosen: File, read: ImportPreview) => {
    setFile(chosen);
    setPreview(read);
    setMapping(Object.fromEntries(read.columns.map((column) => [column, fromTarget(read.suggestedMapping[column])])));
    setStartError(undefined);
    setStep('Mapping');
  };

  const problems = preview ? mappingProblems(mapping) : [];

  const start = async () => {
    if (!file || !preview) return;
    if (!options.consentSource.trim() || !options.consentText.trim()) {
      setShowMissing(true);
      return;
    }
    const importOptions: ImportOptions = {
      delimiter: preview.delimiter,
      mapping: Object.fromEntries(Object.entries(mapping).map(([column, m]) => [column, toTarget(m)])),
      topics: options.topics,
      updateExisting: options.updateExisting,
      consent: { source: options.consentSource.trim(), text: options.consentText.trim() },
    };
    setStarting(true);
    setStartError(undefined);
    try {
      const created = await createImport({ file, options: importOptions }).unwrap();
      navigate(`/plugins/${PLUGIN_ID}/imports/${created.id}`);
    } catch (e) {
      setStartError(errorMessage(e));
      setStarting(false);
    }
  };

  return (
    <WizardLayout
      pageTitle={t('imports.new.title', 'New import')}
      title={t('imports.new.title', 'New import')}
      subtitle={
        file && preview
          ? t('imports.new.subtitleFile', '{fileName} · {size} · {columns, plural, one {# column} other {# columns}}', {
              fileName: file.name,
              size: formatBytes(file.size),
              columns: preview.columns.length,
            })
          : t('imports.new.subtitle', 'Contacts from a CSV file')
      }
      step={step}
    >
      {step === 'File' && <FileStep onPreviewed={previewed} />}
      {step === 'Mapping' && preview && (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="delta" tag="h2">
            {t('imports.new.mappingTitle', 'What each column becomes')}
          </Typography>
          <MappingStep preview={preview} mapping={mapping} onChange={setMapping} />
          <MappingProblems problems={problems} />
          <Flex gap={2} justifyContent="space-between">
            <Button variant="tertiary" onClick={() => setStep('File')}>
              {t('imports.new.anotherFile', 'Choose another file')}
            </Button>
            <Button onClick={() => setStep('Options')} disabled={problems.length > 0}>
              {t('imports.new.next', 'Next')}
            </Button>
          </Flex>
        </Flex>
      )}
      {step === 'Options' && (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <OptionsStep options={options} onChange={setOptions} showMissing={showMissing} />
          {startError && (
            <Typography textColor="danger600" role="alert">
              {startError}
            </Typography>
          )}
          <Flex gap={2} justifyContent="space-between">
            <Button variant="tertiary" onClick={() => setStep('Mapping')}>
              {t('imports.new.back', 'Back')}
            </Button>
            <Button onClick={start} loading={starting}>
              {t('imports.new.start', 'Start import')}
            </Button>
          </Flex>
        </Flex>
      )}
    </WizardLayout>
  );
};
