import type {ServerPolicy} from '../api/policy-records.js';
import type {State} from './store.js';

/** Puts a fresher server copy of one policy into the list, ahead of the next refresh. */
export function withServerPolicy(state: State, latest: ServerPolicy): State {
	if (!state.listing) return state;
	const policies = state.listing.policies.map(policy => (policy.uid === latest.uid ? latest : policy));
	return {...state, listing: {...state.listing, policies}};
}

/** Takes a deleted policy out of the list at once, so the row does not linger until the refresh. */
export function withoutServerPolicy(state: State, uid: string): State {
	if (!state.listing) return state;
	return {...state, listing: {...state.listing, policies: state.listing.policies.filter(policy => policy.uid !== uid)}};
}
