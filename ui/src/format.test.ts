import {
  errorText,
  fileName,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatValue,
  parseNumber,
  parseRupiah,
  parseValue,
  suggestFileName,
  summaryText,
} from "./format";

describe("numbers in Indonesian", () => {
  test.each([
    [6850200218, "6.850.200.218"],
    [97.81, "97,81"],
    [0, "0"],
    [999, "999"],
    [1000, "1.000"],
    [1250.5, "1.250,5"],
    [-1234567, "-1.234.567"],
    [55.96, "55,96"],
  ])("%s → %s", (n, text) => expect(formatNumber(n)).toBe(text));

  test("fixed decimals", () => {
    expect(formatNumber(97.8, 2)).toBe("97,80");
    expect(formatNumber(1234.5678, 1)).toBe("1.234,6");
    expect(formatNumber(-0.001, 2)).toBe("0,00");
  });
  test("very small and very large numbers do not come out in e-notation", () => {
    expect(formatNumber(1e-7)).not.toMatch(/e/i);
    expect(formatNumber(1e21)).toMatch(/^1\.000\./);
  });
  test("percent and rupiah", () => {
    expect(formatPercent(97.8123)).toBe("97,81 %");
    expect(formatPercent(100)).toBe("100 %");
    expect(formatRupiah(2212352000)).toBe("2.212.352.000");
    expect(formatRupiah(12.6)).toBe("13");
  });
  test("values: numbers formatted, text kept", () => {
    expect(formatValue(60)).toBe("60");
    expect(formatValue(97.81)).toBe("97,81");
    expect(formatValue("WTP")).toBe("WTP");
    expect(formatValue(undefined)).toBe("");
  });
});

describe("reading numbers typed by a planner", () => {
  test.each([
    ["6.850.200.218", 6850200218],
    ["97,81", 97.81],
    ["1.250,5", 1250.5],
    ["55.96", 55.96],
    ["1.250", 1250],
    ["-3", -3],
    [" 60 ", 60],
    ["80%", 80],
  ])("%s → %s", (text, n) => expect(parseNumber(text)).toBe(n));
  test.each(["", "WTP", "B", "1,2,3", "12a", "1.25.0"])("%s is not a number", (text) => expect(parseNumber(text)).toBeNull());
  test("values", () => {
    expect(parseValue("97,81")).toBe(97.81);
    expect(parseValue(" WTP ")).toBe("WTP");
    expect(parseValue("  ")).toBeUndefined();
  });
  test("rupiah", () => {
    expect(parseRupiah("6.850.200.218")).toBe(6850200218);
    expect(parseRupiah("Rp 6.850.200.218")).toBe(6850200218);
    expect(parseRupiah("Rp. 1.000,00")).toBe(1000);
    expect(parseRupiah("6850200218")).toBe(6850200218);
    expect(parseRupiah("")).toBeNull();
    expect(parseRupiah("12,5")).toBeNull();
    expect(parseRupiah("sejuta")).toBeNull();
  });
});

describe("dates", () => {
  test("15 Januari 2024", () => {
    expect(formatDate("2024-01-15")).toBe("15 Januari 2024");
    expect(formatDate("2024-12-01T09:30:00+07:00")).toBe("1 Desember 2024");
    expect(formatDate(new Date(2024, 7, 17))).toBe("17 Agustus 2024");
  });
  test("what is not a date stays as it is", () => {
    expect(formatDate("kemarin")).toBe("kemarin");
    expect(formatDate("2024-13-01")).toBe("2024-13-01");
  });
  test("date and time with the Indonesian dot", () => {
    expect(formatDateTime("2024-02-01T09:30:00+07:00")).toBe("1 Februari 2024 09.30");
    expect(formatDateTime("2024-02-01")).toBe("1 Februari 2024");
  });
});

describe("other text", () => {
  test("summary", () => expect(summaryText({ error: 1, warning: 2, info: 0 })).toBe("1 kesalahan, 2 peringatan, 0 info"));
  test("error messages from the shell", () => {
    expect(errorText("Simpul tidak ada")).toBe("Simpul tidak ada");
    expect(errorText(new Error("rusak"))).toBe("rusak");
    expect(errorText({ message: "pesan" })).toBe("pesan");
    expect(errorText(42)).toBe("42");
  });
  test("file names", () => {
    expect(fileName("/home/a/lumajang.pokin")).toBe("lumajang.pokin");
    expect(fileName("C:\\Dokumen\\bkd.pokin")).toBe("bkd.pokin");
    expect(suggestFileName("Pohon Kinerja BKD Kabupaten Lumajang")).toBe("pohon-kinerja-bkd-kabupaten-lumajang.pokin");
    expect(suggestFileName("  ")).toBe("pohon-kinerja.pokin");
  });
});
