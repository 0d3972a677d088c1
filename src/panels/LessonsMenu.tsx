/** The toolbar's lessons menu: the bundled lessons with their summaries, and a lesson file from disk. */
import { useRef } from 'react';
import { BUNDLED_LESSONS, openBundledLesson, openLessonFile } from './lesson-open';
import { useDismiss } from './use-dismiss';
import { OpenFileButton } from './OpenFileButton';

export function LessonsMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  useDismiss(menu);
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  return (
    <details className="menu lessons-menu" ref={menu} data-testid="lessons-menu">
      <summary title="Step-by-step lessons over a design, with exercises; your design is kept and comes back after">
        Lessons
      </summary>
      <div className="menu-body lessons-menu-body" role="menu">
        {BUNDLED_LESSONS.map(({ lesson }) => (
          <button
            key={lesson.id}
            type="button"
            role="menuitem"
            className="lesson-item"
            data-testid={`lesson-open-${lesson.id}`}
            onClick={() => {
              close();
              openBundledLesson(lesson.id);
            }}
          >
            <strong>{lesson.title}</strong>
            <small>{lesson.summary}</small>
          </button>
        ))}
        <OpenFileButton
          label="Open lesson file…"
          accept=".json,application/json"
          role="menuitem"
          testid="lesson-file-open"
          inputTestid="lesson-file-input"
          onFile={(f) => {
            close();
            if (f) void openLessonFile(f);
          }}
        />
      </div>
    </details>
  );
}
