// One labelled control of the log section's forms.
import type { ComponentChildren } from 'preact';

export function LogField({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <p class="logman-field">
      <label for={id}>{label}</label> {children}
    </p>
  );
}
