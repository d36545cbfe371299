import type { Kind } from './api';

/** Colour and Cytoscape shape of each kind (the legend, the badges and the graph use the same). */
export const KIND_STYLE: Record<Kind, { color: string; shape: string }> = {
  Company: { color: '#1f6feb', shape: 'ellipse' },
  Association: { color: '#8250df', shape: 'hexagon' },
  Plant: { color: '#bf5700', shape: 'round-rectangle' },
  Sector: { color: '#1a7f37', shape: 'diamond' },
  Policy: { color: '#cf222e', shape: 'star' },
  Country: { color: '#0a7b83', shape: 'round-triangle' },
  Region: { color: '#4d8a8f', shape: 'triangle' },
  Person: { color: '#9a6700', shape: 'round-pentagon' },
  Agency: { color: '#57606a', shape: 'barrel' },
  Source: { color: '#6e7781', shape: 'rectangle' },
  Statistic: { color: '#a0a7b0', shape: 'round-tag' },
};

export const ENTITY_KINDS: readonly Kind[] = [
  'Company',
  'Association',
  'Plant',
  'Sector',
  'Policy',
  'Country',
  'Region',
  'Person',
  'Agency',
];

/** "MEMBER_OF" as "member of". */
export const relationLabel = (type: string): string => type.toLowerCase().replace(/_/g, ' ');

export const formatNumber = (value: number): string =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
