// Options page: settings and the verdicts of the open tabs. Wiring only.
import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/shared/theme.css';

render(<OptionsApp />, document.getElementById('app')!);
