import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './app.css';
import { App } from './App';
import { loadFromHash } from './panels';
import { restoreSaved, startAutosave } from './store';

async function start(): Promise<void> {
  await restoreSaved();
  // A share link wins over the autosaved design; a bad link leaves the autosaved one in place.
  loadFromHash();
  startAutosave();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
