/**
 * "Download CSV": the answer a table shows, flattened by the same code as GET /export.csv
 * (src/export/flat), one row per innermost object with its source's title, publisher, date and URL.
 * The flattener and CSV writer load on the first click, not with the page.
 */
export function CsvButton({ data, filename }: { data: () => Record<string, unknown>; filename: string }) {
  const download = async (): Promise<void> => {
    const { flatCsv, flattenAnswer } = await import('../../../export/flat/flatten');
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
    <button type="button" className="csv" onClick={() => void download()}>
      Download CSV
    </button>
  );
}
