import type {Span} from '../tone.js';

/**
 * One entry of the detail tree. `key` is unique within a tree and stable across
 * reloads, so folded branches stay folded when the file is read again. Child
 * keys extend their parent's key with `/`, so a hidden node can find the
 * nearest visible ancestor.
 */
export type TreeNode = {
	key: string;
	label: Span[];
	children: TreeNode[];
};

export function treeNode(key: string, label: Span[], children: TreeNode[] = []): TreeNode {
	return {key, label, children};
}
