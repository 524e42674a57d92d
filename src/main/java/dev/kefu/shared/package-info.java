/**
 * The tiny kernel every module may use: identifiers, the callers a request acts for, time helpers for JDBC and the
 * domain exceptions that the edge turns into RFC 9457 problem details. No business logic lives here.
 */
@NullMarked
package dev.kefu.shared;

import org.jspecify.annotations.NullMarked;
