/**
 * @module cluster/assign
 * The incremental step of clustering, shared by every store: a new report joins every stored
 * cluster that holds a report it links to (merging them when there are several), or starts a
 * cluster of its own. Clusters are thus the connected components of the pairwise `sameEvent`
 * relation over all stored reports, and a cluster's id is a hash of its first report: the same
 * reports give the same clusters and ids whatever the order or batches they were stored in.
 */
import { sameEvent, type Report } from './link.js';
import type { ClusterRules } from './rules.js';
import { summarise, type ClusterSummary } from './summary.js';

export interface StoredReport extends Report {
  cluster_id: string | null;
}

export interface ClusterPlan {
  /** The cluster the new report belongs to, summarised over all its reports. */
  summary: ClusterSummary;
  /** Stored clusters whose reports now belong to `summary.id` (their rows are replaced). */
  replaces: string[];
  /** How many stored reports the new one was compared with. */
  compared: number;
}

/**
 * Plans where `report` goes. `candidates` are the stored reports a store found by blocking key
 * and date window; `membersOf` returns every stored report of a cluster.
 */
export function planCluster(report: Report, candidates: StoredReport[], rules: ClusterRules, membersOf: (clusterId: string) => StoredReport[]): ClusterPlan {
  const joined = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.cluster_id === null || joined.has(candidate.cluster_id)) continue;
    if (sameEvent(report, candidate, rules).same) joined.add(candidate.cluster_id);
  }
  const reports: Report[] = [report];
  for (const id of [...joined].sort()) reports.push(...membersOf(id));
  return { summary: summarise(reports), replaces: [...joined].sort(), compared: candidates.length };
}
