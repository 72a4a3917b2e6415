import { useState } from "react";
import { formFromMeta, metaFromForm, type DocumentField, type DocumentForm, type MetaResult } from "../editor/documentMeta";
import type { DocumentMeta } from "../types";

/**
 * The document form's state over `original`: what the fields say, the
 * header they stand for, and each field's problem once it has content or
 * after a first try (not on an untouched form).
 */
export function useDocumentForm(original: DocumentMeta) {
  const [form, setForm] = useState<DocumentForm>(() => formFromMeta(original));
  const [tried, setTried] = useState(false);
  const set = (field: DocumentField, value: string) => setForm((f) => ({ ...f, [field]: value }));
  const result: MetaResult = metaFromForm(form, original);
  const errors = result.ok ? {} : result.errors;
  const shown = (f: DocumentField) => (tried || form[f] !== "" ? errors[f] : undefined);
  return { form, set, result, shown, tried, setTried };
}

interface FieldProps {
  field: DocumentField;
  label: string;
  form: DocumentForm;
  set: (field: DocumentField, value: string) => void;
  /** Prefix of the test ids: `${testPrefix}-${field}`. */
  testPrefix: string;
  error?: string;
  placeholder?: string;
  wide?: boolean;
  numeric?: boolean;
  readOnly?: boolean;
  autoFocus?: boolean;
}

/** One text field of the document form, with its problem under it. */
export function Field({ field, label, form, set, testPrefix, error, placeholder, wide, numeric, readOnly, autoFocus }: FieldProps) {
  return (
    <label className={wide ? "field wide" : "field"}>
      <span>{label}</span>
      <input
        type="text"
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        placeholder={placeholder}
        inputMode={numeric ? "numeric" : undefined}
        aria-invalid={error ? true : undefined}
        disabled={readOnly}
        autoFocus={autoFocus}
        data-testid={`${testPrefix}-${field}`}
      />
      {error && (
        <span className="field-problem" data-testid={`${testPrefix}-${field}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}

interface DocumentFieldsProps {
  form: DocumentForm;
  set: (field: DocumentField, value: string) => void;
  /** The problem of a field, where it is to be shown. */
  shown: (field: DocumentField) => string | undefined;
  testPrefix: string;
  readOnly?: boolean;
}

/** Title, agency, government and period: the fields a new document and Properti dokumen share. */
export function DocumentFields({ form, set, shown, testPrefix, readOnly }: DocumentFieldsProps) {
  const common = { form, set, testPrefix, readOnly };
  return (
    <>
      <Field {...common} field="title" label="Judul" error={shown("title")} wide autoFocus placeholder="Pohon Kinerja BKD Kabupaten Lumajang" />
      <Field {...common} field="agency" label="Perangkat daerah" wide placeholder="Badan Kepegawaian Daerah" />
      <Field {...common} field="government" label="Pemerintah daerah" wide placeholder="Kabupaten Lumajang" />
      <Field {...common} field="from" label="Periode Renstra dari" error={shown("from")} numeric />
      <Field {...common} field="to" label="sampai" error={shown("to")} numeric />
    </>
  );
}
