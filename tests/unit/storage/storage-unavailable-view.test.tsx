// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { StorageUnavailable } from '../../../components/StorageUnavailable';

describe('the storage-unavailable notice', () => {
  it('is an alert named by its heading that says what to do and what the browser said', () => {
    const root = document.createElement('div');
    render(<StorageUnavailable detail="Backstory cannot store its data in this browser. The browser said: SecurityError" />, root);
    const alert = root.querySelector('[role="alert"]')!;
    const heading = root.querySelector(`#${alert.getAttribute('aria-labelledby')}`)!;
    expect(heading.textContent).toBe('Backstory cannot store its data');
    expect(alert.textContent).toContain('restart the browser');
    expect(alert.querySelector('[data-testid="storage-detail"]')!.textContent).toContain('SecurityError');
  });
});
