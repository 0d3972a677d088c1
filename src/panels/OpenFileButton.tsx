/** A button that opens the browser's file picker. The input is cleared after each pick, so the same file opens again. */
import { useRef } from 'react';

export interface OpenFileButtonProps {
  label: string;
  accept: string;
  testid: string;
  inputTestid: string;
  role?: 'menuitem';
  /** Called after every pick; undefined when the picker closed without a file. */
  onFile: (file: File | undefined) => void;
}

export function OpenFileButton({ label, accept, testid, inputTestid, role, onFile }: OpenFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" role={role} data-testid={testid} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={inputTestid}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          onFile(f);
        }}
      />
    </>
  );
}
