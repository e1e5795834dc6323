import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { useDeskSettings } from './useAdmin';

/** The agency's logo and name, as set up in the console, heading a client report (the desk's own name until then). */
export function AgencyBrand() {
  const { t } = useTranslation();
  const settings = useDeskSettings().data;
  return (
    <div className="report__brand" data-testid="report-agency">
      {settings?.agencyLogo ? (
        <img className="report__agency-logo" src={settings.agencyLogo} alt="" />
      ) : (
        <span className="brand__logo" aria-hidden="true">
          <Icon name="chat" size={14} strokeWidth={2.2} />
        </span>
      )}
      {settings?.agencyName || `${t('app.nameLocal')} · ${t('app.name')}`}
    </div>
  );
}
