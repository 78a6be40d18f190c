import { useEffect, useRef, useState } from 'react';
import { Searchbar } from '@strapi/design-system';

const SEARCH_DELAY_MS = 300;

interface Props {
  /** The search in force (the address bar's); what is typed goes out once typing pauses. */
  value: string;
  onSearch: (text: string) => void;
  label: string;
  placeholder: string;
  clearLabel: string;
}

/** A list's search box: asks for a new search once typing pauses, not on every key. */
export const FilterSearchbar = ({ value, onSearch, label, placeholder, clearLabel }: Props) => {
  const [typed, setTyped] = useState(value);
  // A timer of the keystrokes, not an effect of the typed text, so a search that the address bar
  // changes meanwhile is never overwritten by a stale one.
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const type = (text: string) => {
    setTyped(text);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => text !== value && onSearch(text), SEARCH_DELAY_MS);
  };

  return (
    <Searchbar
      name="search"
      value={typed}
      placeholder={placeholder}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => type(e.target.value)}
      onClear={() => type('')}
      clearLabel={clearLabel}
    >
      {label}
    </Searchbar>
  );
};
