// What our prompt page (framed in a tab) may send: the user's answer to a hold, and "I am hidden or
// covered". Both are refused unless the hold belongs to the prompt's own tab (lib/guard/background/holds).
import { answerHold, raiseHoldPrompt, type HoldDeps } from '@/lib/guard/background/holds';
import { promptMessageSchema } from '@/lib/messages/by-sender';
import { messageGroup } from './message-router';

export const promptMessages = (deps: HoldDeps) =>
  messageGroup('prompt', promptMessageSchema, async (message, from) => {
    switch (message.type) {
      case 'hold-decision':
        return answerHold(message.holdId, message.decision, from, deps);
      case 'prompt-obscured':
        return raiseHoldPrompt(message.holdId, from, deps);
    }
  });
