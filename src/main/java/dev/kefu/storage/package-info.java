/**
 * Where uploaded files live: in each node's data folder (the single-node default) or in the shared database, so that
 * every node of a cluster can serve every file. Modules ask {@link dev.kefu.storage.FileStorage} for a named area.
 */
@NullMarked
package dev.kefu.storage;

import org.jspecify.annotations.NullMarked;
