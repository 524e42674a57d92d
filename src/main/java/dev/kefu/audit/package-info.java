/**
 * The audit trail: who did what to which of the organization's things, when and from where. Other modules record
 * through {@link dev.kefu.audit.AuditLog}; admins read it at {@code GET /api/v1/admin/audit}.
 */
@NullMarked
package dev.kefu.audit;

import org.jspecify.annotations.NullMarked;
