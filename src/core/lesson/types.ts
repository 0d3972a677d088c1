/**
 * Lessons: ordered steps over a design, for workshops. A lesson is plain JSON (a lesson file beside the design
 * file, `format: "aksnet-lesson"`, versioned like it by io); the core only reads it. Each step says what design
 * to show (the lesson's start design with every earlier step's changes applied, then this step's), what to
 * highlight, and optionally a fault to inject and a check that grades the student's repair from the plan.
 */
import type { Design, Id } from '../model';
import type { NetpolProtocol } from '../netpol/types';

/** A change to the design, by element id (ids are stable across the lesson). Applied in order; none mutates. */
export type DesignOp =
  /** Set one field of an element found by id (any kind), e.g. a cluster's `outboundType`. `value` is JSON. */
  | { op: 'set'; id: Id; field: string; value: unknown }
  /** Remove an optional field of an element found by id. */
  | { op: 'unset'; id: Id; field: string }
  /** Add an element to a top-level list of the design (`vnets`, `routeTables`, ...) or to a parent's child list
   * (`parentId` + `list`, e.g. a subnet into a VNet's `subnets`, a route into a route table's `routes`). */
  | { op: 'add'; list: string; parentId?: Id; element: Record<string, unknown> }
  /** Remove an element by id, with the same cascades as deleting it in the editor. */
  | { op: 'remove'; id: Id };

/** A flow the packet walk and the checks can trace. Endpoints are design ids or the literal `internet`. */
export type FlowRef =
  /** From a node pool's pods to the Internet or to a design element (on-premises site, private endpoint, ...). */
  | { kind: 'egress'; fromPoolId: Id; to: 'internet' | Id }
  /** Into a node pool's pods; `via` picks one of the pool's ingress traces by its `from` or `to` text or a
   * resource id on its path (an App Gateway, a load balancer, a firewall, an on-premises site). */
  | { kind: 'ingress'; toPoolId: Id; via?: string }
  /** A pod on the first node of one pool to a pod on another node (the second node when both pools are one). */
  | { kind: 'pod-to-pod'; fromPoolId: Id; toPoolId: Id }
  /** A client of an on-premises site to an internal load balancer frontend (by frontend id). */
  | { kind: 'onprem-to-ilb'; siteId: Id; frontendId: Id };

/** What a check asks of the design the student now has. Every kind is graded from the plan, never from the UI. */
export type LessonCheck =
  /** No finding of this rule (optionally: on this subject) remains. */
  | { kind: 'no-finding'; rule: string; subjectId?: Id }
  /** A finding of this rule is present (to confirm a fault shows). */
  | { kind: 'finding'; rule: string; subjectId?: Id }
  /** The traced flow ends with this outcome. */
  | { kind: 'trace'; flow: FlowRef; outcome: 'delivered' | 'dropped' | 'blocked' }
  /** The NetworkPolicy matrix cell of a cluster: workload (or external peer) `from` to `to` on a port. */
  | {
      kind: 'matrix';
      clusterId: Id;
      from: string;
      to: string;
      port: number;
      protocol: NetpolProtocol;
      allowed: boolean;
    }
  /** Every check passes. */
  | { kind: 'all'; of: LessonCheck[] };

/** What to draw attention to while a step is shown. */
export type Highlight =
  | { kind: 'element'; id: Id }
  | { kind: 'flow'; flow: FlowRef }
  | { kind: 'finding'; rule: string }
  | { kind: 'matrix'; clusterId: Id };

export interface LessonStep {
  id: string;
  title: string;
  /** Plain text; blank lines separate paragraphs. Shown large in presenter mode. */
  text: string;
  /** Changes applied when the step is reached (they stay for later steps). */
  changes?: DesignOp[];
  /** A built-in fault (id in FAULTS) injected when the step is reached; `target` picks the element it breaks. */
  fault?: { id: string; target?: Id };
  highlight?: Highlight[];
  /** Grades the student's work on this step; a step with a check is an exercise. */
  check?: LessonCheck;
  /** Shown one at a time on request, in order. */
  hints?: string[];
  /** Microsoft Learn or Kubernetes docs page the step teaches from. */
  learnUrl?: string;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** Source documents the lesson is written from (seed file names), for the instructor. */
  sources?: string[];
  /** The design the lesson starts from: a bundled template by file name, or a design of its own. */
  start: { template: string } | { design: Design };
  steps: LessonStep[];
}

/** One graded result, with the reason in words for the student. */
export interface CheckResult {
  passed: boolean;
  /** What was checked and what was found, e.g. "no node-subnet-surge finding remains". */
  detail: string[];
}

/** A built-in fault tied to a real failure: how to inject it, what it triggers, and a reference repair. */
export interface Fault {
  id: string;
  title: string;
  /** What breaks in Azure and why, in one or two sentences. */
  description: string;
  learnUrl: string;
  /** Breaks the design (a copy). `target` names the element when the design has more than one candidate. */
  inject: (design: Design, target?: Id) => { design: Design } | { error: string };
  /** The check that fails once injected and passes once repaired. */
  check: (design: Design, target?: Id) => LessonCheck;
  /** A repair an instructor would accept; tests prove it passes the check. */
  repair: (design: Design, target?: Id) => { design: Design } | { error: string };
}

/*
 * The functions over these types (src/core/lesson/):
 *   lessonStepDesign(lesson, start: Design, stepIndex) → { design } | { error, stepId }
 *     the start design with steps 0..stepIndex applied (changes, then the fault), each validated;
 *   gradeCheck(design, check) → CheckResult   (computes the plan itself);
 *   FAULTS: readonly Fault[], faultById(id).
 * io reads and versions lesson files (src/io/lesson.ts: parseLesson(raw) → { ok, lesson } | { ok: false, message }),
 * and the bundled lessons are examples/lessons/*.json.
 */
