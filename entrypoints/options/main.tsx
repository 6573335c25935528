// Options page: trusted platforms, warnings, the private log, help after a leak, about. Wiring only.
import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/shared/theme.css';
import '@/components/shared/controls.css';
import '@/components/shared/page.css';

render(<OptionsApp />, document.getElementById('app')!);
