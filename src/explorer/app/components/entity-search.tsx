import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { graphql, SEARCH_QUERY, type EntityRef, type SearchHit } from '../api';
import { KIND_STYLE } from '../kinds';

/**
 * A search box on the API's `search` (accents, Spanish names, acronyms) that suggests entities as
 * you type: a combobox (arrow keys, Enter, Escape). `onPick` gets the chosen entity; Enter with no
 * suggestion chosen calls `onSubmit` with the text, when given.
 */
export function EntitySearch({
  label,
  placeholder,
  initial = '',
  onPick,
  onSubmit,
  name,
}: {
  label: string;
  placeholder?: string;
  initial?: string;
  onPick: (entity: EntityRef) => void;
  onSubmit?: (text: string) => void;
  name?: string;
}) {
  const [text, setText] = useState(initial);
  const [hits, setHits] = useState<EntityRef[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const typed = useRef(false);

  useEffect(() => setText(initial), [initial]);

  useEffect(() => {
    if (!typed.current || text.trim().length < 2) {
      setHits([]);
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      graphql<{ search: SearchHit[] }>(SEARCH_QUERY, { text: text.trim(), first: 8 })
        .then((data) => {
          if (cancelled) return;
          const entities = data.search
            .filter((hit) => hit.node.kind !== undefined && hit.node.name !== undefined)
            .map((hit) => ({
              id: hit.node.id,
              name: hit.node.name ?? hit.node.id,
              kind: hit.node.kind ?? 'Company',
            }));
          setHits(entities);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => setHits([]));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text]);

  const pick = (entity: EntityRef): void => {
    typed.current = false;
    setText(entity.name);
    setOpen(false);
    onPick(entity);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Enter') {
      const chosen = open && active >= 0 ? hits[active] : undefined;
      if (chosen) {
        event.preventDefault();
        pick(chosen);
      } else if (onSubmit) {
        event.preventDefault();
        setOpen(false);
        onSubmit(text.trim());
      }
    }
  };

  return (
    <div className="entity-search">
      <label>
        <span className="label">{label}</span>
        <input
          type="search"
          name={name}
          value={text}
          placeholder={placeholder}
          role="combobox"
          aria-expanded={open && hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          onChange={(event) => {
            typed.current = true;
            setText(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => hits.length > 0 && setOpen(true)}
        />
      </label>
      {open && hits.length > 0 && (
        <ul className="suggestions" role="listbox" id={listId}>
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(hit);
              }}
            >
              <span className="kind-dot" style={{ background: KIND_STYLE[hit.kind].color }} />
              {hit.name} <span className="muted">{hit.kind}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
