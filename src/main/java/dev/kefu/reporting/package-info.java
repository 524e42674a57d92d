/**
 * KPI reports: read models fed by conversation, ticket and quality events (one fact per ended conversation, per
 * ticket and per review), summed by day and folded into the periods and rows a report asks for. docs/metrics.md
 * defines every figure.
 */
@NullMarked
package dev.kefu.reporting;

import org.jspecify.annotations.NullMarked;
