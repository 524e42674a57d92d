/**
 * The platform operator: a person above organizations who creates, limits, suspends and deletes them, through
 * {@code /api/v1/platform} and the console at {@code /platform/}.
 */
@NullMarked
package dev.kefu.platform;

import org.jspecify.annotations.NullMarked;
