import { useTranslation } from 'react-i18next';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { LoginPage } from './auth/LoginPage';
import { Desk } from './desk/Desk';
import { DeskLiveProvider } from './live/DeskLiveProvider';
import { InvitationPage, invitationTokenOf } from './admin/InvitationPage';
import { SetupGate } from './admin/SetupWizard';
import { useState } from 'react';

export function App() {
  return (
    <AuthProvider>
      <Root />
    </AuthProvider>
  );
}

function Root() {
  const { t } = useTranslation();
  const { state, logout, retryRestore } = useAuth();
  // An invitation link opens before (and without) any sign-in.
  const [invitation, setInvitation] = useState(() => invitationTokenOf(window.location.hash));
  if (invitation && state.status !== 'restoring')
    return (
      <InvitationPage
        token={invitation}
        onDone={() => {
          window.location.hash = '';
          setInvitation(null);
          if (state.status === 'authenticated') logout();
        }}
      />
    );
  switch (state.status) {
    case 'anonymous':
      return <LoginPage />;
    case 'authenticated':
      return (
        <DeskLiveProvider key={state.user.id} token={state.token} onUnauthorized={logout}>
          <SetupGate user={state.user}>
            <Desk user={state.user} onLogout={logout} />
          </SetupGate>
        </DeskLiveProvider>
      );
    case 'restoring':
    case 'offline':
      return (
        <div className="splash" role="status">
          {state.status === 'restoring' ? (
            <>
              <span className="spinner" aria-hidden="true" />
              <p>{t('session.restoring')}</p>
            </>
          ) : (
            <>
              <p>{t('session.offline')}</p>
              <div className="splash__actions">
                <button type="button" className="button button--primary" onClick={retryRestore}>
                  {t('session.retry')}
                </button>
                <button type="button" className="button button--ghost" onClick={logout}>
                  {t('session.logout')}
                </button>
              </div>
            </>
          )}
        </div>
      );
  }
}
