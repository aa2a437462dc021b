import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { Page } from '../../ui/page';
import { ItemForm } from '../form';
import { m } from '../messages';
import '../portal.css';

/** An editor writes a new draft; it opens on the desk for the checker. */
export default function NewPage() {
  const t = useT(m);
  return (
    <Page title={t('newTitle')}>
      <ItemForm onSaved={(saved) => navigate(`/portal/naskah/${saved.id}`)} />
    </Page>
  );
}
