// In-page warning prompt, framed as prompt.html#<holdId> by the content script (or loaded ahead of
// time as prompt.html#, showing nothing until it is pointed at a hold). Wiring only.
import { render } from 'preact';
import { PromptApp } from '@/components/prompt/PromptApp';
import '@/components/shared/theme.css';
import '@/components/prompt/prompt.css';

render(<PromptApp hash={location.hash} />, document.getElementById('app')!);
