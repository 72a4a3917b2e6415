// Shapes of what the shell returns (see src-tauri/src/main.rs and the pokin/1 spec).

export interface Level { name: string; kind: "impact" | "outcome" | "output" | "activity"; echelon?: string }
export interface Indicator { id: string; name?: string; unit?: string; targets?: Record<string, number | string> }
export interface Node { id: string; level: number; statement: string; owner?: string; indicators?: Indicator[] }
export interface Link { from: string; to: string; kind: "primary" | "crosscutting"; rationale?: string }
export interface Document {
  format: string;
  document: { title: string; agency?: string; government?: string; period: { from: number; to: number } };
  tree: { levels: Level[]; nodes?: Node[]; links?: Link[] };
}
export interface Finding { rule: string; severity: "error" | "warning" | "info"; target: Record<string, unknown>; message: string; hint?: string }
export interface Report { findings: Finding[]; summary: { error: number; warning: number; info: number } }
export interface DocumentView { path: string; read_only?: string | null; document: Document; report: Report }
