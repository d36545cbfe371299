import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { bibtex, cslJson, today } from '../../../export/flat/cite';
import type { Source } from '../api';

const CiteContext = createContext<(source: Source) => void>(() => undefined);

/** One dialog for the whole page: "Cite" on any source opens it with CSL-JSON and BibTeX. */
export function CiteProvider({ children }: { children: ReactNode }) {
  const [source, setSource] = useState<Source | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (source && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [source]);
  const retrieved = today();
  const csl = source ? JSON.stringify([cslJson(source, retrieved)], null, 2) : '';
  const bib = source ? bibtex(source, retrieved) : '';
  const fileUrl = (text: string, type: string): string => URL.createObjectURL(new Blob([text], { type }));
  return (
    <CiteContext.Provider value={setSource}>
      {children}
      <dialog
        ref={dialog}
        className="cite-dialog"
        aria-labelledby="cite-title"
        onClose={() => setSource(null)}
      >
        {source && (
          <>
            <h2 id="cite-title">Cite this source</h2>
            <p className="cite-source">
              {source.title} — {source.publisher}
              {source.published ? `, ${source.published}` : ''}. Retrieved {retrieved}.
            </p>
            <h3>CSL-JSON</h3>
            <pre className="cite-csl">{csl}</pre>
            <h3>BibTeX</h3>
            <pre className="cite-bibtex">{bib}</pre>
            <div className="dialog-actions">
              <a
                href={fileUrl(csl, 'application/vnd.citationstyles.csl+json')}
                download={`${source.id}.json`}
              >
                Save CSL-JSON
              </a>
              <a href={fileUrl(bib, 'application/x-bibtex')} download={`${source.id}.bib`}>
                Save BibTeX
              </a>
              <button type="button" onClick={() => dialog.current?.close()} autoFocus>
                Close
              </button>
            </div>
          </>
        )}
      </dialog>
    </CiteContext.Provider>
  );
}

export function CiteButton({ source }: { source: Source }) {
  const open = useContext(CiteContext);
  return (
    <button type="button" className="cite" onClick={() => open(source)} aria-label={`Cite ${source.title}`}>
      Cite
    </button>
  );
}

/** A source as a link (publisher, date) with its title on hover, and its Cite button. */
export function SourceRef({ source, asOf }: { source: Source | null; asOf?: string | null }) {
  if (!source) return <span className="muted">no source</span>;
  return (
    <span className="source-ref">
      <a href={source.url} title={source.title} target="_blank" rel="noreferrer noopener">
        {source.publisher}
      </a>
      {asOf ? (
        <span className="muted"> as of {asOf}</span>
      ) : source.published ? (
        <span className="muted"> {source.published}</span>
      ) : null}{' '}
      <CiteButton source={source} />
    </span>
  );
}
