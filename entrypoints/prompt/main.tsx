// In-page warning prompt, framed as prompt.html#<token> by the top frame's content script, loaded
// ahead of time; the background gives it the held requests over a port. Wiring only.
import { render } from 'preact';
import { PromptApp } from '@/components/prompt/PromptApp';
import '@/components/shared/theme.css';
import '@/components/prompt/prompt.css';

// Drawn again when only the fragment changes: Firefox does not reload a frame whose new src differs
// only after `#`, so a token handed over that way must still reach the prompt.
const draw = (): void => render(<PromptApp hash={location.hash} />, document.getElementById('app')!);
addEventListener('hashchange', draw);
draw();
