// In-page warning prompt, framed as prompt.html#<holdId> by the content script. Wiring only.
import { render } from 'preact';
import { PromptApp } from '@/components/PromptApp';
import '@/components/theme.css';
import '@/components/prompt.css';

// The content script may load this page early, without a hold, and name the hold later by
// changing only the fragment (no reload): that keeps the prompt's appearance fast.
const show = () => render(<PromptApp key={location.hash} hash={location.hash} />, document.getElementById('app')!);
addEventListener('hashchange', show);
show();
