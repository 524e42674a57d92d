/**
 * Masking of sensitive numbers: bank card and PRC resident ID numbers, and each organization's own patterns, are masked
 * before anything is stored ({@link dev.kefu.privacy.Masking}); in the mask-on-display mode the clear text is kept
 * sealed (AES-GCM) and revealed only to permitted staff, every reveal audited. Log lines are masked too.
 */
@NullMarked
package dev.kefu.privacy;

import org.jspecify.annotations.NullMarked;
