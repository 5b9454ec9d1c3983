// geojson-validation ships no types; these are the calls we use (trace=true returns the list of problems).
declare module 'geojson-validation' {
  export function valid(obj: unknown, trace: true): string[];
  export function valid(obj: unknown, trace?: false): boolean;
  export function isFeature(obj: unknown, trace: true): string[];
  export function isFeatureCollection(obj: unknown, trace: true): string[];
}
