import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
// The stylesheets, in cascade order: later files may override earlier ones, so keep this order.
import './styles/base.css';
import './styles/desk.css';
import './styles/sla.css';
import './styles/tickets.css';
import './styles/narrow.css';
import './styles/analysis.css';
import './styles/kb.css';
import './guard/guard.css';
import './styles/admin.css';
import './billing/billing.css';
import './portal/portal.css';
// Last: a printed report overrides the screen's rules of the report, the portal and the desk.
import './reports/report-print.css';
import { App } from './App';

// The strings of the language in use come first (their own chunk).
await i18nReady;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
