import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ExportFormat, exportBody, exportFormats } from '#shared/privacy';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { today } from '../participants/dates';
import { fullName } from './confirmName';
import { fallbackExportName, fileNameFromDisposition, saveBlob } from './download';
import './messages';

type Values = { format: ExportFormat; reason: string };

/** The GDPR export: the format and the request it answers, then the file straight to the browser's downloads. */
export function ExportDialog({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm<Values, Values>({
    initialValues: { format: 'json', reason: '' },
    schema: exportBody,
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.privacy.exportFile(dossier.id, body),
    ({ blob, disposition }, body) => {
      const fileName = fileNameFromDisposition(disposition) ?? fallbackExportName(body.format, today());
      saveBlob(blob, fileName);
      notify(t('privacy.export.done', { fileName }), { long: true });
      onClose();
    },
  );

  return (
    <Dialog title={t('privacy.export.title')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('privacy.export.intro', { name: fullName(dossier) })}</Text>
          <Radio.Group label={t('privacy.export.format')} required {...form.getInputProps('format')}>
            <Stack gap="xs" mt="xs">
              {exportFormats.map((format) => (
                <Radio
                  key={format}
                  value={format}
                  label={t(`privacy.export.${format}`)}
                  description={t(`privacy.export.${format}Hint`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('privacy.reason.label')}
            description={t('privacy.reason.exportHint')}
            required
            data-autofocus
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <Text size="sm">{t('privacy.export.careful')}</Text>
          <FormActions error={error} pending={pending} onCancel={onClose} submitLabel={t('privacy.export.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
