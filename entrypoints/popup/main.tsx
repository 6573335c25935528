// Popup: this site (verdict, trust) and where my data went, from the private log. Wiring only.
import { render } from 'preact';
import { PopupApp, POPUP_SCRIPT_MARK } from '@/components/popup/PopupApp';
import '@/components/shared/theme.css';
import '@/components/shared/controls.css';

performance.mark(POPUP_SCRIPT_MARK);
render(<PopupApp />, document.getElementById('app')!);
