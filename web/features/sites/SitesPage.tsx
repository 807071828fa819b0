import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchivableListPage } from '../../components/ArchivableListPage';
import type { Column } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import { api, type Site } from '../../lib/api';
import { sitesQuery } from './queries';
import { SiteFormModal } from './SiteFormModal';

type Editing = { mode: 'new' } | { mode: 'edit'; site: Site } | null;

export function SitesPage() {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const query = useQuery(sitesQuery(showArchived));

  const columns: Column<Site>[] = [
    { header: t('fields.name'), cell: (site) => site.name },
    { header: t('sites.address'), cell: (site) => site.address || '—' },
    { header: t('fields.status'), cell: (site) => <StatusBadge archived={site.archived} /> },
  ];

  return (
    <ArchivableListPage
      messages="sites"
      query={query}
      showArchived={showArchived}
      onShowArchived={setShowArchived}
      onNew={() => setEditing({ mode: 'new' })}
      onEdit={(site) => setEditing({ mode: 'edit', site })}
      setArchived={(site, archived) => api.sites.update(site.id, { archived })}
      refresh={['sites', 'teams']}
      columns={columns}
    >
      {editing && (
        <SiteFormModal site={editing.mode === 'edit' ? editing.site : undefined} onClose={() => setEditing(null)} />
      )}
    </ArchivableListPage>
  );
}
