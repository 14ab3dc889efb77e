import type { ParameterValue } from '../../../rules/core/index.js';
import type { Confidence, EligibleIndustryList, JsicEntry } from '../../../rules/eligible-industries/index.js';

// How sure we are of a piece of reference data, as shown to people: official, unverified (要確認) or example (例示).

export type Marker = 'official' | 'unverified' | 'example';

export const MARKER_TAGS: Readonly<Record<Marker, string>> = { official: 'tag--success', unverified: 'tag--warning', example: 'tag--error' };

export const markerOfStatus = (status: ParameterValue<unknown>['status'] | 'uncertain' | 'official'): Marker =>
  status === 'official' ? 'official' : status === 'example' ? 'example' : 'unverified';

export const markerOfConfidence = (c: Confidence | undefined): Marker => (c === undefined || c === 'confirmed' ? 'official' : 'unverified');

/** A list is unverified when its dates are not confirmed or it is known to be incomplete. */
export const markerOfList = (l: EligibleIndustryList): Marker => (l.periodConfidence === 'confirmed' && l.complete.ssw1 && l.complete.ssw2 ? 'official' : 'unverified');

/** An entry is unverified when its confidence is not confirmed or its SSW (i) status is unknown. */
export const markerOfEntry = (e: JsicEntry): Marker => (e.confidence !== 'confirmed' || e.ssw1 === null ? 'unverified' : 'official');
