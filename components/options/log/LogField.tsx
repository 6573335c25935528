// One labelled control of the log section's forms: the label above, the control (and its button) below.
import type { ComponentChildren } from 'preact';

export function LogField({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field logman-field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}
