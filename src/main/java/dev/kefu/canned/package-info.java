/**
 * Canned responses: prepared replies, organization-wide or personal, that staff find by shortcut or words and
 * insert into a chat.
 */
@NullMarked
package dev.kefu.canned;

import org.jspecify.annotations.NullMarked;
