import { flatCsv, flattenAnswer } from '../../../export/flat/flatten';

/**
 * "Download CSV": the answer a table shows, flattened by the same code as GET /export.csv
 * (src/export/flat), one row per innermost object with its source's title, publisher, date and URL.
 */
export function CsvButton({ data, filename }: { data: () => Record<string, unknown>; filename: string }) {
  const download = (): void => {
    const csv = flatCsv(flattenAnswer(data()));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="csv" onClick={download}>
      Download CSV
    </button>
  );
}
