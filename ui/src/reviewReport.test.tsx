// The print dialog for the review report (Catatan hasil reviu): its fields
// rendered to HTML, and Simpan sending one set_review_team op.
import { vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { editor, initialState } from "./editor";
import { PrintDialog } from "./components/PrintDialog";
import { sampleDoc, sampleView } from "./test/fixtures";
import { m, opened, resetApi } from "./test/editor";

vi.mock("./api", () => import("./test/apiMock"));

beforeEach(resetApi);

/** The opening tag of the element with this test id. */
const tag = (html: string, id: string) => new RegExp(`<[^>]*data-testid="${id}"[^>]*>`).exec(html)?.[0] ?? "";

describe("the print dialog on the review report", () => {
  test("offers the report, A4 and F4 only, the team's fields, and none of the tree's options", () => {
    const doc = sampleDoc();
    doc.review_team = { unit: "Inspektorat Kabupaten Lumajang", round: 2, leader: { name: "Drs. Bambang Sutrisno", rank: "Pembina, IV/a", nip: "196805121994031007" }, members: [{ name: "Siti Rahma", nip: "1987", role: "Anggota" }] };
    const form = { ...initialState().print.form, view: "review", paper: "A4" as const };
    editor.state = { ...initialState(), screen: "main", view: sampleView(doc), dialog: "print", print: { ...initialState().print, form } };
    const html = renderToStaticMarkup(<PrintDialog />);
    expect(html).toContain('<option value="review" selected="">Catatan hasil reviu</option>');
    expect(html).toContain('<option value="A4" selected="">');
    expect(html).toContain('<option value="F4">');
    expect(html).not.toContain('<option value="A3"');
    for (const id of ["print-landscape", "print-mode", "print-scale", "print-indicators", "print-legend"]) expect(html).not.toContain(`data-testid="${id}"`);
    expect(html).toContain('data-testid="print-margin"');
    expect(html).toContain(">Tim reviu<");
    expect(tag(html, "review-team-unit")).toContain('value="Inspektorat Kabupaten Lumajang"');
    expect(tag(html, "review-team-round")).toContain('value="2"');
    expect(tag(html, "review-team-date")).toContain('value=""');
    expect(tag(html, "review-team-leader-name")).toContain('value="Drs. Bambang Sutrisno"');
    expect(tag(html, "review-team-leader-rank")).toContain('value="Pembina, IV/a"');
    expect(tag(html, "review-team-leader-nip")).toContain('value="196805121994031007"');
    expect(tag(html, "review-team-member-1-name")).toContain('value="Siti Rahma"');
    expect(tag(html, "review-team-member-1-role")).toContain('value="Anggota"');
    for (const id of ["review-team-member-1-remove", "review-team-add-member"]) expect(html).toContain(`data-testid="${id}"`);
    // Nothing changed yet: nothing to save.
    expect(tag(html, "review-team-save")).toContain('disabled=""');
  });

  test("the tree's options stay for the other views, without the team", () => {
    editor.state = { ...initialState(), screen: "main", view: sampleView(), dialog: "print" };
    const html = renderToStaticMarkup(<PrintDialog />);
    expect(html).toContain('<option value="review">Catatan hasil reviu</option>');
    expect(html).toContain('data-testid="print-landscape"');
    expect(html).not.toContain('data-testid="review-team"');
  });

  test("Simpan sends one set_review_team op, then the preview is asked again", async () => {
    vi.useFakeTimers();
    try {
      const e = await opened();
      m.printPreview.mockResolvedValue({ pages: [], warnings: [], width_pt: 595, height_pt: 842 });
      e.openPrint();
      e.setPrintForm({ view: "review", paper: "A4" });
      await vi.advanceTimersByTimeAsync(300);
      m.printPreview.mockClear();
      const team = { unit: "Inspektorat", round: 1, date: "", leader: { name: "Bambang", rank: "", nip: "1968", role: "" }, members: [] };
      m.applyOp.mockResolvedValueOnce(sampleView({ ...sampleDoc(), review_team: team }));
      expect(await e.saveReviewTeam(team)).toBe(true);
      expect(m.applyOp).toHaveBeenCalledTimes(1);
      expect(m.applyOp).toHaveBeenCalledWith({ op: "set_review_team", team }, expect.anything());
      await vi.advanceTimersByTimeAsync(0);
      expect(m.printPreview).toHaveBeenCalledTimes(1);
      expect(m.printPreview).toHaveBeenCalledWith(expect.objectContaining({ view: "review", paper: "A4", landscape: false, mode: "fit" }));
    } finally {
      vi.useRealTimers();
    }
  });
});
