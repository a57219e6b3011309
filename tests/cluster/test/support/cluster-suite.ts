import { startLocalPusher, type LocalPusher, type LocalPusherOptions } from "@x/testing";
import { childPids, clusterNodes, soketiInstall, type ClusterNode } from "tools-test-support";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createClientPool, type ClientPool } from "./client-pool.ts";

/** The cluster of a test file's `describe` block, and the pool its clients are connected from. */
export interface ClusterSuite {
  /** The running cluster (from the block's `beforeAll` on). */
  readonly cluster: LocalPusher;
  /** Its nodes, in order: A, B, C. */
  readonly nodes: ClusterNode[];
  pool: ClientPool;
}

/**
 * Registers the hooks every cluster test file shares, in the `describe` block it is called in:
 * starts the cluster before the tests, disconnects every client of the pool after each test,
 * and after the last one disconnects the pool, stops the cluster and checks that no child
 * process (Redis, soketi, app) is left. `options` may be a function, read when the cluster
 * starts (for a webhook URL known only then).
 *
 * After-hooks run in reverse order of registration: a file's own `afterEach`/`afterAll`,
 * registered after this call, run before these (stop its app processes there), and those
 * registered before it run after them.
 */
export function useClusterSuite(options: LocalPusherOptions | (() => LocalPusherOptions)): ClusterSuite {
  const pool = createClientPool();
  let childrenBefore: number[] = [];
  let cluster: LocalPusher | undefined;
  let nodes: ClusterNode[] = [];
  const running = (): LocalPusher => {
    if (cluster === undefined) throw new Error("the cluster is not started yet: use it in a test or a hook");
    return cluster;
  };

  beforeAll(async () => {
    childrenBefore = await childPids();
    cluster = await startLocalPusher({ ...soketiInstall, ...(typeof options === "function" ? options() : options) });
    nodes = clusterNodes(cluster);
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await pool.closeAll();
    await cluster?.close();
    expect(await childPids()).toEqual(childrenBefore);
  });

  return {
    get cluster() {
      return running();
    },
    get nodes() {
      running();
      return nodes;
    },
    pool,
  };
}
