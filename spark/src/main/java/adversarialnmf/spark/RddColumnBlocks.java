package adversarialnmf.spark;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.BlockStatistics;
import adversarialnmf.solver.ColumnBlocks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The column blocks of a fit as a cached RDD with one block per partition, in column order. A
 * step is broadcast once, applied to every block by a map, and its statistics combined in
 * partition order, so that a fit gives the same bits whatever the order in which tasks finish
 * (Spark's own reduce merges in arrival order): with tree depth 1, or at most
 * {@link #DIRECT_PARTITIONS} blocks, on the driver; with depth 2 first in groups of about √P
 * blocks on the executors (one small shuffle), then on the driver. The new blocks replace the old
 * ones. Lineage is cut after every update:
 * with a checkpoint directory set, every {@code checkpointInterval} updates by a reliable
 * checkpoint (survives lost executors), in between and otherwise by a local checkpoint (the
 * cached blocks; a failed task is recomputed from the previous blocks, which stay cached until
 * the update that replaces them has finished).
 */
class RddColumnBlocks implements ColumnBlocks {

  /** Up to this many blocks send their statistics straight to the driver. */
  static final int DIRECT_PARTITIONS = 8;

  private final JavaSparkContext context;
  private final int rows;
  private final int columns;
  private final int treeDepth;
  private final int checkpointInterval;
  private JavaRDD<SparkBlock> blocks;
  private final List<Broadcast<?>> sinceCheckpoint = new ArrayList<>();
  private long updates;

  /**
   * @param blocks one block per partition, in column order, with their start states
   * @param treeDepth 1: every block's statistics to the driver; 2: a level of √P-block groups first
   */
  RddColumnBlocks(JavaSparkContext context, JavaRDD<SparkBlock> blocks, int rows, int columns, int treeDepth,
      int checkpointInterval) {
    this.context = context;
    this.rows = rows;
    this.columns = columns;
    this.treeDepth = treeDepth;
    this.checkpointInterval = checkpointInterval;
    this.blocks = blocks.persist(StorageLevel.MEMORY_AND_DISK());
    cutLineage(this.blocks, true);
    this.blocks.count(); // the start, computed once; what made it (input, broadcasts) is no longer needed
  }

  /** Marks {@code rdd} to be checkpointed by its next action: reliably if asked and possible, else locally. */
  private void cutLineage(JavaRDD<SparkBlock> rdd, boolean reliable) {
    if (context.getCheckpointDir().isPresent()) {
      if (reliable) {
        rdd.checkpoint();
      }
    } else {
      rdd.rdd().localCheckpoint();
    }
  }

  /** The current blocks (cached). */
  JavaRDD<SparkBlock> blocks() {
    return blocks;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int columns() {
    return columns;
  }

  /** The step as the tasks run it; tests wrap it to make a task fail. */
  protected BlockStep taskStep(BlockStep step) {
    return step;
  }

  @Override
  public BlockStatistics update(BlockStep step) {
    Broadcast<BlockStep> shared = context.broadcast(taskStep(step));
    JavaRDD<SparkBlock> previous = blocks;
    JavaRDD<SparkBlock> next = previous.map(block -> {
      Result result = shared.value().apply(block.y, block.state);
      return block.withState(result.state(), result.statistics());
    }).persist(StorageLevel.MEMORY_AND_DISK());
    updates++;
    boolean reliable = context.getCheckpointDir().isPresent() && updates % checkpointInterval == 0;
    cutLineage(next, reliable);
    BlockStatistics total = combineInOrder(next.map(block -> block.statistics));
    blocks = next;
    previous.unpersist(false);
    sinceCheckpoint.add(shared);
    if (reliable || !context.getCheckpointDir().isPresent()) {
      // nothing before this point can be recomputed any more
      for (Broadcast<?> b : sinceCheckpoint) {
        b.unpersist(false);
      }
      sinceCheckpoint.clear();
    }
    return total;
  }

  @Override
  public BlockStatistics aggregate(BlockQuery query) {
    Broadcast<BlockQuery> shared = context.broadcast(query);
    BlockStatistics total = combineInOrder(blocks.map(block -> shared.value().apply(block.y, block.state)));
    shared.unpersist(false);
    return total;
  }

  /** The sum of one statistics value per partition, combined in partition order. */
  private BlockStatistics combineInOrder(JavaRDD<BlockStatistics> parts) {
    int count = parts.getNumPartitions();
    List<BlockStatistics> partial;
    if (treeDepth <= 1 || count <= DIRECT_PARTITIONS) {
      partial = parts.collect();
    } else {
      int fan = (int) Math.ceil(Math.sqrt(count));
      int groups = (count + fan - 1) / fan;
      List<Tuple2<Integer, BlockStatistics>> sums = parts
          .mapPartitionsWithIndex((index, it) -> {
            List<Tuple2<Integer, Tuple2<Integer, BlockStatistics>>> out = new ArrayList<>();
            it.forEachRemaining(b -> out.add(new Tuple2<>(index / fan, new Tuple2<>(index, b))));
            return out.iterator();
          }, true)
          .mapToPair(t -> t)
          .groupByKey(new HashPartitioner(groups))
          .mapValues(RddColumnBlocks::combineByIndex)
          .collect();
      List<Tuple2<Integer, BlockStatistics>> ordered = new ArrayList<>(sums);
      ordered.sort((u, v) -> Integer.compare(u._1(), v._1()));
      partial = new ArrayList<>();
      for (Tuple2<Integer, BlockStatistics> t : ordered) {
        partial.add(t._2());
      }
    }
    BlockStatistics total = partial.get(0);
    for (int i = 1; i < partial.size(); i++) {
      total = total.combine(partial.get(i));
    }
    return total;
  }

  private static BlockStatistics combineByIndex(Iterable<Tuple2<Integer, BlockStatistics>> group) {
    List<Tuple2<Integer, BlockStatistics>> list = new ArrayList<>();
    group.forEach(list::add);
    list.sort((u, v) -> Integer.compare(u._1(), v._1()));
    BlockStatistics total = list.get(0)._2();
    for (int i = 1; i < list.size(); i++) {
      total = total.combine(list.get(i)._2());
    }
    return total;
  }

  @Override
  public double[] columnValues(ColumnValues query) {
    Broadcast<ColumnValues> shared = context.broadcast(query);
    List<double[]> parts = blocks.map(block -> shared.value().apply(block.y, block.state)).collect();
    shared.unpersist(false);
    return ColumnBlocks.concatenate(parts);
  }

  @Override
  public DenseMatrix coefficients() {
    return ColumnBlocks.coefficientsOf(blocks.map(block -> block.state.xt()).collect());
  }

  /** Releases the cached blocks. */
  void release() {
    blocks.unpersist(false);
  }
}
