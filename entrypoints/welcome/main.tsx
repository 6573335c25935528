// Welcome page (welcome.html): what LoanGuard does, the phone region, trusted platforms, the demo. Wiring only.
import { render } from 'preact';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import '@/components/shared/theme.css';
import '@/components/shared/controls.css';
import '@/components/shared/page.css';

render(<WelcomeApp />, document.getElementById('app')!);
