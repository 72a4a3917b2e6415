// The editor (one per window, like tldraw's Editor): the state the views
// read, and the managers that change it, each one concern —
//   session (what is open), edits (the edit pipeline, the mode and its layout),
//   tree, process map, flow, findings, printing, messages.
// Views read the state through `useEditor` and call `editor.<method>`; the
// managers' methods are exposed on the editor itself (listed in each
// manager's *_API), so a view need not know which manager does what.

import { useSyncExternalStore } from "react";
import { Edits, EDITS_API } from "./edits";
import { Findings, FINDINGS_API } from "./findings";
import { FlowEditor, FLOW_API } from "./flow";
import { Messages, MESSAGES_API } from "./messages";
import { Monitoring } from "./monitoring";
import { Printing, PRINT_API } from "./print";
import { ProcessMap, PROCESS_MAP_API } from "./processMap";
import { Review } from "./review";
import { Session, SESSION_API } from "./session";
import { initialState, type DialogName, type EditorState } from "./state";
import { Tree, TREE_API } from "./tree";
import { Worksheets } from "./worksheet";

type Listener = () => void;
type Api<M, K extends readonly (keyof M)[]> = Pick<M, K[number]>;

/** The managers' methods, callable on the editor (bound once, at construction). */
export interface Editor
  extends Api<Messages, typeof MESSAGES_API>,
    Api<Edits, typeof EDITS_API>,
    Api<Session, typeof SESSION_API>,
    Api<Tree, typeof TREE_API>,
    Api<ProcessMap, typeof PROCESS_MAP_API>,
    Api<FlowEditor, typeof FLOW_API>,
    Api<Findings, typeof FINDINGS_API>,
    Api<Printing, typeof PRINT_API> {}

function expose<M extends object>(host: object, manager: M, names: readonly (keyof M)[]): void {
  for (const name of names) {
    const method = manager[name];
    if (typeof method !== "function") throw new Error(`${String(name)} is not a method`);
    Object.defineProperty(host, name, { value: method.bind(manager), writable: true, configurable: true });
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Editor {
  state: EditorState = initialState();
  private listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Numbers messages and requests to the canvas (centre, zoom). */
  private seq = 0;

  readonly messages = new Messages(this);
  readonly edits = new Edits(this);
  readonly session = new Session(this);
  readonly tree = new Tree(this);
  readonly maps = new ProcessMap(this);
  readonly flows = new FlowEditor(this);
  readonly findings = new Findings(this);
  readonly printing = new Printing(this);

  constructor() {
    expose(this, this.messages, MESSAGES_API);
    expose(this, this.edits, EDITS_API);
    expose(this, this.session, SESSION_API);
    expose(this, this.tree, TREE_API);
    expose(this, this.maps, PROCESS_MAP_API);
    expose(this, this.flows, FLOW_API);
    expose(this, this.findings, FINDINGS_API);
    expose(this, this.printing, PRINT_API);
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getState = (): EditorState => this.state;

  /** Reviewers: comment threads, review copies, merge, compare (its own state: `useReview`; after `subscribe`, which it uses). */
  readonly review = new Review(this);

  /** The reviewer's worksheets, KKE Format 1 and 2 (its own state: `useWorksheet`; after `review`, whose preferences it signs with). */
  readonly worksheets = new Worksheets(this);

  /** Monitoring: the tree's capaian view and the Tabel monitoring (its own state: `useMonitoring`; after `review`, whose writability it shares). */
  readonly monitoring = new Monitoring(this);

  set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  nextSeq(): number {
    return ++this.seq;
  }

  /** Runs `task` after every edit sent before it (edits reach the core in the order made). */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get readOnly(): boolean {
    const r = this.state.view?.read_only;
    return r !== null && r !== undefined;
  }

  openDialog(dialog: DialogName | null): void {
    if (dialog === "print") return this.openPrint();
    if (this.state.dialog === "print") this.printing.stopPreview();
    this.set({ dialog });
  }
}

export const editor = new Editor();

/** Reads a slice of the editor's state; re-renders only when that slice changes (by ===). */
export function useEditor<T>(select: (s: EditorState) => T, store: Editor = editor): T {
  return useSyncExternalStore(store.subscribe, () => select(store.state), () => select(store.state));
}
