/**
 * Routing: agents' status, presence and capacity, one queue per business group, and assignment of waiting
 * conversations to the online agent with the most free capacity. Correctness rests on conditional database updates,
 * never on in-memory locks, so it holds under concurrency and across nodes.
 */
@NullMarked
package dev.kefu.routing;

import org.jspecify.annotations.NullMarked;
