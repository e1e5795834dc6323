import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LOGO_CHARS } from '@kefu/contracts';

const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** The agency logo: an image file read into a data: URL (what the contract stores), with a preview. */
export function LogoInput({ id, value, onChange }: { id: string; value: string | null; onChange(v: string | null): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="logo-input">
      {value && <img className="logo-input__preview" src={value} alt="" />}
      <input
        id={id}
        type="file"
        accept={TYPES.join(',')}
        data-testid="logo-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          setError(null);
          if (!file) return;
          if (!TYPES.includes(file.type)) return setError(t('admin.desk.logoType'));
          const reader = new FileReader();
          reader.onload = () => {
            const url = String(reader.result);
            if (url.length > MAX_LOGO_CHARS) setError(t('admin.desk.logoTooLarge'));
            else onChange(url);
          };
          reader.readAsDataURL(file);
        }}
      />
      {value && (
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('admin.desk.removeLogo')}
        </button>
      )}
      {error && (
        <span className="form-field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
