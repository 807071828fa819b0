import type { Tx } from '../../../db/client';
import { loadList } from '../../lists/service';

/** The organisation's programme types (code and label); inactive ones still name old dossiers in an export. */
export async function programmeTypes(tx: Tx): Promise<readonly { code: string; label: string; active: boolean }[]> {
  return loadList(tx, 'programme_type');
}
