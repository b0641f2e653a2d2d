"""Document-level assets are partitioned by arrival batch, not by article.

One partition per article would pass Dagster's ~100k-partition guidance on a real corpus;
one per batch keeps the count at the number of sensor ticks that found new files.
"""

import dagster as dg

batches = dg.DynamicPartitionsDefinition(name="batches")
