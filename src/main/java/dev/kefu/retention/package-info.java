/**
 * Data retention: how long each organization keeps conversations, left messages and visitors' profiles, and a
 * nightly job (one node at a time) that deletes or anonymizes what is older, through each owning module's
 * {@link dev.kefu.retention.RetentionTarget}. Legal holds and report facts are the owners' to keep.
 */
@NullMarked
package dev.kefu.retention;

import org.jspecify.annotations.NullMarked;
