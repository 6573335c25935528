// The in-page warning prompt (an extension page framed into the web page by the top frame): connects
// to the background with the token in its URL fragment, is given the tab's held requests over that
// port (no reload, no storage access — a framed page in Firefox has neither), shows the oldest, sends
// the user's answer back the same way, and reports how much room its content needs.
import { useEffect, useRef, useState } from 'preact/hooks';
import { uiLanguage, t } from '@/lib/locale/i18n';
import type { Hold, UserDecision } from '@/lib/messages/guard-messages';
import { ext } from '@/lib/messages/extension-api';
import type { Geometry } from '@/lib/prompt/host/prompt-geometry';
import { PromptDialog } from './PromptDialog';

/** `#<token>` → the token, or null when the fragment is not a well-formed one. */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '');
  return /^[0-9a-f]{32}$/.test(token) ? token : null;
}

/** The port as the prompt uses it (a test can hand in a fake). */
export interface PromptPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

const defaultConnect = (name: string): PromptPort => ext().runtime.connect({ name }) as unknown as PromptPort;

/** The background's state message, read defensively (it is ours, but a bug must not crash the prompt). */
function readState(raw: unknown): { holds: Hold[]; geometry: Geometry } | null {
  const state = raw as { type?: unknown; holds?: unknown; geometry?: { safe?: unknown; reason?: unknown } } | null;
  if (state?.type !== 'state' || !Array.isArray(state.holds)) return null;
  const safe = state.geometry?.safe === true;
  return { holds: state.holds as Hold[], geometry: { safe, ...(typeof state.geometry?.reason === 'string' ? { reason: state.geometry.reason as Geometry['reason'] } : {}) } };
}

export interface PromptAppProps {
  /** `location.hash` of the prompt page. */
  hash: string;
  connect?: (name: string) => PromptPort;
  /** Test seam, passed through to PromptDialog (see there); never set in the extension. */
  isTrustedEvent?: (event: Event) => boolean;
}

export function PromptApp({ hash, connect = defaultConnect, isTrustedEvent }: PromptAppProps) {
  const token = tokenFromHash(hash);
  const [holds, setHolds] = useState<Hold[] | null>(null);
  const [geometry, setGeometry] = useState<Geometry>({ safe: false });
  const [failed, setFailed] = useState(false);
  const portRef = useRef<PromptPort | null>(null);
  // The port the background has answered on (it sent the state): an answer goes only there. One sent
  // on a port the restarting worker has not taken up yet waits, and goes with the first state.
  const readyPortRef = useRef<PromptPort | null>(null);
  // The answer given and the port it went out on: a worker stopped before it acted on it loses the
  // message, so the answer goes again on the next connection while its hold is still open.
  const answered = useRef<{ holdId: string; decision: UserDecision; port: PromptPort | null } | null>(null);

  useEffect(() => {
    try {
      document.documentElement.lang = uiLanguage();
    } catch {
      // Unit tests' fake browser has no UI language; the page keeps its default.
    }
    if (!token) return;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = (): void => {
      let port: PromptPort;
      try {
        port = connect(`prompt:${token}`);
      } catch {
        setFailed(true);
        return;
      }
      portRef.current = port;
      port.onMessage.addListener((raw) => {
        const state = readState(raw);
        if (!state) return;
        readyPortRef.current = port;
        const given = answered.current;
        if (given && !state.holds.some((hold) => hold.holdId === given.holdId)) answered.current = null;
        else if (given && given.port !== port) {
          given.port = port;
          port.postMessage({ type: 'hold-decision', holdId: given.holdId, decision: given.decision });
        }
        setHolds(state.holds);
        setGeometry(state.geometry);
        setFailed(false);
      });
      // The background's worker restarted (or was stopped): connect again; it sends the state anew.
      port.onDisconnect.addListener(() => {
        if (portRef.current === port) portRef.current = null;
        if (readyPortRef.current === port) readyPortRef.current = null;
        if (!closed) retry = setTimeout(open, 100);
      });
    };
    open();
    return () => {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      portRef.current?.disconnect();
    };
  }, [token]);

  // The host sizes the frame to the content: report what it needs whenever it changes.
  useEffect(() => {
    const report = (): void => {
      const body = document.body;
      if (!body) return;
      // The content's own height: the document's scrollHeight never drops below the frame's height,
      // so a frame once sized taller (before the text re-wrapped) would keep an empty gap for ever.
      const height = Math.ceil(body.getBoundingClientRect().bottom + scrollY);
      portRef.current?.postMessage({ type: 'prompt-size', width: Math.ceil(body.scrollWidth), height });
    };
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(report) : undefined;
    const content = document.getElementById('app');
    if (observer && content) observer.observe(content);
    report();
    return () => observer?.disconnect();
  }, [holds]);

  if (!token) {
    return (
      <div class="prompt prompt-notice" role="status">
        <p class="prompt-brand">{t('extName')}</p>
        <p>{t('promptExpired')}</p>
      </div>
    );
  }
  const current = holds?.[0];
  if (!current) return null;
  return (
    <PromptDialog
      key={current.holdId}
      hold={current}
      more={(holds?.length ?? 1) - 1}
      safe={geometry.safe}
      failed={failed}
      isTrustedEvent={isTrustedEvent}
      onDecision={async (decision: UserDecision) => {
        const port = readyPortRef.current;
        answered.current = { holdId: current.holdId, decision, port };
        // Not connected this instant (the worker restarting): it goes as soon as the prompt reconnects.
        port?.postMessage({ type: 'hold-decision', holdId: current.holdId, decision });
      }}
      onObscured={() => portRef.current?.postMessage({ type: 'prompt-obscured', holdId: current.holdId })}
    />
  );
}
