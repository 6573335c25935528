// Popup: this site (verdict, trust) and where my data went, from the private log. Wiring only.
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/shared/theme.css';
import '@/components/shared/controls.css';

render(<PopupApp />, document.getElementById('app')!);
