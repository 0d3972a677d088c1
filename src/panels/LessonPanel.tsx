/**
 * The running lesson: a strip above the canvas while the student works with the whole editor, or the presenter
 * view (one step at a time in large text beside the canvas, the editing chrome hidden by CSS). The step's
 * highlights light their boxes on the canvas and the view fits them.
 */
import './lesson.css';
import { useEffect, useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { CheckResult, LessonStep } from '../core/index';
import { FIT_PADDING } from '../export';
import {
  checkStep,
  currentGrade,
  leaveLesson,
  nextStep,
  previousStep,
  resetStep,
  setPresenting,
  showHint,
  useDesignStore,
  useFlowMatrix,
  useLessonStore,
  planOf,
  type LessonRun,
} from '../store';
import { FlowMatrixView } from './FlowMatrixView';
import { stepFocus, type StepFocus } from './lesson-highlight';
import { useLessonKeys, useLessonLinkSync, copyLessonLink } from './use-lesson-link';

function Paragraphs({ text }: { text: string }) {
  return (
    <div className="lesson-text" data-testid="lesson-step-text">
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </div>
  );
}

/** Who wrote the page a step teaches from, for its link. */
function sourceName(url: string): string {
  try {
    const host = new URL(url).hostname;
    if (host === 'learn.microsoft.com') return 'Microsoft Learn';
    if (host === 'kubernetes.io') return 'Kubernetes documentation';
    return host;
  } catch {
    return url;
  }
}

/** The browser's own full screen, on request (presenter mode fills the window without it). */
function toggleFullScreen(): void {
  // Refused (no user gesture, a browser policy): the presenter view still fills the window.
  const asked = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
  asked.catch(() => {});
}

function CheckResultView({ result }: { result: CheckResult }) {
  return (
    <div
      className={`lesson-result ${result.passed ? 'lesson-passed' : 'lesson-failed'}`}
      data-testid="lesson-check-result"
      data-passed={String(result.passed)}
      role="status"
    >
      <strong>{result.passed ? 'Passed' : 'Not yet'}</strong>
      <ul>
        {result.detail.map((d, i) => (
          <li key={i} data-testid="lesson-check-detail">
            {d}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Exercise({ run, step }: { run: LessonRun; step: LessonStep }) {
  const design = useDesignStore((s) => s.doc.design);
  const grade = currentGrade(run, design);
  const hints = step.hints ?? [];
  const edited = design !== run.stepDoc.design;
  return (
    <div className="lesson-exercise" data-testid="lesson-exercise">
      <div className="lesson-actions">
        <button type="button" data-testid="lesson-check" onClick={() => void checkStep()}>
          Check
        </button>
        {hints.length > 0 && (
          <button
            type="button"
            data-testid="lesson-hint"
            disabled={run.hints >= hints.length}
            onClick={showHint}
            title={`${run.hints} of ${hints.length} hints shown`}
          >
            Hint ({run.hints}/{hints.length})
          </button>
        )}
        <button
          type="button"
          data-testid="lesson-reset"
          disabled={!edited}
          onClick={resetStep}
          title="Put this step back as the lesson gives it"
        >
          Reset step
        </button>
      </div>
      {grade && <CheckResultView result={grade} />}
      {run.hints > 0 && (
        <ol className="lesson-hints" data-testid="lesson-hints">
          {hints.slice(0, run.hints).map((h, i) => (
            <li key={i} data-testid={`lesson-hint-text-${i}`}>
              {h}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Matrix({ clusterId }: { clusterId: string }) {
  const m = useFlowMatrix(clusterId);
  return m ? (
    <div className="lesson-matrix" data-testid={`lesson-matrix-${clusterId}`}>
      <FlowMatrixView m={m} />
    </div>
  ) : null;
}

function Focus({ focus }: { focus: StepFocus }) {
  return (
    <>
      {focus.findings.length > 0 && (
        <ul className="lesson-findings" data-testid="lesson-findings">
          {focus.findings.map((f, i) => (
            <li key={i} className={`severity-${f.severity}`} data-testid={`lesson-finding-${f.rule}`}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {focus.traces.map(({ title, trace }, i) => (
        <p key={i} className="lesson-trace" data-testid="lesson-trace" data-outcome={trace.outcome}>
          {title}: {trace.outcome}
        </p>
      ))}
      {focus.matrixClusterIds.map((id) => (
        <Matrix key={id} clusterId={id} />
      ))}
    </>
  );
}

/** Lights the step's boxes and fits the view to them (all of the design when the step names none). */
function useStepHighlight(run: LessonRun, focus: StepFocus, presenting: boolean) {
  const flow = useReactFlow();
  const ids = focus.nodeIds.join(' ');
  useEffect(() => {
    const nodeIds = ids ? ids.split(' ') : [];
    useDesignStore.getState().setHighlight(nodeIds.length ? { nodeIds } : null);
    // Two frames: after the canvas has drawn the step's boxes and fitted the whole design on its load.
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        const nodes = nodeIds.filter((id) => flow.getNode(id)).map((id) => ({ id }));
        void flow.fitView({ padding: FIT_PADDING, ...(nodes.length ? { nodes } : {}) });
      });
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [ids, run.stepDoc, presenting, flow]);
}

function Nav({ run, presenting }: { run: LessonRun; presenting: boolean }) {
  const last = run.lesson.steps.length - 1;
  return (
    <div className="lesson-nav">
      <button type="button" data-testid="lesson-back" disabled={run.step === 0} onClick={previousStep}>
        ← Back
      </button>
      <span className="lesson-count" data-testid="lesson-step-count">
        Step {run.step + 1} of {run.lesson.steps.length}
      </span>
      <button type="button" data-testid="lesson-next" disabled={run.step === last} onClick={nextStep}>
        Next →
      </button>
      <span className="lesson-nav-gap" />
      {presenting ? (
        <>
          <button type="button" data-testid="lesson-fullscreen" onClick={toggleFullScreen}>
            Full screen
          </button>
          <button type="button" data-testid="lesson-present-exit" onClick={() => setPresenting(false)} title="Escape">
            Exit presenter
          </button>
        </>
      ) : (
        <button
          type="button"
          data-testid="lesson-present"
          onClick={() => setPresenting(true)}
          title="One step at a time, in large text; Arrow keys, Page Up/Down and Space step, Escape leaves"
        >
          Present
        </button>
      )}
      <button type="button" data-testid="lesson-link" onClick={copyLessonLink} title="A link to this step">
        Link
      </button>
      <button type="button" data-testid="lesson-leave" onClick={leaveLesson} title="Your own design comes back">
        Leave lesson
      </button>
    </div>
  );
}

function RunningLesson({ run, presenting }: { run: LessonRun; presenting: boolean }) {
  const step = run.lesson.steps[run.step];
  const design = useDesignStore((s) => s.doc.design);
  // The whole plan at once: a step's focus is made of findings, and the view fits to their subjects.
  const plan = planOf(design);
  const focus = useMemo(() => stepFocus(step, design, plan), [step, design, plan]);
  useStepHighlight(run, focus, presenting);
  if (!step) return null;
  return (
    <section
      className={presenting ? 'lesson lesson-presenter' : 'lesson lesson-strip'}
      data-testid={presenting ? 'presenter' : 'lesson-panel'}
      data-step={run.step}
      aria-label={`Lesson: ${run.lesson.title}`}
    >
      <header className="lesson-head">
        <span className="lesson-title" data-testid="lesson-title">
          {run.lesson.title}
        </span>
        <h2 data-testid="lesson-step-title">{step.title}</h2>
      </header>
      <div className="lesson-body">
        {run.error && (
          <p className="lesson-error" role="alert" data-testid="lesson-error">
            {run.error}
          </p>
        )}
        <Paragraphs text={step.text} />
        {step.learnUrl && (
          <p className="learn">
            <a href={step.learnUrl} target="_blank" rel="noreferrer" data-testid="lesson-learn">
              Read more ({sourceName(step.learnUrl)})
            </a>
          </p>
        )}
        <Focus focus={focus} />
        {step.check && <Exercise run={run} step={step} />}
      </div>
      <Nav run={run} presenting={presenting} />
    </section>
  );
}

/** Mounted by the app shell: nothing until a lesson runs. */
export function LessonLayer() {
  const run = useLessonStore((s) => s.run);
  const presenting = useLessonStore((s) => s.presenting);
  useLessonLinkSync();
  useLessonKeys(presenting);
  return run ? <RunningLesson run={run} presenting={presenting} /> : null;
}
