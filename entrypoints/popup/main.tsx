// Popup: this site (verdict, trust) and where my data went, from the private log. Wiring only.
import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import '@/components/theme.css';

render(<PopupApp />, document.getElementById('app')!);
