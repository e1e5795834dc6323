import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { useDeskSettings } from './useAdmin';

/** The agency's logo and name, as set up in the console, heading a client report (the desk's own name until then). */
export function AgencyBrand() {
  const settings = useDeskSettings().data;
  const name = useAgencyTitle();
  return (
    <div className="report__brand" data-testid="report-agency">
      {settings?.agencyLogo ? (
        <img className="report__agency-logo" src={settings.agencyLogo} alt="" />
      ) : (
        <span className="brand__logo" aria-hidden="true">
          <Icon name="chat" size={14} strokeWidth={2.2} />
        </span>
      )}
      {name}
    </div>
  );
}

/** The agency's name as a report gives it: the name set up in the console, the desk's own name until then. */
export function useAgencyTitle(): string {
  const { t } = useTranslation();
  return useDeskSettings().data?.agencyName || `${t('app.nameLocal')} · ${t('app.name')}`;
}
