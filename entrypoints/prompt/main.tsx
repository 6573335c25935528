// In-page warning prompt, framed as prompt.html#<token> by the top frame's content script, loaded
// ahead of time; the background gives it the held requests over a port. Wiring only.
import { render } from 'preact';
import { PromptApp } from '@/components/prompt/PromptApp';
import '@/components/shared/theme.css';
import '@/components/prompt/prompt.css';

render(<PromptApp hash={location.hash} />, document.getElementById('app')!);
