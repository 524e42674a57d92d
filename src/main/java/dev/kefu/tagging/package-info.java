/**
 * Tags and disposition codes: the organization's tag catalogue and the tags agents put on conversations and contacts,
 * the disposition codes (服务小结 categories, two levels at most) and the groups that require one at close. Reports
 * split and filter by both; {@link dev.kefu.tagging.Tagging} is what other modules read.
 */
@NullMarked
package dev.kefu.tagging;

import org.jspecify.annotations.NullMarked;
