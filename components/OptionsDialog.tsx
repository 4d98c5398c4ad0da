import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface OptionsDialogProps {
  title: string;
  /** Called when the dialog closes without a choice (Esc, or the Cancel button). */
  onClose(): void;
  children: ComponentChildren;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus inside and closes it on Esc.
 * Focus goes to the first control when it opens and back to where it was when it closes.
 */
export function OptionsDialog({ title, onClose, children }: OptionsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('input, button, select, textarea')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      returnTo?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="options-dialog"
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
