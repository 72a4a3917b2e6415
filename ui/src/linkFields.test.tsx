// The link's fields in the side panel: which parent indicator it serves,
// and a crosscutting link's agreement. Rendered to HTML (no DOM); a select's
// change is the handler of the element the component returns.
import { vi } from "vitest";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { editor, initialState } from "./editor";
import { SidePanel } from "./components/panels/SidePanel";
import { AgreementFields, ServesField } from "./components/panels/LinkFields";
import { AgreementMark, agreementsOf } from "./components/TreeCanvas";
import { sampleDoc, sampleView } from "./test/fixtures";
import type { Link, Node, Op } from "./types";

vi.mock("./api", () => ({ setWindowTitle: vi.fn(async () => undefined) }));

beforeEach(() => {
  editor.state = initialState();
});

function docWithServes() {
  const doc = sampleDoc();
  const nodes = doc.tree.nodes!;
  nodes[1] = {
    ...nodes[1],
    indicators: [
      { id: "i1", name: "Indeks Profesionalitas ASN" },
      { id: "i2", name: "Persentase ASN berkinerja baik" },
    ],
  };
  const links = doc.tree.links!;
  links[2] = { ...links[2], serves: "i2" };
  links[5] = { ...links[5], agreement: { status: "rejected", reason: "Bukan kewenangan kami", by: "Kepala Bappeda", at: "2024-02-01" } };
  return doc;
}

/** The first element of `type` in what a component returned (its children followed, components not run). */
function find(node: ReactNode, type: string): ReactElement<Record<string, unknown>> | undefined {
  if (!isValidElement(node)) return Array.isArray(node) ? node.map((n) => find(n, type)).find(Boolean) : undefined;
  const el = node as ReactElement<Record<string, unknown>>;
  if (el.type === type) return el;
  const children = el.props.children as ReactNode;
  return Array.isArray(children) ? children.map((c) => find(c, type)).find(Boolean) : find(children, type);
}

/** The planner picks `value` in the first select of what a component returned. */
function change(rendered: ReactNode, value: string) {
  const onChange = find(rendered, "select")!.props.onChange as (e: { target: { value: string } }) => void;
  onChange({ target: { value } });
}

test("the panel of a child offers its parent's indicators, the one it serves chosen", () => {
  editor.state = { ...initialState(), screen: "main", view: sampleView(docWithServes()), selection: "n3" };
  const html = renderToStaticMarkup(<SidePanel />);
  expect(html).toContain('data-testid="panel-serves"');
  expect(html).toContain("Mendukung indikator induk");
  expect(html).toMatch(/<option value="i2" selected="">Persentase ASN berkinerja baik<\/option>/);
  expect(html).toContain(">— pilih indikator yang didukung —<");
  // A parent without indicators: nothing to choose.
  editor.state = { ...initialState(), screen: "main", view: sampleView(docWithServes()), selection: "n1" };
  expect(renderToStaticMarkup(<SidePanel />)).not.toContain('data-testid="panel-serves"');
});

test("a crosscutting link shows the other agency's answer: status, who, reason and date", () => {
  editor.state = { ...initialState(), screen: "main", view: sampleView(docWithServes()), selection: "n5" };
  const html = renderToStaticMarkup(<SidePanel />);
  for (const id of ["link-agreement-status-ext:X/n9", "link-agreement-by-ext:X/n9", "link-agreement-reason-ext:X/n9"]) expect(html).toContain(`data-testid="${id}"`);
  expect(html).toMatch(/<option value="rejected" selected="">Ditolak<\/option>/);
  expect(html).toContain("Bukan kewenangan kami");
  expect(html).toContain('value="Kepala Bappeda"');
  expect(html).toContain("Alasan (2024-02-01)");
  // An ext: target has no indicators here to serve.
  expect(html).not.toContain('data-testid="link-serves-ext:X/n9"');
});

test("choosing an indicator or a status is one update_link op", () => {
  const apply = vi.spyOn(editor, "apply").mockResolvedValue(null as never);
  const doc = docWithServes();
  const link = doc.tree.links![2] as Link;
  const parent = doc.tree.nodes![1] as Node;
  change(ServesField({ link, parent, readOnly: false, testId: "t" }), "i1");
  expect(apply).toHaveBeenCalledTimes(1);
  expect(apply.mock.calls[0][0]).toEqual({ op: "update_link", link: { ...link, serves: "i1" } } satisfies Op);

  const cross = doc.tree.links![5] as Link;
  change(AgreementFields({ link: cross, readOnly: false }), "agreed");
  expect(apply).toHaveBeenCalledTimes(2);
  const sent = apply.mock.calls[1][0] as Extract<Op, { op: "update_link" }>;
  expect(sent.link.agreement).toMatchObject({ status: "agreed", reason: "Bukan kewenangan kami", by: "Kepala Bappeda" });
  expect(sent.link.agreement!.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  apply.mockRestore();
});

test("the tree writes the answer on the dashed line: status from the document, place from the layout", () => {
  const doc = docWithServes();
  doc.tree.links!.push({ from: "n4", to: "n2", kind: "crosscutting" }, { from: "n3", to: "n0", kind: "primary", agreement: { status: "agreed" } });
  // Only crosscutting links with an answer are marked.
  expect([...agreementsOf(doc)]).toEqual([["n5->ext:X/n9", "rejected"]]);
  const html = renderToStaticMarkup(
    <svg>
      <AgreementMark at={[120, 40]} status="rejected" />
      <AgreementMark at={[10, 5]} status="pending" />
    </svg>,
  );
  expect(html).toContain('transform="translate(120 40)"');
  expect(html).toMatch(/data-status="rejected"[^]*>Ditolak<\/text>/);
  expect(html).toContain(">Menunggu</text>");
});
